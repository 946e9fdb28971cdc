/**
 * Optional highlighting of bad cells that can be undone exactly. Before a cell is filled, its
 * original fill (colour, and with ExcelApi 1.9 its pattern and pattern colour, which tells "no
 * fill" from "white") is recorded in columns C:I of the very-hidden state sheet; clearing restores
 * exactly that, but only where the cell still shows our colour (a fill the user set since wins).
 * Marking again keeps the first recorded original. With ExcelApi 1.18 a note with the problem is
 * added to marked cells that had none, and removed again on clearing.
 *
 * Safe to fail: the records of every cell a run may touch are written and synced before the first
 * fill, and the fills go out in requests under the payload budget. When Excel refuses a request
 * part-way (a protected sheet, a cell with a threaded comment, cell-edit mode), each cell already
 * filled has its record, so "clear marks" restores exactly; the error says so.
 */
import { STATE_SHEET_NAME, type Finding } from "../../engine";
import { OPERATION_OVERHEAD_BYTES, PAYLOAD_TARGET_BYTES, RequestBudget, jsonBytes } from "./budget";
import { parseCellAddress } from "./cells";
import { isHostFailure, type MarksStage } from "../../host/errors";
import { marksIncomplete } from "./errors";
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

/** Loads the current fill (and note) of each cell, in requests under the payload budget. */
async function probeCells(
  context: Excel.RequestContext,
  cells: ReadonlyArray<{ sheet: string; cell: string }>,
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  features: MarkFeatures,
  targetBytes: number,
): Promise<Map<string, CellState>> {
  const out = new Map<string, CellState>();
  await sendInBudget(
    context,
    cells,
    ({ sheet, cell }) => {
      const ws = sheets.get(sheet);
      if (!ws) return 0;
      const fill = ws.getRange(cell).format.fill;
      fill.load(features.fillPattern ? "color,pattern,patternColor" : "color");
      const note = features.notes ? ws.notes.getItemOrNullObject(cell) : null;
      out.set(recordKey(sheet, cell), { fill, note });
      return 5 * OPERATION_OVERHEAD_BYTES + 2 * jsonBytes(cell);
    },
    targetBytes,
  );
  return out;
}

const sameColor = (a: string | null | undefined, b: string): boolean =>
  (a ?? "").toUpperCase() === b.toUpperCase();

/**
 * Queues the restoration of one marked cell when it still shows our mark; returns the estimated
 * request bytes of what it queued (0 when nothing).
 */
function restore(
  record: MarkRecord,
  state: CellState | undefined,
  sheets: ReadonlyMap<string, Excel.Worksheet>,
  features: MarkFeatures,
): number {
  const ws = sheets.get(record.sheet);
  if (!ws || !state) return 0;
  let bytes = 0;
  if (record.note === "1" && state.note && !state.note.isNullObject) {
    state.note.delete();
    bytes += OPERATION_OVERHEAD_BYTES;
  }
  if (!sameColor(state.fill.color, record.mark)) return bytes; // the user has refilled the cell since: keep theirs
  const fill = ws.getRange(record.cell).format.fill;
  const noFill =
    record.pattern === "None" ||
    (record.pattern === "" && (record.color === "" || sameColor(record.color, "#FFFFFF")));
  if (noFill) {
    fill.clear();
    return bytes + 2 * OPERATION_OVERHEAD_BYTES;
  }
  if (features.fillPattern && record.pattern !== "") fill.pattern = record.pattern as Excel.FillPattern;
  fill.color = record.color;
  if (features.fillPattern && record.patternColor !== "" && record.pattern !== "Solid")
    fill.patternColor = record.patternColor;
  return bytes + 4 * OPERATION_OVERHEAD_BYTES + jsonBytes(fromRecord(record));
}

/**
 * Sends queued cell changes in requests under the payload budget: `queue` queues one cell's
 * changes and returns their estimated bytes; a sync is made before the next cell would go over.
 */
async function sendInBudget<T>(
  context: Excel.RequestContext,
  items: readonly T[],
  queue: (item: T) => number,
  targetBytes: number,
): Promise<void> {
  const budget = new RequestBudget(targetBytes);
  for (const item of items) {
    const bytes = queue(item);
    budget.add(bytes, 0);
    // The cell just queued is in this request; sync before the next one could overflow it.
    if (budget.wouldOverflow(OPERATION_OVERHEAD_BYTES * 8)) {
      await context.sync();
      budget.reset();
    }
  }
  await context.sync();
}

/** Runs one step of marking; a failure becomes a `marks-incomplete` failure saying what is left. */
async function step<T>(stage: MarksStage, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isHostFailure(error, "marks-incomplete")) throw error;
    throw marksIncomplete(stage, error);
  }
}

/**
 * Writes the records table (C:I of the state sheet), replacing the previous one, in slices of rows
 * under the payload budget; everything is synced when it resolves.
 */
