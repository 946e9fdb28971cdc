/**
 * Cell-level conversions between Office.js and the engine: Excel date serials, date number
 * formats, error values and A1 addresses. Pure functions, no Office.js at run time.
 */
import type { RawCell } from "../../engine/types";

/** Error values Office.js returns as strings in `Range.values` (a literal text equal to one reads as the error). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#EXTERNAL!",
]);

const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 date system as Excel counts after its fictitious 1900-02-29 (serial 60). */
const EPOCH_AFTER_LEAP_BUG = Date.UTC(1899, 11, 30);
/** The last serial Excel can show as a date: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * Converts an Excel date serial (1900 date system) to a `Date` in UTC, or `null` when the number
 * cannot be a date (negative, beyond 9999-12-31, or the fictitious 1900-02-29).
 */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= MAX_SERIAL + 1 || Math.floor(serial) === 60)
    return null;
  // Serials 1..59 lie before Excel's phantom leap day, so they are one day later than the epoch suggests.
  const epoch = serial < 60 ? EPOCH_AFTER_LEAP_BUG + MS_PER_DAY : EPOCH_AFTER_LEAP_BUG;
  return new Date(epoch + Math.round(serial * MS_PER_DAY));
}

/** `YYYY-MM-DD` → Excel serial, shared with the xlsx adapter (the inverse of {@link excelSerialToDate}). */
export { isoDateToSerial } from "../../engine/summary/render";

const formatCache = new Map<string, boolean>();

/**
 * True when an (invariant, en-US) number format code shows a calendar date: it has a year or
 * day token, or a month token without hours or seconds (so `h:mm` and `[mm]:ss` are not dates).
 */
export function isDateFormat(format: string): boolean {
  const cached = formatCache.get(format);
  if (cached !== undefined) return cached;
  const section = format.split(";")[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/g, "") // quoted literals such as "年"
    .replace(/\\./g, "") // escaped characters
    .replace(/_.|\*./g, "") // padding and fill characters
    .replace(/\[[^\]]*\]/g, "") // colours, locales, conditions, elapsed-time brackets
    .replace(/general/gi, "")
    .replace(/AM\/PM|A\/P|上午\/下午/gi, "");
  const result = /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare));
  if (formatCache.size < 1000) formatCache.set(format, result);
  return result;
}

/**
 * Converts one cell as Office.js returns it (`values` and `numberFormat`) to the engine's raw
 * cell: "" → null, an error string → `{ error }`, a number in a date format → a UTC `Date`.
 */
export function toRawCell(value: unknown, numberFormat: unknown): RawCell {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") {
    if (typeof numberFormat === "string" && numberFormat !== "General" && isDateFormat(numberFormat)) {
      return excelSerialToDate(value) ?? value;
    }
    return value;
  }
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  return String(value);
}

/** Column letters for a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based row and column, e.g. (6, 5) → `F7`. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Parses a single-cell A1 address (optionally with `$`) into 0-based row and column, or null. */
export function parseCellAddress(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > 1_048_576 || col > 16_384) return null;
  return { row: row - 1, col: col - 1 };
}

/** A sheet name quoted for a reference such as `'My sheet'!A1` (quotes doubled). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A reference to a cell on a sheet, e.g. `'数据'!F7`, as a hyperlink's `documentReference`. */
export function sheetReference(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** Number of bytes `text` takes in UTF-8 (how payload sizes are measured). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
