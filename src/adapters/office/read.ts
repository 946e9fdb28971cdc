/**
 * Reading a workbook through Office.js in as few round trips as possible: sync 1 lists the sheets
 * with their used ranges and a small sample of each (its top-left 16 × 50 cells), sync 2 loads
 * values and number formats of every ordinary sheet the sample did not hold, and a large sheet
 * adds one sync per row chunk. Chunks are planned from the sheet's density: the sample's at
 * first, then the densest chunk of that sheet measured so far, re-planned after every sync. The rows
 * of a sync Excel rejects as over its payload limit are read again in syncs of half its size (down
 * to a single row); a row that alone is over the limit fails the read with a `row-too-large` host failure.
 */
import {
  STATE_SHEET_NAME,
  isSummarySheetName,
  type RawCell,
  type SheetInput,
  type WorkbookInput,
} from "../../engine";
import type { Progress } from "../../host/types";
import {
  INITIAL_BYTES_PER_CELL,
  MAX_CELLS_PER_SYNC,
  MEASURED_MARGIN,
  MIN_MEASURED_CELLS,
  PAYLOAD_TARGET_BYTES,
  SAMPLE_ADDRESS,
  SAMPLE_MARGIN,
  jsonBytes,
} from "./budget";
import { toRawCell } from "./cells";
import { isPayloadSizeError, rowTooLarge } from "./errors";

/** Tuning of the reader (tests shrink the budgets). */
export interface ReadOptions {
  /** Planned response size per sync in bytes. */
  readonly targetBytes?: number;
  /** Most cells loaded per sync. */
  readonly maxCells?: number;
  /** Bytes per cell assumed for a sheet with no sample, before any chunk of it was measured. */
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
  /** The top-left corner of the used range (values and number formats), when it was loaded. */
  readonly sample: Sample | null;
}

