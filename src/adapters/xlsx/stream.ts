/**
 * Reading a workbook in Node with bounded memory (issue 5): the lean reader (`lean/read.ts`:
 * fflate + a streaming XML tokenizer, one part at a time) instead of ExcelJS's non-streaming
 * reader, which needs ~800 MB and ~4× the time on a 200,000-row log. Same result as ExcelJS, cell
 * by cell (lean/read.test.ts). ExcelJS is no longer a fallback (issue 13): a second reader that
 * sees a damaged file differently from the first is how a checked file and a written file come to
 * differ; it stays as the tests' oracle (`testing/exceljsOracle.ts`, a dev dependency).
 */
import { promises as fs } from "node:fs";
import type { WorkbookInput } from "../../engine";
import { readXlsxLean, type LeanReadOptions } from "./lean/read";

export { readXlsxLean, readXlsxLeanSync, type LeanReadOptions } from "./lean/read";

/** Workbook bytes already in memory as the engine's input, with the lean reader. */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  options: LeanReadOptions = {},
): Promise<WorkbookInput> {
  return readXlsxLean(bytes, options);
}

/**
 * Read the .xlsx at `file` into the engine's input without ExcelJS's non-streaming reader: the
 * compressed file is held (at most 100 MiB, see limits.ts) and each XML part is inflated and
 * tokenised in pieces. Throws {@link WorkbookReadError} for a file that is not a readable .xlsx,
 * and the file system's error when it cannot be read at all.
 */
export async function readXlsxStream(file: string, options: LeanReadOptions = {}): Promise<WorkbookInput> {
  const buffer = await fs.readFile(file);
  return readWorkbookBytes(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), options);
}
