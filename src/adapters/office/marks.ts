/**
 * Optional highlighting of bad cells that can be undone exactly. Before a cell is filled, its
 * original fill (colour, and with ExcelApi 1.9 its pattern and pattern colour, which tells "no
 * fill" from "white") is recorded in columns C:I of the very-hidden state sheet; clearing restores
 * exactly that, but only where the cell still shows our colour (a fill the user set since wins).
 * Marking again keeps the first recorded original. With ExcelApi 1.18 a note with the problem is
 * added to marked cells that had none, and removed again on clearing.
 */
import { STATE_SHEET_NAME } from "../../engine/state";
import type { Finding } from "../../engine/types";
import { parseCellAddress } from "./cells";
import { addStateSheet } from "./stateSheet";

/** What the host supports for marks. */
export interface MarkFeatures {
  /** ExcelApi 1.9: `RangeFill.pattern` / `patternColor`. */
  readonly fillPattern: boolean;
  /** ExcelApi 1.18: notes. */
  readonly notes: boolean;
}

/** Fill colours of marks per severity (Excel's "bad" and "neutral" styles); info is not marked. */
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;

/** At most this many cells are marked in one run (the first ones, errors before warnings). */
export const MAX_MARKS = 5000;

/** Where the records live on the state sheet: columns C:I. */
const RECORD_COLUMN = 2;
const RECORD_WIDTH = 7;
const RECORD_COLUMNS = "C:I";

/** One marked cell and what it looked like before. */
interface MarkRecord {
  readonly sheet: string;
  readonly cell: string;
  /** Original fill colour, "" when the cell had no fill. */
  readonly color: string;
  /** Original pattern ("None", "Solid"…), "" when the host could not tell (before ExcelApi 1.9). */
  readonly pattern: string;
  readonly patternColor: string;
  /** "1" when we added a note to the cell. */
  readonly note: string;
  /** The colour we filled it with. */
  readonly mark: string;
}

interface Target {
  readonly sheet: string;
  readonly cell: string;
  readonly mark: string;
  readonly text: Finding;
}

const recordKey = (sheet: string, cell: string): string => `${sheet}\u0000${cell.toUpperCase()}`;

function toRecord(row: readonly unknown[]): MarkRecord | null {
  const [sheet, cell, color, pattern, patternColor, note, mark] = row.map((v) =>
    v === null || v === undefined ? "" : String(v),
  );
  if (!sheet || !cell || !parseCellAddress(cell)) return null;
  return {
    sheet,
    cell,
    color: color ?? "",
    pattern: pattern ?? "",
    patternColor: patternColor ?? "",
    note: note ?? "",
    mark: mark ?? "",
  };
}

function fromRecord(r: MarkRecord): string[] {
  return [r.sheet, r.cell, r.color, r.pattern, r.patternColor, r.note, r.mark];
}

