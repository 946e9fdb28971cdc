/**
 * Small helpers for the read-only preview: A1 addresses, column letters and the text a raw cell
 * shows (always plain text — the preview never interprets cell content as markup).
 */
import { columnLetter as letters, parseCellAddress, type RawCell } from "../../engine";

/** A 1-based cell position. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

/** The column letters Excel shows for a 1-based column number (1 → A, 28 → AB). */
export function columnLetter(col: number): string {
  return letters(Math.max(1, Math.floor(col)) - 1);
}

/** Parse an A1 address such as `F7` or `$F$7` (a `Sheet!` prefix is ignored) to 1-based numbers; null when it is not one. */
export function parseA1(address: string): CellPosition | null {
  const bang = address.lastIndexOf("!");
  const p = parseCellAddress(bang === -1 ? address : address.slice(bang + 1));
  return p ? { row: p.row + 1, col: p.col + 1 } : null;
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