/** Cells loaded with the listing: the used range ∩ {@link SAMPLE_ADDRESS}. */
interface Sample {
  readonly values: unknown[][];
  readonly formats: unknown[][];
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
    const batch: Array<{ sheet: Excel.Worksheet; used: Excel.Range; sample: Excel.Range }> = [];
    for (let i = 0; i < perListing; i++) {
      const sheet: Excel.Worksheet =
        previous === null ? context.workbook.worksheets.getFirst(false) : previous.getNextOrNullObject(false);
      sheet.load("name,visibility");
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      // Only *OrNullObject calls on the used range, which stay null objects for an empty sheet.
      const sample = used.getIntersectionOrNullObject(SAMPLE_ADDRESS);
      sample.load("values,numberFormat");
      batch.push({ sheet, used, sample });
      previous = sheet;
    }
    await context.sync();
    for (const { sheet, used, sample } of batch) {
      if (sheet.isNullObject) return out;
      const s = used.isNullObject || sample.isNullObject ? null : sample;
      out.push(listed(sheet, used.isNullObject ? null : used, s));
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

function listed(
  sheet: Excel.Worksheet,
  used: Excel.Range | null,
  sample: Excel.Range | null = null,
): ListedSheet {
  return {
    sheet,
    name: sheet.name,
    visibility: sheet.visibility,
    used,
    rowIndex: used?.rowIndex ?? 0,
    columnIndex: used?.columnIndex ?? 0,
    rowCount: used?.rowCount ?? 0,
    columnCount: used?.columnCount ?? 0,
    sample: sample ? { values: sample.values, formats: sample.numberFormat } : null,
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
  const initialBytesPerCell = options.initialBytesPerCell ?? INITIAL_BYTES_PER_CELL;
  const progress = options.onProgress ?? (() => undefined);
  progress({ stage: "reading", fraction: 0 });

  const sheets = await listSheets(context, options.sheetsPerListing);
  const rowsOf: RawCell[][][] = sheets.map(() => []);
  /** Planned bytes per cell of each sheet (re-planned after every sync). */
  const density: number[] = sheets.map(() => initialBytesPerCell);
  /** The densest measured chunk of each sheet so far (bytes per cell), 0 before any. */
  const densest: number[] = sheets.map(() => 0);
  const pending: ReadTask[] = [];
  let sampledCells = 0;
  sheets.forEach((s, target) => {
    if (!s.used || s.rowCount === 0 || s.columnCount === 0) return;
    const sample = s.sample;
    const sampleRows = sample?.values.length ?? 0;
    const sampleCols = sample?.values[0]?.length ?? 0;
    if (s.name === STATE_SHEET_NAME) {
      // Only A1 holds the state; other cells of the state sheet (marks) are ours, not user data.
      if (s.rowIndex !== 0 || s.columnIndex !== 0) return;
      if (sample && sampleRows > 0 && sampleCols > 0) {
        rowsOf[target] = [[toRawCell(sample.values[0]?.[0], sample.formats[0]?.[0])]];
      } else pending.push({ target, firstRow: 0, rows: 1 });
      return;
    }
    if (isSummarySheetName(s.name)) return;
    let firstRow = 0;
    if (sample && sampleRows > 0 && sampleCols > 0) {
      const bytes = jsonBytes(sample.values) + jsonBytes(sample.formats);
      density[target] = Math.max(4, (bytes / (sampleRows * sampleCols)) * SAMPLE_MARGIN);
      // A sample as wide as the used range holds its first rows: keep them, read the rest.
      if (sampleCols === s.columnCount) {
        appendRows(rowsOf[target] as RawCell[][], sample.values, sample.formats);
        firstRow = Math.min(sampleRows, s.rowCount);
        sampledCells += firstRow * s.columnCount;
      }
    }
    if (firstRow < s.rowCount) pending.push({ target, firstRow, rows: s.rowCount - firstRow });
  });
  const widthOf = (t: ReadTask): number => {
    const s = sheets[t.target];
    return s ? (s.name === STATE_SHEET_NAME ? 1 : s.columnCount) : 1;
  };
  let doneCells = sampledCells;
  const totalCells = pending.reduce((n, t) => n + t.rows * widthOf(t), sampledCells);

  /**
   * Rows Excel rejected as over its payload limit, read again at most half as many cells a sync:
   * each entry caps the syncs of the next `cells` cells (nested when a half is rejected again).
   */
  let rejected: Array<{ cap: number; cells: number }> = [];
  const cellsOf = (batch: readonly ReadTask[]): number => batch.reduce((n, t) => n + t.rows * widthOf(t), 0);

  /** Plans one sync: whole tasks while they fit, then the rows of the next task that fit. */
  const planNext = (): ReadTask[] => {
    const cellCap = Math.min(maxCells, ...rejected.map((r) => r.cap));
    const planned: ReadTask[] = [];
    let plannedBytes = 0;
    let plannedCells = 0;
    while (pending.length > 0) {
      const task = pending[0] as ReadTask;
      const width = widthOf(task);
      const bytesPerCell = density[task.target] ?? initialBytesPerCell;
      const roomCells = Math.min(
        cellCap - plannedCells,
        Math.floor((targetBytes - plannedBytes) / bytesPerCell),
      );
      const fitRows = Math.min(task.rows, Math.floor(roomCells / width));
      if (fitRows < 1) {
        if (planned.length > 0) break;
        // A single row wider than the budget still has to be read: one row per sync.
      }
      const rows = Math.max(1, fitRows);
      planned.push({ target: task.target, firstRow: task.firstRow, rows });
      plannedBytes += rows * width * bytesPerCell;
      plannedCells += rows * width;
      if (rows === task.rows) pending.shift();
      else pending[0] = { target: task.target, firstRow: task.firstRow + rows, rows: task.rows - rows };
      if (rows < task.rows) break;
    }
    return planned;
  };

  while (pending.length > 0) {
    const batch = planNext();
    const planned = batch.map((task) => ({ task, range: rangeOf(sheets, task) }));
    for (const { range } of planned) range.load("values,numberFormat");
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadSizeError(err)) throw err;
      // Nothing tells a range's size before it is loaded, so rows much denser than any measured
      // can pass Excel's limit: read the batch's rows again in syncs of at most half its cells
      // (halving again on another rejection, down to a single row) and measure them as they come.
      const only = batch[0] as ReadTask;
      if (batch.length === 1 && only.rows === 1) {
        const s = sheets[only.target] as ListedSheet;
        throw rowTooLarge(s.name, s.rowIndex + only.firstRow + 1, err);
      }
      pending.unshift(...batch);
      const cells = cellsOf(batch);
      rejected.push({ cap: Math.floor(cells / 2), cells });
      continue;
    }
    const loaded = cellsOf(batch);
    for (const r of rejected) r.cells -= loaded;
    rejected = rejected.filter((r) => r.cells > 0);

    for (const { task, range } of planned) {
      const values = range.values;
      const formats = range.numberFormat;
      appendRows(rowsOf[task.target] as RawCell[][], values, formats);
      const cells = task.rows * widthOf(task);
      // Measure the real payload of big slices, block by block: the densest block seen so far
      // plans the sheet's next chunks (so denser rows at the end of a chunk count in full).
      if (cells >= MIN_MEASURED_CELLS) {
        const t = task.target;
        densest[t] = Math.max(densest[t] ?? 0, densestBlock(values, formats, widthOf(task)));
        density[t] = Math.max(4, (densest[t] ?? 0) * MEASURED_MARGIN);
      }
      doneCells += cells;
    }
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

/** Bytes per cell of the densest block of rows (1/8 of the slice, at least 1,000 cells). */
function densestBlock(values: readonly unknown[][], formats: readonly unknown[][], width: number): number {
  const step = Math.max(Math.ceil(MIN_MEASURED_CELLS / width), Math.ceil(values.length / 8));
  let most = 0;
  for (let r = 0; r < values.length; r += step) {
    const end = Math.min(values.length, r + step);
    // A short last block joins the one before it (its density would be noise).
    const from = end - r < step / 2 && r > 0 ? Math.max(0, r - step) : r;
    const bytes = jsonBytes(values.slice(from, end)) + jsonBytes(formats.slice(from, end));
    most = Math.max(most, bytes / ((end - from) * width));
  }
  return most;
}

/** Converts loaded values and number formats to raw rows and appends them to `out`. */
function appendRows(out: RawCell[][], values: readonly unknown[][], formats: readonly unknown[][]): void {
  for (let r = 0; r < values.length; r++) {
    const vRow = values[r] ?? [];
    const fRow = formats[r] ?? [];
    const row: RawCell[] = new Array<RawCell>(vRow.length);
    for (let c = 0; c < vRow.length; c++) row[c] = toRawCell(vRow[c], fRow[c]);
    out.push(row);
  }
}

function rangeOf(sheets: readonly ListedSheet[], task: ReadTask): Excel.Range {
  const s = sheets[task.target] as ListedSheet;
  if (s.name === STATE_SHEET_NAME) return s.sheet.getRangeByIndexes(0, 0, 1, 1);
  // The whole used range of an ordinary sheet is loaded through the proxy from the first sync.
  if (task.firstRow === 0 && task.rows === s.rowCount && s.used) return s.used;
  return s.sheet.getRangeByIndexes(s.rowIndex + task.firstRow, s.columnIndex, task.rows, s.columnCount);
}
