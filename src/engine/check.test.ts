import fc from "fast-check";
import pkg from "../../package.json";
import { check, sortFindings } from "./check";
import { cellArbitraries } from "./read/testing";
import { flat } from "./rules/testing";
import type { Finding, SheetInput, WorkbookInput } from "./types";
import { ENGINE_VERSION } from "./version";

const settingsSheet: SheetInput = {
  name: "基本信息",
  rows: [
    ["项目", "内容"],
    ["学校名称", "赣南医学院"],
    ["评估基准日", "2022-12-09"],
    ["统计开始日期", "2022-01-01"],
    ["统计截止日期", "2022-12-09"],
    ["在校生总数", 13795],
    ["学生代表大会召开日期", "2022-11-23"],
  ],
};

const rosterSheet: SheetInput = {
  name: "工作人员名单",
  rows: [
    ["校学生会工作人员名单", null, null, null, null, null, null, null, null],
    ["姓名", "学号", "年级", "学生类别", "职务", "所在部门", "政治面貌", "综合成绩排名", "不及格门数"],
    ["张一", "2020001", "2020级", "本科", "执行主席", null, "中共党员", "3/120", 0],
    ["张二", "2020002", "2020级", "本科", "部长", "组织宣传部", "共青团员", "10/120", 0],
    ["张三", "2020003", "2020级", "本科", "部长助理", "组织宣传部", "群众", "50/120", 1],
    ["张四", "2022004", "2022级", "本科", "干事", "学术创新部", "共青团员", null, null],
    ["张二", "2020002", "2020级", "本科", "干事", "学术创新部", "共青团员", "10/120", 0],
  ],
};

const activitySheet: SheetInput = {
  name: "志愿活动",
  rows: [
    ["活动日期", "活动名称", "活动类别", "学号", "姓名", "服务时长（小时）"],
    ["2022-03-08", "绿色校园 有我守护", "志愿服务", "2020001", "张一", 2],
    ["2022-03-08", "绿色校园 有我守护", "志愿服务", "2020002", "张二", "1.5小时"],
    ["2022-03-08", "绿色校园 有我守护", "志愿服务", "2020002", "张二", 1.5],
    ["2022-04-01", "迎新", null, "2020003", "张三", 30],
    ["2021-12-01", "迎新", null, "2020003", "张三", 2],
  ],
};

const workbook: WorkbookInput = { sheets: [settingsSheet, rosterSheet, activitySheet] };
const today = "2023-01-15";

