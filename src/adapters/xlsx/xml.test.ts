/**
 * The one XML module: the streaming tokenizer's events never depend on where a document is cut into
 * chunks and every lexical construct is handled (or refused) as an XML parser would; the editing
 * view finds tags at their offsets and splices text in place; the escapes round-trip.
 */
import fc from "fast-check";
import {
  applySplices,
  attributeMap,
  childElements,
  escapeAttr,
  escapeCellText,
  findElement,
  findElements,
  decodeXmlText,
  scanTags,
  scanXml,
  withAttributes,
  XmlScanner,
  XmlShapeError,
  type XmlSink,
} from "./xml";

function recorder(): { sink: XmlSink; events: string[] } {
  const events: string[] = [];
  return {
    events,
    sink: {
      open: (name, attrs, empty) =>
        events.push(`<${name}${JSON.stringify([...attributeMap(attrs)])}${empty ? "/" : ""}>`),
      close: (name) => events.push(`</${name}>`),
      text: (text) => {
        // Adjacent text pieces are one text node: join them so the comparison ignores how it was split.
        const last = events[events.length - 1];
        if (last?.startsWith("#")) events[events.length - 1] = last + text;
        else events.push(`#${text}`);
      },
    },
  };
}

function eventsWhole(xml: string): string[] {
  const r = recorder();
  scanXml(xml, r.sink);
  return r.events;
}

function eventsInChunks(xml: string, cuts: readonly number[]): string[] {
  const r = recorder();
  const scanner = new XmlScanner(r.sink);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    scanner.write(xml.slice(at, cut));
    at = cut;
  }
  scanner.write(xml.slice(at));
  scanner.end();
  return r.events;
}

const DOC =
  `<?xml version="1.0" encoding="UTF-8"?>\r\n<!DOCTYPE x [<!ENTITY e "z">]>\n<!-- head <a> -->` +
  `<x:root xmlns:x="u" a='1 > 0' b="it's">text &amp; &lt;more&gt; &#x4E2D;&#25991;<x:c r="A1" t='s'><x:v>12</x:v></x:c>` +
  `<![CDATA[<not a tag> & ]]><?pi inside?><empty  attr = "v" /><!-- c --><t xml:space="preserve"> a\r\nb </t></x:root>`;

describe("XmlScanner", () => {
  it("reports tags without prefixes, attributes decoded, text decoded, CDATA raw", () => {
    expect(eventsWhole(DOC)).toEqual([
      '<root[["xmlns:x","u"],["a","1 > 0"],["b","it\'s"]]>',
      "#text & <more> 中文",
      '<c[["r","A1"],["t","s"]]>',
      "<v[]>",
      "#12",
      "</v>",
      "</c>",
      "#<not a tag> & ",
      '<empty[["attr","v"]]/>',
      '<t[["xml:space","preserve"]]>',
      "# a\nb ",
      "</t>",
      "</root>",
    ]);
  });

  it("gives the same events however the document is cut into chunks", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: DOC.length }), { maxLength: 12 }), (cuts) => {
        expect(eventsInChunks(DOC, cuts)).toEqual(eventsWhole(DOC));
      }),
    );
  });

  it.each([
    ["a mismatched end tag", "<a><b></a></b>"],
    ["an unclosed element", "<a><b></b>"],
    ["a truncated tag", "<a><b attr='1'"],
    ["two roots", "<a/><b/>"],
    ["no root", "<?xml version='1.0'?>"],
  ])("refuses %s", (_label, xml) => {
    expect(() => scanXml(xml, recorder().sink)).toThrow(XmlShapeError);
  });

  it("normalises line ends in text and white space in attribute values, keeping references", () => {
    expect(decodeXmlText("a\r\nb\rc&#13;")).toBe("a\nb\nc\r");
    expect([...attributeMap(' n="a\tb\r\nc&#10;"')]).toEqual([["n", "a b c\n"]]);
  });
});

describe("scanTags", () => {
  it("finds tags with any prefix, skipping comments, CDATA and processing instructions", () => {
    const xml = `<?xml version="1.0"?><!-- <fake/> --><x:a xmlns:x="u" t='1>2'><![CDATA[<no/>]]><x:b n="&amp;&#x41;"/></x:a>`;
    const tags = scanTags(xml);
    expect(tags.map((t) => [t.name, t.local, t.prefix, t.kind])).toEqual([
      ["x:a", "a", "x:", "open"],
      ["x:b", "b", "x:", "empty"],
      ["x:a", "a", "x:", "close"],
    ]);
    expect(tags[0]?.attrs.get("t")).toBe("1>2");
    expect(tags[1]?.attrs.get("n")).toBe("&A");
  });

  it("refuses markup it cannot edit safely", () => {
    expect(() => scanTags("<a><!-- open")).toThrow(XmlShapeError);
    expect(() => findElements("<a><b></a>", "a")).toThrow(XmlShapeError);
  });
});

describe("editing", () => {
  const xml = `<r><list count="1"><i v="1"/></list><other/></r>`;

  it("finds elements and their children, and splices text in place", () => {
    const list = findElement(xml, "list");
    expect(list && childElements(xml, list).map((c) => c.tag.attrs.get("v"))).toEqual(["1"]);
    const out = applySplices(xml, [
      { start: list?.contentEnd ?? 0, end: list?.contentEnd ?? 0, text: `<i v="2"/>` },
      {
        start: list?.tag.start ?? 0,
        end: list?.tag.end ?? 0,
        text: withAttributes(xml, list!.tag, { count: "2", x: 'a"b' }),
      },
    ]);
    expect(out).toBe(`<r><list count="2" x="a&quot;b"><i v="1"/><i v="2"/></list><other/></r>`);
    expect(() =>
      applySplices(xml, [
        { start: 0, end: 5, text: "" },
        { start: 3, end: 4, text: "" },
      ]),
    ).toThrow(XmlShapeError);
  });
});

describe("escaping", () => {
  it("escapes cell text: markup, controls as _xHHHH_, literal _xHHHH_, CR as a reference", () => {
    expect(escapeCellText("<a>&\u0001_x0041_\r\n\t")).toBe("&lt;a&gt;&amp;_x0001__x005F_x0041_&#13;\n\t");
    expect(escapeCellText("😀")).toBe("😀");
  });

  it("escapes attribute values so whitespace survives", () => {
    expect(escapeAttr(`a"b\tc\nd<e`)).toBe("a&quot;b&#9;c&#10;d&lt;e");
  });
});
