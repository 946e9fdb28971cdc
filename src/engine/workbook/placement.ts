/**
 * Where our summary sheets go, decided once for every writer (the .xlsx writer and the Office
 * writer carry the plan out): which earlier sheets of ours the new ones replace, which stay, and
 * the name each new sheet gets. New sheets go after the workbook's last sheet, in the order given.
 *
 * The re-run decision: an earlier sheet is replaced only when it is provably ours (its marker's
 * proof checks against its A1, see ./sheets.ts) and it still has one of our names. A sheet the
 * user renamed (to keep it) is the user's now and is kept; a sheet that only imitates a marker is
 * the user's and is kept. A user sheet is never removed, renamed or changed; when it has the name
 * ours wants, ours gets a suffix such as `自评表 (2)`.
 */
import type { SummarySheetId } from "../types";
import { freeSheetName, isSummarySheetName, STATE_SHEET_NAME, verifyMarker } from "./sheets";

/** A marker name found in the workbook, with the sheet it points at and that sheet's A1. */
export interface FoundMarker {
  readonly id: SummarySheetId;
  /** The sheet the marker's reference names, or null (`#REF!`, not a sheet reference). */
  readonly sheet: string | null;
  /** The marker's comment (the writer's proof), or null. */
  readonly comment: string | null;
  /** The value in A1 of that sheet now (the title the writer wrote), or null. */
  readonly title: unknown;
}

/** What the writer knows of the workbook before writing. */
export interface PlacementInput {
  /** The names of the workbook's sheets, in order (hidden ones too). */
  readonly sheets: readonly string[];
  readonly markers: readonly FoundMarker[];
}

/** One new sheet's place. */
export interface PlacedSheet {
  readonly id: SummarySheetId;
  readonly wanted: string;
  readonly name: string;
}

/** What to do: delete `replace`, add `place` at the end, and re-mark the ids in `place`. */
export interface PlacementPlan {
  /** Earlier sheets of ours that the new ones replace (current names). */
  readonly replace: readonly string[];
  /** Sheets that carry one of our markers but are the user's (renamed, or the marker is not ours). */
  readonly kept: readonly string[];
  /** The new sheets in order, each with the name it gets. */
  readonly place: readonly PlacedSheet[];
  /** New sheets whose wanted name was taken by a user sheet. */
  readonly renamed: ReadonlyArray<{ readonly wanted: string; readonly used: string }>;
}

/** True when the marker proves that `sheet` (a sheet of the workbook) is one of ours, still so named. */
export function isOwnedSheet(marker: FoundMarker, sheet: string): boolean {
  return (
    sheet !== STATE_SHEET_NAME &&
    isSummarySheetName(sheet) &&
    verifyMarker(marker.id, marker.title, marker.comment)
  );
}

/** The placement of `sheets` (id and wanted name) in a workbook as `input` describes it. */
export function planPlacement(
  input: PlacementInput,
  sheets: ReadonlyArray<{ readonly id: SummarySheetId; readonly name: string }>,
): PlacementPlan {
  const byLower = new Map(input.sheets.map((name) => [name.toLowerCase(), name]));
  const writing = new Set(sheets.map((s) => s.id));
  const replace: string[] = [];
  const kept: string[] = [];
  for (const marker of input.markers) {
    const sheet = marker.sheet === null ? undefined : byLower.get(marker.sheet.toLowerCase());
    if (sheet === undefined) continue;
    if (!isOwnedSheet(marker, sheet)) {
      if (!kept.includes(sheet)) kept.push(sheet);
    } else if (writing.has(marker.id) && !replace.includes(sheet)) {
      replace.push(sheet);
    }
  }
  const gone = new Set(replace.map((n) => n.toLowerCase()));
  const taken = new Set(input.sheets.map((n) => n.toLowerCase()).filter((n) => !gone.has(n)));
  const place: PlacedSheet[] = [];
  const renamed: Array<{ wanted: string; used: string }> = [];
  for (const s of sheets) {
    const name = freeSheetName(s.name, taken);
    taken.add(name.toLowerCase());
    place.push({ id: s.id, wanted: s.name, name });
    if (name !== s.name) renamed.push({ wanted: s.name, used: name });
  }
  return { replace, kept, place, renamed };
}
