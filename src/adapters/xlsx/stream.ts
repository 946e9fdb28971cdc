/**
 * Reading a workbook in Node with bounded memory (issue 5): the lean reader (`lean/read.ts`:
 * fflate + a streaming XML tokenizer, one part at a time) instead of ExcelJS's non-streaming
 * reader, which needs ~800 MB and ~4× the time on a 200,000-row log. Same result as `readXlsx`,
 * cell by cell (lean/read.test.ts). ExcelJS stays as the fallback: if the lean reader calls a file
 * damaged, ExcelJS gets a try before the file is refused, so a reader bug can cost speed, never a
 * readable file.
 */
import { promises as fs } from "node:fs";
import type { WorkbookInput } from "../../engine/types";
import { WorkbookReadError } from "./errors";
import { readXlsxLean, type LeanReadOptions } from "./lean/read";
import { readXlsx } from "./read";
import { SNIFF_CODES, type SniffCode } from "./sniff";

export { readXlsxLean, readXlsxLeanSync, type LeanReadOptions } from "./lean/read";

/** Refusals of the pre-check: ExcelJS would run the same check and refuse the same way. */
function isSniffRefusal(err: unknown): boolean {
  return (
    err instanceof WorkbookReadError && (SNIFF_CODES as readonly string[]).includes(err.code as SniffCode)
  );
}

/**
 * Workbook bytes already in memory as the engine's input: the lean reader first, ExcelJS's reader
 * if the lean one finds the file damaged (its error wins when both fail).
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  options: LeanReadOptions = {},
): Promise<WorkbookInput> {
  try {
    return await readXlsxLean(bytes, options);
  } catch (err) {
    if (isSniffRefusal(err)) throw err;
    return readXlsx(bytes, options.limits ? { limits: options.limits } : {});
  }
}

/**
 * Read the .xlsx at `file` into the engine's input without ExcelJS's non-streaming reader: the
 * compressed file is held (at most 100 MiB, see sniff.ts) and each XML part is inflated and
 * tokenised in pieces. Throws {@link WorkbookReadError} for a file that is not a readable .xlsx,
 * and the file system's error when it cannot be read at all.
 */
export async function readXlsxStream(file: string, options: LeanReadOptions = {}): Promise<WorkbookInput> {
  const buffer = await fs.readFile(file);
  return readWorkbookBytes(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), options);
}
