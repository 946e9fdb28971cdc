/**
 * Writing our summary sheets through Office.js: sync 1 learns the sheet names, our markers and
 * the calculation mode; on a re-run one more sync reads A1 of the sheets our markers point at (to
 * check their proofs); the writes follow in one request when they fit the payload budget, or two
 * (links fill the room left and never add a sync). Calculation is set to manual at the start of
 * the writes and restored at their end, in the same requests.
 *
 * Where the sheets go, which earlier ones they replace and what each is called is decided by the
 * engine's placement plan (src/engine/workbook/placement.ts), the same plan the .xlsx writer
 * carries out: a sheet is replaced only when its marker's proof checks against its A1 and it still
 * has one of our names; a sheet the user renamed, or one an imitation marker points at, is kept;
 * a user sheet that merely has one of our names is never touched — ours gets a suffix.
 */
import {
  freeSheetName,
  markedId,
  markerName,
  markerProof,
  planPlacement,
  referencedSheet,
  sheetReference,
  excelFooterText,
  type CellLink,
  type SummarySheet,
  type SummarySheetId,
  type FoundMarker,
} from "../../engine";
import type { WriteOutcome } from "../../host/types";
import { OPERATION_OVERHEAD_BYTES, PAYLOAD_TARGET_BYTES, jsonBytes } from "./budget";
import { planSheet, widthToPoints, type PlannedGrid, type SheetPlan } from "./render";

/** What the host supports, decided at run time from the requirement sets. */
export interface WriteFeatures {
  /** ExcelApi 1.9: `suspendScreenUpdatingUntilNextSync`. */
  readonly suspendScreenUpdating: boolean;
  /** ExcelApi 1.8: setting `application.calculationMode`. */
  readonly setCalculationMode: boolean;
  /** ExcelApi 1.9: `Worksheet.pageLayout` (paper, orientation, fit, print titles, footer); absent: false. */
  readonly pageLayout?: boolean;
}

/** Tuning of the writer (tests shrink the budget). */
export interface WriteOptions {
  /** Planned request size per sync in bytes. */
  readonly targetBytes?: number;
}

/** What writing did, plus how many links did not fit the sync budget (their text is still written). */
export interface OfficeWriteOutcome extends WriteOutcome {
  readonly linksOmitted: number;
}

/** The edges of a printed table: the outline and the lines between cells. */
const TABLE_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;
const POINTS_PER_INCH = 72;

/** Prefix of the temporary names new sheets get until the old ones are gone. */
const TEMP_PREFIX = "_ziping_tmp_";
/** Room kept in the last request for deletes, renames, markers and activation. */
const FINAL_RESERVE_BYTES = 64_000;

/** One queued write with its estimated request size. */
interface WriteOp {
  readonly bytes: number;
  readonly apply: (sheets: readonly Excel.Worksheet[]) => void;
}

interface LinkOp extends WriteOp {
  /** The grid op that writes the linked cell's text (the link must not come before it). */
  readonly after: WriteOp;
}

