/**
 * Builds the bundled sample workbooks with ExcelJS (`npm run samples`):
 * - `samples/sample-2022.xlsx` — the 2022 records of a school-level union, modelled on the real
 *   self-assessment report in ../shared/domain: 60 staff, 5 presidium members, 5 departments,
 *   233 volunteer sessions with 1,995 person-times and 2,034.5 hours, 138 congress delegates …
 *   `npm run demo` must find no error in it and report exactly those figures;
 * - `samples/sample-problems.xlsx` — a union with planted problems: every rule fires at least once
 *   (except `table.missing`, which cannot fire while every table is present);
 * - `test/golden/missing-tables.xlsx` — a roster alone, so `table.missing` fires for the others.
 * Deterministic: a seeded PRNG, fixed workbook dates and zip time stamps — re-running it reproduces
 * the committed bytes (a test checks that).
 */
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Zippable } from "fflate";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { seededRandom, type Rng } from "./lib/prng";
import {
  ACTIVITY_COLUMNS,
  CONGRESS_COLUMNS,
  MEETING_COLUMNS,
  REVIEW_COLUMNS,
  ROSTER_COLUMNS,
} from "./lib/columns";

/** What `npm run demo` must report for the main sample (asserted by the golden test too). */
export const MAIN_SAMPLE_FIGURES = {
  staff: 60,
  presidium: 5,
  departments: ["综合办公室", "素质拓展与权益部", "组织宣传部", "学术创新部", "文体艺术部"],
  campaign: "绿色校园 有我守护",
  campaignSessions: 233,
  campaignPersonTimes: 1995,
  campaignHours: 2034.5,
  delegates: 138,
  enrollment: 13762,
  congressDate: "2022-11-23",
  assessmentDate: "2022-12-09",
} as const;

const FIXED_DATE = new Date(Date.UTC(2022, 11, 9, 8, 0, 0));

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = utc(from).getTime(); t <= utc(to).getTime(); t += 86_400_000) out.push(isoDay(t));
  return out;
}

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任卢姚钟廖谭邹熊",
];
const GIVEN = [
  ..."子涵欣怡梓轩浩然雨桐思远一诺佳琪宇航嘉怡俊杰诗涵明轩晓雯志强婉婷文博雅婷天宇梦瑶振宇心怡博文静怡家豪晨曦若曦凯瑞润泽慧敏建华丽娟晓东海燕鹏飞秀英春晖",
];

const COLLEGES: ReadonlyArray<{
  college: string;
  code: number;
  majors: ReadonlyArray<{ name: string; size: number }>;
}> = [
  {
    college: "第一临床医学院",
    code: 1,
    majors: [
      { name: "临床医学", size: 320 },
      { name: "麻醉学", size: 90 },
    ],
  },
  {
    college: "医学影像学院",
    code: 2,
    majors: [
      { name: "医学影像学", size: 120 },
      { name: "医学影像技术", size: 80 },
    ],
  },
  {
    college: "药学院",
    code: 3,
    majors: [
      { name: "药学", size: 110 },
      { name: "中药学", size: 70 },
    ],
  },
  {
    college: "护理学院",
    code: 4,
    majors: [
      { name: "护理学", size: 240 },
      { name: "助产学", size: 60 },
    ],
  },
  {
    college: "医学信息工程学院",
    code: 5,
    majors: [
      { name: "医学信息工程", size: 96 },
      { name: "生物医学工程", size: 64 },
    ],
  },
  {
    college: "公共卫生与健康管理学院",
    code: 6,
    majors: [
      { name: "预防医学", size: 100 },
      { name: "卫生检验与检疫", size: 56 },
    ],
  },
  { college: "康复学院", code: 7, majors: [{ name: "康复治疗学", size: 88 }] },
  { college: "口腔医学院", code: 8, majors: [{ name: "口腔医学", size: 72 }] },
  { college: "医学检验学院", code: 9, majors: [{ name: "医学检验技术", size: 120 }] },
];

