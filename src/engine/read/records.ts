/**
 * Typed records from recognised tables: one record per data row, each field read by its
 * normaliser; a column the table lacks reads as blank. Plus the settings sheet's key/value rows.
 */
import { parseSettingsInput, SHEET_SETTING_KEYS, settingsInputSchema, type SettingsInput } from "../settings";
import type {
  ActivityRecord,
  DataRow,
  DelegateRecord,
  FieldName,
  Finding,
  FindingValue,
  MeetingRecord,
  Parsed,
  RawCell,
  RecognizedTable,
  ReviewRecord,
  SettingsEntry,
  StaffRecord,
} from "../types";
import {
  PARSED_BLANK,
  cellText,
  isBlankCell,
  normalizeHeader,
  normalizeText,
  parseDate,
  parseFailedCount,
  parseGrade,
  parseHours,
  parseLevel,
  parseNumber,
  parsePolitical,
  parseRank,
  parseText,
  parseYesNo,
  toHalfWidth,
} from "./normalize";
import { cellAddress, parseCellAddress } from "../workbook";

/** Where each field's column is in a table; a field the table lacks has no entry. */
type ColumnIndexes = Readonly<Partial<Record<FieldName, number>>>;

function columnIndexes(table: RecognizedTable): ColumnIndexes {
  const indexes: Partial<Record<FieldName, number>> = {};
  // A field matched by two columns is read from the first.
  for (const c of table.columns) indexes[c.field] ??= c.index;
  return indexes;
}

// Each kind below builds its records as one object literal per row: all records of a kind share
// one shape, which is what keeps reading and checking 200,000 rows fast (a record built key by key
// from a table of fields measured 30–45% slower to read).
function at(row: DataRow, index: number | undefined): RawCell {
  return index === undefined ? null : (row.cells[index] ?? null);
}

/** Staff records from a roster table; the rank reads a bare position against the row's major size. */
export function staffRecords(table: RecognizedTable): StaffRecord[] {
  const col = columnIndexes(table);
  return table.rows.map((r) => ({
    sheet: table.sheet,
    row: r.row,
    name: parseText(at(r, col.name)),
    studentId: parseText(at(r, col.studentId)),
    college: parseText(at(r, col.college)),
    major: parseText(at(r, col.major)),
    grade: parseGrade(at(r, col.grade)),
    level: parseLevel(at(r, col.level)),
    title: parseText(at(r, col.title)),
    department: parseText(at(r, col.department)),
    political: parsePolitical(at(r, col.political)),
    rank: parseRank(
      at(r, col.rank),
      col.majorSize === undefined ? undefined : parseNumber(at(r, col.majorSize)),
    ),
    failed: parseFailedCount(at(r, col.failed)),
    route: parseText(at(r, col.route)),
  }));
}

/** Activity records (one participant in one session) from an activity log. */
export function activityRecords(table: RecognizedTable): ActivityRecord[] {
  const col = columnIndexes(table);
  return table.rows.map((r) => ({
    sheet: table.sheet,
    row: r.row,
    date: parseDate(at(r, col.date)),
    activity: parseText(at(r, col.activity)),
    category: parseText(at(r, col.category)),
    studentId: parseText(at(r, col.studentId)),
    name: parseText(at(r, col.name)),
    hours: parseHours(at(r, col.hours)),
    department: parseText(at(r, col.department)),
  }));
}

/** Delegate records from a congress delegate list. */
export function delegateRecords(table: RecognizedTable): DelegateRecord[] {
  const col = columnIndexes(table);
  return table.rows.map((r) => ({
    sheet: table.sheet,
    row: r.row,
    name: parseText(at(r, col.name)),
    studentId: parseText(at(r, col.studentId)),
    college: parseText(at(r, col.college)),
    class: parseText(at(r, col.class)),
    nominatedBy: parseText(at(r, col.nominatedBy)),
    isOfficer: parseYesNo(at(r, col.isOfficer)),
  }));
}

