/**
 * Write our summary sheets into a copy of a workbook, at the package level: the user's parts
 * (sheets, formulas, styles in use, defined names, add-in settings, charts …) are copied byte for
 * byte; we only add our sheet and table parts, append our styles, and edit the workbook's sheet
 * list, relationships and content types. Which earlier sheets of ours are replaced, and what each new
 * sheet is called, is the engine's placement plan (src/engine/workbook/placement.ts), the same plan
 * the Office writer carries out: only a sheet whose marker's proof checks against its A1 is ours.
 * Browser-safe: bytes in, bytes out.
 */
import {
  MAX_CELL_TEXT,
  markedId,
  markerName,
  markerProof,
  planPlacement,
  quoteSheetName,
  referencedSheet,
  sheetReference,
  STATE_SHEET_NAME,
  type CellLink,
  type SummarySheet,
  type FoundMarker,
} from "../../engine";
import type { WriteOutcome } from "../../host/types";
import { WorkbookReadError } from "./errors";
import {
  CONTENT_TYPE,
  ContentTypes,
  NS,
  REL,
  relativeTarget,
  RelsEditor,
  relsPathOf,
  toBytes,
  XlsxPackage,
} from "./package";
import type { SniffLimits } from "./limits";
import { renderChart, renderDrawing } from "./chart";
import { renderSheet, renderTable } from "./sheet";
import { addSummaryStyles, DEFAULT_STYLES_XML } from "./styles";
import {
  applySplices,
  childElements,
  decodeEntities,
  escapeAttr,
  escapeCellText,
  escapeText,
  findElement,
  findElements,
  prefixFor,
  scanTags,
  withAttributes,
  XmlShapeError,
  type Splice,
  type Tag,
  type XmlElement,
} from "./xml";

/** Options of {@link writeSummaryXlsx}. */
export interface WriteSummaryOptions {
  readonly limits?: Partial<SniffLimits>;
  /**
   * The saved pane state (JSON text, see `engine/state.ts`) for cell A1 of the very-hidden sheet
   * `_ziping_state`, which is replaced; null or absent leaves the workbook's state sheet as it is.
   */
  readonly state?: string | null;
  /** Longest piece of a worksheet's XML in code units (tests make it small; default `XML_CHUNK_CHARS`). */
  readonly chunkChars?: number;
}

/** The new workbook and what was written. */
export interface WriteSummaryResult {
  readonly bytes: Uint8Array;
  readonly outcome: WriteOutcome;
}

/**
 * A copy of `original` with `sheets` added after the user's sheets (replacing earlier ones of
 * ours). A user sheet that merely has one of our names is never touched: ours gets a suffix such
 * as `自评表 (2)`. Throws {@link WorkbookReadError} when `original` is not a workbook we can edit.
 */
export async function writeSummaryXlsx(
  original: Uint8Array | ArrayBuffer,
  sheets: readonly SummarySheet[],
  options: WriteSummaryOptions = {},
): Promise<Uint8Array> {
  return (await writeSummaryWorkbook(original, sheets, options)).bytes;
}

/** {@link writeSummaryXlsx}, also telling which name each sheet got. */
export async function writeSummaryWorkbook(
  original: Uint8Array | ArrayBuffer,
  sheets: readonly SummarySheet[],
  options: WriteSummaryOptions = {},
): Promise<WriteSummaryResult> {
  const pkg = XlsxPackage.open(toBytes(original), options.limits);
  try {
    const outcome = addSummarySheets(pkg, sheets, options.state ?? null, options.chunkChars);
    return { bytes: pkg.toBytes(), outcome };
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    if (err instanceof XmlShapeError) throw new WorkbookReadError("corrupt", err.message);
    throw err;
  }
}

interface SheetEntry {
  readonly element: XmlElement;
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  readonly part: string | null;
}

