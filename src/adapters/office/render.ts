/**
 * Turns a {@link SummarySheet} into what Office.js writes: per block one 2-D array of values and
 * one of number formats (text cells get "@" so a value such as "=1+1" stays text), the links, the
 * table, wrapped columns, column widths, freeze panes and charts — the same rendering as the xlsx
 * adapter (src/adapters/xlsx/sheet.ts), with positions from the engine's `summaryLayout` and the
 * shared rendering helpers of src/engine/summary/render.ts.
 */
import {
  FIRST_BLOCK_ROW,
  summaryLayout,
  autoColumnWidth,
  clipCellText as clipText,
  freezeCounts,
  NUMBER_FORMATS,
  shownNumber,
  TEXT_FORMAT,
  textWidth,
  uniqueTableHeaders,
  wrapsText,
  dateCellSerial,
  type CellLink,
  type ColumnFormat,
  type PageSetup,
  type SummaryCell,
  type SummaryChart,
  type SummarySheet,
} from "../../engine";

/** A cell value as written through `Range.values` ("" is empty). */
export type WrittenValue = string | number;

/** A link to write on one cell (0-based position on the summary sheet). */
export interface PlannedLink {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly link: CellLink;
}

/** A rectangular write: values and number formats from (row, col), 0-based. */
export interface PlannedGrid {
  readonly row: number;
  readonly col: number;
  readonly values: WrittenValue[][];
  readonly formats: string[][];
}

/** A chart placed next to its block, with 0-based ranges. */
export interface PlannedChart {
  readonly chart: SummaryChart;
  /** Values column including its header row (the series name). */
  readonly values: { readonly row: number; readonly col: number; readonly rows: number };
  readonly categories: { readonly row: number; readonly col: number; readonly rows: number };
  /** Top-left cell of the chart. */
  readonly anchor: { readonly row: number; readonly col: number };
}

/** Everything to write for one summary sheet. */
export interface SheetPlan {
  readonly grids: PlannedGrid[];
  /** Rows (0-based, one cell wide from column A… `cols`) to make bold: title, captions, headers. */
  readonly bold: ReadonlyArray<{ readonly row: number; readonly cols: number; readonly size?: number }>;
  readonly links: PlannedLink[];
  /** Header + data range of each block rendered as an Excel table. */
  readonly tables: ReadonlyArray<{ readonly row: number; readonly rows: number; readonly cols: number }>;
  /** Data cells to wrap (long-text columns). */
  readonly wraps: ReadonlyArray<{ readonly row: number; readonly col: number; readonly rows: number }>;
  /** Column widths in Excel character units, by 0-based column. */
  readonly widths: ReadonlyArray<number>;
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly charts: PlannedChart[];
  /** Header + data range of every block: thin borders, top-aligned (the printed tables). */
  readonly borders: ReadonlyArray<{ readonly row: number; readonly rows: number; readonly cols: number }>;
  /** How the sheet prints, or null for Excel's defaults. */
  readonly page: PageSetup | null;
}

/** Excel character units → points for `RangeFormat.columnWidth` (Calibri 11: 7 px a digit, 5 px padding). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** One rendered cell: value, number format, shown text (for widths) and an optional link. */
function renderCell(
  cell: SummaryCell | undefined,
  format: ColumnFormat,
  linkable: (link: CellLink) => boolean,
): { value: WrittenValue; format: string; text: string | null; link?: CellLink } {
  if (cell === null || cell === undefined) return { value: "", format: NUMBER_FORMATS[format], text: null };
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { value: String(cell), format: TEXT_FORMAT, text: String(cell) };
    return { value: cell, format: NUMBER_FORMATS[format], text: shownNumber(cell, format) };
  }
  if (typeof cell === "string") {
    if (format === "date") {
      const serial = dateCellSerial(cell);
      if (serial !== null) return { value: serial, format: NUMBER_FORMATS.date, text: cell };
    }
    return { value: clipText(cell), format: TEXT_FORMAT, text: cell };
  }
  const text = clipText(cell.text);
  return linkable(cell.link)
    ? { value: text, format: TEXT_FORMAT, text, link: cell.link }
    : { value: text, format: TEXT_FORMAT, text };
}

/**
 * Plans one summary sheet. `linkable` says whether a link's target sheet exists (links to a
 * missing sheet are written as plain text, as the xlsx adapter does).
 */
