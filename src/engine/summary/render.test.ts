import type { SummaryBlock } from "../types";
import { isDateFormat } from "../workbook";
import {
  autoColumnWidth,
  clipCellText,
  freezeCounts,
  looksLikeFormula,
  MAX_CELL_TEXT,
  NUMBER_FORMATS,
  shownNumber,
  TEXT_FORMAT,
  textWidth,
  uniqueTableHeaders,
  wrappedLineCount,
  wrappedRowHeight,
  wrapsText,
} from "./render";

const block = (headers: string[]): SummaryBlock => ({
  id: "b",
  columns: headers.map((header) => ({ header })),
  rows: [],
});

describe("summary rendering helpers", () => {
  it("clips text to Excel's cell limit", () => {
    expect(clipCellText("短文本")).toBe("短文本");
    const clipped = clipCellText("x".repeat(MAX_CELL_TEXT + 5));
    expect(clipped).toHaveLength(MAX_CELL_TEXT);
    expect(clipped.endsWith("…")).toBe(true);
  });

  it("tells formula-looking text", () => {
    for (const t of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
      expect([t, looksLikeFormula(t)]).toEqual([t, true]);
    for (const t of ["1+1", "学生会", "", " =1"]) expect([t, looksLikeFormula(t)]).toEqual([t, false]);
  });

  it("counts CJK, full-width and astral characters two units wide", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("学生会")).toBe(6);
    expect(textWidth("（１）")).toBe(6);
    expect(textWidth("a😀")).toBe(3);
    expect(textWidth("")).toBe(0);
  });

  it("sizes columns without a width between 8 and 60 units", () => {
    expect(autoColumnWidth(undefined)).toBe(10);
    expect(autoColumnWidth(1)).toBe(8);
    expect(autoColumnWidth(20)).toBe(22);
    expect(autoColumnWidth(500)).toBe(60);
  });

  it("wraps text columns that have a width, not number columns or auto-width ones", () => {
    expect(wrapsText({ header: "a", width: 40 })).toBe(true);
    expect(wrapsText({ header: "a", width: 8, format: "text" })).toBe(true);
    expect(wrapsText({ header: "a", width: 8, format: "integer" })).toBe(false);
    expect(wrapsText({ header: "a" })).toBe(false);
    expect(wrapsText(undefined)).toBe(false);
  });

  it("estimates the lines and height of wrapped text", () => {
    expect(wrappedLineCount("短", 64)).toBe(1);
    expect(wrappedLineCount("", 64)).toBe(1);
    // 40 CJK characters are 80 units (88 with the word-break margin) in 62 usable units: 2 lines.
    expect(wrappedLineCount("字".repeat(40), 64)).toBe(2);
    expect(wrappedLineCount("a\nb\r\nc", 64)).toBe(3);
    expect(wrappedLineCount("x".repeat(10), 0)).toBe(11);
    expect(wrappedRowHeight(1)).toBe(15);
    expect(wrappedRowHeight(3)).toBe(45);
    expect(wrappedRowHeight(0)).toBe(15);
  });

  it("gives the text a number shows", () => {
    expect(shownNumber(0.1234, "percent")).toBe("12.34%");
    expect(shownNumber(2034.5, "decimal1")).toBe("2034.5");
  });

  it("makes table header names unique and non-empty", () => {
    expect(uniqueTableHeaders(block(["姓名", "Name", "name", "", " a\tb "]))).toEqual([
      "姓名",
      "Name",
      "name2",
      "Column4",
      "a b",
    ]);
  });

  it("maps column formats to Excel number formats of their kind", () => {
    const formats = Object.entries(NUMBER_FORMATS);
    // Excel (and our readers, workbook/dates.ts) must read the date column, and only it, as dates.
    expect(formats.filter(([, code]) => isDateFormat(code)).map(([format]) => format)).toEqual(["date"]);
    const decimals = (code: string) => /\.(0+)/.exec(code)?.[1]?.length ?? 0;
    expect([NUMBER_FORMATS.integer, NUMBER_FORMATS.decimal1, NUMBER_FORMATS.decimal2].map(decimals)).toEqual([
      0, 1, 2,
    ]);
    expect(NUMBER_FORMATS.percent).toMatch(/%$/);
    // Text columns leave numbers General; only their text cells get "@" (text as typed).
    expect(NUMBER_FORMATS.text).toBe("General");
    expect(TEXT_FORMAT).toBe("@");
  });

  it("normalises freeze panes", () => {
    expect(freezeCounts(undefined)).toBeNull();
    expect(freezeCounts({ rows: 0, columns: 0 })).toBeNull();
    expect(freezeCounts({ rows: 1.7, columns: -2 })).toEqual({ rows: 1, columns: 0 });
  });
});
