import * as engine from "../index";
import type { Finding, RawCell, SheetInput, WorkbookInput } from "../types";
import { readWorkbook } from "./index";

/** A finding's param by name, whatever its rule (the tests compare it with an expected value). */
const param = (f: Finding, key: string): unknown =>
  (f.params as Readonly<Record<string, unknown>> | undefined)?.[key];

const flat = (fs: readonly Finding[]) =>
  fs.map((f) => [
    f.rule,
    f.severity,
    f.sheet ?? null,
    f.row ?? null,
    param(f, "kind") ?? null,
    param(f, "field") ?? null,
  ]);

const roster: SheetInput = {
  name: "工作人员",
  rows: [
    ["姓名", "学号", "职务", "部门", "政治面貌", "专业排名", "不及格门数"],
    ["张三", "2021001", "主席", null, "中共党员", "3/120", 0],
    ["李四", "2021002", "部长", "组织部", "共青团员", "10%", 0],
  ],
};
const activities = (name: string, date: RawCell, n = 1): SheetInput => ({
  name,
  rows: [
    ["日期", "活动名称", "学号", "姓名", "时长"],
    ...Array.from({ length: n }, () => [date, "绿色校园", "2021001", "张三", 2]),
  ],
});
const congress: SheetInput = {
  name: "代表名单",
  rows: [
    ["姓名", "学号", "学院"],
    ["王五", "2020001", "医学院"],
  ],
};
const reviews: SheetInput = {
  name: "述职评议",
  rows: [
    ["学号", "学期", "总分"],
    ["2021001", "2022春", 90],
  ],
};
const meetings: SheetInput = {
  name: "会议",
  rows: [
    ["日期", "类型", "主题"],
    ["2022-03-30", "例会", "部署"],
  ],
};

