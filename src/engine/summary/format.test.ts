import {
  formatDate,
  formatLimitPercent,
  formatMonth,
  formatNumber,
  formatPercent,
  formatTerm,
  joinList,
} from "./format";

describe("format", () => {
  it.each([
    [1995, "zh", "1995"],
    [1995, "en", "1,995"],
    [2034.4999999, "zh", "2034.5"],
    [2034.5, "en", "2,034.5"],
    [1234567.25, "en", "1,234,567.25"],
    [-0.001, "en", "0"],
  ] as const)("formatNumber(%p, %s) = %s", (n, lang, text) => {
    expect(formatNumber(n, lang)).toBe(text);
  });

  it("formats percents, dates, months and lists per language", () => {
    expect(formatPercent(138 / 13750)).toBe("1.00%");
    expect(formatLimitPercent(0.6)).toBe("60%");
    expect(formatLimitPercent(0.125)).toBe("12.5%");
    expect(formatDate("2022-11-23", "zh")).toBe("2022年11月23日");
    expect(formatDate("2022-03-08", "zh", false)).toBe("3月8日");
    expect(formatDate("2022-03-08", "en")).toBe("8 March 2022");
    expect(formatDate("not a date", "zh")).toBe("not a date");
    expect(formatMonth("2022-07", "zh")).toBe("2022年7月");
    expect(formatMonth("2022-07", "en")).toBe("Jul 2022");
    expect(joinList(["甲", "乙"], "zh")).toBe("甲、乙");
    expect(joinList(["a", "b"], "en")).toBe("a, b");
  });
});

describe("formatTerm", () => {
  it.each([
    ["2021-2022-2", "2021—2022学年第二学期"],
    ["2022-2023-1", "2022—2023学年第一学期"],
    ["2021—2022学年第2学期", "2021—2022学年第二学期"],
    ["2021-2022学年第一学期", "2021—2022学年第一学期"],
    ["2022春季学期", "2022春季学期"],
    ["2021-2023-1", "2021-2023-1"],
  ])("%s → %s", (raw, shown) => {
    expect(formatTerm(raw, "zh")).toBe(shown);
  });

  it("speaks English", () => {
    expect(formatTerm("2021-2022-2", "en")).toBe("2021–2022, second term");
  });
});
