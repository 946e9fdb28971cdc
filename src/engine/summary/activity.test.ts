import { activitySheet } from "./activity";
import { summaryLayout } from "./layout";
import { blockOf, exampleActivities, exampleResult, makeResult } from "./testing";

describe("活动统计", () => {
  const sheet = activitySheet(exampleResult(), "zh");

  it("totals sessions, person-times, persons and hours of the log", () => {
    const block = blockOf(sheet, "totals");
    expect(block.columns.map((c) => c.format)).toEqual([
      "integer",
      "integer",
      "integer",
      "decimal1",
      "date",
      "date",
    ]);
    expect(block.rows).toEqual([[235, 2015, 410, 2074.5, "2022-03-08", "2022-10-26"]]);
  });

  it("breaks the figures down by category, largest first", () => {
    expect(blockOf(sheet, "by-category").rows).toEqual([
      ["志愿服务", 233, 1995, 2034.5, 2034.5 / 2074.5],
      ["文体活动", 2, 20, 40, 40 / 2074.5],
    ]);
  });

  it("breaks them down by month in calendar order, with a column chart of hours", () => {
    const block = blockOf(sheet, "by-month");
    expect(block.rows.map((r) => r[0])).toEqual([
      "2022年3月",
      "2022年4月",
      "2022年5月",
      "2022年6月",
      "2022年7月",
      "2022年8月",
      "2022年9月",
      "2022年10月",
    ]);
    // March: 8–31 March is 24 sessions, the first 24 of the campaign (9 people each; 79 rows at 1.5 h).
    expect(block.rows[0]).toEqual(["2022年3月", 24, 216, 216 + 79 * 0.5]);
    const chart = sheet.charts?.[0];
    expect(chart).toMatchObject({ kind: "column", block: "by-month", categoryColumn: 0 });
    expect(block.columns[chart?.valueColumn ?? -1]?.header).toBe("服务时长（小时）");
    expect(summaryLayout(sheet).map((b) => b.id)).toContain("by-month");
  });

  it("lists each activity with its category", () => {
    expect(blockOf(sheet, "by-activity").rows).toEqual([
      ["绿色校园 有我守护", 233, 1995, 2034.5, "志愿服务"],
      ["新生杯", 2, 20, 40, "文体活动"],
    ]);
  });

  it("follows the data and says so without a log", () => {
    const half = activitySheet(makeResult({ activities: exampleActivities().slice(0, 9) }), "zh");
    expect(blockOf(half, "totals").rows[0]?.slice(0, 2)).toEqual([1, 9]);
    const none = activitySheet(makeResult({}), "zh");
    expect(none.blocks.map((b) => b.id)).toEqual(["activity"]);
    expect(none.charts).toBeUndefined();
  });
});
