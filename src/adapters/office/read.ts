/**
 * Reading a workbook through Office.js in as few round trips as possible: sync 1 lists the sheets
 * with their used ranges, sync 2 loads values and number formats of every ordinary sheet, and a
 * large sheet adds one sync per row chunk, each planned to stay under the payload budget.
 */
import type { RawCell, SheetInput, WorkbookInput } from "../../engine/types";
import { STATE_SHEET_NAME } from "../../engine/state";
import { isSummarySheetName } from "../../engine/summary/names";
import type { Progress } from "../../host/types";
import {
  INITIAL_BYTES_PER_CELL,
  MAX_CELLS_PER_SYNC,
  MEASURED_MARGIN,
  PAYLOAD_TARGET_BYTES,
  jsonBytes,
} from "./budget";
import { toRawCell } from "./cells";

/** Tuning of the reader (tests shrink the budgets). */
export interface ReadOptions {
  /** Planned response size per sync in bytes. */
  readonly targetBytes?: number;
  /** Most cells loaded per sync. */
  readonly maxCells?: number;
  /** Bytes per cell assumed before any chunk was measured. */
  readonly initialBytesPerCell?: number;
  /** Sheets listed in the first sync before the list continues in another one. */
  readonly sheetsPerListing?: number;
  readonly onProgress?: (p: Progress) => void;
}

/** One sheet as listed in the first sync. */
interface ListedSheet {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly visibility: string;
  readonly used: Excel.Range | null;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A slice of rows of one sheet to load. */
interface ReadTask {
  readonly target: number;
  readonly firstRow: number;
  readonly rows: number;
}

const DEFAULT_SHEETS_PER_LISTING = 32;

/**
 * Lists sheets and their used ranges in one sync by walking `getFirst().getNextOrNullObject()…`
 * (ExcelApi 1.5), which needs no earlier sync to know the sheets. Beyond `perListing` sheets the
 * walk continues in another sync.
 */
async function listSheetsByWalking(
  context: Excel.RequestContext,
  perListing: number,
): Promise<ListedSheet[]> {
  const out: ListedSheet[] = [];
  let previous: Excel.Worksheet | null = null;
  for (;;) {
    const batch: Array<{ sheet: Excel.Worksheet; used: Excel.Range }> = [];
    for (let i = 0; i < perListing; i++) {
      const sheet: Excel.Worksheet =
        previous === null ? context.workbook.worksheets.getFirst(false) : previous.getNextOrNullObject(false);
      sheet.load("name,visibility");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      batch.push({ sheet, used });
      previous = sheet;
    }
    await context.sync();
    for (const { sheet, used } of batch) {
      if (sheet.isNullObject) return out;
      out.push(listed(sheet, used.isNullObject ? null : used));
    }
  }
}

/** The three-sync fallback for hosts where a method on a null object fails the batch. */
async function listSheetsByCollection(context: Excel.RequestContext): Promise<ListedSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return range;
  });
  await context.sync();
  return sheets.items.map((sheet, i) => {
    const range = used[i];
    return listed(sheet, range && !range.isNullObject ? range : null);
  });
}

function listed(sheet: Excel.Worksheet, used: Excel.Range | null): ListedSheet {
  return {
    sheet,
    name: sheet.name,
    visibility: sheet.visibility,
    used,
    rowIndex: used?.rowIndex ?? 0,
    columnIndex: used?.columnIndex ?? 0,
    rowCount: used?.rowCount ?? 0,
    columnCount: used?.columnCount ?? 0,
  };
}

/** Lists every sheet with its used range: one sync normally, three on hosts that reject the walk. */
export async function listSheets(
  context: Excel.RequestContext,
  perListing = DEFAULT_SHEETS_PER_LISTING,
): Promise<ListedSheet[]> {
  try {
    return await listSheetsByWalking(context, perListing);
  } catch {
    // Some hosts may fail a batch that calls a method on a null object; list the slow way then.
    return listSheetsByCollection(context);
  }
}

/**
 * Reads every sheet's used range (values and number formats) into the engine's input. Our own
 * summary sheets are listed with no rows (the engine ignores them), the state sheet with its A1.
 */
