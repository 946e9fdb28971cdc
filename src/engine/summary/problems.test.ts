import { findingProblem, ruleBasis, ruleTitle } from "../i18n";
import type { Finding } from "../types";
import { summaryLayout } from "./layout";
import { problemsSheet } from "./problems";
import { blockOf, exampleResult, exampleRoster, makeResult } from "./testing";

const ROSTER = "工作人员名单";

describe("问题清单", () => {
  const findings: Finding[] = [
    {
      rule: "staff.political-status",
      severity: "error",
      sheet: ROSTER,
      row: 3,
      column: "政治面貌",
      cell: "I3",
      value: "群众",
    },
    {
      rule: "structure.admin-duty",
      severity: "warning",
      sheet: ROSTER,
      row: 9,
      column: "所在部门",
      cell: "H9",
      value: "宿管部",
    },
    { rule: "review.missing", severity: "error", sheet: ROSTER, row: 4 },
    {
      rule: "congress.overdue",
      severity: "error",
      sheet: "基本信息",
      params: { date: null, limit: 12, earliest: "2021-12-09", assessmentDate: "2022-12-09" },
    },
    { rule: "table.missing", severity: "info", params: { kind: "meetings" } },
  ];
  const result = makeResult({ roster: exampleRoster(), ruleFindings: findings });
  const sheet = problemsSheet(result, "zh");
  const block = blockOf(sheet, "problems");

  it("has one row per finding, as an Excel table with a frozen header", () => {
    expect(block.columns.map((c) => c.header)).toEqual([
      "序号",
      "严重程度",
      "规则",
      "工作表",
      "行",
      "列",
      "单元格",
      "值",
      "说明",
      "修改建议",
      "依据",
    ]);
    expect(block.rows).toHaveLength(findings.length);
    expect(block.asTable).toBe(true);
    expect(sheet.freeze).toEqual({ rows: summaryLayout(sheet)[0]?.headerRow, columns: 0 });
    expect(sheet.title).toBe("问题清单（错误3项，警告1项，提示1项）");
    expect(problemsSheet(result, "en").title).toBe("Problems (3 errors, 1 warning, 1 note)");
  });

  it("writes the rule title, the message and the basis from the catalogue", () => {
    const first = findings[0] as Finding;
    expect(block.rows[0]?.slice(0, 6)).toEqual([
      1,
      "错误",
      ruleTitle(first.rule, "zh"),
      ROSTER,
      3,
      "政治面貌",
    ]);
    expect(block.rows[0]?.[7]).toBe("群众");
    expect(block.rows[0]?.[8]).toBe(findingProblem(first, "zh"));
    expect(block.rows[0]?.[10]).toBe(ruleBasis(first.rule, "zh"));
    expect(block.rows[1]?.[1]).toBe("警告");
  });

  it("links every finding with a sheet to its cell (its row, or the sheet, when it has no cell)", () => {
    expect(block.rows.map((r) => r[6])).toEqual([
      { text: "I3", link: { sheet: ROSTER, cell: "I3" } },
      { text: "H9", link: { sheet: ROSTER, cell: "H9" } },
      { text: "A4", link: { sheet: ROSTER, cell: "A4" } },
      { text: "整张表", link: { sheet: "基本信息", cell: "A1" } },
      null,
    ]);
    expect(blockOf(problemsSheet(result, "en"), "problems").rows[3]?.[6]).toEqual({
      text: "whole sheet",
      link: { sheet: "基本信息", cell: "A1" },
    });
  });

  it("has a header for every column in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const b = blockOf(problemsSheet(result, lang), "problems");
      expect(b.columns.map((c) => c.header).filter(Boolean)).toHaveLength(b.rows[0]?.length ?? -1);
    }
  });

  it("says there is no problem when there is none", () => {
    const clean = problemsSheet(exampleResult(), "zh");
    expect(blockOf(clean, "problems").rows).toEqual([
      [null, null, null, null, null, null, null, null, "未发现问题。", null, null],
    ]);
    expect(problemsSheet(exampleResult(), "en").blocks[0]?.rows[0]?.[8]).toBe("No problem found.");
  });
});
