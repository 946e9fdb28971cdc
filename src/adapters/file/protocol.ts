/**
 * Messages between the file-mode page and its Web Worker: plain data only, so they cross
 * `postMessage` unchanged (bytes are transferred, not copied).
 */
import type { SummarySheet, WorkbookInput } from "../../engine";
import type { WriteOutcome } from "../../host/types";
import type { InputPart } from "../../host/inputParts";

/** A request from the page to the worker. */
export type FileWorkerRequest =
  | { readonly id: number; readonly type: "read"; readonly bytes: ArrayBuffer }
  | {
      readonly id: number;
      readonly type: "write";
      readonly original: ArrayBuffer;
      readonly sheets: readonly SummarySheet[];
      readonly state: string | null;
    };

/** A reply from the worker: progress, a result, or an error with its code. */
export type FileWorkerReply =
  | { readonly id: number; readonly type: "progress"; readonly fraction?: number }
  /** Part of a large read result (sent in parts so the page is never held by one long clone). */
  | { readonly id: number; readonly type: "read-part"; readonly part: InputPart }
  /** The read result, or (null) the parts sent before. */
  | { readonly id: number; readonly type: "read-done"; readonly input: WorkbookInput | null }
  | {
      readonly id: number;
      readonly type: "write-done";
      readonly bytes: ArrayBuffer;
      readonly outcome: WriteOutcome;
    }
  | { readonly id: number; readonly type: "error"; readonly code?: string; readonly message: string };
