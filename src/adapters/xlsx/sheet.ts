/**
 * Render one {@link SummarySheet} as SpreadsheetML: worksheet XML plus the Excel tables it holds.
 * Text is always an inline string (never a formula); links only point inside the workbook.
 */
import {
  excelFooter,
  summaryLayout,
  autoColumnWidth,
  clipCellText,
  freezeCounts,
  looksLikeFormula,
  shownNumber,
  textWidth,
  uniqueTableHeaders,
  wrappedLineCount,
  wrappedRowHeight,
  wrapsText,
  columnLetter as letterOf,
  dateCellSerial,
  type CellLink,
  type ColumnFormat,
  type PageSetup,
  type SummaryCell,
  type SummarySheet,
  type BlockLayout,
} from "../../engine";
import { chartSpecs, type ChartSpec } from "./chart";
import { NS } from "./package";
import type { StyleIndex, StyleName } from "./styles";
import { escapeAttr, escapeCellText } from "./xml";

/** An Excel table to write for an `asTable` block. */
export interface TableSpec {
  /** Table name (unique in the workbook). */
  readonly name: string;
  /** A1 range including the header row. */
  readonly ref: string;
  /** Column names, exactly as in the header cells. */
  readonly columns: readonly string[];
}

/** What the renderer needs from the workbook it writes into. */
export interface RenderContext {
  /** Index in `cellXfs` of each of our styles. */
  readonly styles: StyleIndex;
  /** Resolve a link to `'Sheet'!A1` form, or null when its target is not in the workbook. */
  readonly linkLocation: (link: CellLink) => string | null;
  /** A fresh table name. */
  readonly tableName: () => string;
  /** Longest piece of the worksheet XML, in UTF-16 code units (default {@link XML_CHUNK_CHARS}). */
  readonly chunkChars?: number;
}

/**
 * The worksheet XML is handed over in pieces of at most this many code units: 问题清单 of a huge
 * workbook can outgrow the longest string a JavaScript engine allows (~512 MiB in V8).
 */
export const XML_CHUNK_CHARS = 1 << 22;

/**
 * `pieces` joined into strings of at most `max` code units each (a single longer piece stays one
 * chunk of its own); the chunks joined are exactly the pieces joined.
 */
export function chunked(pieces: Iterable<string>, max: number): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (length + piece.length > max && current.length > 0) {
      chunks.push(current.join(""));
      current = [];
      length = 0;
    }
    current.push(piece);
    length += piece.length;
  }
  if (current.length > 0) chunks.push(current.join(""));
  return chunks;
}

/** The tallest row Excel allows, in points. */
const MAX_ROW_HEIGHT = 409;

const NUMBER_STYLES: Readonly<Record<ColumnFormat, StyleName>> = {
  text: "general",
  integer: "integer",
  decimal1: "decimal1",
  decimal2: "decimal2",
  percent: "percent",
  date: "date",
};

/** Column letters of a 1-based column number (1 → A). */
function columnLetter(col: number): string {
  return letterOf(col - 1);
}

/**
 * The worksheet XML (as chunks, see {@link chunked}: never one string), tables and charts of
 * `sheet`, written under the name `name`.
 */
