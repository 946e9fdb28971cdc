/**
 * The streaming tokenizer: the events of a document never depend on where it is cut into chunks,
 * and every lexical construct is handled (or refused) as an XML parser would.
 */
import fc from "fast-check";
import { attributeMap, decodeXmlText, scanXml, XmlScanError, XmlScanner, type XmlSink } from "./xmlScan";

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
    expect(() => scanXml(xml, recorder().sink)).toThrow(XmlScanError);
  });

  it("normalises line ends in text and white space in attribute values, keeping references", () => {
    expect(decodeXmlText("a\r\nb\rc&#13;")).toBe("a\nb\nc\r");
    expect([...attributeMap(' n="a\tb\r\nc&#10;"')]).toEqual([["n", "a b c\n"]]);
  });
});