export async function readWorkbookIn(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookInput> {
  const targetBytes = options.targetBytes ?? PAYLOAD_TARGET_BYTES;
  const maxCells = options.maxCells ?? MAX_CELLS_PER_SYNC;
  let bytesPerCell = options.initialBytesPerCell ?? INITIAL_BYTES_PER_CELL;
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: "reading", fraction: 0 });

  const sheets = await listSheets(context, options.sheetsPerListing);
  const rowsOf: RawCell[][][] = sheets.map(() => []);
  const pending: ReadTask[] = [];
  sheets.forEach((s, target) => {
    if (!s.used || s.rowCount === 0 || s.columnCount === 0) return;
    if (s.name === STATE_SHEET_NAME) {
      // Only A1 holds the state; other cells of the state sheet (marks) are ours, not user data.
      if (s.rowIndex === 0 && s.columnIndex === 0) pending.push({ target, firstRow: 0, rows: 1 });
      return;
    }
    if (isSummarySheetName(s.name)) return;
    pending.push({ target, firstRow: 0, rows: s.rowCount });
  });
  const widthOf = (t: ReadTask): number => {
    const s = sheets[t.target];
    return s ? (s.name === STATE_SHEET_NAME ? 1 : s.columnCount) : 1;
  };
  const totalCells = pending.reduce((n, t) => n + t.rows * widthOf(t), 0);
  let doneCells = 0;

  while (pending.length > 0) {
    // Plan one sync: whole tasks while they fit, then the rows of the next task that fit.
    const planned: Array<{ task: ReadTask; range: Excel.Range }> = [];
    let plannedBytes = 0;
    let plannedCells = 0;
    while (pending.length > 0) {
      const task = pending[0] as ReadTask;
      const width = widthOf(task);
      const roomCells = Math.min(
        maxCells - plannedCells,
        Math.floor((targetBytes - plannedBytes) / bytesPerCell),
      );
      const fitRows = Math.min(task.rows, Math.floor(roomCells / width));
      if (fitRows < 1) {
        if (planned.length > 0) break;
        // A single row wider than the budget still has to be read: one row per sync.
      }
      const rows = Math.max(1, fitRows);
      const slice: ReadTask = { target: task.target, firstRow: task.firstRow, rows };
      planned.push({ task: slice, range: rangeOf(sheets, slice) });
      plannedBytes += rows * width * bytesPerCell;
      plannedCells += rows * width;
      if (rows === task.rows) pending.shift();
      else pending[0] = { target: task.target, firstRow: task.firstRow + rows, rows: task.rows - rows };
      if (rows < task.rows) break;
    }
    for (const { range } of planned) range.load("values,numberFormat");
    await context.sync();

    let measuredBytes = 0;
    let measuredCells = 0;
    for (const { task, range } of planned) {
      const values = range.values;
      const formats = range.numberFormat;
      const out = rowsOf[task.target] as RawCell[][];
      for (let r = 0; r < values.length; r++) {
        const vRow = values[r] ?? [];
        const fRow = formats[r] ?? [];
        const row: RawCell[] = new Array<RawCell>(vRow.length);
        for (let c = 0; c < vRow.length; c++) row[c] = toRawCell(vRow[c], fRow[c]);
        out.push(row);
      }
      const cells = task.rows * widthOf(task);
      // Measure the real payload of big slices so later chunks use the sheet's actual density.
      if (cells >= 1000) {
        measuredBytes += jsonBytes(values) + jsonBytes(formats);
        measuredCells += cells;
      }
      doneCells += cells;
    }
    if (measuredCells > 0) bytesPerCell = Math.max(4, (measuredBytes / measuredCells) * MEASURED_MARGIN);
    progress({ stage: "reading", fraction: totalCells === 0 ? 1 : doneCells / totalCells });
  }

  const out: SheetInput[] = sheets.map((s, i) => ({
    name: s.name,
    rows: rowsOf[i] ?? [],
    origin: { row: s.rowIndex + 1, col: s.columnIndex + 1 },
    ...(s.visibility !== "Visible" ? { hidden: true } : {}),
  }));
  progress({ stage: "reading", fraction: 1 });
  return { sheets: out };
}

function rangeOf(sheets: readonly ListedSheet[], task: ReadTask): Excel.Range {
  const s = sheets[task.target] as ListedSheet;
  if (s.name === STATE_SHEET_NAME) return s.sheet.getRangeByIndexes(0, 0, 1, 1);
  // The whole used range of an ordinary sheet is loaded through the proxy from the first sync.
  if (task.firstRow === 0 && task.rows === s.rowCount && s.used) return s.used;
  return s.sheet.getRangeByIndexes(s.rowIndex + task.firstRow, s.columnIndex, task.rows, s.columnCount);
}