function addSummarySheets(
  pkg: XlsxPackage,
  sheets: readonly SummarySheet[],
  state: string | null,
  chunkChars: number | undefined,
): WriteOutcome {
  const wbPart = pkg.workbookPart();
  const wbRelsPart = relsPathOf(wbPart);
  let wbXml = pkg.text(wbPart);
  const wbTags = scanTags(wbXml);
  const root = wbTags.find((t) => t.kind !== "close");
  if (!root || root.local !== "workbook") throw new WorkbookReadError("corrupt", "no workbook element");
  if (root.attrs.get(root.prefix ? `xmlns:${root.prefix.slice(0, -1)}` : "xmlns") === NS.strictMain) {
    throw new WorkbookReadError("unsupported", "strict OOXML");
  }
  const relPrefix = prefixFor(wbTags, NS.rel);
  const relAttr = (tag: Tag): string | undefined =>
    relPrefix !== undefined
      ? tag.attrs.get(`${relPrefix}id`)
      : [...tag.attrs].find(([k]) => k.endsWith(":id"))?.[1];

  const rels = pkg.relationships(wbPart);
  const sheetsEl = findElement(wbXml, "sheets", wbTags);
  if (!sheetsEl) throw new WorkbookReadError("corrupt", "no sheets element");
  const entries: SheetEntry[] = childElements(wbXml, sheetsEl, wbTags)
    .filter((el) => el.tag.local === "sheet")
    .map((element) => {
      const relId = relAttr(element.tag) ?? "";
      return {
        element,
        name: element.tag.attrs.get("name") ?? "",
        sheetId: Number(element.tag.attrs.get("sheetId") ?? NaN),
        relId,
        part: rels.find((r) => r.id === relId)?.part ?? null,
      };
    });

  // Which sheets are ours: the engine's plan, from our markers and the A1 of the sheets they name.
  const definedNamesEl = findElement(wbXml, "definedNames", wbTags);
  const names = definedNamesEl
    ? childElements(wbXml, definedNamesEl, wbTags).filter((el) => el.tag.local === "definedName")
    : [];
  const writing = new Set(sheets.map((sheet) => sheet.id));
  const byLowerName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const markers: FoundMarker[] = [];
  for (const el of names) {
    const id = markedId(el.tag.attrs.get("name") ?? "");
    if (id === null || !writing.has(id)) continue;
    const target = referencedSheet(decodeEntities(wbXml.slice(el.contentStart, el.contentEnd)));
    const entry = target === null ? undefined : byLowerName.get(target.toLowerCase());
    const comment = el.tag.attrs.get("comment") ?? null;
    // Only a comment shaped like a proof is worth reading the sheet's A1 for.
    const title = entry?.part && comment?.startsWith(`ziping ${id} `) ? firstCellText(pkg, entry.part) : null;
    markers.push({ id, sheet: entry?.name ?? null, comment, title });
  }
  const plan = planPlacement({ sheets: entries.map((e) => e.name), markers }, sheets);
  const replaced = new Set(plan.replace.map((n) => n.toLowerCase()));
  const removed = new Set<number>();
  entries.forEach((e, i) => {
    if (replaced.has(e.name.toLowerCase()) || (state !== null && e.name === STATE_SHEET_NAME)) removed.add(i);
  });
  const kept = entries.filter((_, i) => !removed.has(i));
  const newIndex = new Map<number, number>();
  entries.forEach((_, i) => {
    if (!removed.has(i)) newIndex.set(i, newIndex.size);
  });

  const used = plan.place.map((p) => p.name);
  const renamed = [...plan.renamed];
  const finalName = new Map<string, string>();
  sheets.forEach((sheet, i) => finalName.set(sheet.name, used[i] as string));
  const userSheets = new Map(kept.map((e) => [e.name.toLowerCase(), e.name]));
  const linkLocation = (link: CellLink): string | null => {
    if (!/^\$?[A-Za-z]{1,3}\$?[1-9][0-9]{0,6}$/.test(link.cell)) return null;
    const sheet = finalName.get(link.sheet) ?? userSheets.get(link.sheet.toLowerCase());
    return sheet === undefined
      ? null
      : `${quoteSheetName(sheet)}!${link.cell.replace(/\$/g, "").toUpperCase()}`;
  };

  // Remove our earlier sheets and whatever only they used.
  const contentTypes = new ContentTypes(pkg.text("[Content_Types].xml"));
  const removedParts = entries.filter((_, i) => removed.has(i)).flatMap((e) => (e.part ? [e.part] : []));
  const removedRelIds = new Set(entries.filter((_, i) => removed.has(i)).map((e) => e.relId));
  const wbRels = new RelsEditor(pkg.has(wbRelsPart) ? pkg.text(wbRelsPart) : undefined);
  wbRels.remove(removedRelIds);
  pkg.setText(wbRelsPart, wbRels.xml());
  pkg.deleteUnreachable(removedParts, contentTypes);
  dropMacros(pkg, wbPart, wbRels, contentTypes);
  if (removed.size > 0) {
    // The calculation chain may list cells of the removed sheets; Excel rebuilds a missing one silently.
    const calcChain = pkg.relationships(wbPart).filter((r) => r.type.endsWith("/calcChain"));
    wbRels.remove(new Set(calcChain.map((r) => r.id)));
    pkg.setText(wbRelsPart, wbRels.xml());
    for (const r of calcChain) {
      if (!r.part) continue;
      pkg.delete(r.part);
      contentTypes.remove(`/${r.part}`);
    }
  }

  // Styles: ours are appended after the workbook's own.
  const stylesRel = pkg.relationships(wbPart).find((r) => r.type === REL.styles && r.part);
  const stylesPart = stylesRel?.part ?? `${wbPart.slice(0, wbPart.lastIndexOf("/") + 1)}styles.xml`;
  const stylesXml = pkg.has(stylesPart) ? pkg.text(stylesPart) : DEFAULT_STYLES_XML;
  if (!pkg.has(stylesPart)) {
    contentTypes.override(`/${stylesPart}`, CONTENT_TYPE.styles);
    if (!stylesRel) wbRels.add(REL.styles, relativeTarget(wbPart, stylesPart));
  }
  const styles = addSummaryStyles(stylesXml);
  pkg.setText(stylesPart, styles.xml);

  // Tables: ids and names must be unique in the workbook.
  const tableIds: number[] = [0];
  const tableNames = new Set<string>(names.map((el) => (el.tag.attrs.get("name") ?? "").toLowerCase()));
  for (const part of pkg.names()) {
    if (!/\/tables\/[^/]+\.xml$/.test(part)) continue;
    const tag = scanTags(pkg.text(part)).find((t) => t.local === "table");
    if (!tag) continue;
    tableIds.push(Number(tag.attrs.get("id") ?? 0) || 0);
    for (const key of ["name", "displayName"]) tableNames.add((tag.attrs.get(key) ?? "").toLowerCase());
  }
  // A loop, not Math.max(...ids): a spread of 150,000 arguments overflows the call stack.
  let nextTableId = tableIds.reduce((m, id) => Math.max(m, id), 0) + 1;
  let tableSeq = 0;
  const tableName = (): string => {
    let name: string;
    do name = `ziping_table_${++tableSeq}`;
    while (tableNames.has(name.toLowerCase()));
    tableNames.add(name.toLowerCase());
    return name;
  };

  // Our sheet parts.
  const newSheetXml: string[] = [];
  const reserved = new Set<string>();
  const wbDir = wbPart.slice(0, wbPart.lastIndexOf("/") + 1);
  const sheetIds = sheetIdAllocator(entries.map((e) => e.sheetId));
  const sheetPrefix = sheetsEl.tag.prefix;
  const idAttr = relPrefix !== undefined ? `${relPrefix}id` : `xmlns:r="${NS.rel}" r:id`;
  /** Add a worksheet part and its entry in the sheet list; returns the part name. */
  const addSheet = (name: string, xml: readonly string[], attrs = ""): string => {
    const part = pkg.freeName(`${wbDir}worksheets/sheet`, ".xml", reserved);
    reserved.add(part);
    pkg.setChunks(part, xml);
    contentTypes.override(`/${part}`, CONTENT_TYPE.worksheet);
    const relId = wbRels.add(REL.worksheet, relativeTarget(wbPart, part));
    newSheetXml.push(
      `<${sheetPrefix}sheet name="${escapeAttr(name)}" sheetId="${sheetIds()}"${attrs} ${idAttr}="${relId}"/>`,
    );
    return part;
  };
  const printTitles: string[] = [];
  sheets.forEach((sheet, i) => {
    const name = used[i] as string;
    const {
      xml,
      tables,
      charts,
      printTitles: titleRows,
    } = renderSheet(sheet, name, {
      styles: styles.index,
      linkLocation,
      tableName,
      ...(chunkChars !== undefined ? { chunkChars } : {}),
    });
    const part = addSheet(name, xml);
    if (titleRows !== null) {
      // Our sheets follow the kept user sheets, so the new sheet's index is known here.
      printTitles.push(
        `<${sheetPrefix}definedName name="_xlnm.Print_Titles" localSheetId="${kept.length + i}">${escapeText(`${quoteSheetName(name)}!${titleRows}`)}</${sheetPrefix}definedName>`,
      );
    }
    if (tables.length === 0 && charts.length === 0) return;
    const newPart = (prefix: string, content: string, type: string): string => {
      const partName = pkg.freeName(prefix, ".xml", reserved);
      reserved.add(partName);
      pkg.setText(partName, content);
      contentTypes.override(`/${partName}`, type);
      return partName;
    };
    const sheetRels = new RelsEditor();
    tables.forEach((spec, t) => {
      const tablePart = newPart(`${wbDir}tables/table`, renderTable(spec, nextTableId++), CONTENT_TYPE.table);
      sheetRels.add(REL.table, relativeTarget(part, tablePart), `rId${t + 1}`);
    });
    if (charts.length > 0) {
      const drawing = newPart(`${wbDir}drawings/drawing`, renderDrawing(charts), CONTENT_TYPE.drawing);
      sheetRels.add(REL.drawing, relativeTarget(part, drawing), `rId${tables.length + 1}`);
      const drawingRels = new RelsEditor();
      charts.forEach((chart, c) => {
        const chartPart = newPart(`${wbDir}charts/chart`, renderChart(chart), CONTENT_TYPE.chart);
        drawingRels.add(REL.chart, relativeTarget(drawing, chartPart), `rId${c + 1}`);
      });
      pkg.setText(relsPathOf(drawing), drawingRels.xml());
    }
    pkg.setText(relsPathOf(part), sheetRels.xml());
  });
  if (state !== null) addSheet(STATE_SHEET_NAME, [stateSheetXml(state)], ' state="veryHidden"');
  pkg.setText(wbRelsPart, wbRels.xml());
  pkg.setText("[Content_Types].xml", contentTypes.xml());

  // The workbook part: sheet list, defined names, active tab.
  const splices: Splice[] = [];
  for (const i of removed) {
    const el = (entries[i] as SheetEntry).element;
    splices.push({ start: el.tag.start, end: el.end, text: "" });
  }
  splices.push({ start: sheetsEl.contentEnd, end: sheetsEl.contentEnd, text: newSheetXml.join("") });
  const newMarkers = [
    ...sheets.map(
      (sheet, i) =>
        `<${sheetPrefix}definedName name="${markerName(sheet.id)}" comment="${escapeAttr(markerProof(sheet.id, sheet.title))}" hidden="1">${escapeText(sheetReference(used[i] as string))}</${sheetPrefix}definedName>`,
    ),
    ...printTitles,
  ];
  if (definedNamesEl) {
    const removedNames = entries.filter((_, i) => removed.has(i)).map((e) => e.name);
    for (const el of names) {
      const local = el.tag.attrs.get("localSheetId");
      // Our markers of the sheets written now are replaced (a name exists once in a workbook).
      const markedNow = markedId(el.tag.attrs.get("name") ?? "");
      const mine = markedNow !== null && writing.has(markedNow);
      if (mine || (local !== undefined && removed.has(Number(local)))) {
        splices.push({ start: el.tag.start, end: el.end, text: "" });
        continue;
      }
      const moved = local !== undefined && newIndex.get(Number(local)) !== Number(local);
      const content = wbXml.slice(el.contentStart, el.contentEnd);
      // A user's name that referred to a removed sheet of ours now refers to nothing, as in Excel.
      const dangling = removedNames.some((sheet) => refersToSheet(decodeEntities(content), sheet));
      if (!moved && !dangling) continue;
      const tag = moved
        ? withAttributes(wbXml, el.tag, { localSheetId: String(newIndex.get(Number(local)) ?? 0) })
        : wbXml.slice(el.tag.start, el.tag.end);
      const body = dangling ? "#REF!" : content;
      splices.push({
        start: el.tag.start,
        end: el.end,
        text: el.tag.kind === "empty" ? tag : `${tag}${body}</${el.tag.name}>`,
      });
    }
    if (definedNamesEl.tag.kind === "empty") {
      splices.push({
        start: definedNamesEl.tag.start,
        end: definedNamesEl.end,
        text: `<${sheetPrefix}definedNames>${newMarkers.join("")}</${sheetPrefix}definedNames>`,
      });
    } else {
      splices.push({
        start: definedNamesEl.contentEnd,
        end: definedNamesEl.contentEnd,
        text: newMarkers.join(""),
      });
    }
  } else if (newMarkers.length > 0) {
    // definedNames follows sheets, functionGroups and externalReferences in CT_Workbook.
    const before = ["externalReferences", "functionGroups", "sheets"]
      .map((local) => findElement(wbXml, local, wbTags))
      .find((el): el is XmlElement => el !== undefined) as XmlElement;
    splices.push({
      start: before.end,
      end: before.end,
      text: `<${sheetPrefix}definedNames>${newMarkers.join("")}</${sheetPrefix}definedNames>`,
    });
  }
  for (const view of findElements(wbXml, "workbookView", wbTags)) {
    const changes: Record<string, string | null> = {};
    for (const attr of ["activeTab", "firstSheet"]) {
      const value = view.tag.attrs.get(attr);
      if (value === undefined) continue;
      const mapped = newIndex.get(Number(value));
      // A tab that pointed at a removed sheet falls back to the first sheet.
      const next = String(mapped ?? 0);
      if (next !== value) changes[attr] = next;
    }
    if (Object.keys(changes).length > 0) {
      splices.push({
        start: view.tag.start,
        end: view.tag.end,
        text: withAttributes(wbXml, view.tag, changes),
      });
    }
  }
  wbXml = applySplices(wbXml, splices);
  pkg.setText(wbPart, wbXml);
  return { sheets: sheets.map((sheet, i) => ({ id: sheet.id, name: used[i] as string })), renamed };
}

