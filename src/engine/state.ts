/**
 * What the pane saves in a workbook (settings typed in the pane and sheet-kind corrections), as
 * JSON in cell A1 of a very-hidden sheet of ours. A sheet rather than Office document settings
 * because it survives every xlsx writer (ExcelJS drops the web-extension part that holds document
 * settings) and the CLI and the browser mode can read it too, so every entry point runs alike.
 */
import { z } from "zod";
import { settingsInputSchema, type Result } from "./settings";
import { TABLE_KINDS, type KindOverride, type SheetInput, type TableKind, type WorkbookInput } from "./types";
import type { SettingsInput } from "./settings";
import { STATE_SHEET_NAME } from "./workbook/sheets";

/** The very-hidden sheet that holds the saved state (named with the other workbook conventions). */
export { STATE_SHEET_NAME };

/** Saved state: settings from the pane and the user's sheet-kind corrections. */
export interface WorkbookState {
  readonly settings: SettingsInput;
  readonly overrides: readonly KindOverride[];
}

const stateSchema = z
  .object({
    version: z.literal(1),
    settings: settingsInputSchema,
    overrides: z.array(
      z.object({
        sheet: z.string().min(1),
        kind: z.enum(TABLE_KINDS as unknown as [TableKind, ...TableKind[]]).nullable(),
      }),
    ),
  })
  .strict();

/** An empty state: no settings, no corrections. */
export const EMPTY_STATE: WorkbookState = { settings: {}, overrides: [] };

/** Serialise a state to the JSON text stored in A1 of the state sheet. */
export function serializeState(state: WorkbookState): string {
  return JSON.stringify({ version: 1, settings: state.settings, overrides: state.overrides });
}

/** Parse the text of A1; a damaged state is reported, never thrown. */
export function parseState(text: string): Result<WorkbookState, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: "not JSON" };
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, error: parsed.error.issues.map((i) => i.path.join(".")).join(", ") };
  return { ok: true, value: { settings: parsed.data.settings, overrides: parsed.data.overrides } };
}

/** Find and parse the saved state among a workbook's sheets (EMPTY_STATE when there is none). */
export function stateFromWorkbook(input: WorkbookInput): Result<WorkbookState, string> {
  const sheet: SheetInput | undefined = input.sheets.find((s) => s.name === STATE_SHEET_NAME);
  const a1 = sheet?.rows[0]?.[0];
  if (typeof a1 !== "string" || a1.trim() === "") return { ok: true, value: EMPTY_STATE };
  return parseState(a1);
}
