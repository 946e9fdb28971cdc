/**
 * Test helpers: build a ReadResult (recognised tables + typed records) from partial rows, so rules
 * and figures can be tested without the reader, and flatten findings to tuples for assertions.
 * Not exported from the engine; only tests import it.
 */
import { resolveSettings, type Settings, type SettingsInput } from "../settings";
import type {
  ActivityRecord,
  ColumnMatch,
  DataRow,
  DelegateRecord,
  FieldName,
  Finding,
  MeetingRecord,
  Parsed,
  PoliticalStatus,
  Rank,
  RawCell,
  ReadResult,
  RecognizedTable,
  ReviewRecord,
  StaffRecord,
  StudentLevel,
  TableKind,
  RuleId,
} from "../types";
import { createContext, type RuleContext } from "./context";
import { ruleById } from "./index";
import type { Rule } from "./rule";

/** A cell that the reader could not read, with its raw text. */
export interface Invalid {
  readonly invalid: string;
}

/** A test cell: a value, blank (null/undefined), or unreadable. */
export type In<T> = T | null | undefined | Invalid;

/** Mark a test cell as unreadable. */
export function bad(raw: string): Invalid {
  return { invalid: raw };
}

function isInvalid(v: unknown): v is Invalid {
  return typeof v === "object" && v !== null && "invalid" in v;
}

function parsed<T>(v: In<T>): Parsed<T> {
  if (v === null || v === undefined || v === "") return { state: "blank" };
  if (isInvalid(v)) return { state: "invalid", raw: v.invalid };
  return { state: "ok", value: v };
}

/** A partial roster row; rank as a fraction or "position/size", political as the label. */
export interface StaffInput {
  row?: number;
  name?: In<string>;
  studentId?: In<string>;
  college?: In<string>;
  major?: In<string>;
  grade?: In<number>;
  level?: In<StudentLevel>;
  title?: In<string>;
  department?: In<string>;
  political?: In<string>;
  rank?: In<number | string>;
  failed?: In<number>;
  route?: In<string>;
}

/** A partial activity row. */
export interface ActivityInput {
  row?: number;
  date?: In<string>;
  activity?: In<string>;
  category?: In<string>;
  studentId?: In<string>;
  name?: In<string>;
  hours?: In<number>;
  department?: In<string>;
}

/** A partial delegate row. */
export interface DelegateInput {
  row?: number;
  name?: In<string>;
  studentId?: In<string>;
  college?: In<string>;
  class?: In<string>;
  nominatedBy?: In<string>;
  isOfficer?: In<boolean>;
}

/** A partial review row. */
export interface ReviewInput {
  row?: number;
  studentId?: In<string>;
  name?: In<string>;
  title?: In<string>;
  term?: In<string>;
  scorePolitical?: In<number>;
  scoreConduct?: In<number>;
  scoreStudy?: In<number>;
  scoreWork?: In<number>;
  scoreDiscipline?: In<number>;
  total?: In<number>;
  result?: In<string>;
}

/** A partial meeting row. */
export interface MeetingInput {
  row?: number;
  date?: In<string>;
  type?: In<string>;
  topic?: In<string>;
  attendance?: In<number>;
}

/** Sheet names and headers the helpers use (as a Chinese union would write them). */
export const TEST_SHEETS = {
  roster: "工作人员名单",
  activities: "志愿活动",
  congress: "学代会代表",
  reviews: "述职评议",
  meetings: "会议培训",
} as const;

const HEADERS: {
  readonly [K in Exclude<TableKind, "settings">]: ReadonlyArray<readonly [FieldName, string]>;
} = {
  roster: [
    ["name", "姓名"],
    ["studentId", "学号"],
    ["college", "学院"],
    ["major", "专业"],
    ["grade", "年级"],
    ["level", "学生类别"],
    ["title", "职务"],
    ["department", "所在部门"],
    ["political", "政治面貌"],
    ["rank", "综合成绩排名"],
    ["failed", "不及格门数"],
    ["route", "遴选方式"],
  ],
  activities: [
    ["date", "活动日期"],
    ["activity", "活动名称"],
    ["category", "活动类别"],
    ["studentId", "学号"],
    ["name", "姓名"],
    ["hours", "服务时长（小时）"],
    ["department", "负责部门"],
  ],
  congress: [
    ["name", "姓名"],
    ["studentId", "学号"],
    ["college", "学院"],
    ["class", "班级"],
    ["nominatedBy", "推荐单位"],
    ["isOfficer", "是否学生会工作人员"],
  ],
  reviews: [
    ["studentId", "学号"],
    ["name", "姓名"],
    ["title", "职务"],
    ["term", "学期"],
    ["scorePolitical", "政治学习"],
    ["scoreConduct", "道德品行"],
    ["scoreStudy", "学习情况"],
    ["scoreWork", "工作成效"],
    ["scoreDiscipline", "纪律作风"],
    ["total", "总分"],
    ["result", "评议等次"],
  ],
  meetings: [
    ["date", "日期"],
    ["type", "会议类型"],
    ["topic", "主题"],
    ["attendance", "参加人数"],
  ],
};

