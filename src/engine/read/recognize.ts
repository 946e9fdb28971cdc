/**
 * Table recognition: which sheet holds which logical table, where its header row is and which
 * column holds which field. Sheet names decide first, headers when names say nothing.
 */
import { columnLetter, isSummarySheetName, STATE_SHEET_NAME } from "../workbook";
import type {
  ColumnMatch,
  DataRow,
  FieldName,
  KindOverride,
  RawCell,
  RecognitionSource,
  RecognizedTable,
  SheetInput,
  TableKind,
  WorkbookInput,
} from "../types";
import { TABLE_KINDS } from "../types";
import { cellText } from "./normalize";
import { findHeaderRow, isBlankRow, sheetNameKinds, type HeaderLocation } from "./headers";

/** A1-style address of a recognised column's cell in a given 1-based row. */
export function columnCell(column: Pick<ColumnMatch, "letter">, row1: number): string {
  return `${column.letter}${row1}`;
}

/** The sheet's origin as 1-based row and column, defaulting to A1 and ignoring nonsense values. */
export function sheetOrigin(sheet: Pick<SheetInput, "origin">): {
  readonly row: number;
  readonly col: number;
} {
  const o = sheet.origin;
  const valid = (n: number | undefined): n is number =>
    typeof n === "number" && Number.isInteger(n) && n >= 1;
  return { row: valid(o?.row) ? o.row : 1, col: valid(o?.col) ? o.col : 1 };
}

type Rows = SheetInput["rows"];

function firstNonBlankRow(rows: Rows): number {
  for (let i = 0; i < rows.length; i++) if (!isBlankRow(rows[i])) return i;
  return -1;
}

/** Header location of a kind by its headers, or a stand-in when the headers name fewer than two fields. */
function locate(kind: TableKind, rows: Rows): HeaderLocation | null {
  const found = findHeaderRow(kind, rows);
  if (found) return found;
  const first = firstNonBlankRow(rows);
  if (first < 0) return null;
  if (kind === "settings") {
    // Key/value rows need no header: every non-blank row is data.
    return { columns: [], others: [], rowIndex: first - 1, lastRowIndex: first - 1 };
  }
  const others: Array<{ index: number; header: string }> = [];
  const row = rows[first] ?? [];
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (cell !== undefined && cell !== null && cellText(cell).trim() !== "") {
      others.push({ index: i, header: cellText(cell) });
    }
  }
  return { columns: [], others, rowIndex: first, lastRowIndex: first };
}

/** The kind whose headers match best, needing at least two fields and no tie. */
function kindByHeaders(rows: Rows, candidates: readonly TableKind[], allowTie: boolean) {
  let best: { kind: TableKind; location: HeaderLocation } | null = null;
  let tie = false;
  for (const kind of candidates) {
    const location = findHeaderRow(kind, rows);
    if (!location) continue;
    const n = location.columns.length;
    const bestN = best?.location.columns.length ?? 0;
    if (n > bestN) {
      best = { kind, location };
      tie = false;
    } else if (best && n === bestN) {
      tie = true;
    }
  }
  return best && (allowTie || !tie) ? best : null;
}

function detect(
  sheet: SheetInput,
): { kind: TableKind; source: RecognitionSource; location: HeaderLocation } | null {
  const rows = sheet.rows;
  const named = sheetNameKinds(sheet.name);
  if (named.length > 0) {
    // Several kinds named (学生会工作人员述职评议 = roster + reviews): the headers choose among them.
    const byName = named.length > 1 ? kindByHeaders(rows, named, true) : null;
    if (byName) return { kind: byName.kind, source: "name", location: byName.location };
    const kind = named[0] as TableKind;
    const found = findHeaderRow(kind, rows);
    if (found) return { kind, source: "name", location: found };
    // The name is only a hint; headers that clearly belong to another kind outrank it.
    const byHeaders = kindByHeaders(rows, TABLE_KINDS, false);
    if (byHeaders) return { kind: byHeaders.kind, source: "headers", location: byHeaders.location };
    const location = locate(kind, rows);
    return location ? { kind, source: "name", location } : null;
  }
  const byHeaders = kindByHeaders(rows, TABLE_KINDS, false);
  return byHeaders ? { kind: byHeaders.kind, source: "headers", location: byHeaders.location } : null;
}

function buildTable(
  sheet: SheetInput,
  sheetIndex: number,
  kind: TableKind,
  source: RecognitionSource,
  location: HeaderLocation | null,
): RecognizedTable {
  const origin = sheetOrigin(sheet);
  const letter = (index: number) => columnLetter(origin.col - 1 + index);
  const columns: ColumnMatch[] = (location?.columns ?? []).map((c) => ({
    field: c.field as FieldName,
    index: c.index,
    letter: letter(c.index),
    header: c.header,
  }));
  const otherColumns = (location?.others ?? []).map((o) => ({
    index: o.index,
    letter: letter(o.index),
    header: o.header,
  }));
  const rows: DataRow[] = [];
  const start = location ? location.lastRowIndex + 1 : 0;
  const sheetRows = sheet.rows;
  for (let i = Math.max(0, start); i < sheetRows.length; i++) {
    const cells = sheetRows[i];
    if (!cells || isBlankRow(cells)) continue;
    rows.push({ row: origin.row + i, cells: cells as ReadonlyArray<RawCell> });
  }
  return {
    kind,
    sheet: sheet.name,
    sheetIndex,
    headerRow: origin.row + (location ? location.rowIndex : 0),
    columns,
    otherColumns,
    rows,
    source,
  };
}

/**
 * Recognise the logical tables of a workbook, in workbook order. Our own summary and state sheets
 * are skipped unless an override names them; an override forces a sheet's kind (`null` ignores the sheet).
 */
export function recognizeTables(
  input: WorkbookInput,
  overrides: readonly KindOverride[] = [],
): RecognizedTable[] {
  const forced = new Map<string, TableKind | null>();
  for (const o of overrides) forced.set(o.sheet, o.kind);
  const tables: RecognizedTable[] = [];
  input.sheets.forEach((sheet, sheetIndex) => {
    const override = forced.get(sheet.name);
    if (override === null) return;
    if (override !== undefined) {
      tables.push(buildTable(sheet, sheetIndex, override, "user", locate(override, sheet.rows)));
      return;
    }
    // Our summary sheets and the saved-state sheet are output, not user data.
    if (isSummarySheetName(sheet.name) || sheet.name === STATE_SHEET_NAME) return;
    const found = detect(sheet);
    if (found) tables.push(buildTable(sheet, sheetIndex, found.kind, found.source, found.location));
  });
  return tables;
}
