import {
  cellAddress,
  columnLetter,
  excelSerialToDate,
  isDateFormat,
  isoDateToSerial,
  parseCellAddress,
  sheetReference,
  toRawCell,
  utf8Length,
} from "./cells";

describe("Office cell conversions", () => {
  it("converts Excel serials to UTC dates around the 1900 leap-year bug", () => {
    expect(excelSerialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(excelSerialToDate(59)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(excelSerialToDate(44927.75)).toEqual(new Date(Date.UTC(2023, 0, 1, 18)));
    expect(excelSerialToDate(-1)).toBeNull();
    expect(excelSerialToDate(3_000_000)).toBeNull();
    for (const iso of ["1900-01-01", "1900-03-01", "2023-03-01", "9999-12-31"]) {
      const serial = isoDateToSerial(iso);
      expect(serial).not.toBeNull();
      expect(
        excelSerialToDate(serial as number)
          ?.toISOString()
          .slice(0, 10),
      ).toBe(iso);
    }
    expect(isoDateToSerial("2023-02-30")).toBeNull();
  });

  it("tells date formats from number and time formats", () => {
    for (const f of [
      "yyyy-mm-dd",
      "m/d/yyyy",
      'yyyy"年"m"月"d"日"',
      "[$-804]yyyy/m/d",
      "mmm-yy",
      "d-mmm",
      "[DBNum1]yyyy年m月",
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of [
      "General",
      "0.00",
      "@",
      "h:mm",
      "[h]:mm:ss",
      "mm:ss",
      '0"天"',
      "#,##0;[Red]-#,##0",
      "上午/下午h时mm分",
    ]) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });

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
