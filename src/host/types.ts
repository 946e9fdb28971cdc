/**
 * The one interface between the task pane and where the workbook lives: Excel (Office.js) or an
 * .xlsx file opened in the browser (ExcelJS). The pane never touches either API directly.
 */
import type { Finding, KindOverride, SummarySheet, SummarySheetId, WorkbookInput } from "../engine/types";
import type { SettingsInput } from "../engine/settings";

/** Where a long operation is: the pane shows a progress bar with this stage text. */
export interface Progress {
  readonly stage: "reading" | "checking" | "writing";
  /** 0..1 when known. */
  readonly fraction?: number;
}

/** What the user saved in the workbook: settings from the pane and sheet-kind corrections. */
export interface SavedState {
  readonly settings: SettingsInput;
  readonly overrides: readonly KindOverride[];
}

/** What writing the summary sheets did. */
export interface WriteOutcome {
  /** Our sheets as written, with the name each got. */
  readonly sheets: ReadonlyArray<{ readonly id: SummarySheetId; readonly name: string }>;
  /** Sheets whose name was taken by a user sheet, so ours got a suffix. */
  readonly renamed: ReadonlyArray<{ readonly wanted: string; readonly used: string }>;
}

/** A workbook host: Excel through Office.js, or a file in the browser. */
export interface WorkbookHost {
  readonly kind: "office" | "file";
  /** Read every sheet's used range. */
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput>;
  loadState(): Promise<SavedState>;
  saveState(state: SavedState): Promise<void>;
  /** Write (or replace) our summary sheets; user sheets are never touched. */
  writeSummary(sheets: readonly SummarySheet[], activate?: SummarySheetId): Promise<WriteOutcome>;
  /** Show a finding's cell: activate its sheet and select the cell (or open a preview). */
  select(sheet: string, cell: string): Promise<void>;
  /** Optional: mark bad cells (reversibly) and clear those marks. */
  markCells?(findings: readonly Finding[]): Promise<void>;
  clearMarks?(): Promise<void>;
}
