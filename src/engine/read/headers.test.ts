import fc from "fast-check";
import type { RawCell, TableKind } from "../types";
import { TABLE_KINDS } from "../types";
import {
  findHeaderRow,
  HEADER_SYNONYMS,
  kindFromSheetName,
  matchHeader,
  matchHeaderRow,
  sheetNameKinds,
} from "./headers";
import { normalizeHeader } from "./normalize";
import { cellArbitraries, toFullWidth } from "./testing";

const fields = (kind: TableKind, cells: RawCell[]) =>
  matchHeaderRow(kind, cells).columns.map((c) => [c.field, c.index]);

describe("HEADER_SYNONYMS", () => {
  it.each(TABLE_KINDS)("%s: no synonym names two fields", (kind) => {
    const owner = new Map<string, string>();
    for (const [field, words] of Object.entries(HEADER_SYNONYMS[kind]) as Array<[string, string[]]>) {
      for (const w of words) {
        const key = normalizeHeader(w);
        expect([undefined, field]).toContain(owner.get(key));
        owner.set(key, field);
      }
    }
  });

  it.each(TABLE_KINDS)("%s: every synonym matches its own field exactly", (kind) => {
    for (const [field, words] of Object.entries(HEADER_SYNONYMS[kind]) as Array<[string, string[]]>) {
      for (const w of words) expect(matchHeader(kind, w)).toMatchObject({ field, exact: true });
    }
  });
});

describe("matchHeader", () => {
  it.each<[TableKind, string, string | null]>([
    ["roster", "姓名", "name"],
    ["roster", " 学 号 ", "studentId"],
    ["roster", "所在学院", "college"],
    ["roster", "专业班级", "major"],
    ["roster", "综合成绩专业排名", "rank"],
    ["roster", "专业人数", "majorSize"],
    ["roster", "专业排名（名次/人数）", "rank"],
    ["roster", "有无挂科", "failed"],
    ["roster", "是否有不及格科目", "failed"],
    ["roster", "政治面貌*", "political"],
    ["roster", "Political Status", "political"],
    ["roster", "Student No.", "studentId"],
    ["roster", "ID", "studentId"],
    ["roster", "Rank in Major", "rank"],
    ["roster", "Failed courses", "failed"],
    ["roster", "遴选方式", "route"],
    ["roster", "Selection route", "route"],
    ["roster", "联系电话", null],
    ["roster", "序号", null],
    ["roster", "paid", null],
    ["activities", "服务时长（小时）", "hours"],
    ["activities", "活动时长", "hours"],
    ["activities", "服务时间（小时）", "hours"],
    ["activities", "活动日期", "date"],
    ["activities", "Activity name", "activity"],
    ["activities", "Event", "activity"],
    ["activities", "Hours (h)", "hours"],
    ["activities", "Duration", "hours"],
    ["activities", "负责部门", "department"],
    ["congress", "推荐单位", "nominatedBy"],
    ["congress", "是否学生会工作人员", "isOfficer"],
    ["congress", "Nominated by", "nominatedBy"],
    ["congress", "Class", "class"],
    ["reviews", "政治学习", "scorePolitical"],
    ["reviews", "政治学习（20分）", "scorePolitical"],
    ["reviews", "Conduct score", "scoreConduct"],
    ["reviews", "Work results", "scoreWork"],
    ["reviews", "评议等次", "result"],
    ["reviews", "Semester", "term"],
    ["meetings", "会议类型", "type"],
    ["meetings", "Meeting type", "type"],
    ["meetings", "Participants", "attendance"],
    ["settings", "项目", "key"],
    ["settings", "Value", "value"],
  ])("%s: %p → %p", (kind, header, field) => expect(matchHeader(kind, header)?.field ?? null).toBe(field));

  it("prefers an exact synonym and reports how it matched", () => {
    expect(matchHeader("roster", "专业排名")).toEqual({ field: "rank", exact: true, length: 4 });
    expect(matchHeader("roster", "综合成绩专业排名")).toEqual({ field: "rank", exact: false, length: 4 });
  });
});

describe("matchHeaderRow", () => {
  it("matches columns in any order and keeps unknown columns", () => {
    const row: RawCell[] = ["政治面貌", "序号", "姓名", null, "学号", "备注"];
    const m = matchHeaderRow("roster", row);
    expect(m.columns.map((c) => [c.field, c.index, c.header])).toEqual([
      ["political", 0, "政治面貌"],
      ["name", 2, "姓名"],
      ["studentId", 4, "学号"],
    ]);
    expect(m.others).toEqual([
      { index: 1, header: "序号" },
      { index: 5, header: "备注" },
    ]);
  });

  it("gives a field its leftmost best column and leaves the rest as other columns", () => {
    expect(fields("roster", ["排名", "专业排名", "专业排名", "姓名"])).toEqual([
      ["rank", 1],
      ["name", 3],
    ]);
    expect(matchHeaderRow("roster", ["排名", "专业排名", "专业排名"]).others.map((o) => o.index)).toEqual([
      0, 2,
    ]);
  });

  it("matches a column to one field only", () => {
    // 专业排名 contains 专业 (major) too, but it is the rank column.
    expect(fields("roster", ["专业排名", "专业"])).toEqual([
      ["rank", 0],
      ["major", 1],
    ]);
  });
});

