/**
 * Our sheets in a workbook: the saved-state sheet, how a summary sheet is named (with a suffix
 * when the user already has the name), and how ziping marks the sheets it wrote.
 *
 * A marker is a hidden workbook-level defined name `_ziping_sheet_<id>` referring to A1 of the
 * sheet (Excel keeps the reference right when the sheet is renamed or moved; a deleted sheet
 * leaves `#REF!`), whose comment is a proof: the sheet's id and a digest of the id and the title
 * the writer put in A1. A sheet is ours only when such a proof checks against the sheet's A1 now;
 * a name that merely imitates a marker proves nothing, so the sheet it points at is the user's.
 */
import type { SummarySheetId } from "../types";
import { SUMMARY_SHEET_IDS, SUMMARY_SHEET_NAMES } from "../summary/names";

/** The very-hidden sheet that holds the pane's saved state (see ../state.ts). */
export const STATE_SHEET_NAME = "_ziping_state";

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** Prefix of our marker names. */
export const MARKER_PREFIX = "_ziping_sheet_";

const ALL_NAMES = new Set(Object.values(SUMMARY_SHEET_NAMES).flatMap((n) => [n.zh, n.en]));

/**
 * True when a sheet name is one of ours — a summary sheet, possibly with a numeric suffix such as
 * ` (2)` or `_2`, or the saved-state sheet — so the reader never takes it for user data.
 */
export function isSummarySheetName(name: string): boolean {
  if (name === STATE_SHEET_NAME) return true;
  const base = name.replace(/\s*(\(\d+\)|（\d+）|_\d+)$/u, "").trim();
  return ALL_NAMES.has(base);
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, no leading or trailing quote. */
export function sanitizeSheetName(name: string): string {
  const clean = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim();
  const cut = Array.from(clean).slice(0, MAX_SHEET_NAME).join("");
  return cut === "" || cut.toLowerCase() === "history" ? "ziping" : cut;
}

/** `name (n)`, cut so that the whole stays within 31 characters. */
function withSuffix(name: string, n: number): string {
  const suffix = ` (${n})`;
  return (
    Array.from(name)
      .slice(0, MAX_SHEET_NAME - suffix.length)
      .join("") + suffix
  );
}

/**
 * A free sheet name: `wanted` (made a valid sheet name), else `wanted (2)`, `wanted (3)`…;
 * `taken` holds the names in use, lower-cased (Excel compares sheet names case-insensitively).
 */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(wanted);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = withSuffix(base, n);
  return name;
}

/** The marker name of one of our sheets. */
export function markerName(id: SummarySheetId): string {
  return `${MARKER_PREFIX}${id}`;
}

/** The summary sheet id a defined name claims to mark, or null when it does not look like ours. */
export function markedId(definedName: string): SummarySheetId | null {
  if (!definedName.toLowerCase().startsWith(MARKER_PREFIX)) return null;
  const id = definedName.slice(MARKER_PREFIX.length);
  return (SUMMARY_SHEET_IDS as readonly string[]).includes(id) ? (id as SummarySheetId) : null;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: short, stable, the same in every host. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * The comment a marker carries: `ziping <id> <digest>`, where the digest covers the id and the
 * title written in A1, so the proof holds only for the sheet the writer wrote.
 */
export function markerProof(id: SummarySheetId, title: string): string {
  return `ziping ${id} ${digest(`ziping\u0000${id}\u0000${title}`)}`;
}

/** True when `comment` is the proof of sheet `id` whose A1 now reads `title`. */
export function verifyMarker(
  id: SummarySheetId,
  title: unknown,
  comment: string | null | undefined,
): boolean {
  return typeof title === "string" && typeof comment === "string" && comment === markerProof(id, title);
}
