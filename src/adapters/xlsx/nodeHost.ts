/**
 * The workbook host of the command line: an .xlsx held in memory, read with the lean reader, its
 * saved state taken from the very-hidden state sheet, the summary written into a copy (the caller
 * saves the copy where `--out` says; the input is never written). It implements the same
 * WorkbookHost interface as the Office and browser hosts, so `checkWorkbook` runs alike everywhere.
 */
import {
  EMPTY_STATE,
  serializeState,
  stateFromWorkbook,
  type SummarySheet,
  type SummarySheetId,
  type WorkbookInput,
} from "../../engine";
import type { Progress, SavedState, WorkbookHost, WriteOutcome } from "../../host/types";
import { readWorkbookBytes } from "./stream";
import { writeSummaryWorkbook } from "./write";

/** The CLI's host, with the copy it wrote. */
export interface NodeFileHost extends WorkbookHost {
  readonly kind: "file";
  /** The workbook with our sheets, once `writeSummary` ran; null before. */
  written(): Uint8Array | null;
}

/** A host over the bytes of one .xlsx. */
export function createNodeFileHost(bytes: Uint8Array): NodeFileHost {
  let input: Promise<WorkbookInput> | null = null;
  let state: SavedState | null = null;
  let pendingState: SavedState | null = null;
  let output: Uint8Array | null = null;
  const read = (): Promise<WorkbookInput> => (input ??= readWorkbookBytes(bytes));
  return {
    kind: "file",
    // A file on disk: written to a new file, nothing to preview, mark or re-read.
    capabilities: { download: false, preview: false, marks: false, reread: false },
    async readWorkbook(onProgress?: (p: Progress) => void): Promise<WorkbookInput> {
      onProgress?.({ stage: "reading" });
      return read();
    },
    async loadState(): Promise<SavedState> {
      if (state) return state;
      const parsed = stateFromWorkbook(await read());
      state = parsed.ok
        ? parsed.value
        : { ...EMPTY_STATE, problem: { code: "bad-state", params: { detail: parsed.error } } };
      return state;
    },
    async saveState(next: SavedState): Promise<void> {
      // Written into the copy with the summary; the input file is never written.
      pendingState = next;
      state = next;
    },
    async writeSummary(sheets: readonly SummarySheet[], _activate?: SummarySheetId): Promise<WriteOutcome> {
      const result = await writeSummaryWorkbook(bytes, sheets, {
        state: pendingState ? serializeState(pendingState) : null,
      });
      output = result.bytes;
      return result.outcome;
    },
    async select(): Promise<void> {
      // Nothing to show on a command line.
    },
    written: () => output,
  };
}
