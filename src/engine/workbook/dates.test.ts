import { dateCellSerial, excelSerialToDate, isDateFormat, isoDateToSerial } from "./dates";

describe("date formats (one decision for every reader)", () => {
  it.each([
    "yyyy-mm-dd",
    "m/d/yyyy",
    "m/d/yy",
    "mm-dd-yy",
    'yyyy"年"m"月"d"日"',
    "[$-804]yyyy/m/d",
    "[$-409]yyyy/m/d;@",
    "mmm-yy",
    "d-mmm",
    "[DBNum1]yyyy年m月",
    'm/d/yy "h":mm',
  ])("%s shows a date", (f) => expect(isDateFormat(f)).toBe(true));

  // A time of day or a duration is not a calendar day: such cells read as numbers.
  it.each([
    undefined,
    "",
    "General",
    "0.00",
    "@",
    "h:mm",
    "h:mm AM/PM",
    "h:mm:ss",
    "[h]:mm:ss",
    "mm:ss",
    "mmss.0",
    '0"天"',
    '"day "0',
    "[Red]0.0",
    "#,##0;[Red]-#,##0",
    "上午/下午h时mm分",
  ])("%s does not", (f) => expect(isDateFormat(f)).toBe(false));
});

describe("date serials in both date systems", () => {
  it("converts 1900-system serials around Excel's phantom 1900-02-29", () => {
    expect(excelSerialToDate(1)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(excelSerialToDate(59)).toEqual(new Date(Date.UTC(1900, 1, 28)));
    expect(excelSerialToDate(60)).toBeNull();
    expect(excelSerialToDate(61)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(excelSerialToDate(44927.75)).toEqual(new Date(Date.UTC(2023, 0, 1, 18)));
    expect(excelSerialToDate(2_958_465)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(excelSerialToDate(-1)).toBeNull();
    expect(excelSerialToDate(3_000_000)).toBeNull();
    expect(excelSerialToDate(Number.NaN)).toBeNull();
  });

  it("converts 1904-system serials: day 0 is 1904-01-01, 1,462 days after the 1900 system's", () => {
    expect(excelSerialToDate(0, true)).toEqual(new Date(Date.UTC(1904, 0, 1)));
    expect(excelSerialToDate(60, true)).toEqual(new Date(Date.UTC(1904, 2, 1)));
    for (const serial of [1523, 44904, 45000.5])
      expect(excelSerialToDate(serial - 1462, true)).toEqual(excelSerialToDate(serial));
    expect(excelSerialToDate(2_958_465 - 1462, true)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(excelSerialToDate(2_958_466 - 1462, true)).toBeNull();
    expect(excelSerialToDate(-1, true)).toBeNull();
  });

  it("converts ISO dates to serials and back", () => {
    expect(isoDateToSerial("2022-12-09")).toBe(44904);
    expect(isoDateToSerial("1900-03-01")).toBe(61);
    expect(isoDateToSerial("1900-01-01")).toBe(1);
    expect(isoDateToSerial("2023-02-30")).toBeNull();
    expect(isoDateToSerial("2022-1-9")).toBeNull();
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "2023-03-01", "9999-12-31"]) {
      const serial = isoDateToSerial(iso) as number;
      expect(excelSerialToDate(serial)?.toISOString().slice(0, 10)).toBe(iso);
    }
  });

  it("writes date cells only from 1900-03-01 (earlier serials are ambiguous)", () => {
    expect(dateCellSerial("2022-12-09")).toBe(44904);
    expect(dateCellSerial("1900-03-01")).toBe(61);
    expect(dateCellSerial("1900-02-28")).toBeNull();
    expect(dateCellSerial("not a date")).toBeNull();
  });
});
