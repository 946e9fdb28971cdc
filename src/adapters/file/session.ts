/**
 * The file-mode workbook host: an .xlsx opened in the browser. Reading and writing go through a
 * {@link FileBackend} (a Web Worker in the app, so a large file never freezes the page; direct calls
 * in tests); saved state is kept in memory and written into the downloaded workbook; `select` opens
 * the read-only preview. Nothing is sent anywhere: the bytes stay in this page.
 */
import {
  stateFromWorkbook,
  serializeState,
  EMPTY_STATE,
  type Lang,
  type SheetInput,
  type SummarySheet,
  type SummarySheetId,
  type WorkbookInput,
} from "../../engine";
import type { Progress, SavedState, WorkbookHost, WriteOutcome } from "../../host/types";
import type { PreviewTarget } from "./Preview";
import { fileMessages } from "./messages";
import { asWorkbookFailure } from "./errors";

/** Reads and writes .xlsx bytes; the app's runs in a Web Worker. */
export interface FileBackend {
  /** Read the workbook, reporting the fraction done when known. */
  read(bytes: Uint8Array, onProgress: (fraction: number | undefined) => void): Promise<WorkbookInput>;
  /** The original workbook plus our summary sheets (and the state sheet when `state` is given). */
  write(original: Uint8Array, sheets: readonly SummarySheet[], state: string | null): Promise<OutputWorkbook>;
  /** Release the worker, if any. */
  dispose?(): void;
}

/** The output workbook's bytes and the names our sheets got in it. */
export interface OutputWorkbook {
  readonly bytes: Uint8Array;
  readonly outcome: WriteOutcome;
}

/** Hands a finished workbook to the user (the app: a Blob and an `<a download>`). */
export type SaveFile = (bytes: Uint8Array, fileName: string) => void;

/** Options of {@link FileWorkbookHost}. */
export interface FileHostOptions {
  readonly backend: FileBackend;
  readonly save?: SaveFile;
  /** The pane's language, for the download's name and the adapter's own messages. */
  readonly lang?: () => Lang;
  /** How often `readWorkbook` reports progress while the backend works (ms, default 200). */
  readonly heartbeatMs?: number;
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

/** The share of the reading bar that the reader's own fraction fills. */
const READ_SHARE = 0.9;
/** About how long the hand-over of a large read result takes (paces the rest of the bar). */
const HANDOVER_MS = 300;

/** A WorkbookHost over an .xlsx held in memory, with the preview state the pane renders. */
export class FileWorkbookHost implements WorkbookHost {
  /** Always "file". */
  readonly kind = "file" as const;
  /** A file in the browser: downloaded when written, shown in our preview, never changed underneath. */
  readonly capabilities = { download: true, preview: true, marks: false, reread: false } as const;
  private readonly backend: FileBackend;
  private readonly save: SaveFile;
  private readonly lang: () => Lang;
  private readonly heartbeatMs: number;
  private input: Promise<WorkbookInput> | null = null;
  private readonly progressListeners = new Set<(p: Progress) => void>();
  private savedState: SavedState | null = null;
  private lastSheets: readonly SummarySheet[] | null = null;
  private output: Promise<OutputWorkbook> | null = null;
  private preview: PreviewTarget | null = null;
  private readonly previewListeners = new Set<Listener>();

  /** Wrap the bytes of an .xlsx called `fileName` (already checked to be a readable package). */
  constructor(
    readonly fileName: string,
    private readonly bytes: Uint8Array,
    options: FileHostOptions,
  ) {
    this.backend = options.backend;
    this.save = options.save ?? saveWithAnchor;
    this.lang = options.lang ?? documentLang;
    this.heartbeatMs = options.heartbeatMs ?? 200;
  }

  /** Read every sheet (once; later calls reuse the result), reporting progress while it runs. */
  async readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput> {
    if (!onProgress) return this.ensureRead();
    this.progressListeners.add(onProgress);
    onProgress({ stage: "reading", fraction: 0 });
    try {
      const input = await this.ensureRead();
      onProgress({ stage: "reading", fraction: 1 });
      return input;
    } finally {
      this.progressListeners.delete(onProgress);
    }
  }

  private ensureRead(): Promise<WorkbookInput> {
    if (!this.input) {
      let fraction: number | undefined;
      let readAt: number | null = null;
      // The reader's fraction fills most of the bar; the rest is the hand-over of the result to the
      // page (a structured clone of every cell: a few hundred ms for 200,000 rows), which reports no
      // progress, so the heartbeat moves the bar on through it.
      const shown = (): number | undefined => {
        if (fraction === undefined) return undefined;
        if (readAt === null) return fraction * READ_SHARE;
        const handed = 1 - Math.exp(-(Date.now() - readAt) / HANDOVER_MS);
        return Math.round((READ_SHARE + (1 - READ_SHARE) * 0.95 * handed) * 1000) / 1000;
      };
      // The page keeps hearing from us while the worker reads, even when the reader is silent.
      const timer = setInterval(() => this.emit({ stage: "reading", ...frac(shown()) }), this.heartbeatMs);
      const started = this.backend.read(this.bytes, (f) => {
        fraction = f;
        if (f !== undefined && f >= 1) readAt ??= Date.now();
        this.emit({ stage: "reading", ...frac(shown()) });
      });
      this.input = started
        .catch((err: unknown) => {
          throw asWorkbookFailure(err);
        })
        .finally(() => clearInterval(timer));
      // A failed read may be retried (e.g. after the user closes another tab to free memory).
      this.input.catch(() => {
        this.input = null;
      });
    }
    return this.input;
  }

  private emit(p: Progress): void {
    for (const listener of this.progressListeners) listener(p);
  }

  /** The state saved in this session, else the one stored in the workbook's state sheet (or none). */
  async loadState(): Promise<SavedState> {
    if (this.savedState) return this.savedState;
    const found = stateFromWorkbook(await this.ensureRead());
    return found.ok ? found.value : EMPTY_STATE;
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
    const built = this.backend.write(this.bytes, this.lastSheets ?? [], state).catch((err: unknown) => {
      throw asWorkbookFailure(err);
    });
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

  /** Open the read-only preview of `sheet` scrolled to `cell` (the pane shows it in its preview slot). */
  async select(sheet: string, cell: string): Promise<void> {
    const input = await this.ensureRead();
    const found: SheetInput | undefined = input.sheets.find((s) => s.name === sheet);
    if (!found) throw new Error(fileMessages(this.lang()).missingSheet(sheet));
    this.preview = { sheet: found, cell };
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

  /** Release the worker. */
  dispose(): void {
    this.backend.dispose?.();
  }
}

function frac(f: number | undefined): { fraction?: number } {
  return f === undefined ? {} : { fraction: Math.max(0, Math.min(1, f)) };
}