export function renderSheet(
  sheet: SummarySheet,
  name: string,
  ctx: RenderContext,
): { xml: string[]; tables: TableSpec[]; charts: ChartSpec[]; printTitles: string | null } {
  const s = (style: StyleName): number => ctx.styles[style];
  const rowsXml: string[] = [];
  const hyperlinks: string[] = [];
  const tables: TableSpec[] = [];
  const widths = new Map<number, number>();
  const measured = new Map<number, number>();
  let maxCol = 1;
  let lastRow = 1;

  const measure = (col: number, text: string): void => {
    measured.set(col, Math.max(measured.get(col) ?? 0, textWidth(text)));
  };

  rowsXml.push(row(1, [textCell("A1", sheet.title, s(quoted("title", sheet.title)))]));

  // Explicit widths first: wrapped rows need the final width of their columns for their height.
  for (const block of sheet.blocks)
    block.columns.forEach((c, i) => {
      if (c.width !== undefined) widths.set(i + 1, Math.max(widths.get(i + 1) ?? 0, c.width));
    });

  const placements = summaryLayout(sheet);
  sheet.blocks.forEach((block, b) => {
    const place = placements[b] as BlockLayout;
    maxCol = Math.max(maxCol, block.columns.length);
    if (place.captionRow !== null && block.caption) {
      rowsXml.push(
        row(place.captionRow, [
          textCell(`A${place.captionRow}`, block.caption, s(quoted("caption", block.caption))),
        ]),
      );
    }
    const asTable = block.asTable === true && block.rows.length > 0 && block.columns.length > 0;
    const headers = asTable ? uniqueTableHeaders(block) : block.columns.map((c) => c.header);
    let headerLines = 1;
    rowsXml.push(
      row(
        place.headerRow,
        headers.map((h, i) => {
          measure(i + 1, h);
          const width = widths.get(i + 1);
          if (width !== undefined) headerLines = Math.max(headerLines, wrappedLineCount(h, width));
          return textCell(`${columnLetter(i + 1)}${place.headerRow}`, h, s(quoted("header", h)));
        }),
        headerLines > 1 ? Math.min(MAX_ROW_HEIGHT, wrappedRowHeight(headerLines)) : null,
      ),
    );
    block.rows.forEach((cells, r) => {
      const rowNo = place.firstDataRow + r;
      const xml: string[] = [];
      let lines = 1;
      cells.forEach((cell, i) => {
        const column = block.columns[i];
        const ref = `${columnLetter(i + 1)}${rowNo}`;
        const rendered = bodyCell(ref, cell, column?.format ?? "text", wrapsText(column), s, ctx);
        if (!rendered) {
          // An empty cell of the table still gets the table's borders on paper.
          if (column !== undefined) xml.push(`<c r="${ref}" s="${s("general")}"/>`);
          return;
        }
        xml.push(rendered.xml);
        if (rendered.text !== null) measure(i + 1, rendered.text);
        if (rendered.wrapped && rendered.text !== null)
          lines = Math.max(lines, wrappedLineCount(clipCellText(rendered.text), widths.get(i + 1) ?? 0));
        if (rendered.link) hyperlinks.push(rendered.link);
        maxCol = Math.max(maxCol, i + 1);
      });
      // LibreOffice keeps rows without a height at the default height, so wrapped text would
      // overlap the next row: give rows of wrapped text the height of their lines.
      if (xml.length > 0)
        rowsXml.push(row(rowNo, xml, lines > 1 ? Math.min(MAX_ROW_HEIGHT, wrappedRowHeight(lines)) : null));
    });
    lastRow = Math.max(lastRow, place.lastDataRow, place.headerRow);
    if (asTable) {
      const last = columnLetter(block.columns.length);
      tables.push({
        name: ctx.tableName(),
        ref: `A${place.headerRow}:${last}${place.lastDataRow}`,
        columns: headers,
      });
    }
  });

  const charts = chartSpecs(sheet, name);
  const cols: string[] = [];
  for (let c = 1; c <= maxCol; c++) {
    const width = widths.get(c) ?? autoColumnWidth(measured.get(c));
    cols.push(`<col min="${c}" max="${c}" width="${width}" customWidth="1"/>`);
  }

  const page = sheet.page;
  const parts = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    page ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "",
    `<dimension ref="A1:${columnLetter(maxCol)}${lastRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${pane(sheet.freeze)}</sheetView></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    `<cols>${cols.join("")}</cols>`,
    // Rows and links one piece each: joined, they are what can outgrow a string.
    `<sheetData>`,
    ...rowsXml,
    `</sheetData>`,
    ...(hyperlinks.length > 0 ? [`<hyperlinks>`, ...hyperlinks, `</hyperlinks>`] : []),
    page
      ? pagePrint(page)
      : `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    // Relationship ids: tables rId1…rIdN, then the drawing (see write.ts).
    charts.length > 0 ? `<drawing r:id="rId${tables.length + 1}"/>` : "",
    tables.length > 0
      ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
      : "",
    `</worksheet>`,
  ];
  const titles = page?.titleRows;
  const printTitles = titles ? `$${titles.first}:$${titles.last}` : null;
  return { xml: chunked(parts, ctx.chunkChars ?? XML_CHUNK_CHARS), tables, charts, printTitles };
}