/** Review records (one person, one term) from a review sheet. */
export function reviewRecords(table: RecognizedTable): ReviewRecord[] {
  const col = columnIndexes(table);
  return table.rows.map((r) => ({
    sheet: table.sheet,
    row: r.row,
    studentId: parseText(at(r, col.studentId)),
    name: parseText(at(r, col.name)),
    title: parseText(at(r, col.title)),
    term: parseText(at(r, col.term)),
    scorePolitical: parseNumber(at(r, col.scorePolitical)),
    scoreConduct: parseNumber(at(r, col.scoreConduct)),
    scoreStudy: parseNumber(at(r, col.scoreStudy)),
    scoreWork: parseNumber(at(r, col.scoreWork)),
    scoreDiscipline: parseNumber(at(r, col.scoreDiscipline)),
    total: parseNumber(at(r, col.total)),
    result: parseText(at(r, col.result)),
  }));
}

/** A number, or text that is a number followed by one of the units `unit` matches (its group 1). */
function numberWithUnit(raw: RawCell, unit: RegExp): Parsed<number> {
  const n = parseNumber(raw);
  if (n.state !== "invalid" || typeof raw !== "string") return n;
  const m = unit.exec(normalizeText(raw));
  const inner = m ? parseNumber(m[1] ?? "") : n;
  return inner.state === "ok" ? inner : n;
}

// A head count is written 35 or `35人`.
const PEOPLE_UNIT_RE = /^(.+?)\s*[人名]$/;

/** Meeting records from a meeting/training log. */
export function meetingRecords(table: RecognizedTable): MeetingRecord[] {
  const col = columnIndexes(table);
  return table.rows.map((r) => ({
    sheet: table.sheet,
    row: r.row,
    date: parseDate(at(r, col.date)),
    type: parseText(at(r, col.type)),
    topic: parseText(at(r, col.topic)),
    attendance: numberWithUnit(at(r, col.attendance), PEOPLE_UNIT_RE),
  }));
}

// ---------------------------------------------------------------------------------------------
// The settings sheet
// ---------------------------------------------------------------------------------------------

type SettingKey = keyof SettingsInput;
type SettingValue<K extends SettingKey> = NonNullable<SettingsInput[K]>;

const SETTING_KEYS = Object.keys(settingsInputSchema.shape) as SettingKey[];

/** Normalised key text (Chinese sheet key or English JSON key) → JSON key. */
const KEY_LOOKUP = new Map<string, SettingKey>([
  ...SETTING_KEYS.map((k) => [normalizeHeader(k), k] as const),
  ...Object.entries(SHEET_SETTING_KEYS).map(([zh, k]) => [normalizeHeader(zh), k] as const),
]);

/** The JSON settings key a settings-sheet key names (Chinese or English), or null for other keys. */
export function settingKeyOf(keyText: string): SettingKey | null {
  return KEY_LOOKUP.get(normalizeHeader(keyText)) ?? null;
}

function ok<T>(value: T): Parsed<T> {
  return { state: "ok", value };
}

function invalidCell(raw: RawCell): Parsed<never> {
  return { state: "invalid", raw: cellText(raw) };
}

function textOf(raw: RawCell): string | null {
  const t = parseText(raw);
  return t.state === "ok" ? t.value : null;
}

const NUMBER_UNIT_RE = /^(.+?)\s*(?:个月|人|名|个|次|小时|h|月|%)$/i;

/** A number, allowing a trailing unit (`13,800人`, `12个月`). */
function settingNumber(raw: RawCell): Parsed<number> {
  return numberWithUnit(raw, NUMBER_UNIT_RE);
}

/** A share 0..1, written as a fraction or a percent (`1%`, `60%`). */
function settingRatio(raw: RawCell): Parsed<number> {
  if (typeof raw === "string") {
    const t = normalizeText(raw);
    if (t.endsWith("%")) {
      const n = parseNumber(t.slice(0, -1));
      return n.state === "ok" ? ok(Number((n.value / 100).toPrecision(15))) : invalidCell(raw);
    }
  }
  return parseNumber(raw);
}