/** Splits a grid into row slices of at most `maxBytes` each (a single row is never split). */
function splitGrid(grid: PlannedGrid, maxBytes: number): PlannedGrid[] {
  const total = jsonBytes(grid.values) + jsonBytes(grid.formats);
  if (total <= maxBytes || grid.values.length <= 1) return [grid];
  const out: PlannedGrid[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < grid.values.length; r++) {
    const rowBytes = jsonBytes(grid.values[r]) + jsonBytes(grid.formats[r]) + 2;
    if (r > start && bytes + rowBytes > maxBytes) {
      out.push({
        row: grid.row + start,
        col: grid.col,
        values: grid.values.slice(start, r),
        formats: grid.formats.slice(start, r),
      });
      start = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  out.push({
    row: grid.row + start,
    col: grid.col,
    values: grid.values.slice(start),
    formats: grid.formats.slice(start),
  });
  return out;
}

/** The operations that render one planned sheet on the new sheet `index`. */
function sheetOps(
  plan: SheetPlan,
  index: number,
  maxGridBytes: number,
  pageLayout: boolean,
): { print: WriteOp[]; required: WriteOp[]; links: LinkOp[] } {
  const required: WriteOp[] = [];
  const print: WriteOp[] = [];
  const links: LinkOp[] = [];
  const on = (sheets: readonly Excel.Worksheet[]): Excel.Worksheet => sheets[index] as Excel.Worksheet;
  const gridOps: Array<{ grid: PlannedGrid; op: WriteOp }> = [];

  for (const whole of plan.grids) {
    for (const grid of splitGrid(whole, maxGridBytes)) {
      const rows = grid.values.length;
      const cols = grid.values[0]?.length ?? 1;
      const op: WriteOp = {
        bytes: jsonBytes(grid.values) + jsonBytes(grid.formats) + 2 * OPERATION_OVERHEAD_BYTES,
        apply: (sheets) => {
          const range = on(sheets).getRangeByIndexes(grid.row, grid.col, rows, cols);
          // Formats first: a text cell already formatted "@" keeps "=…", "+…", "-…", "@…" as text.
          range.numberFormat = grid.formats;
          range.values = grid.values;
        },
      };
      required.push(op);
      gridOps.push({ grid, op });
    }
  }
  for (const b of plan.bold) {
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES * (b.size ? 2 : 1),
      apply: (sheets) => {
        const font = on(sheets).getRangeByIndexes(b.row, 0, 1, b.cols).format.font;
        font.bold = true;
        if (b.size) font.size = b.size;
      },
    });
  }
  for (const w of plan.wraps) {
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES,
      apply: (sheets) => {
        on(sheets).getRangeByIndexes(w.row, w.col, w.rows, 1).format.wrapText = true;
      },
    });
  }
  for (const b of plan.borders) {
    print.push({
      bytes: OPERATION_OVERHEAD_BYTES * (TABLE_EDGES.length + 1),
      apply: (sheets) => {
        const format = on(sheets).getRangeByIndexes(b.row, 0, b.rows, b.cols).format;
        format.verticalAlignment = "Top";
        // Inside edges of a one-row or one-column range do not exist; Excel ignores them there.
        for (const edge of TABLE_EDGES) format.borders.getItem(edge).style = "Continuous";
      },
    });
  }
  const page = plan.page;
  if (page && pageLayout) {
    print.push({
      bytes: OPERATION_OVERHEAD_BYTES * 14,
      apply: (sheets) => {
        const layout = on(sheets).pageLayout;
        layout.paperSize = "A4";
        layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.zoom =
          page.fitToHeight > 0
            ? { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.fitToHeight }
            : { horizontalFitToPages: page.fitToWidth };
        layout.centerHorizontally = true;
        const m = page.margins;
        layout.leftMargin = m.left * POINTS_PER_INCH;
        layout.rightMargin = m.right * POINTS_PER_INCH;
        layout.topMargin = m.top * POINTS_PER_INCH;
        layout.bottomMargin = m.bottom * POINTS_PER_INCH;
        layout.headerMargin = m.header * POINTS_PER_INCH;
        layout.footerMargin = m.footer * POINTS_PER_INCH;
        if (page.titleRows) layout.setPrintTitleRows(`$${page.titleRows.first}:$${page.titleRows.last}`);
        const footers = layout.headersFooters.defaultForAllPages;
        footers.leftFooter = excelFooterText(page.footer.left);
        footers.centerFooter = excelFooterText(page.footer.center);
        footers.rightFooter = excelFooterText(page.footer.right);
      },
    });
  }
  for (const t of plan.tables) {
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES * 2,
      apply: (sheets) => {
        const sheet = on(sheets);
        const table = sheet.tables.add(sheet.getRangeByIndexes(t.row, 0, t.rows, t.cols), true);
        table.style = "TableStyleLight9";
      },
    });
  }
  plan.widths.forEach((chars, col) => {
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES,
      apply: (sheets) => {
        // Column width is a property of the whole column; a one-cell range sets it.
        on(sheets).getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthToPoints(chars);
      },
    });
  });
  if (plan.freeze) {
    const { rows, columns } = plan.freeze;
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES,
      apply: (sheets) => {
        const sheet = on(sheets);
        if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, rows, columns));
        else if (rows > 0) sheet.freezePanes.freezeRows(rows);
        else sheet.freezePanes.freezeColumns(columns);
      },
    });
  }
  for (const c of plan.charts) {
    required.push({
      bytes: OPERATION_OVERHEAD_BYTES * 5 + jsonBytes(c.chart.title),
      apply: (sheets) => {
        const sheet = on(sheets);
        const chart = sheet.charts.add(
          c.chart.kind === "line" ? "Line" : "ColumnClustered",
          sheet.getRangeByIndexes(c.values.row, c.values.col, c.values.rows, 1),
          "Columns",
        );
        chart.series
          .getItemAt(0)
          .setXAxisValues(sheet.getRangeByIndexes(c.categories.row, c.categories.col, c.categories.rows, 1));
        chart.title.text = c.chart.title;
        chart.setPosition(sheet.getRangeByIndexes(c.anchor.row, c.anchor.col, 1, 1));
      },
    });
  }
  for (const link of plan.links) {
    const owner = gridOps.find(
      ({ grid }) => link.row >= grid.row && link.row < grid.row + grid.values.length,
    );
    const hyperlink: Excel.RangeHyperlink = {
      documentReference: sheetReference(link.link.sheet, link.link.cell),
      textToDisplay: link.text,
    };
    links.push({
      bytes: jsonBytes(hyperlink) + OPERATION_OVERHEAD_BYTES,
      after: owner?.op ?? (required[0] as WriteOp),
      apply: (sheets) => {
        on(sheets).getCell(link.row, link.col).hyperlink = hyperlink;
      },
    });
  }
  return { print, required, links };
}