describe("check", () => {
  const result = check(workbook, { today, file: "sample.xlsx" });
  const { report } = result;

  it("resolves settings from the settings sheet, then the options, then defaults", () => {
    expect(result.settings).toMatchObject({ assessmentDate: "2022-12-09", enrollment: 13795, staffMax: 40 });
    const overridden = check(workbook, { today, settings: { enrollment: 20000, staffMax: 3 } });
    expect(overridden.settings).toMatchObject({ enrollment: 20000, staffMax: 3 });
    expect(flat(overridden.report.findings, ["rule"])).toContainEqual(["structure.staff-total"]);
  });

  it("reports every problem at its cell, in workbook reading order", () => {
    const ruleFindings = report.findings.filter((f) => !f.rule.startsWith("table."));
    expect(flat(ruleFindings, ["rule", "sheet", "row", "cell"])).toEqual([
      ["staff.title", "工作人员名单", 5, "E5"],
      ["staff.political-status", "工作人员名单", 5, "G5"],
      ["staff.academic-rank", "工作人员名单", 5, "H5"],
      ["staff.failed-courses", "工作人员名单", 5, "I5"],
      ["staff.duplicate", "工作人员名单", 7, "B7"],
      ["activity.duplicate", "志愿活动", 4, "D4"],
      ["activity.hours", "志愿活动", 5, "F5"],
      ["activity.out-of-period", "志愿活动", 6, "A6"],
    ]);
    // Sheets the workbook lacks come first, without a place.
    expect(flat(report.findings.slice(0, 3), ["rule", "sheet", "params.kind"])).toEqual([
      ["table.missing", undefined, "congress"],
      ["table.missing", undefined, "reviews"],
      ["table.missing", undefined, "meetings"],
    ]);
  });

  it("computes the figures, leaving flagged rows out", () => {
    // Rows for total, status and eligibility (the repeated row 7 is a row), people once.
    expect(report.stats.staff).toMatchObject({
      total: 5,
      people: 4,
      presidium: 1,
      departmentCount: 2,
      partyOrLeague: 4,
      eligible: 4,
    });
    expect(report.stats.activities).toMatchObject({
      sessions: 2,
      personTimes: 3,
      distinctPeople: 3,
      hours: 3.5,
    });
    expect(report.stats.congress).toMatchObject({ date: "2022-11-23", delegates: 0, enrollment: 13795 });
    expect(report.stats.reviews).toBeNull();
  });

  it("summarises severities and tables, and carries the version and file", () => {
    const count = (s: Finding["severity"]) => report.findings.filter((f) => f.severity === s).length;
    expect(report.summary).toEqual({
      errors: count("error"),
      warnings: count("warning"),
      infos: count("info"),
    });
    expect(report.summary.errors).toBe(6);
    expect(report.tables.map((t) => [t.kind, t.sheet, t.headerRow, t.rows])).toEqual([
      ["settings", "基本信息", 1, 6],
      ["roster", "工作人员名单", 2, 5],
      ["activities", "志愿活动", 1, 5],
    ]);
    expect(report.version).toBe(ENGINE_VERSION);
    expect(report.file).toBe("sample.xlsx");
    expect(report.indicators.length).toBeGreaterThan(0);
  });

  it("keeps the engine version equal to package.json's", () => {
    expect(ENGINE_VERSION).toBe(pkg.version);
  });

  it("returns a report for an empty workbook", () => {
    const empty = check({ sheets: [] }, { today });
    expect(flat(empty.report.findings, ["rule", "severity"])).toEqual([
      ["table.missing", "error"],
      ["table.missing", "info"],
      ["table.missing", "info"],
      ["table.missing", "info"],
      ["table.missing", "info"],
      ["congress.date-missing", "error"],
    ]);
    expect(empty.report.stats.staff).toBeNull();
  });

  it("never throws on arbitrary cells", () => {
    const words = [
      "姓名",
      "学号",
      "职务",
      "政治面貌",
      "综合成绩排名",
      "不及格门数",
      "部门",
      "活动日期",
      "活动名称",
      "服务时长",
      "学期",
      "总分",
      "会议类型",
      "日期",
      "主席",
      "群众",
      "2022-02-30",
      "前10%",
      "5/0",
      "#N/A",
      "",
      " ",
    ];
    const cell = cellArbitraries(words).rawCell;
    const sheet = fc.record({
      name: fc.constantFrom(
        "工作人员",
        "志愿活动",
        "学代会代表",
        "述职评议",
        "会议记录",
        "基本信息",
        "Sheet1",
      ),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 6 }), (sheets) => {
        const r = check({ sheets: sheets.map((s, i) => ({ ...s, name: `${s.name}${i}` })) }, { today });
        const { errors, warnings, infos } = r.report.summary;
        return errors + warnings + infos === r.report.findings.length;
      }),
      { numRuns: 200 },
    );
  });
});

describe("sortFindings", () => {
  it("orders by sheet position, row, column and rule", () => {
    const wb: WorkbookInput = {
      sheets: [
        { name: "B", rows: [] },
        { name: "A", rows: [] },
      ],
    };
    const fs: Finding[] = [
      { rule: "staff.title", severity: "error", sheet: "A", row: 2, cell: "E2" },
      { rule: "staff.title", severity: "error", sheet: "B", row: 3, cell: "AA3" },
      { rule: "staff.political-status", severity: "error", sheet: "B", row: 3, cell: "C3" },
      { rule: "structure.staff-total", severity: "error", sheet: "B" },
      { rule: "congress.overdue", severity: "error" },
    ];
    expect(flat(sortFindings(fs, wb), ["sheet", "row", "cell"])).toEqual([
      [undefined, undefined, undefined],
      ["B", undefined, undefined],
      ["B", 3, "C3"],
      ["B", 3, "AA3"],
      ["A", 2, "E2"],
    ]);
  });
});