/** A percent 0..100: `30`, `30%`, or a percent-formatted cell (0.3 → 30). */
function settingPercent(raw: RawCell): Parsed<number> {
  const n = settingNumber(raw);
  // Excel stores a cell formatted as 30% as 0.3; nobody means "top 0.3%".
  if (n.state === "ok" && typeof raw === "number" && n.value > 0 && n.value < 1) {
    return ok(Number((n.value * 100).toPrecision(15)));
  }
  return n;
}

const LEVELS = new Map<string, "school" | "college">([
  ...[
    "校级",
    "学校",
    "校",
    "学校级",
    "校级学生会",
    "school",
    "university",
    "school-level",
    "university-level",
  ].map((w) => [w, "school"] as const),
  ...["院级", "学院", "院", "院系", "院系级", "二级", "学院级", "二级学院", "college", "college-level"].map(
    (w) => [w, "college"] as const,
  ),
]);

function settingLevel(raw: RawCell): Parsed<"school" | "college"> {
  const t = textOf(raw);
  if (t === null) return isBlankCell(raw) ? PARSED_BLANK : invalidCell(raw);
  const level = LEVELS.get(t.replace(/\s/g, "").toLowerCase());
  return level ? ok(level) : invalidCell(raw);
}

const RANGE_RE = /^(\d+)\s*(?:-|~|–|—|〜|至|到)\s*(\d+)\s*人?$/;

function settingRange(raw: RawCell): Parsed<{ min: number; max: number }> {
  if (typeof raw === "number") return Number.isInteger(raw) ? ok({ min: raw, max: raw }) : invalidCell(raw);
  const t = textOf(raw);
  if (t === null) return isBlankCell(raw) ? PARSED_BLANK : invalidCell(raw);
  const m = RANGE_RE.exec(t);
  if (m) return ok({ min: Number(m[1]), max: Number(m[2]) });
  const n = settingNumber(raw);
  return n.state === "ok" && Number.isInteger(n.value)
    ? ok({ min: n.value, max: n.value })
    : invalidCell(raw);
}

const LIST_SEPARATOR_RE = /[,、;|\r\n]+/;

function settingList(raw: RawCell): Parsed<string[]> {
  if (typeof raw !== "string") {
    const t = parseText(raw);
    return t.state === "ok" ? ok([t.value]) : t;
  }
  const items = toHalfWidth(raw)
    .split(LIST_SEPARATOR_RE)
    .map(normalizeText)
    .filter((s) => s !== "");
  return items.length === 0 ? PARSED_BLANK : ok(items);
}

const SETTING_PARSERS: { readonly [K in SettingKey]-?: (raw: RawCell) => Parsed<SettingValue<K>> } = {
  schoolName: parseText,
  level: settingLevel,
  enrollment: settingNumber,
  largeSchool: parseYesNo,
  assessmentDate: parseDate,
  periodStart: parseDate,
  periodEnd: parseDate,
  congressDate: parseDate,
  congressSession: parseText,
  staffMax: settingNumber,
  staffMaxLarge: settingNumber,
  presidiumMax: settingNumber,
  departmentsMax: settingNumber,
  departmentHeads: settingRange,
  allowedTitles: settingList,
  rankTopPercent: settingPercent,
  delegateRatioMin: settingRatio,
  nonOfficerShareMin: settingRatio,
  congressMaxMonths: settingNumber,
  maxHoursPerRecord: settingNumber,
  trainingsPerYear: settingNumber,
  reviewTerms: settingList,
};

/** Read one settings value for a JSON key (numbers may carry units, ratios may be percents). */
export function parseSettingValue<K extends SettingKey>(key: K, raw: RawCell): Parsed<SettingValue<K>> {
  // TypeScript cannot narrow a mapped type's member by a generic key; the table above is typed per key.
  return (SETTING_PARSERS[key] as (raw: RawCell) => Parsed<SettingValue<K>>)(raw);
}

