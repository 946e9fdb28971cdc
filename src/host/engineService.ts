/**
 * What the pane asks of the engine, wherever it runs (the one Web Worker, or this thread where there
 * is none): check a workbook the pane read (Excel), or keep an .xlsx's bytes and read, check, show
 * rows of and write that workbook right there (file mode), so its cells never cross to the page.
 * The worker (src/ui/engineWorker.ts) and the in-thread fallback run this same implementation.
 */
import {
  EMPTY_STATE,
  parseCellAddress,
  stateFromWorkbook,
  type CheckOptions,
  type Lang,
  type RawCell,
  type SheetInput,
  type SummarySheet,
  type WorkbookInput,
} from "../engine";
import { checkWorkbook } from "./checkWorkbook";
import { createEngineSession, type CheckView } from "./engineSession";
import type { HostCheck, HostCheckRequest, Progress, SavedState, WorkbookHost, WriteOutcome } from "./types";

/** The .xlsx reader and writer file mode uses (the xlsx adapter's, given by the composition root). */
export interface FileWork {
  /** Read every sheet, reporting the fraction done. */
  read(
    bytes: Uint8Array,
    onProgress: (fraction: number) => void,
    yieldEveryMs?: number,
  ): Promise<WorkbookInput>;
  /** The original workbook plus our summary sheets (and the state sheet when `state` is given). */
  write(original: Uint8Array, sheets: readonly SummarySheet[], state: string | null): Promise<OutputWorkbook>;
}

/** The part of the xlsx adapter's index that file mode uses (given by the composition root). */
export interface XlsxModule {
  readXlsxLean(
    bytes: Uint8Array,
    options: { readonly onProgress?: (fraction: number) => void; readonly yieldEveryMs?: number },
  ): Promise<WorkbookInput>;
  writeSummaryWorkbook(
    original: Uint8Array,
    sheets: readonly SummarySheet[],
    options: { readonly state?: string | null },
  ): Promise<OutputWorkbook>;
}

/** The xlsx adapter's lean reader and package-level writer as file mode's {@link FileWork}. */
export function xlsxFileWork(xlsx: XlsxModule): FileWork {
  return {
    read: (bytes, onProgress, yieldEveryMs) =>
      xlsx.readXlsxLean(bytes, { onProgress, ...(yieldEveryMs === undefined ? {} : { yieldEveryMs }) }),
    write: (original, sheets, state) => xlsx.writeSummaryWorkbook(original, sheets, { state }),
  };
}

/** The output workbook's bytes and the names our sheets got in it. */
export interface OutputWorkbook {
  readonly bytes: Uint8Array;
  readonly outcome: WriteOutcome;
}

/** What the file preview shows: rows around a cell, and the header row of the sheet's table. */
export interface PreviewRows {
  /** The sheet cut to the rows shown: `origin.row` is the first of them. */
  readonly sheet: SheetInput;
  /** The recognised table's header row (1-based) and its cells, wherever it is. */
  readonly header?: { readonly row: number; readonly cells: readonly RawCell[] };
}

/** The engine's work for the pane; every call may cross to a worker, so all are asynchronous. */
export interface EngineService {
  /** Check a workbook the pane read (Excel); the result is kept for `summary`. */
  check(input: WorkbookInput, options: CheckOptions): Promise<CheckView>;
  /** The summary sheets of the last check, in `lang`. */
  summary(lang: Lang): Promise<readonly SummarySheet[]>;
  /** Keep an .xlsx's bytes as the open workbook (read on first use). */
  open(bytes: Uint8Array): Promise<void>;
  /** The open workbook's cells (read once, with progress). */
  workbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput>;
  /** The state saved in the open workbook's state sheet (or none). */
  loadState(): Promise<SavedState>;
  /** Run the use case on the open workbook: read, load the state, check (kept for `summary`). */
  checkOpened(request: OpenedCheckRequest, onProgress?: (p: Progress) => void): Promise<HostCheck>;
  /** Rows of the open workbook around `cell` of `sheet` for the preview; null when there is no such sheet. */
  rows(sheet: string, cell: string): Promise<PreviewRows | null>;
  /** The open workbook plus `sheets` (and the state sheet when `state` is given). */
  write(sheets: readonly SummarySheet[], state: string | null): Promise<OutputWorkbook>;
  /** Stop the worker, if any. */
  dispose(): void;
}

