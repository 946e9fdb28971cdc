import { check } from "./check";
import { toJsonReport } from "./report";
import type { WorkbookInput } from "./types";

const workbook: WorkbookInput = {
  sheets: [
    {
      name: "工作人员",
      rows: [
        ["姓名", "学号", "职务", "所在部门", "政治面貌", "综合成绩排名", "不及格门数"],
        ["张一", "2020001", "执行主席", null, "群众", "3/120", 0],
        ["张二", "2020002", "部长", "宿管部", "共青团员", "10/120", 0],
      ],
    },
  ],
};

describe("toJsonReport", () => {
  const result = check(workbook, { today: "2022-12-09" });

  it("has the documented top-level shape", () => {
    const json = toJsonReport(result, "zh");
    expect(Object.keys(json)).toEqual([
      "version",
      "file",
      "tables",
      "findings",
      "stats",
      "indicators",
      "settings",
      "settingsSheet",
      "settingsSources",
      "summary",
    ]);
    expect(json.file).toBeNull();
    expect(json.tables).toEqual([{ kind: "roster", sheet: "工作人员", headerRow: 1, rows: 2 }]);
    expect(json.settings.staffMax).toBe(40);
  });

  it("gives every finding every field, null where it does not apply, and a message", () => {
    const json = toJsonReport(result, "zh");
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual([
        "rule",
        "severity",
        "sheet",
        "row",
        "column",
        "cell",
        "value",
        "message",
        "params",
      ]);
      expect(f.message.length).toBeGreaterThan(10);
    }
    const political = json.findings.find((f) => f.rule === "staff.political-status");
    expect(political).toMatchObject({
      sheet: "工作人员",
      row: 2,
      column: "政治面貌",
      cell: "E2",
      value: "群众",
    });
    expect(political?.message).toContain("群众");
    const missing = json.findings.find((f) => f.rule === "table.missing");
    expect(missing).toMatchObject({ sheet: null, row: null, column: null, cell: null, value: null });
  });

  it("renders messages in the requested language and survives JSON", () => {
    const en = toJsonReport(result, "en");
    expect(en.findings.find((f) => f.rule === "structure.admin-duty")?.message).toContain("dorm management");
    const zh = toJsonReport(result, "zh");
    expect(zh.findings.find((f) => f.rule === "structure.admin-duty")?.message).toContain("宿管部");
    expect(JSON.parse(JSON.stringify(zh))).toEqual(zh);
    expect(zh.summary).toEqual(result.report.summary);
  });
});
