import { makeRead } from "../rules/testing";
import type { ActivityRecord, CheckResult, Finding, SummaryCell } from "../types";
import { buildSummarySheets, SUMMARY_SHEET_IDS, SUMMARY_SHEET_NAMES } from "./index";
import { blockOf, exampleResult, exampleRoster, exampleSettings, statsOf } from "./testing";
import { buildIndicators } from "../indicators";
import { MAX_ROWS_PER_RULE } from "./problems";

describe("buildSummarySheets", () => {
  it("builds the six sheets in order, named per language", () => {
    for (const lang of ["zh", "en"] as const) {
      const sheets = buildSummarySheets(exampleResult(), lang);
      expect(sheets.map((s) => s.id)).toEqual([...SUMMARY_SHEET_IDS]);
      expect(sheets.map((s) => s.name)).toEqual(SUMMARY_SHEET_IDS.map((id) => SUMMARY_SHEET_NAMES[id][lang]));
    }
  });

  it("gives every block's rows as many cells as it has columns", () => {
    for (const sheet of buildSummarySheets(exampleResult(), "zh")) {
      for (const block of sheet.blocks) {
        for (const row of block.rows)
          expect([sheet.id, block.id, row.length]).toEqual([sheet.id, block.id, block.columns.length]);
      }
    }
  });

  it("writes only plain text, numbers, blanks and internal links (no formulas)", () => {
    const cells: SummaryCell[] = buildSummarySheets(exampleResult(), "en").flatMap((s) =>
      s.blocks.flatMap((b) => b.rows.flat()),
    );
    for (const c of cells) {
      if (c !== null && typeof c === "object") expect(c.link.sheet).not.toBe("");
      else if (typeof c === "number") expect(Number.isFinite(c)).toBe(true);
    }
  });

  it("builds the sheets for 200,000 activity rows and 20,000 findings", () => {
    const settings = exampleSettings();
    const base = makeRead({ roster: exampleRoster(), activities: [{}] });
    const template = base.activities[0] as ActivityRecord;
    const activities: ActivityRecord[] = [];
    for (let i = 0; i < 200_000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      const month = String((i % 9) + 3).padStart(2, "0");
      activities.push({
        ...template,
        row: i + 2,
        date: { state: "ok", value: `2022-${month}-${day}` },
        activity: { state: "ok", value: `活动${i % 500}` },
        category: { state: "ok", value: i % 3 === 0 ? "志愿服务" : "文体活动" },
        studentId: { state: "ok", value: `S${i % 5000}` },
      });
    }
    const read = { ...base, activities };
    const findings: Finding[] = Array.from({ length: 20_000 }, (_, i) => ({
      rule: "activity.hours",
      severity: "error",
      sheet: "志愿活动",
      row: i + 2,
      column: "服务时长（小时）",
      cell: `F${i + 2}`,
      value: 30,
      params: { reason: "too-many", limit: 24 },
    }));
    const stats = statsOf(read, settings);
    const result: CheckResult = {
      report: {
        version: "test",
        tables: [],
        findings,
        stats,
        indicators: buildIndicators({ findings, stats, settings, read }),
        summary: { errors: findings.length, warnings: 0, infos: 0 },
      },
      read,
      settings,
    };
    const sheets = buildSummarySheets(result, "zh");
    // One rule: the sheet lists the first MAX_ROWS_PER_RULE and one row says how many more.
    const rows = blockOf(sheets[1] as (typeof sheets)[number], "problems").rows;
    expect(rows).toHaveLength(MAX_ROWS_PER_RULE + 1);
    expect(String(rows[rows.length - 1]?.[8])).toContain(String(20_000 - MAX_ROWS_PER_RULE));
  });
});
