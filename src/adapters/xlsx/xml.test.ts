import {
  applySplices,
  childElements,
  escapeAttr,
  escapeCellText,
  findElement,
  findElements,
  scanTags,
  withAttributes,
  XmlShapeError,
} from "./xml";

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
