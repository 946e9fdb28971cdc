/**
 * Test helpers: build a ReadResult (recognised tables + typed records) from partial rows, so rules
 * and figures can be tested without the reader, and flatten findings to tuples for assertions.
 * Not exported from the engine; only tests import it.
 */
import { resolveSettings, type Settings, type SettingsInput } from "../settings";
import { FIELD_LABELS } from "../i18n/labels";
import { STAFF_FIELDS } from "../model";
import { columnLetter } from "../workbook/address";
import { REVIEW_SCORES } from "../types";
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
  RecordOrigin,
  ReviewRecord,
  StaffRecord,
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

/** A partial test row of a record type: each field a value, blank or unreadable, and the row. */
type InputOf<R extends RecordOrigin> = { row?: number } & {
  [K in Exclude<keyof R, keyof RecordOrigin>]?: R[K] extends Parsed<infer T> ? In<T> : never;
};

/** A partial roster row; rank as a fraction or "position/size", political as the label. */
export type StaffInput = Omit<InputOf<StaffRecord>, "political" | "rank"> & {
  political?: In<string>;
  rank?: In<number | string>;
};

/** A partial activity row. */
export type ActivityInput = InputOf<ActivityRecord>;

/** A partial delegate row. */
export type DelegateInput = InputOf<DelegateRecord>;

/** A partial review row. */
export type ReviewInput = InputOf<ReviewRecord>;

/** A partial meeting row. */
export type MeetingInput = InputOf<MeetingRecord>;

/** Sheet names and headers the helpers use (as a Chinese union would write them). */
export const TEST_SHEETS = {
  roster: "工作人员名单",
  activities: "志愿活动",
  congress: "学代会代表",
  reviews: "述职评议",
  meetings: "会议培训",
} as const;

/** The record type of each table kind the helpers build. */
interface RecordOf {
  readonly roster: StaffRecord;
  readonly activities: ActivityRecord;
  readonly congress: DelegateRecord;
  readonly reviews: ReviewRecord;
  readonly meetings: MeetingRecord;
}

type DataKind = keyof RecordOf;
type Fields<K extends DataKind> = Exclude<keyof RecordOf[K], keyof RecordOrigin>;

/** Each test sheet's columns, in order: they are also the fields its records are built with. */
const COLUMNS = {
  roster: STAFF_FIELDS,
  activities: ["date", "activity", "category", "studentId", "name", "hours", "department"],
  congress: ["name", "studentId", "college", "class", "nominatedBy", "isOfficer"],
  reviews: ["studentId", "name", "title", "term", ...REVIEW_SCORES, "total", "result"],
  meetings: ["date", "type", "topic", "attendance"],
} as const satisfies { readonly [K in DataKind]: ReadonlyArray<Fields<K>> };

// Every field of a record is a column of its test sheet: a field left out fails to compile here.
const everyFieldAColumn: {
  [K in DataKind]: Exclude<Fields<K>, (typeof COLUMNS)[K][number]>;
} extends { [K in DataKind]: never }
  ? true
  : never = true;
void everyFieldAColumn;

/** Headers a union writes where the test sheet does not use the field's own label. */
const HEADERS: { readonly [K in DataKind]?: Partial<Readonly<Record<Fields<K>, string>>> } = {
  roster: { department: "所在部门", rank: "综合成绩排名" },
  activities: { date: "活动日期", hours: "服务时长（小时）", department: "负责部门" },
};

/** The fields of a kind's record, in column order, with their headers. */
function headersOf(kind: DataKind): ReadonlyArray<readonly [FieldName, string]> {
  const own: Readonly<Record<string, string | undefined>> = HEADERS[kind] ?? {};
  return COLUMNS[kind].map((field) => [field, own[field] ?? FIELD_LABELS.zh[field]] as const);
}

/** A record of the kind: every field of the row parsed (absent fields are blank). */
function parsedRecord<K extends DataKind>(kind: K, d: object, row: number): RecordOf[K] {
  const values = d as Readonly<Record<string, In<unknown>>>;
  const record: Record<string, unknown> = { sheet: TEST_SHEETS[kind], row };
  for (const [field] of headersOf(kind)) record[field] = parsed(values[field]);
  // HEADERS names exactly the record's fields, so the object built from it is one.
  return record as unknown as RecordOf[K];
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
function staffRecord(p: StaffInput, row: number): StaffRecord {
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
    ...parsedRecord("roster", d, row),
    political:
      political.state === "ok"
        ? { state: "ok", value: { label: political.value, status: foldPolitical(political.value) } }
        : political,
    rank: parseRank(d.rank),
  };
}