interface Student {
  readonly name: string;
  readonly id: string;
  readonly college: string;
  readonly major: string;
  readonly majorSize: number;
  readonly grade: number;
  readonly className: string;
}

/** A pool of distinct students with realistic names, ids, colleges, majors and classes. */
function studentPool(rng: Rng, count: number, grades: readonly number[]): Student[] {
  const names = new Set<string>();
  const seq = new Map<string, number>();
  const pool: Student[] = [];
  while (pool.length < count) {
    let name: string;
    do {
      const given = rng() < 0.35 ? pick(rng, GIVEN) : pick(rng, GIVEN) + pick(rng, GIVEN);
      name = pick(rng, SURNAMES) + given;
    } while (names.has(name));
    names.add(name);
    const c = pick(rng, COLLEGES);
    const majorIndex = Math.floor(rng() * c.majors.length);
    const major = c.majors[majorIndex] as { name: string; size: number };
    const grade = pick(rng, grades);
    const key = `${grade}-${c.code}-${majorIndex}`;
    const n = (seq.get(key) ?? 0) + 1;
    seq.set(key, n);
    pool.push({
      name,
      id: `${grade}${String(c.code).padStart(2, "0")}${String(majorIndex + 1).padStart(2, "0")}${String(n).padStart(3, "0")}`,
      college: c.college,
      major: major.name,
      majorSize: major.size,
      grade,
      className: `${major.name}${grade}级${1 + Math.floor(rng() * 4)}班`,
    });
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------------------------

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "ziping samples";
  wb.lastModifiedBy = "ziping samples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

/** A sheet with an optional merged title row, a bold header row and data rows. */
function tableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: ReadonlyArray<{ header: string; width?: number; numFmt?: string }>,
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>,
  title?: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  let r = 1;
  if (title) {
    ws.getCell(1, 1).value = title;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(1, 1).alignment = { horizontal: "center" };
    ws.mergeCells(1, 1, 1, columns.length);
    r = 2;
  }
  columns.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    ws.getColumn(i + 1).width = c.width ?? Math.max(8, c.header.length * 2 + 2);
    if (c.numFmt) ws.getColumn(i + 1).numFmt = c.numFmt;
  });
  ws.views = [{ state: "frozen", ySplit: r, xSplit: 0 }];
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== null && value !== undefined) ws.getCell(r + 1 + i, j + 1).value = value;
    });
  });
  return ws;
}

function settingsSheet(
  wb: ExcelJS.Workbook,
  rows: ReadonlyArray<readonly [string, ExcelJS.CellValue]>,
): void {
  const ws = tableSheet(
    wb,
    "基本信息",
    [
      { header: "项目", width: 22 },
      { header: "内容", width: 26 },
    ],
    rows,
  );
  ws.getColumn(2).alignment = { horizontal: "left" };
  rows.forEach(([, v], i) => {
    if (v instanceof Date) ws.getCell(i + 2, 2).numFmt = "yyyy-mm-dd";
  });
}

interface StaffRow {
  readonly student: Student;
  readonly title: string;
  readonly department: string | null;
  readonly political: string;
  readonly rank: ExcelJS.CellValue;
  readonly majorSize: number | null;
  readonly failed: ExcelJS.CellValue;
}

function rosterRows(staff: readonly StaffRow[]): ExcelJS.CellValue[][] {
  return staff.map((s, i) => [
    i + 1,
    s.student.name,
    s.student.id,
    s.student.college,
    s.student.major,
    `${s.student.grade}级`,
    "本科",
    s.title,
    s.department,
    s.political,
    s.rank,
    s.majorSize,
    s.failed,
  ]);
}