async function writeRecords(
  context: Excel.RequestContext,
  state: Excel.Worksheet,
  records: readonly MarkRecord[],
  targetBytes: number,
): Promise<void> {
  state.getRange(RECORD_COLUMNS).clear("Contents");
  const rows = records.map(fromRecord);
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || bytes + jsonBytes(rows[end]) * 2 < targetBytes / 2)) {
      bytes += jsonBytes(rows[end]) * 2;
      end++;
    }
    const slice = rows.slice(start, end);
    const range = state.getRangeByIndexes(start, RECORD_COLUMN, slice.length, RECORD_WIDTH);
    range.numberFormat = slice.map(() => new Array<string>(RECORD_WIDTH).fill("@"));
    range.values = slice;
    if (end < rows.length) await context.sync();
    start = end;
  }
  await context.sync();
}

/** Options of marking: the request size to plan for (tests make it small). */
export interface MarkOptions {
  readonly targetBytes?: number;
}

/**
 * Marks the cells of error and warning findings. Cells marked before and no longer in the findings
 * are restored; cells marked before and still in them keep their first recorded original. Throws
 * a `marks-incomplete` host failure when Excel refuses part of it (see the file comment).
 */
export async function markCellsIn(
  context: Excel.RequestContext,
  findings: readonly Finding[],
  features: MarkFeatures,
  noteText: (f: Finding) => string,
  options: MarkOptions = {},
): Promise<void> {
  const targetBytes = options.targetBytes ?? PAYLOAD_TARGET_BYTES;
  const { sheets, state, records, targets, dropped, states } = await step("nothing-changed", async () => {
    const loaded = await loadRecords(context);
    const targets = targetsOf(
      findings,
      new Set([...loaded.sheets.keys()].filter((n) => n !== STATE_SHEET_NAME)),
    );
    const targeted = new Set(targets.map((t) => recordKey(t.sheet, t.cell)));
    const dropped = loaded.records.filter((r) => !targeted.has(recordKey(r.sheet, r.cell)));
    const states = await probeCells(context, [...targets, ...dropped], loaded.sheets, features, targetBytes);
    return { ...loaded, targets, dropped, states };
  });
  const known = new Map(records.map((r) => [recordKey(r.sheet, r.cell), r]));

  const kept: Array<{ target: Target; record: MarkRecord }> = [];
  for (const t of targets) {
    const k = recordKey(t.sheet, t.cell);
    const current = states.get(k);
    if (!current || !sheets.has(t.sheet)) continue;
    const before = known.get(k);
    const addNote = !before && features.notes && current.note?.isNullObject === true;
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
    kept.push({ target: t, record });
  }

  // 1. The undo records of every cell this run may change, before any of them is changed.
  const stateSheet = await step("nothing-changed", async () => {
    const sheet = state ?? addStateSheet(context);
    await writeRecords(context, sheet, [...kept.map((k) => k.record), ...dropped], targetBytes);
    return sheet;
  });
  // 2. The fills and notes, and the restoration of cells no longer found, under the payload budget.
  await step("partly-marked", async () => {
    await sendInBudget(
      context,
      kept,
      ({ target, record }) => {
        const ws = sheets.get(target.sheet) as Excel.Worksheet;
        const range = ws.getRange(target.cell);
        range.format.fill.color = target.mark;
        let bytes = 3 * OPERATION_OVERHEAD_BYTES + jsonBytes(target.cell) + jsonBytes(target.mark);
        if (record.note === "1" && !known.has(recordKey(target.sheet, target.cell))) {
          const text = noteText(target.text);
          ws.notes.add(range, text);
          bytes += OPERATION_OVERHEAD_BYTES + jsonBytes(text);
        }
        return bytes;
      },
      targetBytes,
    );
    await sendInBudget(
      context,
      dropped,
      (r) => restore(r, states.get(recordKey(r.sheet, r.cell)), sheets, features),
      targetBytes,
    );
  });
  // 3. Only this run's marks stay recorded (a failure here leaves extra records, which are harmless:
  // clearing restores a cell only where it still shows our colour).
  await step("partly-marked", async () => {
    await writeRecords(
      context,
      stateSheet,
      kept.map((k) => k.record),
      targetBytes,
    );
  });
}

/**
 * Restores every marked cell's original fill (and removes our notes), then forgets the marks. The
 * records are forgotten only once every cell is restored, so clearing again finishes the job.
 */
export async function clearMarksIn(
  context: Excel.RequestContext,
  features: MarkFeatures,
  options: MarkOptions = {},
): Promise<void> {
  const targetBytes = options.targetBytes ?? PAYLOAD_TARGET_BYTES;
  const loaded = await step("nothing-changed", async () => {
    const { sheets, state, records } = await loadRecords(context);
    if (!state || records.length === 0) return null;
    const states = await probeCells(context, records, sheets, features, targetBytes);
    return { sheets, state, records, states };
  });
  if (!loaded) return;
  const { sheets, state, records, states } = loaded;
  await step("partly-cleared", () =>
    sendInBudget(
      context,
      records,
      (r) => restore(r, states.get(recordKey(r.sheet, r.cell)), sheets, features),
      targetBytes,
    ),
  );
  await step("partly-cleared", () => writeRecords(context, state, [], targetBytes));
}
