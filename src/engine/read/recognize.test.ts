import type { RawCell, SheetInput, TableKind } from "../types";
import { columnCell, recognizeTables, sheetOrigin } from "./recognize";
import { cellAddress, columnLetter } from "../workbook";

const sheet = (name: string, rows: RawCell[][], extra: Partial<SheetInput> = {}): SheetInput => ({
  name,
  rows,
  ...extra,
});
const kinds = (sheets: SheetInput[], overrides?: Array<{ sheet: string; kind: TableKind | null }>) =>
  recognizeTables({ sheets }, overrides).map((t) => [t.sheet, t.kind, t.source]);

const rosterRows: RawCell[][] = [
  ["姓名", "学号", "职务", "部门", "政治面貌", "专业排名", "不及格门数"],
  ["张三", "2021001", "主席", null, "中共党员", "3/120", 0],
  ["李四", "2021002", "部长", "组织部", "共青团员", "10%", 0],
];

describe("columnLetter / cellAddress", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
    [-1, ""],
    [NaN, ""],
  ])("%p → %p", (i, letter) => expect(columnLetter(i)).toBe(letter));

  it("builds A1 addresses", () => {
    expect(cellAddress(7, 5)).toBe("F7");
    expect(cellAddress(1, 0)).toBe("A1");
    expect(columnCell({ letter: "C" }, 12)).toBe("C12");
  });

  it("defaults a missing or nonsense origin to A1", () => {
    expect(sheetOrigin({})).toEqual({ row: 1, col: 1 });
    expect(sheetOrigin({ origin: { row: 0, col: 2.5 } })).toEqual({ row: 1, col: 1 });
    expect(sheetOrigin({ origin: { row: 3, col: 2 } })).toEqual({ row: 3, col: 2 });
  });
});

