/**
 * A1 addresses and sheet references, the one place that spells them: column letters, cell
 * addresses, quoted sheet names and the sheet a reference points at. Every adapter and the engine
 * use these (ExcelJS keeps one such module too, `lib/utils/col-cache.js`).
 */

/** The last column Excel has (XFD) and the last row, 1-based. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;

/** Excel column letters of a 0-based column index (0 → A, 26 → AA); "" for a negative index. */
export function columnLetter(index0: number): string {
  if (!Number.isFinite(index0) || index0 < 0) return "";
  let n = Math.floor(index0) + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of a 1-based row and a 0-based column, e.g. `cellAddress(7, 5)` → `F7`. */
export function cellAddress(row1: number, col0: number): string {
  return `${columnLetter(col0)}${row1}`;
}

/**
 * Parses a single-cell A1 address (optionally with `$`, any case) into a 0-based row and column,
 * or null when it is not one or lies outside the sheet.
 */
export function parseCellAddress(address: string): { readonly row: number; readonly col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return null;
  return { row: row - 1, col: col - 1 };
}

/** A sheet name quoted for a formula, link or defined name (`'It''s'`). */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Sheet name'!$A$1`: a reference to a cell of a sheet, quoted as Excel writes it. */
export function sheetReference(sheet: string, cell = "$A$1"): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** The sheet a reference such as `'自评表'!$A$1` or `Sheet1!A1` points at, or null (e.g. `#REF!`). */
export function referencedSheet(reference: string): string | null {
  const text = reference.trim().replace(/^=/, "");
  if (text.startsWith("'")) {
    let name = "";
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
        } else {
          return text[i + 1] === "!" ? name : null;
        }
      } else {
        name += c;
      }
    }
    return null;
  }
  const bang = text.indexOf("!");
  if (bang <= 0) return null;
  const name = text.slice(0, bang);
  return /[#\s()'"]/.test(name) ? null : name;
}
