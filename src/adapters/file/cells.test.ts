import { cellText, columnLetter, parseA1 } from "./cells";

describe("preview cell helpers", () => {
  it("names columns as Excel does", () => {
    expect([1, 26, 27, 52, 703, 16384].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA", "XFD"]);
  });

  it("parses A1 addresses, absolute or with a sheet prefix, and refuses others", () => {
    expect(parseA1("F7")).toEqual({ row: 7, col: 6 });
    expect(parseA1("$AB$12")).toEqual({ row: 12, col: 28 });
    expect(parseA1("活动记录!c3")).toEqual({ row: 3, col: 3 });
    expect(parseA1("A0")).toBeNull();
    expect(parseA1("XFE1")).toBeNull();
    expect(parseA1("A1048577")).toBeNull();
    expect(parseA1("<img src=x>")).toBeNull();
  });

  it("round-trips every column letter it writes", () => {
    for (let col = 1; col <= 800; col++) expect(parseA1(`${columnLetter(col)}9`)).toEqual({ row: 9, col });
  });

  it("shows raw cells as plain text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText("<img src=x onerror=alert(1)>")).toBe("<img src=x onerror=alert(1)>");
    expect(cellText(42)).toBe("42");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(new Date(Date.UTC(2022, 8, 30)))).toBe("2022-09-30");
    expect(cellText(new Date(Date.UTC(2022, 8, 30, 14, 5)))).toBe("2022-09-30 14:05");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
  });
});
