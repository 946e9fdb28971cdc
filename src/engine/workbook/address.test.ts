import {
  cellAddress,
  columnLetter,
  parseCellAddress,
  quoteSheetName,
  referencedSheet,
  sheetReference,
} from "./address";

describe("A1 addresses", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %p → %p", (i, letter) => expect(columnLetter(i)).toBe(letter));

  it("gives no letters for a negative or nonsense index", () => {
    expect(columnLetter(-1)).toBe("");
    expect(columnLetter(Number.NaN)).toBe("");
  });

  it("writes addresses of a 1-based row and a 0-based column", () => {
    expect(cellAddress(7, 5)).toBe("F7");
    expect(cellAddress(1, 0)).toBe("A1");
  });

  it("parses single-cell addresses to 0-based positions and refuses the rest", () => {
    expect(parseCellAddress("$F$7")).toEqual({ row: 6, col: 5 });
    expect(parseCellAddress("ab12")).toEqual({ row: 11, col: 27 });
    for (const bad of ["F0", "XFE1", "A1048577", "A1:B2", "Sheet!A1", "<img>"])
      expect([bad, parseCellAddress(bad)]).toEqual([bad, null]);
  });

  it("round-trips every column it writes", () => {
    for (let col = 0; col < 1000; col++)
      expect(parseCellAddress(cellAddress(9, col))).toEqual({ row: 8, col });
    expect(parseCellAddress(cellAddress(1, 16383))).toEqual({ row: 0, col: 16383 });
  });

  it("quotes sheet names and reads them back from references", () => {
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(sheetReference("It's", "A1")).toBe("'It''s'!A1");
    expect(sheetReference("自评表")).toBe("'自评表'!$A$1");
    for (const name of ["自评表", "It's", "a b (2)", "''"])
      expect(referencedSheet(`=${sheetReference(name)}`)).toBe(name);
    expect(referencedSheet("Sheet1!A1")).toBe("Sheet1");
    expect(referencedSheet("#REF!")).toBeNull();
    expect(referencedSheet("'unterminated!A1")).toBeNull();
  });
});