/**
 * The text in A1 of a worksheet part (inline, shared or a formula's string result), or null: what
 * a marker's proof is checked against. Reads the part as text once; no cell but A1 is decoded.
 */
function firstCellText(pkg: XlsxPackage, part: string): string | null {
  if (!pkg.has(part)) return null;
  const xml = pkg.text(part);
  const cell = /<(?:[\w.-]+:)?c\b[^>]*?\br="A1"[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/.exec(xml);
  const body = cell?.[1];
  if (cell === null || body === undefined) return null;
  const type = /\bt="([^"]*)"/.exec(cell[0].slice(0, cell[0].indexOf(">") + 1))?.[1];
  const texts = (fragment: string): string =>
    [...fragment.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)]
      .map((m) => decodeEntities(m[1] ?? ""))
      .join("");
  const value = /<(?:[\w.-]+:)?v>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(body)?.[1];
  if (type === "inlineStr") return texts(body);
  if (type === "str") return value === undefined ? null : decodeEntities(value);
  if (type !== "s" || value === undefined) return null;
  const index = Number(value);
  const wbPart = pkg.workbookPart();
  const sst = pkg.relationships(wbPart).find((r) => r.type.endsWith("/sharedStrings") && r.part)?.part;
  if (!sst || !pkg.has(sst) || !Number.isInteger(index) || index < 0) return null;
  const items = pkg.text(sst).matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g);
  let i = 0;
  for (const item of items) if (i++ === index) return texts(item[1] ?? "");
  return null;
}