/** Packs required ops greedily into requests, then fits links into the room left. */
function packBatches(
  required: readonly WriteOp[],
  links: readonly LinkOp[],
  target: number,
): { batches: WriteOp[][]; omitted: number } {
  const limit = Math.max(1, target - FINAL_RESERVE_BYTES);
  const batches: WriteOp[][] = [[]];
  const sizes = [0];
  const batchOf = new Map<WriteOp, number>();
  for (const op of required) {
    let b = batches.length - 1;
    if ((sizes[b] ?? 0) > 0 && (sizes[b] ?? 0) + op.bytes > limit) {
      batches.push([]);
      sizes.push(0);
      b++;
    }
    (batches[b] as WriteOp[]).push(op);
    sizes[b] = (sizes[b] ?? 0) + op.bytes;
    batchOf.set(op, b);
  }
  // Links never add a sync beyond two write requests (three syncs in all); the rest stay plain text.
  const maxBatches = Math.max(2, batches.length);
  let omitted = 0;
  for (const link of links) {
    let b = batchOf.get(link.after) ?? 0;
    while (b < batches.length && (sizes[b] ?? 0) + link.bytes > limit) b++;
    if (b === batches.length) {
      if (batches.length >= maxBatches) {
        omitted++;
        continue;
      }
      batches.push([]);
      sizes.push(0);
    }
    (batches[b] as WriteOp[]).push(link);
    sizes[b] = (sizes[b] ?? 0) + link.bytes;
  }
  return { batches, omitted };
}

/**
 * Writes (or replaces) the given summary sheets and activates `activate`. User sheets are never
 * modified, deleted or renamed.
 */
