/**
 * Host-independent helpers both adapters use to render a {@link SummarySheet}: the cell text
 * limit, formula-looking text, display widths, column widths, wrapped-row heights, table header
 * names, number formats and date serials. The xlsx adapter (src/adapters/xlsx/sheet.ts) and the
 * Office adapter (src/adapters/office/render.ts) import them so both write the same sheet.
 */
import type { ColumnFormat, SummaryBlock, SummarySheet } from "../types";

/** Excel's cell text limit. */
export const MAX_CELL_TEXT = 32_767;

/** `text` cut to Excel's cell text limit (ending in "…" when cut). */
export function clipCellText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/** Text that a spreadsheet would take for a formula if typed in (OWASP CSV-injection set). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** Display width of text in Excel character units (CJK and other wide characters count two). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) || ch.length > 1 ? 2 : 1;
  return w;
}

/** Width of a column without an explicit width: its widest text plus 2, between 8 and 60 units. */
export function autoColumnWidth(widestText: number | undefined): number {
  return Math.min(60, Math.max(8, (widestText ?? 8) + 2));
}

/**
 * Whether a column's data cells wrap: every text column with an explicit width does, so a long
 * name or sentence grows its row on paper instead of running into the next column or off the page.
 */
export function wrapsText(column: SummaryBlock["columns"][number] | undefined): boolean {
  return column?.width !== undefined && (column.format ?? "text") === "text";
}

/** Height in points of one line of text in the default font (Calibri 11: Excel's default row height). */
export const LINE_HEIGHT_POINTS = 15;

/**
 * Lines a wrapped cell needs in a column `columnWidth` units wide: each hard line of `text` takes
 * its display width over the usable width (less 2 units of padding), plus a tenth for word breaks.
 */
export function wrappedLineCount(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 2);
  let lines = 0;
  for (const line of text.split(/\r\n|\r|\n/))
    lines += Math.max(1, Math.ceil((textWidth(line) * 11) / (usable * 10)));
  return lines;
}

/** Row height in points for `lines` lines of wrapped text (one line is the default height). */
export function wrappedRowHeight(lines: number): number {
  return Math.max(1, lines) * LINE_HEIGHT_POINTS;
}

/** The text a number shows in a column of `format` (used to measure column widths). */
export function shownNumber(value: number, format: ColumnFormat): string {
  return format === "percent" ? `${(value * 100).toFixed(2)}%` : String(value);
}

/** Table column names of a block: unique (case-insensitively) and non-empty, as the header cells show them. */
export function uniqueTableHeaders(block: SummaryBlock): string[] {
  const seen = new Set<string>();
  return block.columns.map((c, i) => {
    const base = c.header.replace(/[\r\n\t]+/g, " ").trim() || `Column${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Excel number format per column format (text columns hold numbers as General; their text gets "@"). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "General",
  integer: "0",
  decimal1: "0.0",
  decimal2: "0.00",
  percent: "0.00%",
  date: "yyyy-mm-dd",
};

/** The Excel number format of text cells. */
export const TEXT_FORMAT = "@";

/** The freeze panes of a sheet as whole, non-negative counts, or null when nothing is frozen. */
export function freezeCounts(
  freeze: SummarySheet["freeze"],
): { readonly rows: number; readonly columns: number } | null {
  const rows = Math.max(0, Math.floor(freeze?.rows ?? 0));
  const columns = Math.max(0, Math.floor(freeze?.columns ?? 0));
  return rows > 0 || columns > 0 ? { rows, columns } : null;
}
