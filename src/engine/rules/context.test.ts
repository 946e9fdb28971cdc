import { findingText, PairIds, periodMonths, periodTest, personKey } from "./context";
import { makeRead, runRule, testSettings, withRun } from "./testing";

describe("findingText", () => {
  it("quotes cells as the user sees them", () => {
    expect(findingText("  群众 ")).toBe("群众");
    expect(findingText(" ")).toBeNull();
    expect(findingText(null)).toBeNull();
    expect(findingText(2.5)).toBe("2.5");
    expect(findingText(true)).toBe("TRUE");
    expect(findingText(new Date(Date.UTC(2022, 2, 8)))).toBe("2022-03-08");
    expect(findingText({ error: "#N/A" })).toBe("#N/A");
  });
});

describe("locate", () => {
  it("points at the column header, the A1 cell and the cell's text", () => {
    const probe = withRun("staff.title", (ctx) => [
      { rule: "staff.title", severity: "error", ...ctx.locate(ctx.read.staff[1]!, "title") },
    ]);
    const read = makeRead({ roster: [{}, { title: "总监" }] });
    expect(runRule(probe, read)).toEqual([
      {
        rule: "staff.title",
        severity: "error",
        sheet: "工作人员名单",
        row: 3,
        column: "职务",
        cell: "G3",
        value: "总监",
      },
    ]);
  });
});

describe("period helpers", () => {
  it("list the calendar months the period touches", () => {
    expect(periodMonths(testSettings({ periodStart: "2021-12-10", periodEnd: "2022-02-09" }))).toEqual([
      "2021-12",
      "2022-01",
      "2022-02",
    ]);
    expect(periodMonths(testSettings({ periodStart: "2023-01-01", periodEnd: "2022-01-01" }))).toEqual([]);
  });

  it("test dates against the period, boundaries included", () => {
    const inPeriod = periodTest(testSettings({ periodStart: "2022-01-01", periodEnd: "2022-12-31" }));
    expect(["2021-12-31", "2022-01-01", "2022-12-31", "2023-01-01"].map(inPeriod)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe("keys", () => {
  it("count a person by id, else by name", () => {
    expect(personKey({ state: "ok", value: "1" }, { state: "ok", value: "甲" })).toBe("id:1");
    expect(personKey({ state: "blank" }, { state: "ok", value: "甲" })).toBe("name:甲");
    expect(personKey({ state: "invalid", raw: "#N/A" }, { state: "blank" })).toBeUndefined();
  });

  it("number pairs once each", () => {
    const ids = new PairIds();
    expect([ids.id("a", "b"), ids.id("a", "c"), ids.id("a", "b"), ids.id("b", "a")]).toEqual([0, 1, 0, 2]);
    expect(ids.size).toBe(3);
  });
});
