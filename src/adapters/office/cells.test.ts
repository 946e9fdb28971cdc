import { cellAddress, columnLetter, parseCellAddress, sheetReference, toRawCell, utf8Length } from "./cells";

describe("Office cell conversions", () => {
  it("maps Office values to raw cells", () => {
    expect(toRawCell("", "General")).toBeNull();
    expect(toRawCell("#DIV/0!", "General")).toEqual({ error: "#DIV/0!" });
    expect(toRawCell(45000, "yyyy-mm-dd")).toEqual(new Date(Date.UTC(2023, 2, 15)));
    expect(toRawCell(45000, "General")).toBe(45000);
    expect(toRawCell(0.5, "h:mm")).toBe(0.5);
    expect(toRawCell(true, "General")).toBe(true);
    expect(toRawCell("=1+1", "@")).toBe("=1+1");
  });

  it("handles addresses and sheet references", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(27)).toBe("AB");
    expect(columnLetter(16383)).toBe("XFD");
    expect(cellAddress(6, 5)).toBe("F7");
    expect(parseCellAddress("$F$7")).toEqual({ row: 6, col: 5 });
    expect(parseCellAddress("F0")).toBeNull();
    expect(sheetReference("It's", "A1")).toBe("'It''s'!A1");
  });

  it("measures UTF-8", () => {
    expect(utf8Length("a")).toBe(1);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("自")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
  });
});
