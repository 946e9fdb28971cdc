import type { Finding, RawCell, RecognizedTable, SheetInput } from "../types";
import { recognizeTables } from "./recognize";
import {
  activityRecords,
  delegateRecords,
  meetingRecords,
  parseSettingValue,
  readSettingsTable,
  reviewRecords,
  settingKeyOf,
  staffRecords,
} from "./records";

const table = (name: string, rows: RawCell[][], origin?: SheetInput["origin"]): RecognizedTable => {
  const [t] = recognizeTables({ sheets: [origin ? { name, rows, origin } : { name, rows }] });
  if (!t) throw new Error(`sheet ${name} not recognised`);
  return t;
};
const ok = <T>(value: T) => ({ state: "ok", value });
const blank = { state: "blank" };

describe("staffRecords", () => {
  const rows: RawCell[][] = [
    [
      "序号",
      "姓名",
      "学号",
      "学院",
      "专业",
      "年级",
      "学生类别",
      "职务",
      "部门",
      "政治面貌",
      "专业排名",
      "专业人数",
      "不及格门数",
      "遴选方式",
    ],
    [
      1,
      " 张三 ",
      2021001,
      "医学院",
      "临床医学",
      "2021级",
      "本科",
      "主席",
      null,
      "中共党员",
      "3/120",
      120,
      0,
      "团委推荐",
    ],
    [
      2,
      "李四",
      "2021002",
      "药学院",
      "药学",
      2022,
      "硕士研究生",
      "部长",
      "组织部",
      "共青团员",
      12,
      150,
      "有",
      null,
    ],
    [
      3,
      "王五",
      "２０２１００３",
      "医学院",
      "护理",
      "22届",
      "本科",
      "干事",
      "组织部",
      "群众",
      "前5名",
      null,
      "两门",
      null,
    ],
  ];
  const [a, b, c] = staffRecords(table("工作人员", rows));

  it("reads every field with its normaliser", () => {
    expect(a).toEqual({
      sheet: "工作人员",
      row: 2,
      name: ok("张三"),
      studentId: ok("2021001"),
      college: ok("医学院"),
      major: ok("临床医学"),
      grade: ok(2021),
      level: ok("undergraduate"),
      title: ok("主席"),
      department: blank,
      political: ok({ label: "中共党员", status: "party" }),
      rank: ok({ fraction: 3 / 120, position: 3, size: 120 }),
      failed: ok(0),
      route: ok("团委推荐"),
    });
  });

  it("reads a bare rank against the row's major size", () => {
    expect(b?.rank).toEqual(ok({ fraction: 12 / 150, position: 12, size: 150 }));
    expect(b?.failed).toEqual(ok(1));
    expect(b?.level).toEqual(ok("master"));
    expect(b?.political).toEqual(ok({ label: "共青团员", status: "league" }));
  });

  it("keeps unreadable cells as invalid with their text", () => {
    expect(c?.studentId).toEqual(ok("2021003"));
    expect(c?.grade).toEqual({ state: "invalid", raw: "22届" });
    expect(c?.rank).toEqual({ state: "invalid", raw: "前5名" });
    expect(c?.failed).toEqual({ state: "invalid", raw: "两门" });
    expect(c?.political).toEqual(ok({ label: "群众", status: "other" }));
  });

  it("reads a missing column as blank", () => {
    const [r] = staffRecords(
      table("工作人员", [
        ["姓名", "学号"],
        ["张三", "1"],
      ]),
    );
    expect(r?.rank).toEqual(blank);
    expect(r?.political).toEqual(blank);
    expect(r?.route).toEqual(blank);
  });
});

describe("activityRecords", () => {
  it("reads dates, hours with units and participants", () => {
    const rows: RawCell[][] = [
      ["活动日期", "活动名称", "类别", "学号", "姓名", "服务时长（小时）", "负责部门"],
      [44628, "绿色校园 有我守护", "志愿服务", "2021001", "张三", "2小时", "素质拓展与权益部"],
      ["2022年3月8日", "绿色校园 有我守护", null, 2021002, "李四", 1.5, null],
      ["2022-02-30", "读书会", "学术", null, "王五", "两小时", null],
    ];
    const recs = activityRecords(table("志愿服务", rows));
    expect(recs.map((r) => [r.row, r.date, r.hours])).toEqual([
      [2, ok("2022-03-08"), ok(2)],
      [3, ok("2022-03-08"), ok(1.5)],
      [4, { state: "invalid", raw: "2022-02-30" }, { state: "invalid", raw: "两小时" }],
    ]);
    expect(recs[0]).toMatchObject({
      activity: ok("绿色校园 有我守护"),
      category: ok("志愿服务"),
      studentId: ok("2021001"),
      name: ok("张三"),
      department: ok("素质拓展与权益部"),
    });
    expect(recs[1]?.studentId).toEqual(ok("2021002"));
    expect(recs[2]?.studentId).toEqual(blank);
  });
});

