/**
 * The tests' oracle: an .xlsx file (bytes) read into the engine's {@link WorkbookInput} with
 * ExcelJS, a reader written by other people, against which the lean reader (`../lean/read.ts`) is
 * checked cell by cell. Test code only: ExcelJS is a dev dependency and no build includes it.
 */
import ExcelJS from "exceljs";
import type { RawCell, SheetInput, WorkbookInput } from "../../../engine";
import { WorkbookReadError } from "../errors";
import { inspectPackage, toBytes } from "../package";
import type { SniffLimits } from "../limits";

/** Options of {@link readXlsx}. */
export interface ReadXlsxOptions {
  /** Size limits checked before anything is decompressed. */
  readonly limits?: Partial<SniffLimits>;
}

// Parts of a worksheet the engine never looks at: skipping them saves time and memory.
const IGNORED_NODES = [
  "conditionalFormatting",
  "dataValidations",
  "extLst",
  "headerFooter",
  "hyperlinks",
  "pageMargins",
  "pageSetup",
  "picture",
  "drawing",
  "printOptions",
  "rowBreaks",
  "sheetProtection",
];

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);

/**
 * Every worksheet in workbook order, with its hidden state and raw cell values: formulas as their
 * cached result (errors as `{error}`), rich text and hyperlinks as plain text, date-formatted cells
 * as `Date` (UTC midnight = the calendar day), merged areas with the value in the top-left cell
 * only. Rows start at A1; each row is cut after its last non-blank cell (rows may differ in
 * length, a blank row is `[]`) and trailing blank rows are dropped.
 * Throws {@link WorkbookReadError} when the bytes are not a readable .xlsx.
 */
export async function readXlsx(
  data: Uint8Array | ArrayBuffer,
  options: ReadXlsxOptions = {},
): Promise<WorkbookInput> {
  const bytes = toBytes(data);
  inspectPackage(bytes, options.limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS declares its own Buffer type; JSZip underneath accepts any Uint8Array.
    await workbook.xlsx.load(
      bytes as unknown as ExcelJS.Buffer,
      {
        ignoreNodes: IGNORED_NODES,
      } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError("corrupt", err instanceof Error ? err.message : String(err));
  }
  // ExcelJS keeps worksheets in workbook order in `worksheets` (ids may have gaps).
  const sheets = workbook.worksheets.map(readSheet);
  return workbook.properties.date1904 ? { sheets, date1904: true } : { sheets };
}

function readSheet(ws: ExcelJS.Worksheet): SheetInput {
  const rows: Array<readonly RawCell[]> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const value = rawCell(cell);
      if (value !== null) {
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = value;
      }
    });
    if (cells.length > 0) {
      while (rows.length < rowNumber - 1) rows.push(EMPTY_ROW);
      rows[rowNumber - 1] = cells;
    }
  });
  const sheet: SheetInput = { name: ws.name, rows };
  return ws.state === "hidden" || ws.state === "veryHidden" ? { ...sheet, hidden: true } : sheet;
}

/** One ExcelJS cell as a {@link RawCell}; blank text counts as blank. */
export function rawCell(cell: ExcelJS.Cell): RawCell {
  switch (cell.type) {
    case ExcelJS.ValueType.Merge:
    case ExcelJS.ValueType.Null:
      return null;
    case ExcelJS.ValueType.Formula:
      return fromValue(cell.result as unknown);
    default:
      return fromValue(cell.value as unknown);
  }
}

function fromValue(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return fromValue(richTextOf(v.richText));
    // A hyperlink cell: its text may itself be rich text.
    if ("text" in v) return fromValue(v.text);
    if ("result" in v) return fromValue(v.result);
  }
  return null;
}

function richTextOf(runs: readonly unknown[]): string {
  return runs.map((r) => (r && typeof r === "object" && "text" in r ? String(r.text) : "")).join("");
}
