/**
 * What every rule runs with: the reader's result, the resolved settings, and helpers that turn a
 * record's field into a finding's location (sheet, row, column header, A1 cell, cell text).
 */
import type { Settings } from "../settings";
import type {
  ColumnMatch,
  DataRow,
  FieldName,
  Finding,
  FindingValue,
  Parsed,
  RawCell,
  ReadResult,
  RecognizedTable,
  RecordOrigin,
  RuleId,
  Severity,
  TableKind,
} from "../types";

/** Where a finding points and what the cell says. */
export interface CellLocation {
  readonly sheet: string;
  readonly row: number;
  readonly column?: string;
  readonly cell?: string;
  readonly value?: FindingValue;
}

/** The read workbook and settings, plus location helpers shared by every rule. */
export interface RuleContext {
  readonly read: ReadResult;
  readonly settings: Settings;
  /** The first recognised table of a kind. */
  table(kind: TableKind): RecognizedTable | undefined;
  /** True when a table of this kind was recognised or records of it exist. */
  has(kind: Exclude<TableKind, "settings">): boolean;
  /**
   * True when the record's sheet has a column for this field; a sheet the context does not know
   * (records built without a table) is assumed to have every column.
   */
  hasColumn(origin: RecordOrigin, field: FieldName): boolean;
  /** The location of a record's field, with the cell's text when the sheet is known. */
  locate(origin: RecordOrigin, field: FieldName, parsed?: Parsed<unknown>): CellLocation;
}

const RECORDS_OF: Readonly<Record<Exclude<TableKind, "settings">, keyof ReadResult>> = {
  roster: "staff",
  activities: "activities",
  congress: "delegates",
  reviews: "reviews",
  meetings: "meetings",
};

