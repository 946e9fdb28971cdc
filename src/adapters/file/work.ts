/**
 * File mode's reading and writing, run where the engine runs (the pane's worker, or the page where
 * there is none): the xlsx adapter's lean reader (same values as ExcelJS, a fraction of its time
 * and memory, with progress) and its package-level writer. Every failure leaves as a host failure
 * with a workbook error code (`corrupt` when the cause has none), which the pane words.
 */
import type { FileWork } from "../../host/engineService";
import { readXlsxLean } from "../xlsx/lean/read";
import { asWorkbookFailure } from "./errors";
import { writeOutput } from "./output";

/** Rethrow `err` as a host failure with a workbook error code (the pane words it). */
function coded(err: unknown): never {
  throw asWorkbookFailure(err);
}

/** The xlsx adapter's reader and writer, as the engine service wants them. */
export const FILE_WORK: FileWork = {
  read: (bytes, onProgress, yieldEveryMs) =>
    readXlsxLean(bytes, { onProgress, ...(yieldEveryMs === undefined ? {} : { yieldEveryMs }) }).catch(coded),
  write: (original, sheets, state) => writeOutput(original, sheets, state).catch(coded),
};