/** A rank inside the top `maxShare` of the major, in one of the formats people write. */
function goodRank(
  rng: Rng,
  student: Student,
  style: number,
  maxShare = 0.28,
): { rank: ExcelJS.CellValue; size: number | null } {
  const position = Math.max(1, Math.floor(rng() * student.majorSize * maxShare));
  switch (style % 4) {
    case 0:
      return { rank: `${position}/${student.majorSize}`, size: student.majorSize };
    case 1:
      return { rank: `前${5 + 5 * Math.floor(rng() * 5)}%`, size: null };
    case 2:
      return { rank: `${(Math.floor(rng() * 50) / 2 + 2).toFixed(1)}%`, size: null };
    default:
      return { rank: position, size: student.majorSize };
  }
}

/** A date cell as people write them: mostly real dates, some text in Chinese or slash form. */
function dateCell(rng: Rng, iso: string): ExcelJS.CellValue {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const roll = rng();
  if (roll < 0.04) return `${y}/${m}/${d}`;
  if (roll < 0.07) return `${y}年${m}月${d}日`;
  if (roll < 0.08) return `${y}.${m}.${d}`;
  return utc(iso);
}

const TERMS = ["2021-2022学年第二学期", "2022-2023学年第一学期"] as const;

function reviewRow(rng: Rng, s: StaffRow, term: string): ExcelJS.CellValue[] {
  const scores = Array.from({ length: 5 }, () => 16 + Math.floor(rng() * 9) / 2);
  const total = scores.reduce((a, b) => a + b, 0);
  const grade = total >= 90 ? "优秀" : total >= 80 ? "良好" : "合格";
  return [s.student.id, s.student.name, s.title, term, ...scores, total, grade];
}

/** Zip again with fixed time stamps so the bytes are reproducible. */
async function finish(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = data;
  return zipSync(zippable, { level: 9, mtime: new Date(Date.UTC(2022, 11, 9)) });
}

// ---------------------------------------------------------------------------------------------
// The main sample
// ---------------------------------------------------------------------------------------------

