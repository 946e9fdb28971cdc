/**
 * The file-mode workbook host: an .xlsx opened in the browser. Its bytes go once to the engine
 * service (the pane's Web Worker in the app, so a large file never freezes the page), which keeps
 * them and reads, checks and writes the workbook there: the page holds no cells, only the results
 * and, for the preview, the rows it shows. Saved state is kept in memory and written into the
 * downloaded workbook. Nothing is sent anywhere: the bytes stay in this browser.
 */
import {
  serializeState,
  type Lang,
  type SummarySheet,
  type SummarySheetId,
  type WorkbookInput,
} from "../../engine";
import type { EngineService, OutputWorkbook } from "../../host/engineService";
import type {
  HostCheck,
  HostCheckRequest,
  Progress,
  SavedState,
  WorkbookHost,
  WriteOutcome,
} from "../../host/types";
import type { PreviewTarget } from "./Preview";
import { fileMessages } from "./messages";
import { HostFailure } from "../../host/errors";
import { asWorkbookFailure } from "./errors";

/** Hands a finished workbook to the user (the app: a Blob and an `<a download>`). */
export type SaveFile = (bytes: Uint8Array, fileName: string) => void;

/** Options of {@link FileWorkbookHost}. */
export interface FileHostOptions {
  /** Where the workbook is read, checked and written (the pane's engine service). */
  readonly engine: EngineService;
  readonly save?: SaveFile;
  /** The pane's language, for the download's name and the adapter's own messages. */
  readonly lang?: () => Lang;
}

/** The MIME type of an .xlsx file. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Offer bytes as a file download with a Blob and a temporary `<a download>` link. */
export function saveWithAnchor(bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken its own reference once the click is handled; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The language of the page (`<html lang>`), which the pane keeps in step with its language switch. */
export function documentLang(): Lang {
  const lang = typeof document === "undefined" ? "" : document.documentElement.lang;
  return lang.toLowerCase().startsWith("en") ? "en" : "zh";
}

/** The download's name: the original's base name plus a localised suffix, e.g. `学生会-自评汇总.xlsx`. */
export function downloadName(original: string, lang: Lang): string {
  const base = original.replace(/\.(xlsx|xlsm|xls)$/i, "") || "workbook";
  return `${base}-${fileMessages(lang).downloadSuffix}.xlsx`;
}

type Listener = () => void;

/** A WorkbookHost over an .xlsx kept by the engine service, with the preview state the pane renders. */
export class FileWorkbookHost implements WorkbookHost {
  /** Always "file". */
  readonly kind = "file" as const;
  /** A file in the browser: downloaded when written, shown in our preview, never changed underneath. */
  readonly capabilities = { download: true, preview: true, marks: false, reread: false } as const;
  private readonly engine: EngineService;
  private readonly save: SaveFile;
  private readonly lang: () => Lang;
  private readonly opened: Promise<void>;
  private savedState: SavedState | null = null;
  private lastSheets: readonly SummarySheet[] | null = null;
  private output: Promise<OutputWorkbook> | null = null;
  private preview: PreviewTarget | null = null;
  private readonly previewListeners = new Set<Listener>();

  /** Hand the bytes of an .xlsx called `fileName` (already checked to be a readable package) to the engine. */
  constructor(
    readonly fileName: string,
    bytes: Uint8Array,
    options: FileHostOptions,
  ) {
    this.engine = options.engine;
    this.save = options.save ?? saveWithAnchor;
    this.lang = options.lang ?? documentLang;
    this.opened = this.engine.open(bytes);
    this.opened.catch(() => undefined);
  }

  /** Every failure as a host failure: a workbook error code (and params) kept across the worker, else `corrupt`. */
  private async fileStep<T>(step: () => Promise<T>): Promise<T> {
    try {
      await this.opened;
      return await step();
    } catch (err) {
      throw asWorkbookFailure(err);
    }
  }

  /** Every sheet's cells, fetched from the engine (the pane itself checks through {@link runCheck}). */
  readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput> {
    return this.fileStep(() => this.engine.workbook(onProgress));
  }

  /** Read, load the state, check, all in the engine service: only the results come back. */
  runCheck(request: HostCheckRequest): Promise<HostCheck> {
    const { onProgress, ...plain } = request;
    return this.fileStep(() => this.engine.checkOpened(plain, onProgress));
  }

  /** The state saved in this session, else the one stored in the workbook's state sheet (or none). */
  async loadState(): Promise<SavedState> {
    return this.savedState ?? this.fileStep(() => this.engine.loadState());
  }

  /** Keep the state in memory; the next download carries it in the very-hidden state sheet. */
  async saveState(state: SavedState): Promise<void> {
    this.savedState = { settings: state.settings, overrides: [...state.overrides] };
    this.output = null;
  }

  /** Build the output workbook (the user's sheets unchanged plus ours); {@link download} saves it. */
  async writeSummary(sheets: readonly SummarySheet[], _activate?: SummarySheetId): Promise<WriteOutcome> {
    this.lastSheets = sheets;
    this.output = this.build();
    return (await this.output).outcome;
  }

  private build(): Promise<OutputWorkbook> {
    const state = this.savedState ? serializeState(this.savedState) : null;
    const built = this.fileStep(() => this.engine.write(this.lastSheets ?? [], state));
    built.catch(() => {
      if (this.output === built) this.output = null;
    });
    return built;
  }

  /** Save the workbook last built by {@link writeSummary} (building it again if the state changed). */
  async download(): Promise<void> {
    if (!this.output) this.output = this.build();
    const { bytes } = await this.output;
    this.save(bytes, downloadName(this.fileName, this.lang()));
  }

  /** Open the read-only preview of `sheet` scrolled to `cell`: the engine sends the rows around it. */
  async select(sheet: string, cell: string): Promise<void> {
    const rows = await this.fileStep(() => this.engine.rows(sheet, cell));
    if (!rows) throw new HostFailure("sheet-missing", { sheet }, sheet);
    this.preview = { ...rows, cell };
    for (const listener of this.previewListeners) listener();
  }

  /** Close the preview. */
  closePreview(): void {
    if (!this.preview) return;
    this.preview = null;
    for (const listener of this.previewListeners) listener();
  }

  /** What the preview shows now (null when closed); stable between changes, for useSyncExternalStore. */
  readonly getPreview = (): PreviewTarget | null => this.preview;

  /** Be told when the preview opens, moves or closes; returns the unsubscribe function. */
  readonly subscribePreview = (listener: Listener): (() => void) => {
    this.previewListeners.add(listener);
    return () => this.previewListeners.delete(listener);
  };

  /** Nothing to release: the engine service belongs to the pane and keeps only the last file opened. */
  dispose(): void {}
}
