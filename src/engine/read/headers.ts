/**
 * Header synonyms per table kind, sheet-name hints, and the header matcher: which column holds
 * which field, and which row is the header row.
 */
import type { RawCell, TableFields, TableKind } from "../types";
import { TABLE_KINDS } from "../types";
import { cellText, isBlankCell, normalizeHeader, toHalfWidth } from "./normalize";

/** Header texts that name each field of each table kind (compared after `normalizeHeader`). */
export const HEADER_SYNONYMS: {
  readonly [K in TableKind]: Readonly<Record<TableFields[K], readonly string[]>>;
} = {
  settings: {
    key: ["项目", "键", "设置项", "参数", "配置项", "key", "item", "setting", "parameter"],
    value: ["内容", "值", "数值", "设置值", "取值", "参数值", "value"],
  },
  roster: {
    name: ["姓名", "名字", "name", "full name", "student name"],
    studentId: [
      "学号",
      "学生学号",
      "学籍号",
      "student id",
      "student no.",
      "student no",
      "student number",
      "id",
    ],
    college: ["学院", "所在学院", "院系", "所在院系", "学部", "college", "school", "faculty"],
    major: ["专业", "专业班级", "所学专业", "所在专业", "major", "programme", "program"],
    grade: ["年级", "入学年份", "入学年级", "year", "grade", "cohort", "enrolment year", "enrollment year"],
    level: [
      "学生类别",
      "培养层次",
      "学历层次",
      "学生类型",
      "层次",
      "学历",
      "level",
      "student level",
      "degree",
    ],
    title: [
      "职务",
      "拟任职务",
      "岗位",
      "现任职务",
      "学生会职务",
      "职位",
      "title",
      "position",
      "post",
      "role",
    ],
    department: ["部门", "所在部门", "工作部门", "所属部门", "department", "dept", "dept."],
    political: ["政治面貌", "political status", "politics", "political affiliation"],
    rank: [
      "专业排名",
      "成绩排名",
      "学业成绩排名",
      "综合成绩排名",
      "综合排名",
      "学业排名",
      "排名",
      "rank",
      "ranking",
      "rank in major",
      "major rank",
    ],
    majorSize: ["专业人数", "专业总人数", "排名总人数", "major size", "cohort size"],
    failed: [
      "不及格门数",
      "挂科门数",
      "有无挂科",
      "是否有不及格",
      "是否挂科",
      "有无不及格",
      "不及格科目数",
      "不及格",
      "挂科",
      "failed courses",
      "fails",
      "failed",
      "failures",
      "failed course count",
    ],
    route: [
      "遴选方式",
      "产生方式",
      "推荐途径",
      "遴选程序",
      "选拔方式",
      "selection route",
      "route",
      "selection",
    ],
  },
  activities: {
    date: ["日期", "活动日期", "时间", "活动时间", "服务日期", "date", "activity date"],
    activity: [
      "活动名称",
      "活动",
      "项目名称",
      "活动项目",
      "项目",
      "activity",
      "activity name",
      "event",
      "event name",
    ],
    category: ["活动类别", "类别", "类型", "活动类型", "category", "type"],
    studentId: ["学号", "学生学号", "student id", "student no.", "student no", "student number", "id"],
    name: ["姓名", "名字", "name", "full name", "student name", "participant"],
    hours: [
      "时长",
      "服务时长",
      "志愿时长",
      "时数",
      "活动时长",
      "志愿服务时长",
      "hours",
      "duration",
      "service hours",
    ],
    department: [
      "负责部门",
      "部门",
      "承办部门",
      "主办部门",
      "department",
      "dept",
      "dept.",
      "organiser",
      "organizer",
    ],
  },
  congress: {
    name: ["姓名", "代表姓名", "名字", "name", "full name", "delegate"],
    studentId: ["学号", "学生学号", "student id", "student no.", "student no", "student number", "id"],
    college: ["学院", "所在学院", "院系", "college", "school", "faculty"],
    class: ["班级", "所在班级", "专业班级", "class"],
    nominatedBy: ["推荐单位", "选举单位", "代表团", "nominated by", "nominating unit", "delegation"],
    isOfficer: [
      "是否学生会工作人员",
      "是否骨干",
      "是否为学生会工作人员",
      "是否学生会成员",
      "is officer",
      "union officer",
      "officer",
    ],
  },
  reviews: {
    studentId: ["学号", "学生学号", "student id", "student no.", "student no", "student number", "id"],
    name: ["姓名", "名字", "name", "full name"],
    title: ["职务", "职位", "岗位", "title", "position", "post", "role"],
    term: ["学期", "评议学期", "述职学期", "term", "semester"],
    scorePolitical: ["政治学习", "political study"],
    scoreConduct: ["道德品行", "conduct"],
    scoreStudy: ["学习情况", "studies", "study"],
    scoreWork: ["工作成效", "work results", "performance"],
    scoreDiscipline: ["纪律作风", "discipline"],
    total: ["总分", "总成绩", "得分", "合计", "total", "score", "total score"],
    result: ["总评", "评议等次", "等次", "评议结果", "等级", "result", "rating", "grade"],
  },
  meetings: {
    date: ["日期", "时间", "会议日期", "会议时间", "date"],
    type: ["类型", "会议类型", "类别", "meeting type", "type"],
    topic: ["主题", "内容", "会议主题", "会议内容", "议题", "topic", "subject", "content"],
    attendance: ["参加人数", "出席人数", "参会人数", "人数", "attendance", "participants"],
  },
};

