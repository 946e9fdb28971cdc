/**
 * The one interface between the task pane and where the workbook lives: Excel (Office.js) or an
 * .xlsx file opened in the browser (ExcelJS). The pane never touches either API directly.
 */
import type { CheckView } from "./engineSession";
import type {
  Finding,
  KindOverride,
  SummarySheet,
  SummarySheetId,
  WorkbookInput,
  SettingsInput,
  IsoDate,
} from "../engine";

/** Where a long operation is: the pane shows a progress bar with this stage text. */
export interface Progress {
  readonly stage: "reading" | "checking" | "writing";
  /** 0..1 when known. */
  readonly fraction?: number;
  /** How many rows the step works through, when known (the pane paces a bar the step cannot fill). */
  readonly rows?: number;
}

/**
 * A host's failure as data, like a finding: a stable code and the values its message needs. The
 * edge (CLI, pane, ribbon) turns it into text in the user's language.
 */
export interface HostError {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What the user saved in the workbook: settings from the pane and sheet-kind corrections. */
export interface SavedState {
  readonly settings: SettingsInput;
  readonly overrides: readonly KindOverride[];
  /** Set when a saved state was found but could not be used (the check runs without it). */
  readonly problem?: HostError;
}

/** What a host can do beyond reading, checking and writing: the pane shows only what it offers. */
export interface HostCapabilities {
  /** The written workbook is a file the user downloads (browser mode). */
  readonly download: boolean;
  /** Cells are shown in a preview of our own rather than in the workbook (browser mode). */
  readonly preview: boolean;
  /** Problem cells can be marked in the workbook, reversibly (Excel). */
  readonly marks: boolean;
  /** The workbook can change under us, so "check again" reads it again (Excel). */
  readonly reread: boolean;
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
  /** What this host offers; the pane asks this instead of branching on `kind`. */
  readonly capabilities: HostCapabilities;
  /** Read every sheet's used range. */
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput>;
  loadState(): Promise<SavedState>;
  saveState(state: SavedState): Promise<void>;
  /** Write (or replace) our summary sheets; user sheets are never touched. */
  writeSummary(sheets: readonly SummarySheet[], activate?: SummarySheetId): Promise<WriteOutcome>;
  /** Show a finding's cell: activate its sheet and select the cell (or open a preview). */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Optional: run the use case (checkWorkbook) where the workbook is, so its cells never cross to
   * the pane (file mode: in the worker that read the file). Hosts without it are checked by the pane.
   */
  runCheck?(request: HostCheckRequest): Promise<HostCheck>;
  /** Optional: mark bad cells (reversibly) and clear those marks. */
  markCells?(findings: readonly Finding[]): Promise<void>;
  clearMarks?(): Promise<void>;
}

/** What one run of the use case is asked, wherever it runs (checkWorkbook's options extend it). */
export interface HostCheckRequest {
  readonly today: IsoDate;
  /** The file's name, for the report. */
  readonly file?: string;
  /** Settings from outside the workbook (`--config`); they win over the saved state. */
  readonly config?: SettingsInput;
  /** The saved state to use instead of loading it (the pane has just saved it). */
  readonly saved?: SavedState;
  readonly onProgress?: (p: Progress) => void;
}

/** What {@link WorkbookHost.runCheck} found: checkWorkbook's answer without the workbook itself. */
export interface HostCheck {
  readonly saved: SavedState;
  /** The settings layered over the workbook's settings sheet: saved state, then `config`. */
  readonly settings: SettingsInput;
  readonly result: CheckView;
}