/** The very-hidden state sheet: the state JSON as text in A1. */
function stateSheetXml(state: string): string {
  if (state.length > MAX_CELL_TEXT) throw new RangeError("saved state is longer than one cell can hold");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}">` +
    `<dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">${escapeCellText(state)}</t></is></c></row></sheetData>` +
    `</worksheet>`
  );
}

/** True when a formula refers to `sheet` (quoted `'Name'!` or bare `Name!`). */
export function refersToSheet(formula: string, sheet: string): boolean {
  if (formula.includes(`${quoteSheetName(sheet)}!`)) return true;
  const bare = sheet.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}\\p{N}_.'])${bare}!`, "u").test(formula);
}

/** The largest sheetId Excel accepts (an unsignedInt, and Excel itself stays below 2^32 - 1). */
const MAX_SHEET_ID = 0xfffffffe;

/**
 * New sheetIds: one above the largest valid id in use, or, when that would pass the largest id
 * Excel accepts, the smallest unused ones. Ids that are not whole numbers in range ("abc", 2^40)
 * are left to their sheets and ignored here, so a new id is never NaN, never past the limit and
 * never a duplicate.
 */
function sheetIdAllocator(existing: readonly number[]): () => number {
  const used = new Set<number>();
  let max = 0;
  for (const id of existing) {
    if (!Number.isInteger(id) || id < 1 || id > MAX_SHEET_ID) continue;
    used.add(id);
    if (id > max) max = id;
  }
  let next = max + 1;
  let low = 1;
  return () => {
    if (next <= MAX_SHEET_ID) {
      used.add(next);
      return next++;
    }
    while (used.has(low)) low++;
    used.add(low);
    return low;
  };
}

const MACRO_OR_TEMPLATE_MAIN = /macroEnabled|template/i;

/**
 * An .xlsx cannot carry macros, and Excel refuses one whose workbook says it is macro-enabled (or a
 * template): the output gets the plain workbook content type and leaves out the VBA project and
 * what only it uses. The user's own file keeps its macros; it is never changed.
 */
function dropMacros(pkg: XlsxPackage, wbPart: string, wbRels: RelsEditor, contentTypes: ContentTypes): void {
  const wbName = `/${wbPart}`;
  if (MACRO_OR_TEMPLATE_MAIN.test(contentTypes.typeOf(wbName) ?? ""))
    contentTypes.override(wbName, CONTENT_TYPE.workbook);
  const vba = pkg.relationships(wbPart).filter((r) => /\/vbaProject$/i.test(r.type));
  if (vba.length === 0) return;
  wbRels.remove(new Set(vba.map((r) => r.id)));
  pkg.setText(relsPathOf(wbPart), wbRels.xml());
  pkg.deleteUnreachable(
    vba.flatMap((r) => (r.part ? [r.part] : [])),
    contentTypes,
  );
  if (!pkg.names().some((n) => /\.bin$/i.test(n))) contentTypes.removeDefault("bin", /vbaProject/i);
}