/** Words a sheet name may contain, per kind, in the order they are tried (compared lower-cased). */
export const SHEET_NAME_WORDS: ReadonlyArray<readonly [TableKind, readonly string[]]> = [
  ["settings", ["基本信息", "设置", "settings", "info"]],
  ["roster", ["工作人员", "成员", "名单", "roster", "staff"]],
  ["activities", ["活动", "志愿", "activities", "activity", "volunteer"]],
  ["congress", ["代表", "学代会", "congress", "delegate"]],
  ["reviews", ["述职", "评议", "review"]],
  ["meetings", ["会议", "培训", "例会", "meeting", "training"]],
];

/** Every kind whose words the sheet name contains, in table order (`名单` is not a roster when `代表` is there). */
export function sheetNameKinds(sheetName: string): TableKind[] {
  // Not normalizeHeader: a bracketed part of a sheet name, as in 名单（代表）, still says what it holds.
  const name = toHalfWidth(sheetName).replace(/\s+/g, "").toLowerCase();
  const kinds: TableKind[] = [];
  for (const [kind, words] of SHEET_NAME_WORDS) {
    const hit = words.some((w) => name.includes(w) && !(w === "名单" && name.includes("代表")));
    if (hit) kinds.push(kind);
  }
  return kinds;
}

/** The kind a sheet name suggests (first match in table order), or null. */
export function kindFromSheetName(sheetName: string): TableKind | null {
  return sheetNameKinds(sheetName)[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Matching one header
// ---------------------------------------------------------------------------------------------

/** How well a header names a field: exact synonym, or a synonym contained in it (longer is better). */
export interface HeaderHit<F extends string = string> {
  readonly field: F;
  readonly exact: boolean;
  /** Length of the matched synonym (normalised). */
  readonly length: number;
}

interface CompiledKind {
  readonly exact: ReadonlyMap<string, string>;
  /** Synonyms allowed to match inside a longer header, longest first. */
  readonly contained: ReadonlyArray<{ readonly text: string; readonly field: string }>;
}

const HOURS_UNIT_RE = /[([【〔](?:小时|时|h|hrs?|hours?)[)\]】〕][*:]?$/i;
// Tested with all white space removed, as normalizeHeader does: 小\n时 (a wrapped cell) is still 小时.
const HEADER_SPACE_RE = /[\s\u0085\u200B\u2060\uFEFF]+/g;

// Short Latin words ("id", "post") occur inside unrelated words once spaces are gone; they must match whole.
function mayMatchInside(text: string): boolean {
  return /[\u0080-\uffff]/.test(text) ? text.length >= 2 : text.length >= 4;
}

const COMPILED = new Map<TableKind, CompiledKind>(
  TABLE_KINDS.map((kind) => {
    const exact = new Map<string, string>();
    const contained: Array<{ text: string; field: string }> = [];
    for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS[kind]) as Array<[string, string[]]>) {
      for (const s of synonyms) {
        const text = normalizeHeader(s);
        if (!exact.has(text)) exact.set(text, field);
        if (mayMatchInside(text)) contained.push({ text, field });
      }
    }
    contained.sort((a, b) => b.text.length - a.text.length);
    return [kind, { exact, contained }] as const;
  }),
);

/** Match one header text (as written) against a kind's fields; null when it names none of them. */
export function matchHeader<K extends TableKind>(kind: K, header: string): HeaderHit<TableFields[K]> | null {
  const compiled = COMPILED.get(kind);
  if (!compiled) return null;
  const h = normalizeHeader(header);
  if (h === "") return null;
  const exact = compiled.exact.get(h);
  if (exact !== undefined) return { field: exact as TableFields[K], exact: true, length: h.length };
  // 服务时间（小时） reads as a date by its words; its unit says it holds hours.
  if (kind === "activities" && HOURS_UNIT_RE.test(toHalfWidth(header).replace(HEADER_SPACE_RE, ""))) {
    return { field: "hours" as TableFields[K], exact: false, length: h.length };
  }
  let best: { text: string; field: string } | null = null;
  let bestIsSuffix = false;
  for (const syn of compiled.contained) {
    if (best && syn.text.length < best.text.length) break;
    if (!h.includes(syn.text)) continue;
    // Chinese puts the head noun last: 活动时长 is a 时长 more than an 活动.
    const isSuffix = h.endsWith(syn.text);
    if (!best || (isSuffix && !bestIsSuffix)) {
      best = syn;
      bestIsSuffix = isSuffix;
    }
  }
  return best ? { field: best.field as TableFields[K], exact: false, length: best.text.length } : null;
}