/** The 2022 sample: clean records with the example report's figures. */
export async function buildMainSample(): Promise<Uint8Array> {
  const rng = seededRandom(20221209);
  const F = MAIN_SAMPLE_FIGURES;
  const wb = newWorkbook();

  settingsSheet(wb, [
    ["学校名称", "赣南医学院"],
    ["组织层级", "校级"],
    ["在校生总数", F.enrollment],
    ["是否规模较大高校", "是"],
    ["评估基准日", utc(F.assessmentDate)],
    ["学生代表大会召开日期", "2022年11月23日"],
    ["学生代表大会届次", "第二十三次"],
    ["填表单位", "赣南医学院学生会综合办公室"],
  ]);

  // Staff: drawn from a pool of students of four intakes; 2022 is this year's first-years.
  const pool = studentPool(rng, 900, [2019, 2020, 2021, 2022]);
  const byGrade = (g: number) => pool.filter((s) => s.grade === g);
  const used = new Set<string>();
  const take = (grade: number): Student => {
    const s = byGrade(grade).find((x) => !used.has(x.id));
    if (!s) throw new Error(`pool has too few students of ${grade}`);
    used.add(s.id);
    return s;
  };
  const staff: StaffRow[] = [];
  const add = (student: Student, title: string, department: string | null, political: string): void => {
    const firstYear = student.grade === 2022;
    const { rank, size } = firstYear ? { rank: null, size: null } : goodRank(rng, student, staff.length);
    const failed = firstYear ? null : staff.length % 7 === 3 ? "无" : 0;
    staff.push({ student, title, department, political, rank, majorSize: size, failed });
  };
  add(take(2020), "执行主席", null, "中共党员");
  add(take(2020), "轮值主席", null, "中共党员");
  add(take(2020), "轮值主席", null, "中共预备党员");
  add(take(2021), "轮值主席", null, "中共预备党员");
  add(take(2021), "轮值主席", null, "共青团员");
  const heads: Record<string, number> = {
    综合办公室: 3,
    素质拓展与权益部: 2,
    组织宣传部: 3,
    学术创新部: 2,
    文体艺术部: 3,
  };
  const members: Record<string, number> = {
    综合办公室: 9,
    素质拓展与权益部: 8,
    组织宣传部: 9,
    学术创新部: 8,
    文体艺术部: 8,
  };
  for (const dept of F.departments) {
    add(take(2021), "部长", dept, pick(rng, ["中共预备党员", "共青团员"]));
    for (let i = 1; i < (heads[dept] ?? 0); i++) add(take(2021), "副部长", dept, "共青团员");
  }
  for (const dept of F.departments) {
    for (let i = 0; i < (members[dept] ?? 0); i++) {
      const grade = i < 4 ? 2022 : i < 6 ? 2021 : 2022;
      add(take(grade), "干事", dept, rng() < 0.1 ? "中共预备党员" : "共青团员");
    }
  }
  if (staff.length !== F.staff) throw new Error(`roster has ${staff.length} rows, want ${F.staff}`);
  tableSheet(
    wb,
    "学生会工作人员名单",
    ROSTER_COLUMNS,
    rosterRows(staff),
    "赣南医学院学生会工作人员名单（2022—2023学年）",
  );

  // The volunteer log: the campaign's 233 sessions, then a few other activities, by date.
  const campaignDays = shuffle(rng, daysBetween("2022-03-09", "2022-12-08"))
    .slice(0, F.campaignSessions - 2)
    .concat(["2022-03-08", "2022-12-09"])
    .sort();
  const sizes = campaignDays.map((_, i) => (i < F.campaignPersonTimes - 8 * F.campaignSessions ? 9 : 8));
  const sessionSizes = shuffle(rng, sizes);
  const personTimes = sessionSizes.reduce((a, b) => a + b, 0);
  if (personTimes !== F.campaignPersonTimes) throw new Error(`campaign has ${personTimes} person-times`);
  const hours: number[] = new Array<number>(personTimes).fill(1);
  const slots = shuffle(
    rng,
    hours.map((_, i) => i),
  );
  slots.slice(0, 25).forEach((i) => (hours[i] = 2));
  slots.slice(25, 60).forEach((i) => (hours[i] = 1.5));
  slots.slice(60, 66).forEach((i) => (hours[i] = 0.5));
  const totalHours = hours.reduce((a, b) => a + b, 0);
  if (totalHours !== F.campaignHours) throw new Error(`campaign has ${totalHours} hours`);
  const hourCell = (h: number, k: number): ExcelJS.CellValue =>
    k % 97 === 5 ? `${h}小时` : k % 131 === 7 ? `${h}h` : h;

  const activityRows: Array<{ date: string; row: ExcelJS.CellValue[] }> = [];
  let k = 0;
  campaignDays.forEach((day, s) => {
    const people = shuffle(rng, pool).slice(0, sessionSizes[s]);
    for (const p of people) {
      activityRows.push({
        date: day,
        row: [
          dateCell(rng, day),
          F.campaign,
          "环境保护",
          p.id,
          p.name,
          hourCell(hours[k] as number, k),
          "素质拓展与权益部",
        ],
      });
      k++;
    }
  });
  const others: ReadonlyArray<{
    name: string;
    category: string;
    dept: string;
    days: string[];
    people: number;
    hours: number;
  }> = [
    {
      name: "无偿献血志愿服务",
      category: "公益服务",
      dept: "素质拓展与权益部",
      days: ["2022-04-15", "2022-09-20", "2022-11-18"],
      people: 16,
      hours: 3,
    },
    {
      name: "新生杯篮球赛志愿服务",
      category: "文体服务",
      dept: "文体艺术部",
      days: ["2022-10-08", "2022-10-15", "2022-10-22", "2022-10-29"],
      people: 10,
      hours: 2.5,
    },
    {
      name: "社区健康义诊",
      category: "医疗服务",
      dept: "学术创新部",
      days: ["2022-05-21", "2022-11-05"],
      people: 12,
      hours: 4,
    },
  ];
  for (const a of others) {
    for (const day of a.days) {
      for (const p of shuffle(rng, pool).slice(0, a.people)) {
        activityRows.push({ date: day, row: [utc(day), a.name, a.category, p.id, p.name, a.hours, a.dept] });
      }
    }
  }
  activityRows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  tableSheet(
    wb,
    "志愿服务活动记录",
    ACTIVITY_COLUMNS,
    activityRows.map((r) => r.row),
  );

  // The congress: 138 delegates, 30 of them union staff (well under 40%).
  const staffDelegates = shuffle(rng, staff)
    .slice(0, 30)
    .map((s) => s.student);
  const others138 = pool.filter((p) => !staff.some((s) => s.student.id === p.id) && p.grade !== 2022);
  const delegates = [...staffDelegates, ...shuffle(rng, others138).slice(0, F.delegates - 30)].sort((a, b) =>
    a.college === b.college ? (a.id < b.id ? -1 : 1) : a.college < b.college ? -1 : 1,
  );
  const staffIds = new Set(staff.map((s) => s.student.id));
  tableSheet(
    wb,
    "学生代表大会代表名单",
    CONGRESS_COLUMNS,
    delegates.map((d, i) => [
      i + 1,
      d.name,
      d.id,
      d.college,
      d.className,
      `${d.college}团委`,
      staffIds.has(d.id) ? "是" : "否",
    ]),
    "赣南医学院第二十三次学生代表大会代表名单",
  );

  // Reviews: every presidium member and department head, both terms.
  const reviewed = staff.filter((s) => s.title !== "干事");
  const reviewRows = TERMS.flatMap((term) => reviewed.map((s) => reviewRow(rng, s, term)));
  tableSheet(wb, "述职评议结果", REVIEW_COLUMNS, reviewRows);

  // Meetings: a chairs' meeting every month of the period, trainings in spring and autumn.
  const meetingRows: ExcelJS.CellValue[][] = [];
  const months = [
    "2021-12-17",
    "2022-01-14",
    "2022-02-25",
    "2022-03-11",
    "2022-04-08",
    "2022-05-13",
    "2022-06-10",
    "2022-07-08",
    "2022-08-26",
    "2022-09-16",
    "2022-10-14",
    "2022-11-11",
    "2022-12-02",
  ];
  months.forEach((d, i) =>
    meetingRows.push([utc(d), "主席例会", `全校学生会组织主席工作例会（第${i + 1}次）`, 24 + (i % 5)]),
  );
  meetingRows.push([utc("2022-03-19"), "全员培训", "春季学生会工作人员全员培训", 60]);
  meetingRows.push([utc("2022-10-22"), "全员培训", "秋季学生会工作人员全员培训：学习党的二十大精神", 60]);
  meetingRows.push([utc("2022-06-24"), "主席团会议", "学期工作总结与下学期计划", 5]);
  meetingRows.push([utc("2022-11-25"), "全体工作人员会议", "学习全国学联二十七大会议精神", 58]);
  meetingRows.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  tableSheet(wb, "会议与培训记录", MEETING_COLUMNS, meetingRows);

  return finish(wb);
}