function letter(index0: number): string {
  let n = index0 + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function rawOf(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (isInvalid(v)) return v.invalid;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

function foldPolitical(label: string): PoliticalStatus {
  if (/预备/.test(label)) return "probationary";
  if (/党员/.test(label)) return "party";
  if (/团员/.test(label)) return "league";
  return "other";
}

function parseRank(v: In<number | string>): Parsed<Rank> {
  if (typeof v === "number") return { state: "ok", value: { fraction: v } };
  if (typeof v === "string") {
    const m = /^(\d+)\/(\d+)$/.exec(v);
    if (!m) return { state: "invalid", raw: v };
    const position = Number(m[1]);
    const size = Number(m[2]);
    return { state: "ok", value: { fraction: position / size, position, size } };
  }
  return parsed<Rank>(v);
}

let serial = 0;

/** A valid, eligible staff row with the given fields replaced. */
export function staffRecord(p: StaffInput, row: number, sheet: string = TEST_SHEETS.roster): StaffRecord {
  const n = ++serial;
  const d: StaffInput = {
    name: `成员${n}`,
    studentId: `S${String(n).padStart(6, "0")}`,
    college: "医学院",
    major: "临床医学",
    grade: 2020,
    level: "undergraduate",
    title: "干事",
    department: "组织宣传部",
    political: "共青团员",
    rank: "5/100",
    failed: 0,
    ...p,
  };
  const political = parsed(d.political);
  return {
    sheet,
    row,
    name: parsed(d.name),
    studentId: parsed(d.studentId),
    college: parsed(d.college),
    major: parsed(d.major),
    grade: parsed(d.grade),
    level: parsed(d.level),
    title: parsed(d.title),
    department: parsed(d.department),
    political:
      political.state === "ok"
        ? { state: "ok", value: { label: political.value, status: foldPolitical(political.value) } }
        : political,
    rank: parseRank(d.rank),
    failed: parsed(d.failed),
    route: parsed(d.route),
  };
}

/** A valid activity row with the given fields replaced. */
export function activityRecord(
  p: ActivityInput,
  row: number,
  sheet: string = TEST_SHEETS.activities,
): ActivityRecord {
  const d: ActivityInput = {
    date: "2022-03-08",
    activity: "绿色校园 有我守护",
    category: "志愿服务",
    studentId: `A${row}`,
    name: `志愿者${row}`,
    hours: 2,
    ...p,
  };
  return {
    sheet,
    row,
    date: parsed(d.date),
    activity: parsed(d.activity),
    category: parsed(d.category),
    studentId: parsed(d.studentId),
    name: parsed(d.name),
    hours: parsed(d.hours),
    department: parsed(d.department),
  };
}

/** A valid delegate row with the given fields replaced. */
export function delegateRecord(
  p: DelegateInput,
  row: number,
  sheet: string = TEST_SHEETS.congress,
): DelegateRecord {
  const d: DelegateInput = {
    name: `代表${row}`,
    studentId: `D${row}`,
    college: "医学院",
    class: "临床2101班",
    ...p,
  };
  return {
    sheet,
    row,
    name: parsed(d.name),
    studentId: parsed(d.studentId),
    college: parsed(d.college),
    class: parsed(d.class),
    nominatedBy: parsed(d.nominatedBy),
    isOfficer: parsed(d.isOfficer),
  };
}

/** A review row (scores 90 unless given) with the given fields replaced. */
export function reviewRecord(p: ReviewInput, row: number, sheet: string = TEST_SHEETS.reviews): ReviewRecord {
  const d: ReviewInput = {
    term: "2022春",
    scorePolitical: 90,
    scoreConduct: 90,
    scoreStudy: 90,
    scoreWork: 90,
    scoreDiscipline: 90,
    total: 90,
    result: "优秀",
    ...p,
  };
  return {
    sheet,
    row,
    studentId: parsed(d.studentId),
    name: parsed(d.name),
    title: parsed(d.title),
    term: parsed(d.term),
    scorePolitical: parsed(d.scorePolitical),
    scoreConduct: parsed(d.scoreConduct),
    scoreStudy: parsed(d.scoreStudy),
    scoreWork: parsed(d.scoreWork),
    scoreDiscipline: parsed(d.scoreDiscipline),
    total: parsed(d.total),
    result: parsed(d.result),
  };
}

/** A meeting row with the given fields replaced. */
export function meetingRecord(
  p: MeetingInput,
  row: number,
  sheet: string = TEST_SHEETS.meetings,
): MeetingRecord {
  const d: MeetingInput = { date: "2022-03-01", type: "主席例会", topic: "工作部署", attendance: 10, ...p };
  return {
    sheet,
    row,
    date: parsed(d.date),
    type: parsed(d.type),
    topic: parsed(d.topic),
    attendance: parsed(d.attendance),
  };
}

/** What to put in a test workbook: rows per table, and columns to leave out of a table. */
export interface TestWorkbook {
  roster?: readonly StaffInput[];
  activities?: readonly ActivityInput[];
  congress?: readonly DelegateInput[];
  reviews?: readonly ReviewInput[];
  meetings?: readonly MeetingInput[];
  without?: { readonly [K in Exclude<TableKind, "settings">]?: readonly FieldName[] };
  /** Reading findings to pass through. */
  findings?: readonly Finding[];
}

function table<R extends { row: number }>(
  kind: Exclude<TableKind, "settings">,
  sheetIndex: number,
  inputs: ReadonlyArray<{ row?: number }>,
  records: readonly R[],
  without: readonly FieldName[],
): RecognizedTable {
  const fields = HEADERS[kind].filter(([f]) => !without.includes(f));
  const columns: ColumnMatch[] = fields.map(([field, header], index) => ({
    field,
    index,
    letter: letter(index),
    header,
  }));
  const rows: DataRow[] = records.map((r, i) => {
    const input = inputs[i] as Record<string, unknown>;
    const rec = r as unknown as Record<string, Parsed<unknown>>;
    return {
      row: r.row,
      cells: fields.map(([field]) => {
        if (field in input) return rawOf(input[field]);
        const p = rec[field];
        if (!p || p.state === "blank") return null;
        if (p.state === "invalid") return p.raw;
        const v = p.value;
        if (v && typeof v === "object" && "label" in v) return String(v.label);
        if (v && typeof v === "object" && "fraction" in v) return Number(v.fraction);
        return rawOf(v);
      }),
    };
  });
  return {
    kind,
    sheet: TEST_SHEETS[kind],
    sheetIndex,
    headerRow: 1,
    columns,
    otherColumns: [],
    rows,
    source: "name",
  };
}

/** Build a ReadResult as the reader would: one sheet per given table, header in row 1, data from row 2. */
export function makeRead(wb: TestWorkbook): ReadResult {
  const rowOf = (inputs: ReadonlyArray<{ row?: number }>, i: number): number => inputs[i]?.row ?? i + 2;
  const tables: RecognizedTable[] = [];
  const staff = (wb.roster ?? []).map((p, i) => staffRecord(p, rowOf(wb.roster ?? [], i)));
  const activities = (wb.activities ?? []).map((p, i) => activityRecord(p, rowOf(wb.activities ?? [], i)));
  const delegates = (wb.congress ?? []).map((p, i) => delegateRecord(p, rowOf(wb.congress ?? [], i)));
  const reviews = (wb.reviews ?? []).map((p, i) => reviewRecord(p, rowOf(wb.reviews ?? [], i)));
  const meetings = (wb.meetings ?? []).map((p, i) => meetingRecord(p, rowOf(wb.meetings ?? [], i)));
  const w = wb.without ?? {};
  if (wb.roster) tables.push(table("roster", tables.length, wb.roster, staff, w.roster ?? []));
  if (wb.activities) {
    tables.push(table("activities", tables.length, wb.activities, activities, w.activities ?? []));
  }
  if (wb.congress) tables.push(table("congress", tables.length, wb.congress, delegates, w.congress ?? []));
  if (wb.reviews) tables.push(table("reviews", tables.length, wb.reviews, reviews, w.reviews ?? []));
  if (wb.meetings) tables.push(table("meetings", tables.length, wb.meetings, meetings, w.meetings ?? []));
  return {
    tables,
    staff,
    activities,
    delegates,
    reviews,
    meetings,
    settingsEntries: [],
    sheetSettings: {},
    findings: wb.findings ?? [],
  };
}

/** Settings for tests: the example school's 2022 assessment unless overridden. */
export function testSettings(overrides: SettingsInput = {}): Settings {
  return resolveSettings(
    [{ assessmentDate: "2022-12-09", periodStart: "2022-01-01", periodEnd: "2022-12-09" }, overrides],
    "2022-12-09",
  );
}

/** A rule for tests: the registered rule's description with another run (a probe, a rule that throws). */
export function withRun(id: RuleId, run: (ctx: RuleContext) => Finding[]): Rule {
  const rule = ruleById(id);
  if (rule === undefined) throw new Error(`no rule ${id}`);
  return { meta: rule.meta, run };
}

/** Run one rule over a test workbook. */
export function runRule(rule: Rule, read: ReadResult, settings: Settings = testSettings()): Finding[] {
  return rule.run?.(createContext(read, settings)) ?? [];
}

/** Findings as tuples of the named keys (params keys allowed as `params.x`), like frictionless's flatten. */
export function flat(findings: readonly Finding[], keys: readonly string[]): unknown[][] {
  return findings.map((f) =>
    keys.map((k) => {
      // Tests name params by key on purpose: the tuple is compared with the expected values.
      if (k.startsWith("params."))
        return (f.params as Readonly<Record<string, unknown>> | undefined)?.[k.slice(7)];
      return (f as unknown as Record<string, unknown>)[k];
    }),
  );
}
