/**
 * Small helpers for the read-only preview: A1 addresses, column letters and the text a raw cell
 * shows (always plain text — the preview never interprets cell content as markup).
 */
import type { RawCell } from "../../engine/types";

/** A 1-based cell position. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** The column letters Excel shows for a 1-based column number (1 → A, 28 → AB). */
export function columnLetter(col: number): string {
  let n = Math.max(1, Math.floor(col));
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Parse an A1 address such as `F7` or `$F$7` (a `Sheet!` prefix is ignored); null when it is not one. */
export function parseA1(address: string): CellPosition | null {
  const bang = address.lastIndexOf("!");
  const ref = (bang === -1 ? address : address.slice(bang + 1)).trim().toUpperCase();
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const letters = m[1] as string;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576 || col > 16_384) return null;
  return { row, col };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** The text a raw cell shows in the preview (numbers unrounded beyond 10 significant digits). */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return String(cell);
    return Number.isInteger(cell) ? String(cell) : String(Number(cell.toPrecision(10)));
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return "";
    const day = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const h = cell.getUTCHours();
    const m = cell.getUTCMinutes();
    const s = cell.getUTCSeconds();
    return h || m || s ? `${day} ${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ""}` : day;
  }
  return cell.error;
}
