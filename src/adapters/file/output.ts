/**
 * The workbook file mode offers for download: the user's workbook with our summary sheets written
 * by the xlsx adapter (the same sheets as `ziping check --out`) and, when the user saved settings
 * or corrections in the pane, the very-hidden state sheet — all at the package level, so the
 * user's parts are copied byte for byte.
 */
import type { SummarySheet } from "../../engine";
import { writeSummaryWorkbook } from "../xlsx/write";
import type { OutputWorkbook } from "../../host/engineService";

/** Build the output workbook from the original bytes, our sheets and the saved state's JSON (or null). */
export async function writeOutput(
  original: Uint8Array,
  sheets: readonly SummarySheet[],
  state: string | null,
): Promise<OutputWorkbook> {
  return writeSummaryWorkbook(original, sheets, { state });
}