describe("readWorkbook", () => {
  it("reads every kind into records, in workbook order, without findings when all is there", () => {
    const input: WorkbookInput = {
      sheets: [
        activities("春季活动", "2022-03-08", 2),
        roster,
        congress,
        reviews,
        meetings,
        activities("秋季活动", "2022-10-08"),
      ],
    };
    const read = readWorkbook(input);
    expect(read.findings).toEqual([]);
    expect(read.tables.map((t) => t.kind)).toEqual([
      "activities",
      "roster",
      "congress",
      "reviews",
      "meetings",
      "activities",
    ]);
    expect(read.staff.map((s) => [s.row, s.name])).toEqual([
      [2, { state: "ok", value: "张三" }],
      [3, { state: "ok", value: "李四" }],
    ]);
    expect(read.activities.map((a) => [a.sheet, a.row, a.date])).toEqual([
      ["春季活动", 2, { state: "ok", value: "2022-03-08" }],
      ["春季活动", 3, { state: "ok", value: "2022-03-08" }],
      ["秋季活动", 2, { state: "ok", value: "2022-10-08" }],
    ]);
    expect(read.delegates).toHaveLength(1);
    expect(read.reviews[0]?.total).toEqual({ state: "ok", value: 90 });
    expect(read.meetings[0]?.type).toEqual({ state: "ok", value: "例会" });
    expect(read.settingsEntries).toEqual([]);
    expect(read.sheetSettings).toEqual({});
  });

  it("reports missing tables: the roster as an error, the others as infos, settings not at all", () => {
    expect(flat(readWorkbook({ sheets: [] }).findings)).toEqual([
      ["table.missing", "error", null, null, "roster", null],
      ["table.missing", "info", null, null, "activities", null],
      ["table.missing", "info", null, null, "congress", null],
      ["table.missing", "info", null, null, "reviews", null],
      ["table.missing", "info", null, null, "meetings", null],
    ]);
    expect(flat(readWorkbook({ sheets: [roster, activities("活动", "2022-03-08")] }).findings)).toEqual([
      ["table.missing", "info", null, null, "congress", null],
      ["table.missing", "info", null, null, "reviews", null],
      ["table.missing", "info", null, null, "meetings", null],
    ]);
  });

  it("reports missing required columns on the header row", () => {
    const sheets: SheetInput[] = [
      { name: "工作人员", rows: [["2022名单"], ["姓名", "学号", "部门"], ["张三", "1", "组织部"]] },
      { name: "活动", rows: [["日期", "活动名称", "类别"]] },
      { name: "代表", rows: [["学号", "学院", "班级"]] },
      { name: "述职", rows: [["姓名", "总分", "总评"]] },
      { name: "会议", rows: [["主题", "参加人数"]] },
    ];
    const missing = readWorkbook({ sheets }).findings.filter((f) => f.rule === "table.missing-column");
    expect(flat(missing)).toEqual([
      ["table.missing-column", "error", "工作人员", 2, "roster", "title"],
      ["table.missing-column", "error", "工作人员", 2, "roster", "political"],
      ["table.missing-column", "error", "工作人员", 2, "roster", "rank"],
      ["table.missing-column", "error", "工作人员", 2, "roster", "failed"],
      ["table.missing-column", "info", "活动", 1, "activities", "hours"],
      ["table.missing-column", "info", "活动", 1, "activities", "studentId"],
      ["table.missing-column", "info", "代表", 1, "congress", "name"],
      ["table.missing-column", "info", "述职", 1, "reviews", "term"],
      ["table.missing-column", "info", "会议", 1, "meetings", "date"],
      ["table.missing-column", "info", "会议", 1, "meetings", "type"],
    ]);
    expect(
      missing.find((f) => param(f, "kind") === "activities" && param(f, "field") === "studentId")?.params,
    ).toEqual({
      kind: "activities",
      field: "studentId",
      or: "name",
    });
  });

  it("accepts either a student id or a name for activities and reviews", () => {
    const sheets: SheetInput[] = [
      roster,
      { name: "活动", rows: [["日期", "活动名称", "姓名", "时长"]] },
      { name: "述职", rows: [["学号", "学期"]] },
    ];
    expect(readWorkbook({ sheets }).findings.filter((f) => f.rule === "table.missing-column")).toEqual([]);
  });

  it("reads the settings sheet, keeps unknown keys, and reports bad values", () => {
    const settings: SheetInput = {
      name: "基本信息",
      origin: { row: 1, col: 3 },
      rows: [
        ["在校生总数", 13798],
        ["评估基准日", "2022-13-01"],
        ["团委书记", "赵老师"],
      ],
    };
    const read = readWorkbook({ sheets: [settings, roster] }, []);
    expect(read.sheetSettings).toEqual({ enrollment: 13798 });
    expect(read.settingsEntries.map((e) => e.key)).toEqual(["在校生总数", "评估基准日", "团委书记"]);
    const bad = read.findings.filter((f) => f.rule === "settings.invalid-value");
    expect(bad).toEqual([
      {
        rule: "settings.invalid-value",
        severity: "error",
        sheet: "基本信息",
        row: 2,
        column: "值",
        cell: "D2",
        value: "2022-13-01",
        params: { key: "评估基准日", setting: "assessmentDate" },
      },
    ]);
  });

  it("honours overrides", () => {
    const read = readWorkbook({ sheets: [roster, { ...roster, name: "Sheet2" }] }, [
      { sheet: "工作人员", kind: null },
    ]);
    expect(read.tables.map((t) => [t.sheet, t.source])).toEqual([["Sheet2", "headers"]]);
    expect(read.staff.map((s) => s.sheet)).toEqual(["Sheet2", "Sheet2"]);
  });

  it("is exported from the engine's public surface", () => {
    expect(engine.readWorkbook).toBe(readWorkbook);
    expect(typeof engine.parseDate).toBe("function");
  });

  it("reads 200,000 activity rows", () => {
    const rows: RawCell[][] = [["日期", "活动名称", "类别", "学号", "姓名", "服务时长（小时）", "负责部门"]];
    for (let i = 0; i < 200_000; i++) {
      rows.push([
        i % 3 === 0 ? 44628 + (i % 300) : "2022-03-08",
        "绿色校园 有我守护",
        "志愿服务",
        String(2021000000 + i),
        "张三",
        i % 2 === 0 ? 2 : "1.5小时",
        "素质拓展与权益部",
      ]);
    }
    const input: WorkbookInput = { sheets: [{ name: "志愿服务", rows }] };
    const read = readWorkbook(input);
    expect(read.activities).toHaveLength(200_000);
    expect(read.activities[199_999]?.hours).toEqual({ state: "ok", value: 1.5 });
  });
});