describe("recognizeTables: sheet names", () => {
  const cases: Array<[string, RawCell[][], TableKind]> = [
    ["基本信息", [["学校名称", "某大学"]], "settings"],
    ["Settings", [["schoolName", "X University"]], "settings"],
    ["学生会工作人员", rosterRows, "roster"],
    ["Staff", rosterRows, "roster"],
    ["志愿服务", [["日期", "活动名称", "学号", "时长"]], "activities"],
    ["Volunteer", [["date", "activity", "student id", "hours"]], "activities"],
    ["学代会代表", [["姓名", "学号", "学院", "班级"]], "congress"],
    ["Congress", [["name", "student id", "college", "class"]], "congress"],
    ["述职评议", [["学号", "姓名", "学期", "总分"]], "reviews"],
    ["Review", [["student id", "name", "term", "total"]], "reviews"],
    ["会议培训", [["日期", "类型", "主题"]], "meetings"],
    ["Meetings", [["date", "meeting type", "topic"]], "meetings"],
  ];
  it.each(cases)("%p is a %s table by its name", (name, rows, kind) =>
    expect(kinds([sheet(name, rows)])).toEqual([[name, kind, "name"]]),
  );

  it("tells 名单 (roster) from 代表名单 (congress)", () => {
    const congressRows: RawCell[][] = [
      ["姓名", "学号", "学院", "班级"],
      ["王五", "2020001", "医学院", "临床1班"],
    ];
    expect(kinds([sheet("工作人员名单", rosterRows), sheet("代表名单", congressRows)])).toEqual([
      ["工作人员名单", "roster", "name"],
      ["代表名单", "congress", "name"],
    ]);
  });

  it("lets the headers choose when a name mentions several kinds", () => {
    const reviewRows: RawCell[][] = [["学号", "姓名", "职务", "学期", "政治学习", "总分"]];
    expect(kinds([sheet("学生会工作人员述职评议", reviewRows)])).toEqual([
      ["学生会工作人员述职评议", "reviews", "name"],
    ]);
  });

  it("keeps a named sheet whose headers name nothing, so its missing columns can be reported", () => {
    const [t] = recognizeTables({ sheets: [sheet("工作人员", [["标题"], ["甲", "乙"], ["1", "2"]])] });
    expect(t).toMatchObject({ kind: "roster", source: "name", headerRow: 1, columns: [] });
    expect(t?.otherColumns).toEqual([{ index: 0, letter: "A", header: "标题" }]);
    expect(t?.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it("skips empty sheets", () =>
    expect(kinds([sheet("工作人员", []), sheet("活动", [[null], []])])).toEqual([]));
});

describe("recognizeTables: headers", () => {
  it("recognises a sheet with an unhelpful name by its headers", () => {
    expect(kinds([sheet("Sheet1", rosterRows)])).toEqual([["Sheet1", "roster", "headers"]]);
    expect(kinds([sheet("Sheet2", [["日期", "活动名称", "学号", "姓名", "时长"]])])).toEqual([
      ["Sheet2", "activities", "headers"],
    ]);
    expect(kinds([sheet("Sheet3", [["学号", "学期", "政治学习", "道德品行"]])])).toEqual([
      ["Sheet3", "reviews", "headers"],
    ]);
    expect(kinds([sheet("Sheet4", [["会议日期", "会议类型", "参加人数"]])])).toEqual([
      ["Sheet4", "meetings", "headers"],
    ]);
    expect(kinds([sheet("Sheet5", [["姓名", "学号", "学院", "班级", "推荐单位"]])])).toEqual([
      ["Sheet5", "congress", "headers"],
    ]);
    expect(
      kinds([
        sheet("Sheet6", [
          ["项目", "内容"],
          ["学校名称", "某大学"],
        ]),
      ]),
    ).toEqual([["Sheet6", "settings", "headers"]]);
  });

  it("leaves a sheet alone when its headers fit several kinds equally", () =>
    expect(kinds([sheet("通讯录", [["姓名", "学号", "电话"]])])).toEqual([]));

  it("finds the header on row 4 under a merged title row, skipping blank rows and ordering columns freely", () => {
    const rows: RawCell[][] = [
      ["2022年度学生会工作人员信息表", null, null, null, null, null, null, null],
      [],
      ["填表日期：2022-12-01"],
      ["备注", "不及格门数", "专业排名", "政治面貌", "职务", "学号", "姓名", "联系电话"],
      [null, 0, "3/120", "中共党员", "主席", "2021001", "张三", "13800000000"],
      [],
      [null, null, null, null, null, null, null, null],
      ["转专业", 0, "10%", "共青团员", "部长", "2021002", "李四", null],
    ];
    const [t] = recognizeTables({ sheets: [sheet("Sheet1", rows)] });
    expect(t?.headerRow).toBe(4);
    expect(t?.columns.map((c) => [c.field, c.letter, c.header])).toEqual([
      ["failed", "B", "不及格门数"],
      ["rank", "C", "专业排名"],
      ["political", "D", "政治面貌"],
      ["title", "E", "职务"],
      ["studentId", "F", "学号"],
      ["name", "G", "姓名"],
    ]);
    expect(t?.otherColumns).toEqual([
      { index: 0, letter: "A", header: "备注" },
      { index: 7, letter: "H", header: "联系电话" },
    ]);
    expect(t?.rows.map((r) => r.row)).toEqual([5, 8]);
    expect(t?.rows[1]?.cells[6]).toBe("李四");
  });

  it("keeps a one-kind name when two of its headers fit, else lets clear headers outrank it", () => {
    const rows: RawCell[][] = [["日期", "活动名称", "学号", "姓名", "服务时长（小时）"]];
    expect(kinds([sheet("成员", rows)])).toEqual([["成员", "roster", "name"]]);
    expect(kinds([sheet("成员", [["会议日期", "会议类型", "参加人数"]])])).toEqual([
      ["成员", "meetings", "headers"],
    ]);
  });
});

describe("recognizeTables: workbook handling", () => {
  it("skips our summary sheets and the saved-state sheet", () => {
    expect(
      kinds([
        sheet("自评表", [["指标", "结论", "备注"]]),
        sheet("活动统计", [["日期", "活动名称", "时长", "学号"]]),
        sheet("Activity statistics (2)", [["date", "activity", "hours", "student id"]]),
        sheet("_ziping_state", [['{"version":1}']]),
        sheet("工作人员", rosterRows),
      ]),
    ).toEqual([["工作人员", "roster", "name"]]);
  });

  it("reads a summary sheet when an override names it", () =>
    expect(
      kinds(
        [sheet("活动统计", [["日期", "活动名称", "时长", "学号"]])],
        [{ sheet: "活动统计", kind: "activities" }],
      ),
    ).toEqual([["活动统计", "activities", "user"]]));

  it("forces a kind or ignores a sheet by override", () => {
    const sheets = [
      sheet("Sheet1", rosterRows),
      sheet("工作人员", rosterRows),
      sheet("Notes", [["随便写写"]]),
    ];
    expect(
      kinds(sheets, [
        { sheet: "Sheet1", kind: "congress" },
        { sheet: "工作人员", kind: null },
        { sheet: "Notes", kind: "meetings" },
      ]),
    ).toEqual([
      ["Sheet1", "congress", "user"],
      ["Notes", "meetings", "user"],
    ]);
    const [forced] = recognizeTables({ sheets }, [{ sheet: "Sheet1", kind: "congress" }]);
    expect(forced?.columns.map((c) => c.field)).toEqual(["name", "studentId"]);
  });

  it("lets the last override of a sheet win", () =>
    expect(
      kinds(
        [sheet("Sheet1", rosterRows)],
        [
          { sheet: "Sheet1", kind: null },
          { sheet: "Sheet1", kind: "roster" },
        ],
      ),
    ).toEqual([["Sheet1", "roster", "user"]]));

  it("respects the sheet origin in row numbers and column letters", () => {
    const [t] = recognizeTables({ sheets: [sheet("工作人员", rosterRows, { origin: { row: 3, col: 2 } })] });
    expect(t?.headerRow).toBe(3);
    expect(t?.columns.slice(0, 3).map((c) => [c.field, c.index, c.letter])).toEqual([
      ["name", 0, "B"],
      ["studentId", 1, "C"],
      ["title", 2, "D"],
    ]);
    expect(t?.rows.map((r) => r.row)).toEqual([4, 5]);
  });

  it("reads several sheets of one kind in workbook order, with their sheet indexes", () => {
    const log = (d: string): RawCell[][] => [
      ["日期", "活动名称", "学号", "时长"],
      [d, "绿色校园", "2021001", 2],
    ];
    const tables = recognizeTables({
      sheets: [
        sheet("春季活动", log("2022-03-08")),
        sheet("工作人员", rosterRows),
        sheet("秋季活动", log("2022-10-08")),
      ],
    });
    expect(tables.map((t) => [t.sheet, t.kind, t.sheetIndex, t.rows.length])).toEqual([
      ["春季活动", "activities", 0, 1],
      ["工作人员", "roster", 1, 2],
      ["秋季活动", "activities", 2, 1],
    ]);
  });

  it("keeps hidden sheets (people hide finished logs, not foreign data)", () =>
    expect(kinds([sheet("活动", [["日期", "活动名称", "时长", "学号"]], { hidden: true })])).toEqual([
      ["活动", "activities", "name"],
    ]));

  it("reads a sheet used down to row 1,048,576 by one stray value", () => {
    const rows: RawCell[][] = new Array<RawCell[]>(1_048_576);
    rows[0] = ["姓名", "学号", "职务"];
    rows[1] = ["张三", "2021001", "主席"];
    rows[1_048_575] = [null, null, "stray"];
    const [t] = recognizeTables({ sheets: [sheet("工作人员", rows)] });
    expect(t?.rows.map((r) => r.row)).toEqual([2, 1_048_576]);
  });

  it("copes with ragged and sparse rows", () => {
    const rows: RawCell[][] = [["姓名", "学号"], ["张三"], [], ["李四", "2", "extra", "cells"]];
    const [t] = recognizeTables({ sheets: [sheet("工作人员", rows)] });
    expect(t?.rows.map((r) => r.row)).toEqual([2, 4]);
  });
});
