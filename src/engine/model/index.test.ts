import { check } from "../check";
import { makeRead, testSettings } from "../rules/testing";
import type { Finding, WorkbookInput } from "../types";
import { buildModel, judgeModel, modelOf } from ".";

const read = makeRead({
  roster: [
    { name: "甲", studentId: "1", title: "主席", political: "共青团员" },
    { name: "乙", studentId: "2", title: "部长", department: "组织部", political: "群众" },
    { name: "乙", studentId: "2", title: "部长", department: "组织部", political: "群众" },
  ],
});

describe("the model step", () => {
  it("computes each view once, on first use, and shares it", () => {
    const model = buildModel(read, testSettings());
    const roster = model.roster;
    expect(model.roster).toBe(roster);
    expect(roster.all).toHaveLength(3);
    expect(roster.unique).toHaveLength(2);
    expect([...model.departments.keys()]).toEqual(["组织部"]);
    expect(model.departments).toBe(model.departments);
  });

  it("reads each staff member's checks off the findings it is given", () => {
    const records = buildModel(read, testSettings());
    const row = read.staff[1];
    const findings: Finding[] = [
      { rule: "staff.political-status", severity: "error", sheet: row?.sheet ?? "", row: row?.row ?? 0 },
    ];
    const model = judgeModel(records, findings);
    expect(model.staffChecks.map((c) => c.political)).toEqual(["pass", "fail", "pass"]);
    expect(model.byRule.get("staff.political-status")).toEqual(findings);
    // The records views are the same objects: judging does not rebuild them.
    expect(model.roster).toBe(records.roster);
  });

  it("gives the summary the model the check built, and builds one for a hand-made result", () => {
    const input: WorkbookInput = {
      sheets: [
        {
          name: "工作人员",
          rows: [
            ["姓名", "学号", "职务", "政治面貌"],
            ["甲", "1", "主席", "共青团员"],
          ],
        },
      ],
    };
    const result = check(input, { today: "2022-12-09" });
    expect(modelOf(result)).toBe(modelOf(result));
    expect(modelOf(result).findings).toBe(result.report.findings);
    const other = { ...result, read: { ...result.read, staff: [] } };
    expect(modelOf(other)).not.toBe(modelOf(result));
    expect(modelOf(other).roster.all).toHaveLength(0);
  });
});
