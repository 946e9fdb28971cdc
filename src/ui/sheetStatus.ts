/**
 * The workbook-status list: every user sheet with what the check recognised it as and the
 * user's correction, if any (our summary and state sheets are left out).
 */
import { isSummarySheetName } from "../engine";
import type { KindOverride, TableInfo, TableKind } from "../engine";

/** What the kind dropdown of a sheet shows: a kind, "ignore", or "auto" for no decision yet. */
export type KindChoice = TableKind | "ignore" | "auto";

/** One row of the workbook-status list. */
export interface SheetStatus {
  readonly sheet: string;
  readonly hidden: boolean;
  /** What the check recognised, or null (not recognised, or ignored). */
  readonly table: TableInfo | null;
  /** The user's correction, if any. */
  readonly override: KindOverride | null;
  /** The dropdown's selected option. */
  readonly choice: KindChoice;
}

/** The status rows for a workbook, in workbook order. */
export function sheetStatuses(
  input: { readonly sheets: ReadonlyArray<{ readonly name: string; readonly hidden?: boolean }> },
  tables: readonly TableInfo[],
  overrides: readonly KindOverride[],
): SheetStatus[] {
  return input.sheets
    .filter((s) => !isSummarySheetName(s.name))
    .map((s) => {
      const table = tables.find((t) => t.sheet === s.name) ?? null;
      const override = overrides.find((o) => o.sheet === s.name) ?? null;
      const choice: KindChoice = override ? (override.kind ?? "ignore") : (table?.kind ?? "auto");
      return { sheet: s.name, hidden: s.hidden === true, table, override, choice };
    });
}
