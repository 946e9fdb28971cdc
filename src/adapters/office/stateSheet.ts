/**
 * The saved state in Excel: JSON in A1 of the very-hidden sheet `_ziping_state` (see
 * src/engine/state.ts). The same sheet keeps the original fills of marked cells in columns C:H
 * (marks.ts), which the engine never reads.
 */
import { EMPTY_STATE, STATE_SHEET_NAME, parseState, serializeState, MAX_CELL_TEXT } from "../../engine";
import type { SavedState } from "../../host/types";

/** Reads the saved state (empty when there is none or it is damaged: the next save replaces it). */
export async function loadStateIn(context: Excel.RequestContext): Promise<SavedState> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET_NAME);
  await context.sync();
  if (sheet.isNullObject) return EMPTY_STATE;
  const a1 = sheet.getRange("A1");
  a1.load("values");
  await context.sync();
  const text = a1.values[0]?.[0];
  if (typeof text !== "string" || text.trim() === "") return EMPTY_STATE;
  const parsed = parseState(text);
  return parsed.ok ? parsed.value : EMPTY_STATE;
}

/** Queues the creation of the state sheet, very hidden so users never see or edit it. */
export function addStateSheet(context: Excel.RequestContext): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(STATE_SHEET_NAME);
  sheet.visibility = "VeryHidden";
  return sheet;
}

/** Returns the state sheet, creating it on first use (one sync). */
export async function ensureStateSheet(context: Excel.RequestContext): Promise<Excel.Worksheet> {
  const found = context.workbook.worksheets.getItemOrNullObject(STATE_SHEET_NAME);
  await context.sync();
  return found.isNullObject ? addStateSheet(context) : found;
}

/** Saves the state as JSON text in A1 of the state sheet. */
export async function saveStateIn(context: Excel.RequestContext, state: SavedState): Promise<void> {
  const text = serializeState(state);
  if (text.length > MAX_CELL_TEXT)
    throw new Error(`The settings are too long to save (${text.length} characters).`);
  const sheet = await ensureStateSheet(context);
  const a1 = sheet.getRange("A1");
  a1.numberFormat = [["@"]];
  a1.values = [[text]];
  await context.sync();
}
