/**
 * Synthetic workbooks for the benchmarks (issue 5): a union's settings, staff roster, activity /
 * volunteer log, congress delegates, term reviews and meetings, at any size — as the engine's
 * {@link WorkbookInput} in memory and as .xlsx files written with ExcelJS's streaming
 * WorkbookWriter (rows are produced lazily, so writing a 200,000-row log needs little memory).
 *
 * Deterministic: every sheet's rows come from a seeded PRNG (mulberry32) restarted for each pass,
 * so the in-memory input and the file hold the same values and a re-run reproduces them. No
 * Math.random, no clock.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { RawCell, SheetInput, WorkbookInput } from "../src/engine";
import { seededRandom, type Rng } from "../scripts/lib/prng";
import {
  ACTIVITY_COLUMNS,
  CONGRESS_COLUMNS,
  MEETING_COLUMNS,
  REVIEW_COLUMNS,
  ROSTER_COLUMNS,
  type ColumnSpec,
} from "../scripts/lib/columns";

/** Bump when the generated content changes, so cached files under bench/.work are rebuilt. */
export const GENERATOR_VERSION = 4;

/** A PRNG in [0, 1) from a 32-bit seed: the generator scripts' mulberry32, shared. */
export const seeded = seededRandom;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** How big one synthetic union is. */
export interface UnionSize {
  /** Activity-log data rows (one participant in one session each). */
  readonly activities: number;
  /** Roster data rows. */
  readonly roster: number;
}

/**
 * The sizes the issue names: activity logs of 1k / 20k / 200k rows with a school union's roster
 * of 60 (the growth 20k → 200k is measured on these, so a fixed roster cost does not dilute it),
 * and the 20k and 200k logs with a federation-sized roster of 2,000 (the .xlsx of the CLI,
 * browser and Office measurements is `200k-r2000`, the largest).
 */
export const SIZES = {
  "1k": { activities: 1_000, roster: 60 },
  "20k": { activities: 20_000, roster: 60 },
  "200k": { activities: 200_000, roster: 60 },
  "20k-r2000": { activities: 20_000, roster: 2_000 },
  "200k-r2000": { activities: 200_000, roster: 2_000 },
} as const satisfies Readonly<Record<string, UnionSize>>;

/** The size of the large .xlsx file (CLI, browser, Office adapter). */
export const LARGE: SizeName = "200k-r2000";

/** A size's name. */
export type SizeName = keyof typeof SIZES;

/** One generated sheet: a header row, then rows produced on demand (a fresh pass each call). */
export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rowCount: number;
  readonly rows: () => Iterable<RawCell[]>;
}

/** A generated workbook. */
export interface WorkbookSpec {
  readonly school: string;
  readonly sheets: readonly SheetSpec[];
}

// ---------------------------------------------------------------------------------------------
// People and names
// ---------------------------------------------------------------------------------------------

const SURNAMES = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任卢姚钟廖谭",
];
const GIVEN = [
  ..."子涵欣怡梓轩浩然雨桐思远一诺佳琪宇航嘉怡俊杰诗涵明轩晓雯志强婉婷文博雅婷天宇梦瑶振宇心怡博文静怡家豪晨曦若曦",
];
const COLLEGES = [
  "第一临床医学院",
  "医学影像学院",
  "药学院",
  "护理学院",
  "医学信息工程学院",
  "公共卫生与健康管理学院",
  "康复学院",
  "口腔医学院",
  "医学检验学院",
  "马克思主义学院",
];
const MAJORS = [
  "临床医学",
  "医学影像学",
  "药学",
  "护理学",
  "医学信息工程",
  "预防医学",
  "康复治疗学",
  "口腔医学",
];
const GRADES = [2019, 2020, 2021, 2022];

