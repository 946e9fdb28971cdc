/**
 * The Office.js workbook host: the pane and the ribbon commands reach Excel only through this
 * object (src/host/types.ts). Newer requirement sets are detected at run time; the manifest asks
 * for ExcelApi 1.7 only.
 */
import type { Finding, SummarySheet, SummarySheetId, WorkbookInput } from "../../engine";
import type { Progress, SavedState, WorkbookHost } from "../../host/types";
import { clearMarksIn, markCellsIn } from "./marks";
import { readWorkbookIn, type ReadOptions } from "./read";
import { loadStateIn, saveStateIn } from "./stateSheet";
import { writeSummaryIn, type OfficeWriteOutcome, type WriteOptions } from "./write";

/** Runs a batch against the workbook, like `Excel.run`. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** How to reach Excel (tests pass the recording fake's `run` and `isSetSupported`). */
export interface OfficeHostOptions {
  /** Default: `Excel.run`. */
  readonly run?: ExcelRunner;
  /** Whether `ExcelApi` version `1.x` is supported; default: `Office.context.requirements`. */
  readonly isSetSupported?: (version: string) => boolean;
  /** Text of the note added to a marked cell (ExcelApi 1.18); default: the rule id. */
  readonly noteText?: (f: Finding) => string;
  readonly read?: Omit<ReadOptions, "onProgress">;
  readonly write?: WriteOptions;
}

/** The Office host with the optional marking methods present. */
export interface OfficeHost extends WorkbookHost {
  readonly kind: "office";
  writeSummary(sheets: readonly SummarySheet[], activate?: SummarySheetId): Promise<OfficeWriteOutcome>;
  markCells(findings: readonly Finding[]): Promise<void>;
  clearMarks(): Promise<void>;
  /**
   * Writes a line of text into the title row of one of our sheets, right of its table: where a
   * ribbon command tells the user its result when the dialog cannot open.
   */
  showInTitleRow(sheet: string, text: string): Promise<void>;
}

function officeIsSetSupported(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Creates the Office.js host. */
export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const run: ExcelRunner = options.run ?? ((batch) => Excel.run(batch));
  const supportedCache = new Map<string, boolean>();
  const supports = (version: string): boolean => {
    let known = supportedCache.get(version);
    if (known === undefined) {
      known = (options.isSetSupported ?? officeIsSetSupported)(version);
      supportedCache.set(version, known);
    }
    return known;
  };
  const markFeatures = () => ({ fillPattern: supports("1.9"), notes: supports("1.18") });
  const noteText = options.noteText ?? ((f: Finding) => f.rule);

  return {
    kind: "office",
    // Excel: cells are shown and marked in the workbook itself, which may change between checks.
    capabilities: { download: false, preview: false, marks: true, reread: true },
    readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput> {
      return run((context) =>
        readWorkbookIn(context, { ...options.read, ...(onProgress ? { onProgress } : {}) }),
      );
    },
    loadState(): Promise<SavedState> {
      return run((context) => loadStateIn(context));
    },
    saveState(state: SavedState): Promise<void> {
      return run((context) => saveStateIn(context, state));
    },
    writeSummary(sheets: readonly SummarySheet[], activate?: SummarySheetId): Promise<OfficeWriteOutcome> {
      const features = {
        suspendScreenUpdating: supports("1.9"),
        // Calculation is never switched to manual: desktop Excel may report the mode wrong
        // (OfficeDev/office-js#2770: "Automatic" for "Automatic except tables"), so restoring it
        // could change the user's setting, and a command cut off at Office's 5-minute limit would
        // leave it manual. API calculation is suspended per request instead (ExcelApi 1.6), which
        // ends by itself at each sync.
        setCalculationMode: false,
        pageLayout: supports("1.9"),
      };
      return run((context) => writeSummaryIn(context, sheets, activate, features, options.write));
    },
    select(sheet: string, cell: string): Promise<void> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
    markCells(findings: readonly Finding[]): Promise<void> {
      return run((context) => markCellsIn(context, findings, markFeatures(), noteText, options.write ?? {}));
    },
    showInTitleRow(sheet: string, text: string): Promise<void> {
      return run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        const used = ws.getUsedRangeOrNullObject(true);
        used.load("columnIndex,columnCount");
        await context.sync();
        // One empty column between the table and the line, so it never reads as part of the table.
        const cell = ws.getCell(0, used.isNullObject ? 0 : used.columnIndex + used.columnCount + 1);
        cell.values = [[text]];
        cell.format.font.bold = true;
        await context.sync();
      });
    },
    clearMarks(): Promise<void> {
      return run((context) => clearMarksIn(context, markFeatures(), options.write ?? {}));
    },
  };
}
