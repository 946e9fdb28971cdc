import type { Finding } from "../types";
import { eligibilitySheet } from "./eligibility";
import { blockOf, exampleRoster, makeResult } from "./testing";

const ROSTER = "工作人员名单";

function rowOf(sheet: ReturnType<typeof eligibilitySheet>, n: number) {
  const block = blockOf(sheet, "eligibility");
  const header = block.columns.map((c) => c.header);
  const row = block.rows[n - 1] ?? [];
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

describe("资格审查", () => {
  it("has one row per staff member with every check, linked to the roster row", () => {
    const sheet = eligibilitySheet(makeResult({ roster: exampleRoster() }), "zh");
    expect(blockOf(sheet, "eligibility").rows).toHaveLength(60);
    expect(sheet.title).toBe("工作人员资格审查（60人中60人合格）");
    expect(rowOf(sheet, 1)).toEqual({
      序号: 1,
      姓名: "成员1",
      学号: "2020000001",
      学院: "医学院",
      职务: "执行主席",
      部门: null,
      政治面貌: "共青团员",
      党员或团员: "✓",
      专业排名: "2/120",
      "前30%": "✓",
      不及格门数: 0,
      无不及格: "✓",
      结论: "合格",
      名单位置: { text: "A2", link: { sheet: ROSTER, cell: "A2" } },
    });
    expect(sheet.freeze).toEqual({ rows: 3, columns: 2 });
  });

  it("derives ✗, 免 and ? from the findings and the exemptions", () => {
    const staff = exampleRoster();
    staff[1] = { ...staff[1], political: "群众" };
    staff[2] = { ...staff[2], rank: "100/120" };
    staff[3] = { ...staff[3], grade: 2022, rank: null, failed: null };
    staff[4] = { ...staff[4], rank: null };
    const findings: Finding[] = [
      { rule: "staff.political-status", severity: "error", sheet: ROSTER, row: 3, cell: "I3", value: "群众" },
      { rule: "staff.academic-rank", severity: "error", sheet: ROSTER, row: 4, cell: "J4", value: "100/120" },
      {
        rule: "staff.missing-value",
        severity: "error",
        sheet: ROSTER,
        row: 6,
        cell: "J6",
        column: "综合成绩排名",
      },
    ];
    const sheet = eligibilitySheet(makeResult({ roster: staff, ruleFindings: findings }), "zh");
    expect(rowOf(sheet, 2)).toMatchObject({ 党员或团员: "✗", 结论: "不合格" });
    expect(rowOf(sheet, 3)).toMatchObject({ 专业排名: "100/120", "前30%": "✗", 结论: "不合格" });
    expect(rowOf(sheet, 4)).toMatchObject({ "前30%": "免", 无不及格: "免", 结论: "合格" });
    expect(rowOf(sheet, 5)).toMatchObject({ 专业排名: null, "前30%": "?", 结论: "待核实" });
    expect(sheet.title).toBe("工作人员资格审查（60人中57人合格）");
  });

  it("a rank with no finding passes even when written as a fraction; English words for en", () => {
    const staff = exampleRoster()
      .slice(0, 1)
      .map((s) => ({ ...s, level: "master" as const, rank: null }));
    const sheet = eligibilitySheet(makeResult({ roster: staff }), "en");
    expect(sheet.name).toBe("Eligibility");
    expect(rowOf(sheet, 1)).toMatchObject({
      "Top 30%": "exempt",
      "No failed course": "✓",
      Result: "eligible",
    });
  });

  it("says so when there is no roster", () => {
    const sheet = eligibilitySheet(makeResult({}), "zh");
    expect(sheet.blocks[0]?.rows[0]?.[0]).toMatch(/未识别到工作人员名单/);
  });
});