// ---------------------------------------------------------------------------------------------
// The problems sample
// ---------------------------------------------------------------------------------------------

/** A union with planted problems: every rule but `table.missing` fires at least once. */
export async function buildProblemsSample(): Promise<Uint8Array> {
  const rng = seededRandom(404);
  const wb = newWorkbook();
  settingsSheet(wb, [
    ["学校名称", "示例职业技术学院"],
    ["组织层级", "校级"],
    ["在校生总数", 20000],
    ["是否规模较大高校", "否"],
    ["评估基准日", utc("2022-12-09")],
    ["统计开始日期", "去年12月"], // settings.invalid-value: not a date
    ["学生代表大会召开日期", utc("2021-06-01")], // congress.overdue: 18 months before
    ["学生代表大会届次", "第十次"],
    ["departmentHeads", "2-3"], // structure.department-heads is checked only when set
    ["备注", "本表为演示用，故意包含各类问题"],
  ]);

  const pool = studentPool(rng, 400, [2019, 2020, 2021, 2022]);
  const older = pool.filter((s) => s.grade !== 2022);
  let next = 0;
  const take = (): Student => older[next++] as Student;
  const staff: StaffRow[] = [];
  const add = (title: string, department: string | null, political = "共青团员"): StaffRow => {
    const student = take();
    const { rank, size } = goodRank(rng, student, staff.length);
    const row: StaffRow = { student, title, department, political, rank, majorSize: size, failed: 0 };
    staff.push(row);
    return row;
  };
  // 7 presidium members (limit 5).
  add("主席", null, "中共党员");
  for (let i = 0; i < 6; i++) add("副主席", null, "中共预备党员");
  // 7 departments (limit 6), one a standing centre, one a dorm-management office.
  const depts = ["办公室", "学习部", "宣传部", "文艺部", "体育部", "青年志愿者服务中心", "宿管部"];
  const headCount: Record<string, number> = {
    办公室: 2,
    学习部: 2,
    宣传部: 2,
    文艺部: 4,
    体育部: 1,
    青年志愿者服务中心: 2,
    宿管部: 2,
  };
  for (const d of depts) {
    add("部长", d);
    for (let i = 1; i < (headCount[d] ?? 1); i++) add("副部长", d);
  }
  while (staff.length < 49) add("干事", depts[staff.length % depts.length] as string);
  // 50th row: a duplicate student id of row 10 (staff.duplicate).
  const dup = staff[9] as StaffRow;
  staff.push({ ...dup, student: { ...take(), id: dup.student.id }, title: "干事" });

  const set = (i: number, change: Partial<StaffRow>) => (staff[i] = { ...(staff[i] as StaffRow), ...change });
  set(30, { title: "部长助理" }); // staff.title
  set(31, { political: "群众" }); // staff.political-status
  set(32, { rank: "45/100", majorSize: 100 }); // staff.academic-rank
  set(33, { failed: 2 }); // staff.failed-courses
  set(34, { rank: "良好", majorSize: null }); // staff.invalid-value
  set(35, { political: "" }); // staff.missing-value
  const rosterData = rosterRows(staff);
  (rosterData[36] as ExcelJS.CellValue[])[1] = null; // staff.missing-value: no name
  tableSheet(wb, "学生会工作人员名单", ROSTER_COLUMNS, rosterData, "示例职业技术学院学生会工作人员名单");

  // Activities: a clean core plus every kind of bad row.
  const rows: ExcelJS.CellValue[][] = [];
  for (const day of ["2022-03-12", "2022-04-09", "2022-05-14", "2022-09-17", "2022-10-15"]) {
    for (const p of shuffle(rng, pool).slice(0, 6))
      rows.push([utc(day), "校园环境清洁", "环境保护", p.id, p.name, 2, "宣传部"]);
  }
  const p0 = pool[0] as Student;
  const p1 = pool[1] as Student;
  const p2 = pool[2] as Student;
  rows.push([utc("2022-06-18"), "敬老院探访", "公益服务", p0.id, p0.name, 30, "办公室"]); // activity.hours: 30 > 24
  rows.push([utc("2022-06-18"), "敬老院探访", "公益服务", p1.id, p1.name, null, "办公室"]); // activity.hours: blank
  rows.push(["2022-02-30", "敬老院探访", "公益服务", p2.id, p2.name, 2, "办公室"]); // activity.date: impossible
  rows.push([null, "敬老院探访", "公益服务", p0.id, p0.name, 2, "办公室"]); // activity.date: blank
  rows.push([utc("2021-05-01"), "植树活动", "环境保护", p1.id, p1.name, 3, "宣传部"]); // activity.out-of-period
  rows.push([utc("2022-03-12"), ...(rows[0] as ExcelJS.CellValue[]).slice(1)]); // activity.duplicate
  rows.push([utc("2022-07-02"), null, "公益服务", p2.id, p2.name, 2, "办公室"]); // activity.missing-value: no activity
  rows.push([utc("2022-07-02"), "图书馆整理", "公益服务", null, null, 2, "学习部"]); // activity.missing-value: nobody
  tableSheet(wb, "志愿服务活动记录", ACTIVITY_COLUMNS, rows);
  // A second activity sheet without an hours column (table.missing-column).
  tableSheet(
    wb,
    "活动补录",
    ACTIVITY_COLUMNS.filter((c) => !c.header.includes("时长")),
    [[utc("2022-11-05"), "社区宣讲", "宣传教育", p0.id, p0.name, "宣传部"]],
  );

  // Congress: 40 delegates for 20,000 students (needs 200), 30 of them officers, one twice, one nameless.
  const delegates = [...staff.slice(0, 30).map((s) => s.student), ...pool.slice(200, 208)];
  const congressRows: ExcelJS.CellValue[][] = delegates.map((d, i) => [
    i + 1,
    d.name,
    d.id,
    d.college,
    d.className,
    `${d.college}团委`,
    i < 30 ? "是" : "否",
  ]);
  const again = delegates[31] as Student;
  congressRows.push([39, again.name, again.id, again.college, again.className, `${again.college}团委`, "否"]); // congress.duplicate
  const anon = pool[210] as Student;
  congressRows.push([40, null, anon.id, anon.college, anon.className, `${anon.college}团委`, "否"]); // congress.missing-value
  tableSheet(wb, "学生代表大会代表名单", CONGRESS_COLUMNS, congressRows);

  // Reviews: one head has no review in the second term, two scores are unusable.
  const reviewed = staff.filter((s) => s.title !== "干事" && s.title !== "部长助理");
  const reviewRows = TERMS.flatMap((term) => reviewed.map((s) => reviewRow(rng, s, term)));
  reviewRows.pop(); // review.missing
  (reviewRows[0] as ExcelJS.CellValue[])[4] = 120; // review.score: above 100
  (reviewRows[1] as ExcelJS.CellValue[])[7] = "优"; // review.score: not a number
  tableSheet(wb, "述职评议结果", REVIEW_COLUMNS, reviewRows);

  // Meetings: one training (two needed), chairs' meetings in only five months.
  tableSheet(wb, "会议与培训记录", MEETING_COLUMNS, [
    [utc("2022-01-14"), "主席例会", "学期初工作部署", 20],
    [utc("2022-03-11"), "主席例会", "春季学期工作计划", 21],
    [utc("2022-03-26"), "全员培训", "学生会工作人员全员培训", 45],
    [utc("2022-05-13"), "主席例会", "五四表彰筹备", 19],
    [utc("2022-09-16"), "主席例会", "迎新工作", 22],
    [utc("2022-11-11"), "主席例会", "学代会筹备", 20],
  ]);

  return finish(wb);
}