describe("findHeaderRow", () => {
  it("skips title and blank rows and finds the header within the first ten rows", () => {
    const rows: RawCell[][] = [
      ["2022年学生会工作人员名单", null, null],
      [],
      [null, null, null],
      ["姓名", "学号", "职务"],
      ["张三", "2021001", "主席"],
    ];
    expect(findHeaderRow("roster", rows)).toMatchObject({ rowIndex: 3, lastRowIndex: 3 });
  });

  it("gives up after ten non-blank rows", () => {
    const notes: RawCell[][] = Array.from({ length: 10 }, (_, i) => [`说明 ${i + 1}`]);
    expect(findHeaderRow("roster", [...notes, ["姓名", "学号"]])).toBeNull();
    expect(findHeaderRow("roster", [...notes.slice(1), ["姓名", "学号"]])).toMatchObject({ rowIndex: 9 });
  });

  it("needs two recognised headers", () => {
    expect(
      findHeaderRow("roster", [
        ["姓名", "电话"],
        ["张三", "123"],
      ]),
    ).toBeNull();
  });

  it("reads a two-row header under a merged group heading", () => {
    const rows: RawCell[][] = [
      ["姓名", "学号", "学期", "评议得分", null, null, null, null, "总评"],
      [null, null, null, "政治学习", "道德品行", "学习情况", "工作成效", "纪律作风", null],
      ["张三", "2021001", "2022春", 90, 90, 90, 90, 90, "优秀"],
    ];
    const h = findHeaderRow("reviews", rows);
    expect(h).toMatchObject({ rowIndex: 0, lastRowIndex: 1 });
    expect(h?.columns.map((c) => c.field)).toEqual([
      "name",
      "studentId",
      "term",
      "scorePolitical",
      "scoreConduct",
      "scoreStudy",
      "scoreWork",
      "scoreDiscipline",
      "result",
    ]);
  });

  it("does not take a first data row for a second header row", () => {
    const rows: RawCell[][] = [
      ["姓名", "学号", "职务"],
      ["张三", "2021001", "主席"],
    ];
    expect(findHeaderRow("roster", rows)).toMatchObject({ rowIndex: 0, lastRowIndex: 0 });
  });
});

describe("sheet names", () => {
  it.each<[string, TableKind | null]>([
    ["基本信息", "settings"],
    ["设置", "settings"],
    ["Settings", "settings"],
    ["Info", "settings"],
    ["学生会工作人员", "roster"],
    ["成员", "roster"],
    ["工作人员名单", "roster"],
    ["Roster", "roster"],
    ["Staff", "roster"],
    ["志愿服务记录", "activities"],
    ["活动台账", "activities"],
    ["Activities 2022", "activities"],
    ["Volunteer log", "activities"],
    ["学代会代表名单", "congress"],
    ["代表", "congress"],
    ["Congress delegates", "congress"],
    ["述职评议", "reviews"],
    ["评议结果", "reviews"],
    ["Reviews", "reviews"],
    ["会议记录", "meetings"],
    ["培训", "meetings"],
    ["主席团例会", "meetings"],
    ["Meetings", "meetings"],
    ["Training", "meetings"],
    ["Sheet1", null],
  ])("%p → %p", (name, kind) => expect(kindFromSheetName(name)).toBe(kind));

  it("counts 名单 for the roster only when the name does not say 代表", () => {
    expect(sheetNameKinds("名单")).toEqual(["roster"]);
    expect(sheetNameKinds("代表名单")).toEqual(["congress"]);
    expect(sheetNameKinds("名单（代表）")).toEqual(["congress"]);
  });

  it("lists every kind a name mentions, in table order", () =>
    expect(sheetNameKinds("学生会工作人员述职评议")).toEqual(["roster", "reviews"]));
});

describe("header matcher properties", () => {
  const cell = cellArbitraries([
    "姓名",
    "学号",
    "服务时长（小时）",
    "Student ID",
    "综合成绩专业排名",
    "政治面貌",
  ]).rawCell;

  it.each(TABLE_KINDS)("%s: never throws, deterministic, full-width equals half-width", (kind) => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), (cells) => {
        const a = matchHeaderRow(kind, cells);
        expect(matchHeaderRow(kind, cells)).toEqual(a);
        const fieldsSeen = a.columns.map((c) => c.field);
        expect(new Set(fieldsSeen).size).toBe(fieldsSeen.length);
        const indexes = [...a.columns.map((c) => c.index), ...a.others.map((o) => o.index)];
        expect(new Set(indexes).size).toBe(indexes.length);
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary-ascii" }), fc.constantFrom("Student ID", "Hours (h)")),
        (s) => expect(matchHeader(kind, toFullWidth(s))).toEqual(matchHeader(kind, s)),
      ),
    );
  });
});
