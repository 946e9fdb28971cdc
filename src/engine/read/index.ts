/**
 * The reader: a workbook of raw cells in, recognised tables, typed records and reading findings
 * out. Cell-level problems stay in the records (`invalid`/`blank`) for the rules to judge.
 */
import type { SettingsInput } from "../settings";
import type {
  FieldName,
  Finding,
  KindOverride,
  ReadResult,
  RecognizedTable,
  SettingsEntry,
  TableKind,
  WorkbookInput,
} from "../types";
import {
  activityRecords,
  delegateRecords,
  meetingRecords,
  readSettingsTable,
  reviewRecords,
  staffRecords,
} from "./records";
import { recognizeTables, sheetOrigin } from "./recognize";
import { excelSerialToDate } from "../workbook";

export * from "./normalize";
export * from "./headers";
export * from "./recognize";
export * from "./records";

/**
 * Columns each kind needs; an inner array means "any one of these". Rank and failed courses are
 * required on the roster because eligibility is checked from them.
 */
export const REQUIRED_COLUMNS: {
  readonly [K in TableKind]: ReadonlyArray<FieldName | readonly FieldName[]>;
} = {
  settings: [],
  roster: ["name", "studentId", "title", "political", "rank", "failed"],
  activities: ["date", "activity", "hours", ["studentId", "name"]],
  congress: ["name"],
  reviews: ["term", ["studentId", "name"]],
  meetings: ["date", "type"],
};

/** Tables whose absence is reported, in this order; the roster's is an error, the others' are infos. */
const EXPECTED_KINDS: readonly TableKind[] = ["roster", "activities", "congress", "reviews", "meetings"];

function severityFor(kind: TableKind): Finding["severity"] {
  return kind === "roster" ? "error" : "info";
}

function missingColumns(table: RecognizedTable): Finding[] {
  const present = new Set(table.columns.map((c) => c.field));
  const findings: Finding[] = [];
  for (const need of REQUIRED_COLUMNS[table.kind]) {
    const options: readonly FieldName[] = typeof need === "string" ? [need] : need;
    if (options.some((f) => present.has(f))) continue;
    const [field, ...alternatives] = options;
    findings.push({
      rule: "table.missing-column",
      severity: severityFor(table.kind),
      sheet: table.sheet,
      row: table.headerRow,
      params:
        alternatives.length > 0
          ? { kind: table.kind, field: field ?? null, or: alternatives.join(",") }
          : { kind: table.kind, field: field ?? null },
    });
  }
  return findings;
}

function append<T>(into: T[], items: readonly T[]): void {
  // push(...items) overflows the call stack on sheets of a few hundred thousand rows.
  for (const item of items) into.push(item);
}

/** Records of several sheets in workbook order; one sheet's array is used as it is. */
function joined<T>(lists: readonly T[][]): T[] {
  return lists.length === 1 ? (lists[0] as T[]) : ([] as T[]).concat(...lists);
}

/**
 * In a 1904 workbook an unformatted number in a date column is a serial counted from 1904-01-01;
 * read as a 1900 serial it would land four years early (and often outside the period). It becomes
 * the calendar date it stands for; a number that cannot be a date is left for the rules to report.
 */
function datesIn1904(table: RecognizedTable): RecognizedTable {
  if (table.kind !== "activities" && table.kind !== "meetings") return table;
  const col = table.columns.find((c) => c.field === "date")?.index;
  if (col === undefined) return table;
  return {
    ...table,
    rows: table.rows.map((r) => {
      const v = r.cells[col];
      const date = typeof v === "number" ? excelSerialToDate(v, true) : null;
      if (date === null) return r;
      // slice keeps a sparse row's holes (a spread would fill them).
      const cells = r.cells.slice();
      cells[col] = date;
      return { ...r, cells };
    }),
  };
}

/**
 * Read a workbook: recognise its tables (honouring the user's overrides), build typed records of
 * every table in workbook order, read the settings sheet, and report missing tables and columns.
 */
export function readWorkbook(input: WorkbookInput, overrides: readonly KindOverride[] = []): ReadResult {
  const recognized = recognizeTables(input, overrides);
  const tables = input.date1904 === true ? recognized.map(datesIn1904) : recognized;
  const settingsEntries: SettingsEntry[] = [];
  let sheetSettings: SettingsInput = {};
  const tableFindings: Finding[] = [];

  for (const table of tables) {
    append(tableFindings, missingColumns(table));
    if (table.kind !== "settings") continue;
    const sheet = input.sheets[table.sheetIndex];
    const read = readSettingsTable(table, sheet ? sheetOrigin(sheet).col : 1);
    append(settingsEntries, read.entries);
    append(tableFindings, read.findings);
    // A second settings sheet adds to the first; where both set a key, the later sheet wins.
    sheetSettings = { ...sheetSettings, ...read.settings };
  }
  // Each kind's records: every table of that kind, in workbook order.
  const recordsOf = <T>(kind: TableKind, build: (table: RecognizedTable) => T[]): T[] =>
    joined(tables.filter((t) => t.kind === kind).map(build));

  const kinds = new Set(tables.map((t) => t.kind));
  const findings: Finding[] = EXPECTED_KINDS.filter((k) => !kinds.has(k)).map((kind) => ({
    rule: "table.missing",
    severity: severityFor(kind),
    params: { kind },
  }));
  append(findings, tableFindings);

  return {
    tables,
    staff: recordsOf("roster", staffRecords),
    activities: recordsOf("activities", activityRecords),
    delegates: recordsOf("congress", delegateRecords),
    reviews: recordsOf("reviews", reviewRecords),
    meetings: recordsOf("meetings", meetingRecords),
    settingsEntries,
    sheetSettings,
    findings,
  };
}
