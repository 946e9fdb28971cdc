/**
 * What every rule runs with: the reader's result, the resolved settings, and helpers that turn a
 * record's field into a finding's location (sheet, row, column header, A1 cell, cell text).
 */
import { buildModel, staffName, type RecordsModel, type StaffView, type STAFF_FIELDS } from "../model";
import type { Settings } from "../settings";
import type {
  ColumnMatch,
  DataRow,
  FieldName,
  FindingOf,
  FindingValue,
  Parsed,
  RawCell,
  ReadResult,
  RecognizedTable,
  RecordOrigin,
  RuleId,
  RuleParamsById,
  Severity,
  TableKind,
} from "../types";

export { fastPersonKey, inPeriod, ok, okText, PairIds, periodMonths, periodTest, personKey } from "../model";

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
  /** The check's shared views (roster, tallies, activity numbering), each computed once. */
  readonly model: RecordsModel;
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
export function createContext(
  read: ReadResult,
  settings: Settings,
  model: RecordsModel = buildModel(read, settings),
): RuleContext {
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
    model,
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

/** A finding at a record's cell, with the rule's typed params. */
export function cellFinding<Id extends RuleId>(
  ctx: RuleContext,
  rule: Id,
  severity: Severity,
  origin: RecordOrigin,
  field: FieldName,
  parsed: Parsed<unknown> | undefined,
  params: RuleParamsById[Id],
): FindingOf<Id> {
  return { rule, severity, ...ctx.locate(origin, field, parsed), params };
}

/**
 * Findings on records: for each record for which `check` gives params, one finding at its `field`
 * cell, unless its sheet lacks that column (the reader reports a missing column once, not per row).
 */
export function recordFindings<
  F extends FieldName,
  R extends RecordOrigin & Record<F, Parsed<unknown>>,
  Id extends RuleId,
>(
  ctx: RuleContext,
  rule: Id,
  severity: Severity,
  records: readonly R[],
  field: F,
  check: (record: R) => RuleParamsById[Id] | undefined,
): FindingOf<Id>[] {
  const out: FindingOf<Id>[] = [];
  for (const r of records) {
    const params = check(r);
    // The cheap value test comes first: the column lookup only runs for the rare finding.
    if (params === undefined || !ctx.hasColumn(r, field)) continue;
    out.push(cellFinding(ctx, rule, severity, r, field, r[field], params));
  }
  return out;
}

/** An aggregate finding (a total over a cap): a sheet at most, and the figures in params. */
export function aggregateFinding<Id extends RuleId>(
  rule: Id,
  severity: Severity,
  sheet: string | undefined,
  params: RuleParamsById[Id],
): FindingOf<Id> {
  return { rule, severity, ...(sheet !== undefined ? { sheet } : {}), params };
}

/** A rule whose params carry a count and its cap. */
type CapRuleId = {
  [Id in RuleId]: RuleParamsById[Id] extends { readonly actual: number; readonly limit: number } ? Id : never;
}[RuleId];

/**
 * A count of the roster against its cap: one aggregate finding on the roster's sheet when the
 * count is over the cap (params: the count, the cap, then the rule's own), else none.
 */
export function rosterOverCap<Id extends CapRuleId>(
  ctx: RuleContext,
  rule: Id,
  severity: Severity,
  actual: number,
  limit: number,
  more: Omit<RuleParamsById[Id], "actual" | "limit">,
): FindingOf<Id>[] {
  if (actual <= limit) return [];
  // The rule's params minus actual and limit, plus them: TypeScript cannot see the sum is the params type.
  const params = { actual, limit, ...more } as unknown as RuleParamsById[Id];
  return [aggregateFinding(rule, severity, ctx.model.roster.sheet, params)];
}

/** A rule whose findings are about one staff member, named in `params.name`. */
type StaffRuleId = {
  [Id in RuleId]: RuleParamsById[Id] extends { readonly name: string | null } ? Id : never;
}[RuleId];

/**
 * Findings on roster rows: for each row for which `check` gives params, one finding at the row's
 * `field` cell, its params completed with the staff member's name.
 */
export function staffFindings<Id extends StaffRuleId>(
  ctx: RuleContext,
  rule: Id,
  severity: Severity,
  field: (typeof STAFF_FIELDS)[number],
  check: (v: StaffView) => Omit<RuleParamsById[Id], "name"> | undefined,
): FindingOf<Id>[] {
  const out: FindingOf<Id>[] = [];
  for (const v of ctx.model.roster.all) {
    const params = check(v);
    if (params === undefined) continue;
    // The rule's params minus name, plus name: TypeScript cannot see the sum is the params type.
    const withName = { name: staffName(v.record), ...params } as unknown as RuleParamsById[Id];
    out.push(cellFinding(ctx, rule, severity, v.record, field, v.record[field], withName));
  }
  return out;
}
