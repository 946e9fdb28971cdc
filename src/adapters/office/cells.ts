/**
 * Cell-level conversions between Office.js and the engine: error values, dates by number format
 * (the formats and serials are decided in src/engine/workbook), 0-based A1 addresses and payload
 * sizes. Pure functions, no Office.js at run time.
 */
import { cellAddress as a1, excelSerialToDate, isDateFormat, type RawCell } from "../../engine";

// The conventions themselves live in the engine (src/engine/workbook); the Office code imports them from here.
export {
  columnLetter,
  excelSerialToDate,
  isDateFormat,
  isoDateToSerial,
  parseCellAddress,
  quoteSheetName,
  sheetReference,
} from "../../engine";

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

/** A1 address of a 0-based row and column (Office counts range indexes from 0), e.g. (6, 5) → `F7`. */
export function cellAddress(row: number, col: number): string {
  return a1(row + 1, col);
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