/** {@link EngineService.checkOpened}'s request: the use case's options that are plain data. */
export type OpenedCheckRequest = Omit<HostCheckRequest, "onProgress">;

/** Rows shown above and below a previewed cell. */
export const PREVIEW_WINDOW = 500;

/** Options of {@link createEngineService}. */
export interface EngineServiceOptions {
  /** Loads the .xlsx reader and writer when file mode first needs them. */
  readonly files: () => Promise<FileWork>;
  /** On the page's own thread: give the browser a turn this often while reading (ms). */
  readonly yieldEveryMs?: number;
}

/** The engine service in this thread (what the worker runs, and the fallback where it cannot). */
export function createEngineService(options: EngineServiceOptions): EngineService {
  const session = createEngineSession();
  let bytes: Uint8Array | null = null;
  let input: Promise<WorkbookInput> | null = null;
  const engine = { check: session.check, summary: (_view: CheckView, lang: Lang) => session.summary(lang) };

  const read = (onProgress?: (p: Progress) => void): Promise<WorkbookInput> => {
    if (input) return input;
    const of = bytes;
    if (!of) return Promise.reject(new Error("no workbook is open"));
    onProgress?.({ stage: "reading", fraction: 0 });
    const reading = options
      .files()
      .then((files) =>
        files.read(of, (fraction) => onProgress?.({ stage: "reading", fraction }), options.yieldEveryMs),
      );
    input = reading;
    // A failed read may be retried (e.g. after the user closed another tab to free memory).
    reading.catch(() => {
      if (input === reading) input = null;
    });
    return reading;
  };

  const loadState = async (): Promise<SavedState> => {
    const found = stateFromWorkbook(await read());
    return found.ok ? found.value : EMPTY_STATE;
  };

  // The open workbook as checkWorkbook's host: it reads and loads the state; the pane does the rest.
  const opened: WorkbookHost = {
    kind: "file",
    capabilities: { download: true, preview: true, marks: false, reread: false },
    readWorkbook: read,
    loadState,
    saveState: async () => undefined,
    writeSummary: async () => {
      throw new Error("file mode writes through EngineService.write");
    },
    select: async () => undefined,
  };

  return {
    check: async (data, checkOptions) => session.check(data, checkOptions),
    summary: async (lang) => session.summary(lang),
    open: async (next) => {
      bytes = next;
      input = null;
    },
    workbook: read,
    loadState,
    async checkOpened(request, onProgress) {
      const run = await checkWorkbook(opened, { ...request, engine, ...(onProgress ? { onProgress } : {}) });
      return { saved: run.saved, settings: run.settings, result: run.result };
    },
    async rows(sheet, cell) {
      const found = (await read()).sheets.find((s) => s.name === sheet);
      return found
        ? previewRows(
            found,
            cell,
            session.last()?.report.tables.find((t) => t.sheet === sheet),
          )
        : null;
    },
    async write(sheets, state) {
      if (!bytes) throw new Error("no workbook is open");
      return (await options.files()).write(bytes, sheets, state);
    },
    dispose: () => undefined,
  };
}

/** The rows around `cell` (all of a short sheet) and the header row of the sheet's table. */
function previewRows(
  sheet: SheetInput,
  cell: string,
  table: { readonly headerRow: number } | undefined,
): PreviewRows {
  const firstRow = sheet.origin?.row ?? 1;
  const at = (parseCellAddress(cell)?.row ?? 0) + 1 - firstRow;
  const from = Math.max(0, Math.min(at, sheet.rows.length) - PREVIEW_WINDOW);
  const rows = sheet.rows.slice(from, Math.max(0, at) + PREVIEW_WINDOW + 1);
  const window: SheetInput = {
    ...sheet,
    origin: { row: firstRow + from, col: sheet.origin?.col ?? 1 },
    rows,
  };
  const header = table ? sheet.rows[table.headerRow - firstRow] : undefined;
  return header && table
    ? { sheet: window, header: { row: table.headerRow, cells: header } }
    : { sheet: window };
}