describe("delegateRecords", () => {
  it("reads delegates and the officer flag", () => {
    const rows: RawCell[][] = [
      ["姓名", "学号", "学院", "班级", "推荐单位", "是否学生会工作人员"],
      ["张三", "2021001", "医学院", "临床1班", "医学院团委", "是"],
      ["李四", "2021002", "药学院", "药学2班", null, "否"],
      ["王五", "2021003", "药学院", "药学2班", null, "不清楚"],
    ];
    const recs = delegateRecords(table("学代会代表名单", rows));
    expect(recs.map((r) => [r.name, r.class, r.nominatedBy, r.isOfficer])).toEqual([
      [ok("张三"), ok("临床1班"), ok("医学院团委"), ok(true)],
      [ok("李四"), ok("药学2班"), blank, ok(false)],
      [ok("王五"), ok("药学2班"), blank, { state: "invalid", raw: "不清楚" }],
    ]);
  });
});

describe("reviewRecords", () => {
  it("reads the five scores, total and result", () => {
    const rows: RawCell[][] = [
      [
        "学号",
        "姓名",
        "职务",
        "学期",
        "政治学习",
        "道德品行",
        "学习情况",
        "工作成效",
        "纪律作风",
        "总分",
        "评议等次",
      ],
      ["2021001", "张三", "主席", "2022春", 95, "９０", 88, 92, 100, 465, "优秀"],
      ["2021002", "李四", "部长", 2022, "缺考", null, 80, 80, 80, null, "合格"],
    ];
    const [a, b] = reviewRecords(table("述职评议", rows));
    expect(a).toEqual({
      sheet: "述职评议",
      row: 2,
      studentId: ok("2021001"),
      name: ok("张三"),
      title: ok("主席"),
      term: ok("2022春"),
      scorePolitical: ok(95),
      scoreConduct: ok(90),
      scoreStudy: ok(88),
      scoreWork: ok(92),
      scoreDiscipline: ok(100),
      total: ok(465),
      result: ok("优秀"),
    });
    expect(b?.term).toEqual(ok("2022"));
    expect(b?.scorePolitical).toEqual({ state: "invalid", raw: "缺考" });
    expect(b?.scoreConduct).toEqual(blank);
  });
});

describe("meetingRecords", () => {
  it("reads date, type, topic and attendance (with a unit)", () => {
    const rows: RawCell[][] = [
      ["日期", "会议类型", "主题", "参加人数"],
      [new Date(Date.UTC(2022, 2, 30)), "主席团例会", "三月工作部署", 12],
      ["2022/9/10", "全体培训", "秋季培训", "60人"],
      ["2022/9/31", "例会", null, "很多"],
    ];
    const recs = meetingRecords(table("会议", rows));
    expect(recs.map((r) => [r.date, r.type, r.topic, r.attendance])).toEqual([
      [ok("2022-03-30"), ok("主席团例会"), ok("三月工作部署"), ok(12)],
      [ok("2022-09-10"), ok("全体培训"), ok("秋季培训"), ok(60)],
      [{ state: "invalid", raw: "2022/9/31" }, ok("例会"), blank, { state: "invalid", raw: "很多" }],
    ]);
  });
});