export function planSheet(sheet: SummarySheet, linkable: (link: CellLink) => boolean): SheetPlan {
  const grids: PlannedGrid[] = [
    { row: 0, col: 0, values: [[clipText(sheet.title)]], formats: [[TEXT_FORMAT]] },
  ];
  const bold: Array<{ row: number; cols: number; size?: number }> = [{ row: 0, cols: 1, size: 14 }];
  const links: PlannedLink[] = [];
  const tables: Array<{ row: number; rows: number; cols: number }> = [];
  const wraps: Array<{ row: number; col: number; rows: number }> = [];
  const borders: Array<{ row: number; rows: number; cols: number }> = [];
  const explicit = new Map<number, number>();
  const measured = new Map<number, number>();
  const measure = (col: number, text: string): void => {
    measured.set(col, Math.max(measured.get(col) ?? 0, textWidth(text)));
  };
  let maxCol = 1;
  const layouts = summaryLayout(sheet);

  sheet.blocks.forEach((block, b) => {
    const place = layouts[b];
    if (!place) return;
    const cols = Math.max(1, block.columns.length, ...block.rows.map((r) => r.length));
    maxCol = Math.max(maxCol, cols);
    block.columns.forEach((c, i) => {
      if (c.width !== undefined) explicit.set(i, Math.max(explicit.get(i) ?? 0, c.width));
    });
    const asTable = block.asTable === true && block.rows.length > 0 && block.columns.length > 0;
    const headers = asTable ? uniqueTableHeaders(block) : block.columns.map((c) => c.header);
    const top = (place.captionRow ?? place.headerRow) - 1;
    const values: WrittenValue[][] = [];
    const formats: string[][] = [];
    const blank = (): { v: WrittenValue[]; f: string[] } => ({
      v: new Array<WrittenValue>(cols).fill(""),
      f: new Array<string>(cols).fill("General"),
    });
    if (place.captionRow !== null) {
      const { v, f } = blank();
      v[0] = clipText(block.caption ?? "");
      f[0] = TEXT_FORMAT;
      values.push(v);
      formats.push(f);
      bold.push({ row: place.captionRow - 1, cols: 1 });
    }
    {
      const { v, f } = blank();
      headers.forEach((h, i) => {
        v[i] = clipText(h);
        f[i] = TEXT_FORMAT;
        measure(i, h);
      });
      values.push(v);
      formats.push(f);
      bold.push({ row: place.headerRow - 1, cols });
    }
    block.rows.forEach((cells, r) => {
      const { v, f } = blank();
      for (let i = 0; i < cols; i++) {
        const column = block.columns[i];
        const rendered = renderCell(cells[i], column?.format ?? "text", linkable);
        v[i] = rendered.value;
        f[i] = rendered.format;
        if (rendered.text !== null) measure(i, rendered.text);
        if (rendered.link)
          links.push({
            row: place.firstDataRow - 1 + r,
            col: i,
            text: String(rendered.value),
            link: rendered.link,
          });
      }
      values.push(v);
      formats.push(f);
    });
    grids.push({ row: top, col: 0, values, formats });
    if (asTable)
      tables.push({ row: place.headerRow - 1, rows: block.rows.length + 1, cols: block.columns.length });
    borders.push({ row: place.headerRow - 1, rows: block.rows.length + 1, cols });
    if (block.rows.length > 0) {
      block.columns.forEach((c, i) => {
        if (wrapsText(c)) wraps.push({ row: place.firstDataRow - 1, col: i, rows: block.rows.length });
      });
    }
  });

  const widths: number[] = [];
  for (let c = 0; c < maxCol; c++) widths.push(explicit.get(c) ?? autoColumnWidth(measured.get(c)));

  const charts: PlannedChart[] = [];
  for (const chart of sheet.charts ?? []) {
    const b = sheet.blocks.findIndex((x) => x.id === chart.block);
    const block = sheet.blocks[b];
    const place = layouts[b];
    if (!block || !place || block.rows.length === 0) continue;
    charts.push({
      chart,
      values: { row: place.headerRow - 1, col: chart.valueColumn, rows: block.rows.length + 1 },
      categories: { row: place.firstDataRow - 1, col: chart.categoryColumn, rows: block.rows.length },
      // At the top beside the tables (as the xlsx writer places it): on the first printed page,
      // never cut by a page break.
      anchor: { row: FIRST_BLOCK_ROW - 1 + charts.length * 20, col: maxCol + 1 },
    });
  }

  return {
    grids,
    bold,
    links,
    tables,
    wraps,
    widths,
    freeze: freezeCounts(sheet.freeze),
    charts,
    borders,
    page: sheet.page ?? null,
  };
}