/** What the settings sheet holds: every row as written, the recognised keys parsed, and problems. */
export interface SettingsSheetRead {
  readonly entries: SettingsEntry[];
  readonly settings: SettingsInput;
  readonly findings: Finding[];
}

interface PendingSetting {
  readonly key: string;
  readonly row: number;
  readonly column: string;
  readonly cell: string;
  readonly value: FindingValue;
}

/** The sheet's first column (1-based) as the table's column letters reveal it; 1 when it has none. */
function tableOriginCol(table: RecognizedTable): number {
  const c = table.columns[0] ?? table.otherColumns[0];
  const address = c ? parseCellAddress(`${c.letter}1`) : null;
  return c && address ? address.col + 1 - c.index : 1;
}

function findingValue(raw: RawCell): FindingValue {
  if (typeof raw === "string" || typeof raw === "boolean") return raw;
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : cellText(raw);
  return raw === null ? null : cellText(raw);
}

/**
 * Read a settings sheet: the key is a row's first non-empty cell and the value the next non-empty
 * cell to its right. Unknown keys are kept as entries; an unreadable value of a known key becomes a
 * `settings.invalid-value` finding and the key is left out. `originCol` is the sheet's 1-based
 * first column, so cell addresses match what Excel shows (by default taken from the table's letters).
 */
export function readSettingsTable(
  table: RecognizedTable,
  originCol = tableOriginCol(table),
): SettingsSheetRead {
  const entries: SettingsEntry[] = [];
  const values: Record<string, unknown> = {};
  const pending = new Map<SettingKey, PendingSetting>();
  const findings: Finding[] = [];
  const valueColumn = table.columns.find((c) => c.field === "value");

  const report = (p: PendingSetting, setting: SettingKey) =>
    findings.push({
      rule: "settings.invalid-value",
      severity: "error",
      sheet: table.sheet,
      row: p.row,
      column: p.column,
      cell: p.cell,
      value: p.value,
      params: { key: p.key, setting },
    });

  for (const r of table.rows) {
    const cells = r.cells;
    let k = 0;
    while (k < cells.length && isBlankCell(cells[k])) k++;
    if (k >= cells.length) continue;
    let v = k + 1;
    while (v < cells.length && isBlankCell(cells[v])) v++;
    const rawKey = cells[k] ?? null;
    const raw = v < cells.length ? (cells[v] ?? null) : null;
    // Kept as written (only trimmed) so the pane shows the user's own key.
    const key = cellText(rawKey).trim();
    entries.push({ sheet: table.sheet, row: r.row, key, value: raw });

    const setting = settingKeyOf(key);
    if (setting === null || raw === null) continue;
    const parsed = parseSettingValue(setting, raw);
    if (parsed.state === "blank") continue;
    const place: PendingSetting = {
      key,
      row: r.row,
      column: valueColumn && valueColumn.index === v ? valueColumn.header : "值",
      cell: cellAddress(r.row, originCol - 1 + v),
      value: findingValue(raw),
    };
    if (parsed.state === "invalid") {
      report(place, setting);
      continue;
    }
    // A later row repeating a key wins, as later settings layers do.
    values[setting] = parsed.value;
    pending.set(setting, place);
  }

  // The schema knows the ranges (enrollment > 0, ratios ≤ 1…); what it refuses is reported and dropped.
  let checked = parseSettingsInput(values);
  for (let guard = 0; !checked.ok && guard < SETTING_KEYS.length; guard++) {
    for (const error of checked.error) {
      const setting = error.key.split(".")[0] as SettingKey;
      const place = pending.get(setting);
      if (place && setting in values) report(place, setting);
      delete values[setting];
    }
    checked = parseSettingsInput(values);
  }
  // Schema problems are found after the unreadable cells; the user reads them top to bottom.
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { entries, settings: checked.ok ? checked.value : {}, findings };
}