// ---------------------------------------------------------------------------------------------
// Matching a header row
// ---------------------------------------------------------------------------------------------

/** A header row's columns: the matched fields (leftmost best column per field) and the rest. */
export interface HeaderRowMatch<F extends string = string> {
  readonly columns: ReadonlyArray<{ readonly field: F; readonly index: number; readonly header: string }>;
  readonly others: ReadonlyArray<{ readonly index: number; readonly header: string }>;
}

function better(a: HeaderHit, b: HeaderHit): boolean {
  if (a.exact !== b.exact) return a.exact;
  return a.length > b.length;
}

/**
 * Match a row of header cells: each column to at most one field, each field to its best column
 * (exact before contained, longer synonym before shorter, then leftmost). `exactOnly` is for a
 * second header row, where a data row must not pass for headers by containing a word.
 */
export function matchHeaderRow<K extends TableKind>(
  kind: K,
  cells: ReadonlyArray<RawCell | undefined>,
  exactOnly = false,
): HeaderRowMatch<TableFields[K]> {
  const winners = new Map<TableFields[K], { index: number; hit: HeaderHit; header: string }>();
  const headers: Array<{ index: number; header: string }> = [];
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index];
    if (cell === undefined || isBlankCell(cell)) continue;
    const header = cellText(cell);
    headers.push({ index, header });
    const hit = matchHeader(kind, header);
    if (!hit || (exactOnly && !hit.exact)) continue;
    const current = winners.get(hit.field);
    if (!current || better(hit, current.hit)) winners.set(hit.field, { index, hit, header });
  }
  const taken = new Set<number>();
  const columns: Array<{ field: TableFields[K]; index: number; header: string }> = [];
  for (const [field, w] of winners) {
    columns.push({ field, index: w.index, header: w.header });
    taken.add(w.index);
  }
  columns.sort((a, b) => a.index - b.index);
  return { columns, others: headers.filter((h) => !taken.has(h.index)) };
}

/** Rows searched for a header: the first ten that are not blank. */
export const HEADER_SEARCH_ROWS = 10;

/** Where a kind's header is in a sheet: 0-based row index(es) into `rows` and the column match. */
export interface HeaderLocation<F extends string = string> extends HeaderRowMatch<F> {
  readonly rowIndex: number;
  /** Index of the last header row (a second header row under a merged first one), else `rowIndex`. */
  readonly lastRowIndex: number;
}

/** True when a sheet row has no visible content. */
export function isBlankRow(row: ReadonlyArray<RawCell | undefined> | undefined): boolean {
  if (!row) return true;
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/**
 * The header row of a kind: the first of the first ten non-blank rows that names at least two of
 * its fields. A next row that names further fields exactly (and holds no numbers) is a second
 * header row, as under a merged group heading such as 评议得分.
 */
export function findHeaderRow<K extends TableKind>(
  kind: K,
  rows: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>,
): HeaderLocation<TableFields[K]> | null {
  let seen = 0;
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    const row = rows[i];
    if (!row || isBlankRow(row)) continue;
    seen++;
    const match = matchHeaderRow(kind, row);
    if (match.columns.length < 2) continue;
    return withSecondRow(kind, rows, i, match);
  }
  return null;
}

function withSecondRow<K extends TableKind>(
  kind: K,
  rows: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>,
  rowIndex: number,
  first: HeaderRowMatch<TableFields[K]>,
): HeaderLocation<TableFields[K]> {
  const plain = { ...first, rowIndex, lastRowIndex: rowIndex };
  const row = rows[rowIndex] ?? [];
  const next = rows[rowIndex + 1];
  // Data rows hold numbers (ids, hours, scores); a sub-header row names fields exactly.
  if (!next || next.some((c) => typeof c === "number")) return plain;
  if (matchHeaderRow(kind, next, true).columns.length === 0) return plain;
  // Under a merged group heading the sub-header names the column; elsewhere the upper cell does.
  const width = Math.max(row.length, next.length);
  const combined: Array<RawCell | undefined> = [];
  for (let i = 0; i < width; i++) combined.push(isBlankCell(next[i]) ? row[i] : next[i]);
  const match = matchHeaderRow(kind, combined);
  return match.columns.length > first.columns.length
    ? { ...match, rowIndex, lastRowIndex: rowIndex + 1 }
    : plain;
}