/** A valid activity row with the given fields replaced. */
function activityRecord(p: ActivityInput, row: number): ActivityRecord {
  const defaults: ActivityInput = {
    date: "2022-03-08",
    activity: "绿色校园 有我守护",
    category: "志愿服务",
    studentId: `A${row}`,
    name: `志愿者${row}`,
    hours: 2,
  };
  return parsedRecord("activities", { ...defaults, ...p }, row);
}

/** A valid delegate row with the given fields replaced. */
function delegateRecord(p: DelegateInput, row: number): DelegateRecord {
  const defaults: DelegateInput = {
    name: `代表${row}`,
    studentId: `D${row}`,
    college: "医学院",
    class: "临床2101班",
  };
  return parsedRecord("congress", { ...defaults, ...p }, row);
}

/** A review row (scores 90 unless given) with the given fields replaced. */
function reviewRecord(p: ReviewInput, row: number): ReviewRecord {
  const defaults: ReviewInput = { term: "2022春", total: 90, result: "优秀" };
  for (const score of REVIEW_SCORES) defaults[score] = 90;
  return parsedRecord("reviews", { ...defaults, ...p }, row);
}

/** A meeting row with the given fields replaced. */
function meetingRecord(p: MeetingInput, row: number): MeetingRecord {
  const defaults: MeetingInput = { date: "2022-03-01", type: "主席例会", topic: "工作部署", attendance: 10 };
  return parsedRecord("meetings", { ...defaults, ...p }, row);
}

/** What to put in a test workbook: rows per table, and columns to leave out of a table. */
export interface TestWorkbook {
  roster?: readonly StaffInput[];
  activities?: readonly ActivityInput[];
  congress?: readonly DelegateInput[];
  reviews?: readonly ReviewInput[];
  meetings?: readonly MeetingInput[];
  without?: { readonly [K in DataKind]?: readonly FieldName[] };
  /** Reading findings to pass through. */
  findings?: readonly Finding[];
}

function table<R extends { row: number }>(
  kind: DataKind,
  sheetIndex: number,
  inputs: ReadonlyArray<{ row?: number }>,
  records: readonly R[],
  without: readonly FieldName[],
): RecognizedTable {
  const fields = headersOf(kind).filter(([f]) => !without.includes(f));
  const columns: ColumnMatch[] = fields.map(([field, header], index) => ({
    field,
    index,
    letter: columnLetter(index),
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
  const tables: RecognizedTable[] = [];
  // A given table (even an empty one) is a recognised sheet; records are numbered from row 2.
  function records<I extends { row?: number }, R extends RecordOrigin>(
    kind: DataKind,
    inputs: readonly I[] | undefined,
    build: (p: I, row: number) => R,
  ): R[] {
    if (inputs === undefined) return [];
    const built = inputs.map((p, i) => build(p, p.row ?? i + 2));
    tables.push(table(kind, tables.length, inputs, built, wb.without?.[kind] ?? []));
    return built;
  }
  const staff = records("roster", wb.roster, staffRecord);
  const activities = records("activities", wb.activities, activityRecord);
  const delegates = records("congress", wb.congress, delegateRecord);
  const reviews = records("reviews", wb.reviews, reviewRecord);
  const meetings = records("meetings", wb.meetings, meetingRecord);
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

/**
 * A union whose reviews miss one: the executive chair (row 2) and the head (row 3, 李部长) are
 * reviewed in 2022春, only the chair in 2022秋; the member (row 4) needs none.
 */
export const REVIEWED_UNION = {
  roster: [
    { name: "张主席", studentId: "1", title: "执行主席" },
    { name: "李部长", studentId: "2", title: "部长" },
    { name: "王干事", studentId: "3", title: "干事" },
  ],
  reviews: [
    { studentId: "1", term: "2022春" },
    { studentId: "2", term: "2022春" },
    { studentId: "1", term: "2022秋" },
  ],
} as const satisfies TestWorkbook;

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