/** The `i`-th student of a school: name, id, college, grade (a pure function of `i`). */
function student(i: number): { name: string; id: string; college: string; grade: number; major: string } {
  const grade = GRADES[i % GRADES.length] as number;
  const college = COLLEGES[Math.floor(i / 4) % COLLEGES.length] as string;
  const s = SURNAMES[(i * 7) % SURNAMES.length] as string;
  const g1 = GIVEN[(i * 13) % GIVEN.length] as string;
  const g2 = i % 3 === 0 ? "" : (GIVEN[(i * 31 + 5) % GIVEN.length] as string);
  return {
    name: s + g1 + g2,
    id: `${grade}${String(i).padStart(6, "0")}`,
    college,
    grade,
    major: MAJORS[i % MAJORS.length] as string,
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets
// ---------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const PERIOD_START = Date.UTC(2022, 0, 1);

function dateOf(dayOffset: number): Date {
  return new Date(PERIOD_START + dayOffset * DAY_MS);
}

/** A date as people write it: mostly a real date, sometimes text. */
function dateCell(rng: Rng, day: Date): RawCell {
  const roll = rng();
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  if (roll < 0.03) return `${y}/${m}/${d}`;
  if (roll < 0.05) return `${y}年${m}月${d}日`;
  return day;
}

const ACTIVITY_NAMES = [
  "绿色校园 有我守护",
  "无偿献血志愿服务",
  "社区健康义诊",
  "新生报到志愿服务",
  "图书馆整理",
  "关爱留守儿童",
  "运动会志愿服务",
  "防疫志愿服务",
  "敬老院慰问",
  "学术讲座志愿服务",
];
const CATEGORIES = ["环境保护", "公益服务", "文体服务", "医疗卫生", "社区服务"];
const DEPARTMENTS_SMALL = ["综合办公室", "素质拓展与权益部", "组织宣传部", "学术创新部", "文体艺术部"];
const HOURS = [1, 1.5, 2, 2, 2.5, 3, 4];

function settingsSheet(school: string, enrollment: number): SheetSpec {
  const rows: RawCell[][] = [
    ["学校名称", school],
    ["组织层级", "校级"],
    ["在校生总数", enrollment],
    ["是否规模较大高校", enrollment > 20_000 ? "是" : "否"],
    ["评估基准日", new Date(Date.UTC(2022, 11, 31))],
    ["统计开始日期", new Date(Date.UTC(2022, 0, 1))],
    ["统计截止日期", new Date(Date.UTC(2022, 11, 31))],
    ["学生代表大会召开日期", "2022年11月23日"],
    ["学生代表大会届次", "第二十三次"],
  ];
  return {
    name: "基本信息",
    columns: [
      { header: "项目", width: 22 },
      { header: "内容", width: 26 },
    ],
    rowCount: rows.length,
    rows: () => rows.map((r) => [...r]),
  };
}

interface RosterShape {
  readonly presidium: number;
  readonly departments: readonly string[];
  readonly headsPerDepartment: number;
}

function rosterShape(size: number): RosterShape {
  if (size <= 80) return { presidium: 5, departments: DEPARTMENTS_SMALL, headsPerDepartment: 3 };
  // A federation-sized roster: every college's union departments.
  const departments = COLLEGES.flatMap((c) => DEPARTMENTS_SMALL.map((d) => `${c}${d}`));
  return { presidium: 9, departments, headsPerDepartment: 3 };
}

/** The roster member at position `i` (0-based): title and department. */
function rosterRole(
  shape: RosterShape,
  size: number,
  i: number,
): { title: string; department: string | null } {
  if (i < shape.presidium) return { title: i === 0 ? "执行主席" : "轮值主席", department: null };
  const k = i - shape.presidium;
  const nDept = shape.departments.length;
  const heads = nDept * shape.headsPerDepartment;
  if (k < heads) {
    const dept = shape.departments[Math.floor(k / shape.headsPerDepartment)] as string;
    return { title: k % shape.headsPerDepartment === 0 ? "部长" : "副部长", department: dept };
  }
  void size;
  return { title: "干事", department: shape.departments[(k - heads) % nDept] as string };
}

function rosterSheet(seed: number, size: number, problems: boolean): SheetSpec {
  const shape = rosterShape(size);
  return {
    name: "学生会工作人员名单",
    columns: ROSTER_COLUMNS,
    rowCount: size,
    *rows() {
      const rng = seeded(seed);
      for (let i = 0; i < size; i++) {
        const p = student(i * 11 + 3);
        const role = rosterRole(shape, size, i);
        const firstYear = p.grade === 2022;
        const majorSize = 60 + ((i * 37) % 240);
        const position = 1 + Math.floor(rng() * majorSize * 0.28);
        const style = i % 4;
        const rank: RawCell = firstYear
          ? null
          : style === 0
            ? `${position}/${majorSize}`
            : style === 1
              ? `前${5 + 5 * Math.floor(rng() * 5)}%`
              : style === 2
                ? `${(Math.floor(rng() * 50) / 2 + 2).toFixed(1)}%`
                : position;
        const bad = problems && rng() < 0.02;
        yield [
          i + 1,
          p.name,
          p.id,
          p.college,
          p.major,
          `${p.grade}级`,
          "本科",
          role.title,
          role.department,
          bad ? "群众" : i < shape.presidium ? "中共党员" : rng() < 0.15 ? "中共预备党员" : "共青团员",
          rank,
          style === 0 || style === 3 ? majorSize : null,
          firstYear ? null : i % 7 === 3 ? "无" : 0,
        ];
      }
    },
  };
}

/**
 * The activity log: sessions of 5–12 participants drawn from `students` people; about 0.3 % of
 * rows carry a problem (hours out of range or as text, a duplicate participant, a text date).
 */
function activitySheet(seed: number, rows: number, students: number, problems: boolean): SheetSpec {
  const activityNames = Math.max(10, Math.round(rows / 1000));
  return {
    name: "志愿服务活动记录",
    columns: ACTIVITY_COLUMNS,
    rowCount: rows,
    *rows() {
      const rng = seeded(seed);
      let emitted = 0;
      let session = 0;
      while (emitted < rows) {
        const day = dateOf(Math.floor(rng() * 365));
        const a = Math.floor(rng() * activityNames);
        const name = `${ACTIVITY_NAMES[a % ACTIVITY_NAMES.length]}${a < ACTIVITY_NAMES.length ? "" : `（第${Math.floor(a / ACTIVITY_NAMES.length) + 1}期）`}`;
        const category = CATEGORIES[a % CATEGORIES.length] as string;
        const dept = DEPARTMENTS_SMALL[a % DEPARTMENTS_SMALL.length] as string;
        const people = 5 + Math.floor(rng() * 8);
        let previous: string | null = null;
        for (let k = 0; k < people && emitted < rows; k++) {
          const p = student(Math.floor(rng() * students));
          let hours: RawCell = pick(rng, HOURS);
          let id = p.id;
          const roll = problems ? rng() : 1;
          if (roll < 0.001) hours = 30;
          else if (roll < 0.002) hours = `${hours as number}小时`;
          else if (roll < 0.003 && previous !== null) id = previous;
          previous = id;
          yield [dateCell(rng, day), name, category, id, p.name, hours, dept];
          emitted++;
        }
        session++;
      }
      void session;
    },
  };
}

function congressSheet(seed: number, delegates: number, rosterSize: number): SheetSpec {
  return {
    name: "学生代表大会代表名单",
    columns: CONGRESS_COLUMNS,
    rowCount: delegates,
    *rows() {
      const rng = seeded(seed);
      for (let i = 0; i < delegates; i++) {
        // About a quarter are union officers (on the roster), the rest ordinary students.
        const officer = i % 4 === 0 && i / 4 < rosterSize;
        const p = officer ? student((i / 4) * 11 + 3) : student(1_000_000 + i);
        yield [
          i + 1,
          p.name,
          p.id,
          p.college,
          `${p.major}${p.grade}级${1 + Math.floor(rng() * 4)}班`,
          `${p.college}团委`,
          officer ? "是" : "否",
        ];
      }
    },
  };
}

function reviewSheet(seed: number, rosterSize: number): SheetSpec {
  const shape = rosterShape(rosterSize);
  const reviewed = shape.presidium + shape.departments.length * shape.headsPerDepartment;
  const terms = ["2021-2022学年第二学期", "2022-2023学年第一学期"];
  return {
    name: "述职评议结果",
    columns: REVIEW_COLUMNS,
    rowCount: Math.min(reviewed, rosterSize) * terms.length,
    *rows() {
      const rng = seeded(seed);
      for (const term of terms) {
        for (let i = 0; i < Math.min(reviewed, rosterSize); i++) {
          const p = student(i * 11 + 3);
          const scores = Array.from({ length: 5 }, () => 16 + Math.floor(rng() * 9) / 2);
          const total = scores.reduce((a, b) => a + b, 0);
          yield [
            p.id,
            p.name,
            rosterRole(shape, rosterSize, i).title,
            term,
            ...scores,
            total,
            total >= 90 ? "优秀" : total >= 80 ? "良好" : "合格",
          ];
        }
      }
    },
  };
}

function meetingSheet(): SheetSpec {
  const rows: RawCell[][] = [];
  for (let m = 0; m < 12; m++) {
    rows.push([new Date(Date.UTC(2022, m, 10)), "主席团例会", `${m + 1}月工作部署`, 12]);
  }
  rows.push([new Date(Date.UTC(2022, 3, 20)), "骨干培训", "学生会改革精神学习", 60]);
  rows.push([new Date(Date.UTC(2022, 9, 20)), "新成员培训", "工作规范与作风建设", 55]);
  return {
    name: "会议培训记录",
    columns: MEETING_COLUMNS,
    rowCount: rows.length,
    rows: () => rows.map((r) => [...r]),
  };
}

/** Options of {@link unionWorkbook}. */
export interface UnionOptions extends UnionSize {
  readonly seed: number;
  readonly school?: string;
  /** Plant a few problems (default true): errors, warnings, text values. */
  readonly problems?: boolean;
}

/**
 * One union's workbook: activity participants are drawn from `activities / 5` students (a few
 * sessions each); the school's enrollment is at least that, delegates are 1.05 % of it, reviews
 * cover the presidium and department heads for two terms.
 */
export function unionWorkbook(options: UnionOptions): WorkbookSpec {
  const { seed, activities, roster } = options;
  const problems = options.problems ?? true;
  const students = Math.max(200, Math.round(activities / 5));
  const enrollment = Math.max(13_800, students);
  const delegates = Math.ceil(enrollment * 0.0105);
  const school = options.school ?? "样本大学";
  return {
    school,
    sheets: [
      settingsSheet(school, enrollment),
      rosterSheet(seed + 1, roster, problems),
      activitySheet(seed + 2, activities, students, problems),
      congressSheet(seed + 3, delegates, roster),
      reviewSheet(seed + 4, roster),
      meetingSheet(),
    ],
  };
}

/** The workbook of a named bench size. */
export function sizedWorkbook(size: SizeName): WorkbookSpec {
  return unionWorkbook({ ...SIZES[size], seed: 5000 + Object.keys(SIZES).indexOf(size) * 100 });
}

/** The `i`-th (0-based) of the batch's school workbooks: 60 staff, 300–3,000 activity rows. */
export function schoolWorkbook(i: number): WorkbookSpec {
  const rng = seeded(9000 + i);
  return unionWorkbook({
    seed: 10_000 + i * 10,
    activities: 300 + Math.floor(rng() * 2700),
    roster: 40 + Math.floor(rng() * 30),
    school: `第${i + 1}号样本大学`,
    problems: i % 3 !== 0,
  });
}

/** How many school workbooks the batch bench uses. */
export const SCHOOL_COUNT = 100;

// ---------------------------------------------------------------------------------------------
// Output: the engine's input in memory, and .xlsx files
// ---------------------------------------------------------------------------------------------

/** The workbook as the engine's input (header row in row 1), as an adapter would read it. */
export function toWorkbookInput(spec: WorkbookSpec): WorkbookInput {
  const sheets: SheetInput[] = spec.sheets.map((s) => {
    const rows: RawCell[][] = [s.columns.map((c) => c.header)];
    for (const r of s.rows()) rows.push(trimRow(r));
    return { name: s.name, rows };
  });
  return { sheets };
}

/** Readers cut a row after its last non-blank cell. */
function trimRow(row: RawCell[]): RawCell[] {
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
  return n === row.length ? row : row.slice(0, n);
}

/**
 * Write the workbook to `file` with ExcelJS's streaming writer (shared strings and styles, as
 * Excel saves files): rows are generated and committed one at a time, so memory stays bounded.
 */
export async function writeWorkbookXlsx(spec: WorkbookSpec, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  wb.creator = "ziping bench";
  wb.created = new Date(Date.UTC(2022, 11, 31));
  wb.modified = wb.created;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      width: c.width ?? 12,
      ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
    }));
    for (const r of s.rows()) {
      const row = ws.addRow(r.map((v) => (v === null ? undefined : v)));
      // A date in a column without a date format (the settings sheet) gets one of its own.
      r.forEach((v, i) => {
        if (v instanceof Date && !s.columns[i]?.numFmt) row.getCell(i + 1).numFmt = "yyyy-mm-dd";
      });
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}
