/**
 * Charts of summary sheets (a column or line chart over one block) as DrawingML: a drawing part
 * anchoring each chart beside its block, and a chart part whose series refer to the block's cells
 * (with cached values, so the chart shows before Excel recalculates).
 */
import {
  summaryLayout,
  columnLetter,
  quoteSheetName,
  type SummaryCell,
  type SummaryChart,
  type SummarySheet,
} from "../../engine";
import { escapeText } from "./xml";

/** A chart ready to write: where it sits and what it shows. */
export interface ChartSpec {
  readonly kind: SummaryChart["kind"];
  readonly title: string;
  /** 0-based anchor cell (top-left) and size in cells. */
  readonly col: number;
  readonly row: number;
  readonly width: number;
  readonly height: number;
  /** Header text of the value column (the series name) and its address. */
  readonly seriesName: string;
  readonly seriesRef: string;
  readonly categories: readonly string[];
  readonly categoryRef: string;
  readonly values: ReadonlyArray<number | null>;
  readonly valueRef: string;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

function cellText(cell: SummaryCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  return typeof cell === "object" ? cell.text : String(cell);
}

/** The charts of `sheet` (written under the name `sheetName`) that have a block with data rows. */
export function chartSpecs(sheet: SummarySheet, sheetName: string): ChartSpec[] {
  const layout = summaryLayout(sheet);
  const widest = Math.max(1, ...sheet.blocks.map((b) => b.columns.length));
  const specs: ChartSpec[] = [];
  let nextRow = 2;
  for (const chart of sheet.charts ?? []) {
    const b = sheet.blocks.findIndex((block) => block.id === chart.block);
    const block = sheet.blocks[b];
    const place = layout[b];
    if (!block || !place || block.rows.length === 0) continue;
    if (!block.columns[chart.categoryColumn] || !block.columns[chart.valueColumn]) continue;
    const cat = columnLetter(chart.categoryColumn);
    const val = columnLetter(chart.valueColumn);
    const first = place.firstDataRow;
    const last = place.lastDataRow;
    const ref = (col: string, from: number, to: number) =>
      `${quoteSheetName(sheetName)}!$${col}$${from}${to > from ? `:$${col}$${to}` : ""}`;
    specs.push({
      kind: chart.kind,
      title: chart.title,
      col: widest + 1,
      // From the first block's row down, beside the tables: 18 rows at the top of the sheet always
      // fall on the first printed page, so the chart is never cut by a page break.
      row: nextRow,
      width: 9,
      height: 18,
      seriesName: block.columns[chart.valueColumn]?.header ?? "",
      seriesRef: ref(val, place.headerRow, place.headerRow),
      categories: block.rows.map((r) => cellText(r[chart.categoryColumn])),
      categoryRef: ref(cat, first, last),
      values: block.rows.map((r) => {
        const v = r[chart.valueColumn];
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      }),
      valueRef: ref(val, first, last),
    });
    nextRow = (specs[specs.length - 1]?.row ?? 0) + 20;
  }
  return specs;
}

/** The drawing part anchoring `charts`; chart `i` is relationship `rId{i+1}` of the drawing. */
export function renderDrawing(charts: readonly ChartSpec[]): string {
  const anchors = charts.map(
    (c, i) =>
      `<xdr:twoCellAnchor editAs="oneCell">` +
      `<xdr:from><xdr:col>${c.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${c.col + c.width}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.row + c.height}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${i + 1}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join("")}</xdr:wsDr>`
  );
}

function strCache(items: readonly string[]): string {
  const pts = items.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeText(t)}</c:v></c:pt>`).join("");
  return `<c:strCache><c:ptCount val="${items.length}"/>${pts}</c:strCache>`;
}

function numCache(items: ReadonlyArray<number | null>): string {
  const pts = items.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${items.length}"/>${pts}</c:numCache>`;
}

/** A chart part: one series, category axis at the bottom, values on the left. */
export function renderChart(c: ChartSpec): string {
  const series =
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:strRef><c:f>${escapeText(c.seriesRef)}</c:f>${strCache([c.seriesName])}</c:strRef></c:tx>` +
    (c.kind === "line"
      ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>`
      : `<c:invertIfNegative val="0"/>`) +
    `<c:cat><c:strRef><c:f>${escapeText(c.categoryRef)}</c:f>${strCache(c.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(c.valueRef)}</c:f>${numCache(c.values)}</c:numRef></c:val>` +
    (c.kind === "line" ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`;
  const plot =
    c.kind === "line"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>`
      : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeText(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}` +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `</c:chartSpace>`
  );
}