/** The cells to mark: error and warning findings with a cell on an existing sheet, one per cell. */
function targetsOf(findings: readonly Finding[], sheetNames: ReadonlySet<string>): Target[] {
  const byCell = new Map<string, Target>();
  const ordered = [...findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  for (const f of ordered) {
    if (f.severity === "info" || !f.sheet || !f.cell || !sheetNames.has(f.sheet)) continue;
    const p = parseCellAddress(f.cell);
    if (!p) continue;
    const k = recordKey(f.sheet, f.cell);
    if (!byCell.has(k))
      byCell.set(k, {
        sheet: f.sheet,
        cell: f.cell.toUpperCase().replace(/\$/g, ""),
        mark: MARK_COLORS[f.severity],
        text: f,
      });
    if (byCell.size >= MAX_MARKS) break;
  }
  return [...byCell.values()];
}

/** Loads the sheet list and the records (two syncs; one when there is no state sheet). */
async function loadRecords(
  context: Excel.RequestContext,
): Promise<{ sheets: Map<string, Excel.Worksheet>; state: Excel.Worksheet | null; records: MarkRecord[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const sheets = new Map(worksheets.items.map((s) => [s.name, s]));
  const state = sheets.get(STATE_SHEET_NAME) ?? null;
  if (!state) return { sheets, state, records: [] };
  const used = state.getRange(RECORD_COLUMNS).getUsedRangeOrNullObject(true);
  used.load("values,columnIndex");
  await context.sync();
  if (used.isNullObject) return { sheets, state, records: [] };
  const offset = RECORD_COLUMN - used.columnIndex;
  const records = used.values
    .map((row) => toRecord(Array.from({ length: RECORD_WIDTH }, (_, i) => row[i - offset])))
    .filter((r): r is MarkRecord => r !== null);
  return { sheets, state, records };
}

interface CellState {
  readonly fill: Excel.RangeFill;
  readonly note: Excel.Note | null;
}

/** Queues loads of the current fill (and note) of each cell; read them after the next sync. */
function probeCells(
  cells: ReadonlyArray<{ sheet: string; cell: string }>,
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  features: MarkFeatures,
): Map<string, CellState> {
  const out = new Map<string, CellState>();
  for (const { sheet, cell } of cells) {
    const ws = sheets.get(sheet);
    if (!ws) continue;
    const fill = ws.getRange(cell).format.fill;
    fill.load(features.fillPattern ? "color,pattern,patternColor" : "color");
    const note = features.notes ? ws.notes.getItemOrNullObject(cell) : null;
    out.set(recordKey(sheet, cell), { fill, note });
  }
  return out;
}

const sameColor = (a: string | null | undefined, b: string): boolean =>
  (a ?? "").toUpperCase() === b.toUpperCase();

/** Queues the restoration of one marked cell when it still shows our mark. */
function restore(
  record: MarkRecord,
  state: CellState | undefined,
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  features: MarkFeatures,
): void {
  const ws = sheets.get(record.sheet);
  if (!ws || !state) return;
  if (record.note === "1" && state.note && !state.note.isNullObject) state.note.delete();
  if (!sameColor(state.fill.color, record.mark)) return; // the user has refilled the cell since: keep theirs
  const fill = ws.getRange(record.cell).format.fill;
  const noFill =
    record.pattern === "None" ||
    (record.pattern === "" && (record.color === "" || sameColor(record.color, "#FFFFFF")));
  if (noFill) {
    fill.clear();
    return;
  }
  if (features.fillPattern && record.pattern !== "") fill.pattern = record.pattern as Excel.FillPattern;
  fill.color = record.color;
  if (features.fillPattern && record.patternColor !== "" && record.pattern !== "Solid")
    fill.patternColor = record.patternColor;
}

/** Writes the records table (C:I of the state sheet), replacing the previous one. */
function writeRecords(state: Excel.Worksheet, records: readonly MarkRecord[]): void {
  state.getRange(RECORD_COLUMNS).clear("Contents");
  if (records.length === 0) return;
  const range = state.getRangeByIndexes(0, RECORD_COLUMN, records.length, RECORD_WIDTH);
  range.numberFormat = records.map(() => new Array<string>(RECORD_WIDTH).fill("@"));
  range.values = records.map(fromRecord);
}

/**
 * Marks the cells of error and warning findings. Cells marked before and no longer in the findings
 * are restored; cells marked before and still in them keep their first recorded original.
 */
export async function markCellsIn(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  features: MarkFeatures,
  noteText: (f: Finding) => string,
): Promise<void> {
  const { sheets, state, records } = await loadRecords(context);
  const targets = targetsOf(findings, new Set([...sheets.keys()].filter((n) => n !== STATE_SHEET_NAME)));
  const targeted = new Set(targets.map((t) => recordKey(t.sheet, t.cell)));
  const known = new Map(records.map((r) => [recordKey(r.sheet, r.cell), r]));
  const dropped = records.filter((r) => !targeted.has(recordKey(r.sheet, r.cell)));
  const states = probeCells([...targets, ...dropped], sheets, features);
  await context.sync();

  const kept: MarkRecord[] = [];
  for (const t of targets) {
    const k = recordKey(t.sheet, t.cell);
    const current = states.get(k);
    const ws = sheets.get(t.sheet);
    if (!current || !ws) continue;
    const before = known.get(k);
    let addNote = false;
    if (!before && features.notes && current.note?.isNullObject) addNote = true;
    const record: MarkRecord = before
      ? { ...before, mark: t.mark }
      : {
          sheet: t.sheet,
          cell: t.cell,
          color: features.fillPattern && current.fill.pattern === "None" ? "" : (current.fill.color ?? ""),
          pattern: features.fillPattern ? (current.fill.pattern ?? "") : "",
          patternColor: features.fillPattern ? (current.fill.patternColor ?? "") : "",
          note: addNote ? "1" : "",
          mark: t.mark,
        };
    const range = ws.getRange(t.cell);
    range.format.fill.color = t.mark;
    if (addNote) ws.notes.add(range, noteText(t.text));
    kept.push(record);
  }
  for (const r of dropped) restore(r, states.get(recordKey(r.sheet, r.cell)), sheets, features);
  writeRecords(state ?? addStateSheet(context), kept);
  await context.sync();
}

/** Restores every marked cell's original fill (and removes our notes), then forgets the marks. */
export async function clearMarksIn(context: Excel.RequestContext, features: MarkFeatures): Promise<void> {
  const { sheets, state, records } = await loadRecords(context);
  if (!state || records.length === 0) return;
  const states = probeCells(records, sheets, features);
  await context.sync();
  for (const r of records) restore(r, states.get(recordKey(r.sheet, r.cell)), sheets, features);
  writeRecords(state, []);
  await context.sync();
}