/** Build the context once per run; lookups are built lazily per sheet so they cost O(n) once. */
export function createContext(read: ReadResult, settings: Settings): RuleContext {
  const tablesBySheet = new Map<string, RecognizedTable>();
  for (const t of read.tables) if (!tablesBySheet.has(t.sheet)) tablesBySheet.set(t.sheet, t);
  const columnsBySheet = new Map<string, Map<FieldName, ColumnMatch>>();

  const columnsOf = (sheet: string): Map<FieldName, ColumnMatch> | undefined => {
    const table = tablesBySheet.get(sheet);
    if (!table) return undefined;
    let cols = columnsBySheet.get(sheet);
    if (!cols) {
      cols = new Map();
      for (const c of table.columns) if (!cols.has(c.field)) cols.set(c.field, c);
      columnsBySheet.set(sheet, cols);
    }
    return cols;
  };
  // Findings are few (hundreds) and a log has 200,000 rows: binary search in the table's rows,
  // which the reader builds in sheet order, costs far less than building a Map of every row per
  // run. Rows in any other order (hand-built tables) get the Map.
  const rowsBySheet = new Map<string, ReadonlyMap<number, DataRow> | null>();
  const dataRow = (sheet: string, row: number): DataRow | undefined => {
    const rows = tablesBySheet.get(sheet)?.rows;
    if (!rows) return undefined;
    let byRow = rowsBySheet.get(sheet);
    if (byRow === undefined) {
      let ascending = true;
      for (let k = 1; k < rows.length && ascending; k++) {
        ascending = (rows[k - 1] as DataRow).row < (rows[k] as DataRow).row;
      }
      byRow = ascending ? null : new Map(rows.map((r) => [r.row, r]));
      rowsBySheet.set(sheet, byRow);
    }
    if (byRow !== null) return byRow.get(row);
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const r = rows[mid] as DataRow;
      if (r.row === row) return r;
      if (r.row < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };

  return {
    read,
    settings,
    table: (kind) => read.tables.find((t) => t.kind === kind),
    has: (kind) =>
      read.tables.some((t) => t.kind === kind) || (read[RECORDS_OF[kind]] as readonly unknown[]).length > 0,
    hasColumn: (origin, field) => {
      const cols = columnsOf(origin.sheet);
      return cols === undefined || cols.has(field);
    },
    locate: (origin, field, parsed) => {
      const col = columnsOf(origin.sheet)?.get(field);
      let value: FindingValue | undefined;
      if (col) {
        const raw = dataRow(origin.sheet, origin.row)?.cells[col.index];
        if (raw !== undefined) value = findingText(raw);
      }
      if (value === undefined && parsed) value = parsedText(parsed);
      return {
        sheet: origin.sheet,
        row: origin.row,
        ...(col ? { column: col.header, cell: `${col.letter}${origin.row}` } : {}),
        ...(value !== undefined && value !== null ? { value } : {}),
      };
    },
  };
}

/** A raw cell as the text a finding quotes (dates as YYYY-MM-DD, errors as `#N/A`), or null when blank. */
export function findingText(raw: RawCell): string | null {
  if (raw === null) return null;
  if (typeof raw === "string") return raw.trim() === "" ? null : raw.trim();
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  return raw.error;
}

/** A parsed value as text, for records whose sheet the context does not know. */
function parsedText(parsed: Parsed<unknown>): string | null {
  if (parsed.state === "blank") return null;
  if (parsed.state === "invalid") return parsed.raw;
  const v = parsed.value;
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  if (v && typeof v === "object") {
    if ("label" in v && typeof v.label === "string") return v.label;
    if ("fraction" in v && typeof v.fraction === "number") {
      const r = v as { fraction: number; position?: number; size?: number };
      return r.position !== undefined && r.size !== undefined
        ? `${r.position}/${r.size}`
        : String(r.fraction);
    }
  }
  return null;
}

/** A finding at a record's cell. */
export function cellFinding(
  ctx: RuleContext,
  rule: RuleId,
  severity: Severity,
  origin: RecordOrigin,
  field: FieldName,
  parsed?: Parsed<unknown>,
  params?: Readonly<Record<string, FindingValue>>,
): Finding {
  return { rule, severity, ...ctx.locate(origin, field, parsed), ...(params ? { params } : {}) };
}

/** An aggregate finding (a total over a cap): a sheet at most, and the figures in params. */
export function aggregateFinding(
  rule: RuleId,
  severity: Severity,
  sheet: string | undefined,
  params: Readonly<Record<string, FindingValue>>,
): Finding {
  return { rule, severity, ...(sheet !== undefined ? { sheet } : {}), params };
}

/** The value of a parsed cell, or undefined when it is blank or unreadable. */
export function ok<T>(p: Parsed<T>): T | undefined {
  return p.state === "ok" ? p.value : undefined;
}

/** A parsed text that is present and non-empty. */
export function okText(p: Parsed<string>): string | undefined {
  if (p.state !== "ok") return undefined;
  const t = p.value.trim();
  return t === "" ? undefined : t;
}

/**
 * The key one person is counted by: the student id, else the name (so a list without ids still
 * counts people once); undefined when neither is present.
 */
export function personKey(studentId: Parsed<string>, name: Parsed<string>): string | undefined {
  const id = okText(studentId);
  if (id !== undefined) return `id:${id}`;
  const n = okText(name);
  return n !== undefined ? `name:${n}` : undefined;
}

/**
 * The same person key as {@link personKey} but cheaper for hot loops: the bare student id, or the
 * name behind a NUL (which no id contains), so most rows build no new string.
 */
export function fastPersonKey(studentId: Parsed<string>, name: Parsed<string>): string | undefined {
  const id = okText(studentId);
  if (id !== undefined) return id;
  const n = okText(name);
  return n !== undefined ? `\u0000${n}` : undefined;
}

/**
 * Numbers pairs of strings (e.g. date + activity) without building a joined key per row: a Map of
 * Maps, so a 200,000-row log interns in one linear pass.
 */
export class PairIds {
  private readonly ids = new Map<string, Map<string, number>>();
  /** How many distinct pairs have been seen. */
  size = 0;
  /** The pair's number; a new pair gets the next number, so `size` grows exactly when it is new. */
  id(a: string, b: string): number {
    let inner = this.ids.get(a);
    if (!inner) {
      inner = new Map();
      this.ids.set(a, inner);
    }
    const known = inner.get(b);
    if (known !== undefined) return known;
    const id = this.size++;
    inner.set(b, id);
    return id;
  }
}

/** True when an ISO date lies within the settings' period (inclusive). */
export function inPeriod(date: string, settings: Settings): boolean {
  return date >= settings.periodStart && date <= settings.periodEnd;
}

/**
 * {@link inPeriod} remembered per distinct date: a log has a few hundred dates but hundreds of
 * thousands of rows, and a Map lookup is cheaper than two string comparisons.
 */
export function periodTest(settings: Settings): (date: string) => boolean {
  const known = new Map<string, boolean>();
  return (date) => {
    let v = known.get(date);
    if (v === undefined) {
      v = inPeriod(date, settings);
      known.set(date, v);
    }
    return v;
  };
}

/** The `YYYY-MM` months from the period's start month to its end month, in order. */
export function periodMonths(settings: Settings): string[] {
  const [sy, sm] = settings.periodStart.split("-").map(Number) as [number, number];
  const [ey, em] = settings.periodEnd.split("-").map(Number) as [number, number];
  const months: string[] = [];
  const first = sy * 12 + sm - 1;
  const last = ey * 12 + em - 1;
  // Guard against absurd periods so a typo in a setting cannot stall the run.
  for (let m = first; m <= last && months.length < 1200; m++) {
    months.push(`${String(Math.floor(m / 12)).padStart(4, "0")}-${String((m % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/**
 * One rule (or a small family): the ids it may emit, the first being the one an unexpected
 * exception is reported under, and a run that returns its findings.
 */
export interface Rule {
  readonly ids: readonly [RuleId, ...RuleId[]];
  run(ctx: RuleContext): Finding[];
}