/** A workbook with a roster only: the other tables are missing (`table.missing`). */
export async function buildMissingTablesFixture(): Promise<Uint8Array> {
  const rng = seededRandom(7);
  const wb = newWorkbook();
  const staff = studentPool(rng, 6, [2020, 2021]).map((student, i): StaffRow => {
    const { rank, size } = goodRank(rng, student, i);
    return {
      student,
      title: i === 0 ? "主席" : "干事",
      department: i === 0 ? null : "办公室",
      political: "共青团员",
      rank,
      majorSize: size,
      failed: 0,
    };
  });
  tableSheet(wb, "工作人员", ROSTER_COLUMNS, rosterRows(staff));
  return finish(wb);
}

/** The project root: the nearest folder above this file with a package.json (works from dist/ too). */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Every generated file, relative to the project root, with its builder. */
export const SAMPLE_FILES: ReadonlyArray<readonly [string, () => Promise<Uint8Array>]> = [
  ["samples/sample-2022.xlsx", buildMainSample],
  ["samples/sample-problems.xlsx", buildProblemsSample],
  ["test/golden/missing-tables.xlsx", buildMissingTablesFixture],
];

async function main(): Promise<void> {
  const root = projectRoot();
  for (const [file, build] of SAMPLE_FILES) {
    const target = join(root, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await build());
    process.stdout.write(`wrote ${file}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`make-samples: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