describe("settings sheet", () => {
  const flat = (fs: Finding[]) =>
    fs.map((f) => [
      f.rule,
      f.severity,
      f.row,
      f.column,
      f.cell,
      f.value,
      f.params && "key" in f.params ? f.params.key : undefined,
    ]);

  it("reads Chinese keys without a header row and keeps unknown keys", () => {
    const rows: RawCell[][] = [
      ["学校名称", "某医科大学"],
      ["组织层级", "校级"],
      ["在校生总数（人）", "１３,７９８"],
      ["是否规模较大高校", "否"],
      ["评估基准日", new Date(Date.UTC(2022, 11, 31))],
      ["统计开始日期", "2022年1月1日"],
      ["统计截止日期", 44926],
      ["学生代表大会召开日期", "2022-11-23"],
      ["学生代表大会届次", "第十五次"],
      ["团委书记", "赵老师"],
      ["备注"],
    ];
    const read = readSettingsTable(table("基本信息", rows));
    expect(read.findings).toEqual([]);
    expect(read.settings).toEqual({
      schoolName: "某医科大学",
      level: "school",
      enrollment: 13798,
      largeSchool: false,
      assessmentDate: "2022-12-31",
      periodStart: "2022-01-01",
      periodEnd: "2022-12-31",
      congressDate: "2022-11-23",
      congressSession: "第十五次",
    });
    expect(read.entries.map((e) => [e.row, e.key, e.value])).toEqual(
      rows.map((r, i) => [i + 1, r[0], r[1] ?? null]),
    );
  });

  it("reads English JSON keys under a key|value header, with lists, ranges, percents and units", () => {
    const rows: RawCell[][] = [
      ["设置"],
      ["key", "value"],
      ["staffMax", 45],
      ["allowedTitles", "主席，副主席、部长;干事"],
      ["departmentHeads", "2-3"],
      ["rankTopPercent", "30%"],
      ["delegateRatioMin", "1%"],
      ["nonOfficerShareMin", 0.6],
      ["congressMaxMonths", "12个月"],
      ["level", "院级"],
      ["largeSchool", "是"],
      ["reviewTerms", "2022春\n2022秋"],
    ];
    const t = table("Settings", rows);
    expect(t.headerRow).toBe(2);
    const read = readSettingsTable(t);
    expect(read.findings).toEqual([]);
    expect(read.settings).toEqual({
      staffMax: 45,
      allowedTitles: ["主席", "副主席", "部长", "干事"],
      departmentHeads: { min: 2, max: 3 },
      rankTopPercent: 30,
      delegateRatioMin: 0.01,
      nonOfficerShareMin: 0.6,
      congressMaxMonths: 12,
      level: "college",
      largeSchool: true,
      reviewTerms: ["2022春", "2022秋"],
    });
    expect(read.entries[0]).toMatchObject({ row: 3, key: "staffMax", value: 45 });
  });

  it("reports unreadable and out-of-range values, naming the key, and leaves them out", () => {
    const rows: RawCell[][] = [
      ["项目", null, "内容"],
      ["在校生总数", null, "很多"],
      ["评估基准日", null, "2022-02-30"],
      ["组织层级", null, "省级"],
      ["staffMax", null, -3],
      ["departmentHeads", null, "3-2"],
      ["学校名称", null, "某大学"],
      ["在校生总数", null, null],
    ];
    const read = readSettingsTable(table("基本信息", rows, { row: 2, col: 2 }));
    expect(read.settings).toEqual({ schoolName: "某大学" });
    expect(flat(read.findings)).toEqual([
      ["settings.invalid-value", "error", 3, "内容", "D3", "很多", "在校生总数"],
      ["settings.invalid-value", "error", 4, "内容", "D4", "2022-02-30", "评估基准日"],
      ["settings.invalid-value", "error", 5, "内容", "D5", "省级", "组织层级"],
      ["settings.invalid-value", "error", 6, "内容", "D6", -3, "staffMax"],
      ["settings.invalid-value", "error", 7, "内容", "D7", "3-2", "departmentHeads"],
    ]);
    expect(read.findings[0]?.params).toEqual({ key: "在校生总数", setting: "enrollment" });
    // An explicit origin gives the same addresses as the one the table's letters reveal.
    expect(readSettingsTable(table("基本信息", rows, { row: 2, col: 2 }), 2).findings).toEqual(read.findings);
  });

  it("names the value column 值 when the value is not under a value header", () => {
    const read = readSettingsTable(table("设置", [["在校生总数", "x"]]));
    expect(flat(read.findings)).toEqual([
      ["settings.invalid-value", "error", 1, "值", "B1", "x", "在校生总数"],
    ]);
  });

  it("maps keys in either language to the JSON key", () => {
    expect(settingKeyOf("在校生总数")).toBe("enrollment");
    expect(settingKeyOf(" 评估基准日： ")).toBe("assessmentDate");
    expect(settingKeyOf("Staff Max")).toBe("staffMax");
    expect(settingKeyOf("团委书记")).toBeNull();
  });

  it.each<[Parameters<typeof parseSettingValue>[0], RawCell, unknown]>([
    ["rankTopPercent", 0.3, 30],
    ["rankTopPercent", 30, 30],
    ["departmentHeads", 2, { min: 2, max: 2 }],
    ["departmentHeads", "2至3人", { min: 2, max: 3 }],
    ["departmentHeads", "２～３", { min: 2, max: 3 }],
    ["enrollment", "13,800人", 13800],
    ["level", "College", "college"],
    ["largeSchool", "√", true],
  ])("%s: %p → %p", (key, raw, value) => expect(parseSettingValue(key, raw)).toEqual(ok(value)));
});
