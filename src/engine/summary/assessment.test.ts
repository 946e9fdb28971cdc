import { assessmentSheet } from "./assessment";
import { blockOf, exampleResult, exampleRoster, makeResult } from "./testing";

describe("自评表", () => {
  const sheet = assessmentSheet(exampleResult(), "zh");

  it("is titled with the school name, or without it", () => {
    expect(sheet.name).toBe("自评表");
    expect(sheet.title).toBe("赣南医学院学生会组织改革自评表");
    const anonymous = assessmentSheet(makeResult({ settings: { schoolName: undefined } }), "zh");
    expect(anonymous.title).toBe("学生会组织改革自评表");
  });

  it("starts with the facts it is judged on", () => {
    expect(blockOf(sheet, "facts").rows).toEqual([
      ["学校名称", "赣南医学院"],
      ["组织层级", "校级"],
      ["评估基准日", "2022年12月9日"],
      ["统计期间", "2022年1月1日至2022年12月9日"],
      ["在校生总数", "13750"],
    ]);
  });

  it("has 序号 | 指标 | 结论 | 备注 with ★ before the core indicators", () => {
    const block = blockOf(sheet, "indicators");
    expect(block.columns.map((c) => c.header)).toEqual(["序号", "指标", "结论", "备注"]);
    expect(block.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(String(block.rows[0]?.[1])).toMatch(/^★学生会组织不承担宿舍管理/);
    expect(String(block.rows[10]?.[1])).toMatch(/^★按期召开学生代表大会（评估基准日前12个月内）/);
    expect(String(block.rows[2]?.[1])).toBe("工作人员总数不超过60人（依据：校级学生会组织改革自评表第3项）");
    expect(block.rows[2]?.slice(2)).toEqual(["是", "实有60人（上限60人）；按规模较大高校标准"]);
    expect(block.rows[8]?.[2]).toBe("待确认");
    expect(block.rows[10]?.[3]).toBe("召开日期为2022年11月23日；届次：第二十三次；在评估基准日前12个月内");
  });

  it("follows the data: a 49-person roster at a school with the 40 cap", () => {
    const small = makeResult({
      roster: exampleRoster().filter((s) => s.department !== "文体艺术部"),
      settings: { largeSchool: false },
      ruleFindings: [
        {
          rule: "structure.staff-total",
          severity: "error",
          params: { actual: 49, limit: 40, level: "school", largeSchool: false },
        },
      ],
    });
    const row = blockOf(assessmentSheet(small, "zh"), "indicators").rows[2];
    expect(row?.slice(1)).toEqual([
      "工作人员总数不超过40人（依据：校级学生会组织改革自评表第3项）",
      "否",
      "实有49人（上限40人）",
    ]);
  });

  it("lists the rules without a table number in their own block, under 指标 and not under 序号", () => {
    const block = blockOf(sheet, "other-rules");
    expect(block.rows).toHaveLength(5);
    expect(block.rows[0]?.[0]).toBeNull();
    expect(block.rows[0]?.[1]).toBe(
      "学生代表大会代表人数不少于在校学生总数的1%（依据：《高校学生代表大会工作规则》）",
    );
    expect(block.rows[0]?.slice(2)).toEqual(["是", "代表138名，占在校生1.00%（不低于1%）"]);
  });

  it("gives every block the same column widths, so no block widens another's column", () => {
    const widths = sheet.blocks.map((b) => b.columns.map((c) => c.width));
    const indicators = blockOf(sheet, "indicators").columns.map((c) => c.width);
    for (const w of widths) expect(w).toEqual(indicators.slice(0, w.length));
    // A4 portrait holds about 95 character units between narrow margins.
    expect(indicators.reduce((a: number, b) => a + (b ?? 0), 0)).toBeLessThanOrEqual(96);
  });

  it("speaks English for lang en", () => {
    const en = assessmentSheet(exampleResult(), "en");
    expect(en.name).toBe("Self-assessment");
    const block = blockOf(en, "indicators");
    expect(block.rows[2]?.slice(2)).toEqual([
      "yes",
      "60 staff members (limit 60); limit for large schools applies",
    ]);
    expect(block.rows[9]?.[2]).toBe("to confirm");
  });
});