export async function writeSummaryIn(
  context: Excel.RequestContext,
  summary: readonly SummarySheet[],
  activate: SummarySheetId | undefined,
  features: WriteFeatures,
  options: WriteOptions = {},
): Promise<OfficeWriteOutcome> {
  const target = options.targetBytes ?? PAYLOAD_TARGET_BYTES;
  const workbook = context.workbook;
  const app = workbook.application;

  // Sync 1: sheet names, our markers, the calculation mode.
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const names = workbook.names;
  names.load("items/name,items/formula,items/comment");
  if (features.setCalculationMode) app.load("calculationMode");
  await context.sync();

  const existing = worksheets.items;
  const byLowerName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const writing = new Set(summary.map((s) => s.id));
  const oldMarkers: Excel.NamedItem[] = [];
  const claims: Array<{ id: SummarySheetId; sheet: Excel.Worksheet; comment: string; a1: Excel.Range }> = [];
  for (const item of names.items) {
    const id = markedId(item.name);
    if (!id || !writing.has(id)) continue;
    oldMarkers.push(item);
    const target = referencedSheet(item.formula);
    const sheet = target === null ? undefined : byLowerName.get(target.toLowerCase());
    // Only a comment shaped like a proof is worth checking against the sheet's A1.
    if (!sheet || !item.comment?.startsWith(`ziping ${id} `)) continue;
    const a1 = sheet.getRange("A1");
    a1.load("values");
    claims.push({ id, sheet, comment: item.comment, a1 });
  }
  // A re-run: one sync reads A1 of the sheets our markers point at.
  if (claims.length > 0) await context.sync();
  const markers: FoundMarker[] = claims.map((c) => ({
    id: c.id,
    sheet: c.sheet.name,
    comment: c.comment,
    title: c.a1.values[0]?.[0] ?? null,
  }));
  const plan = planPlacement({ sheets: existing.map((s) => s.name), markers }, summary);
  const replaced = plan.replace.map((n) => byLowerName.get(n.toLowerCase()) as Excel.Worksheet);
  const finalNames = plan.place.map((p) => p.name);
  const allNames = new Set(existing.map((s) => s.name.toLowerCase()));
  const tempNames = summary.map((_, i) => freeSheetName(`${TEMP_PREFIX}${i + 1}`, allNames));

  const sheetExists = new Set(existing.map((s) => s.name.toLowerCase()));
  const linkable = (link: CellLink): boolean => sheetExists.has(link.sheet.toLowerCase());
  const required: WriteOp[] = [];
  const links: LinkOp[] = [];
  const maxGridBytes = Math.max(1, Math.floor((target - FINAL_RESERVE_BYTES) / 2));
  const print: WriteOp[] = [];
  summary.forEach((sheet, i) => {
    const ops = sheetOps(planSheet(sheet, linkable), i, maxGridBytes, features.pageLayout === true);
    print.push(...ops.print);
    required.push(...ops.required);
    links.push(...ops.links);
  });
  // Print setup first: small requests that do not depend on the values, packed before the big grids.
  required.unshift(...print);
  const { batches, omitted } = packBatches(required, links, target);

  const originalMode = features.setCalculationMode ? app.calculationMode : null;
  const switchCalc = originalMode !== null && originalMode !== "Manual";
  let newSheets: Excel.Worksheet[] = [];
  let calcSwitched = false;
  try {
    for (let b = 0; b < batches.length; b++) {
      if (features.suspendScreenUpdating) app.suspendScreenUpdatingUntilNextSync();
      if (!switchCalc) app.suspendApiCalculationUntilNextSync();
      if (b === 0) {
        if (switchCalc) {
          app.calculationMode = "Manual";
          calcSwitched = true;
        }
        newSheets = tempNames.map((name) => worksheets.add(name));
      }
      for (const op of batches[b] ?? []) op.apply(newSheets);
      if (b === batches.length - 1) {
        for (const old of replaced) old.delete();
        for (const old of oldMarkers) old.delete();
        newSheets.forEach((sheet, i) => {
          const written = summary[i] as SummarySheet;
          sheet.name = finalNames[i] as string;
          const marker = names.add(
            markerName(written.id),
            sheet.getRange("A1"),
            markerProof(written.id, written.title),
          );
          marker.visible = false;
        });
        const toActivate = summary.findIndex((s) => s.id === activate);
        if (toActivate >= 0) newSheets[toActivate]?.activate();
        if (calcSwitched) app.calculationMode = originalMode as Excel.CalculationMode;
      }
      await context.sync();
    }
  } catch (error) {
    await cleanUp(context, calcSwitched ? originalMode : null);
    throw error;
  }

  return {
    sheets: summary.map((s, i) => ({ id: s.id, name: finalNames[i] as string })),
    renamed: [...plan.renamed],
    linksOmitted: omitted,
  };
}

/** After a failed write: remove our half-written temporary sheets and restore calculation. */
async function cleanUp(context: Excel.RequestContext, calculationMode: string | null): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    for (const s of sheets.items) if (s.name.startsWith(TEMP_PREFIX)) s.delete();
    if (calculationMode !== null)
      context.workbook.application.calculationMode = calculationMode as Excel.CalculationMode;
    await context.sync();
  } catch {
    // The original error is what the user needs to see; a failed clean-up must not hide it.
  }
}