/** printOptions, pageMargins, pageSetup and headerFooter of a page setup (in CT_Worksheet order). */
function pagePrint(page: PageSetup): string {
  const m = page.margins;
  const footer = excelFooter(page.footer);
  return (
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    // paperSize 9 is A4 in SpreadsheetML's paper list.
    `<pageSetup paperSize="9" orientation="${page.orientation}" fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"/>` +
    (footer ? `<headerFooter><oddFooter>${escapeAttr(footer)}</oddFooter></headerFooter>` : "")
  );
}

/** A text style, or its quote-prefixed twin when the text would otherwise be taken for a formula. */
function quoted<T extends "title" | "caption" | "header" | "text" | "textWrap" | "link">(
  style: T,
  text: string,
): T | `${T}Quoted` {
  return looksLikeFormula(text) ? `${style}Quoted` : style;
}

function pane(freeze: SummarySheet["freeze"]): string {
  const counts = freezeCounts(freeze);
  if (counts === null) return "";
  const { rows, columns: cols } = counts;
  const topLeft = `${columnLetter(cols + 1)}${rows + 1}`;
  const active = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

/** A row; `height` in points (no `customHeight`, so Excel still refits it when the text is edited). */
function row(r: number, cells: readonly string[], height: number | null = null): string {
  return `<row r="${r}"${height === null ? "" : ` ht="${height}"`}>${cells.join("")}</row>`;
}

function textCell(ref: string, text: string, style: number): string {
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(clipCellText(text))}</t></is></c>`;
}

function numberCell(ref: string, n: number, style: number): string {
  return `<c r="${ref}" s="${style}"><v>${n}</v></c>`;
}

function bodyCell(
  ref: string,
  cell: SummaryCell,
  format: ColumnFormat,
  wrap: boolean,
  s: (style: StyleName) => number,
  ctx: RenderContext,
): { xml: string; text: string | null; wrapped?: boolean; link?: string } | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return textBody(ref, String(cell), wrap, s);
    return { xml: numberCell(ref, cell, s(NUMBER_STYLES[format])), text: shownNumber(cell, format) };
  }
  if (typeof cell === "string") {
    if (format === "date") {
      const serial = dateCellSerial(cell);
      if (serial !== null) return { xml: numberCell(ref, serial, s("date")), text: cell };
    }
    return textBody(ref, cell, wrap, s);
  }
  const location = ctx.linkLocation(cell.link);
  if (location === null) return textBody(ref, cell.text, wrap, s);
  const style = s(quoted("link", cell.text));
  return {
    xml: textCell(ref, cell.text, style),
    text: cell.text,
    link: `<hyperlink ref="${ref}" location="${escapeAttr(location)}" display="${escapeAttr(cell.text.slice(0, 255))}"/>`,
  };
}

function textBody(ref: string, text: string, wrap: boolean, s: (style: StyleName) => number) {
  const style = s(quoted(wrap ? "textWrap" : "text", text));
  return { xml: textCell(ref, text, style), text, wrapped: wrap };
}

/** XML of a table part. */
export function renderTable(spec: TableSpec, id: number): string {
  const columns = spec.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(c)}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${spec.name}" displayName="${spec.name}" ref="${spec.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${spec.ref}"/>` +
    `<tableColumns count="${spec.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    `</table>`
  );
}
