/**
 * Cell styles of our summary sheets, appended to the workbook's own `styles.xml` so the user's
 * styles keep their indices (and their sheets need no change).
 */
import {
  applySplices,
  childElements,
  escapeAttr,
  scanTags,
  XmlShapeError,
  type Splice,
  type Tag,
  type XmlElement,
} from "./xml";
import { NUMBER_FORMATS, TEXT_FORMAT } from "../../engine";

/** What one of our cells looks like. */
export interface CellStyle {
  readonly font: "normal" | "title" | "caption" | "bold" | "link";
  /** The header fill. */
  readonly fill: boolean;
  /** An Excel number format code (`"General"`, `"@"`, `"0.0"` …). */
  readonly numFmt: string;
  readonly wrap: boolean;
  /** Keeps text that starts with `=`, `+`, `-`, `@` text when a user edits the cell. */
  readonly quotePrefix: boolean;
  /** A table cell: thin borders and top-aligned, so printed tables read as tables. */
  readonly table: boolean;
}

/** A plain cell. */
export const PLAIN: CellStyle = {
  font: "normal",
  fill: false,
  numFmt: "General",
  wrap: false,
  quotePrefix: false,
  table: false,
};

/** A cell of a printed table (header or data). */
const CELL: CellStyle = { ...PLAIN, table: true };

/** The styles our sheets use, by name. */
export const SUMMARY_STYLES = {
  title: { ...PLAIN, font: "title" },
  titleQuoted: { ...PLAIN, font: "title", quotePrefix: true },
  caption: { ...PLAIN, font: "caption" },
  captionQuoted: { ...PLAIN, font: "caption", quotePrefix: true },
  header: { ...CELL, font: "bold", fill: true, numFmt: TEXT_FORMAT, wrap: true },
  headerQuoted: { ...CELL, font: "bold", fill: true, numFmt: TEXT_FORMAT, wrap: true, quotePrefix: true },
  text: { ...CELL, numFmt: TEXT_FORMAT },
  textWrap: { ...CELL, numFmt: TEXT_FORMAT, wrap: true },
  textQuoted: { ...CELL, numFmt: TEXT_FORMAT, quotePrefix: true },
  textWrapQuoted: { ...CELL, numFmt: TEXT_FORMAT, wrap: true, quotePrefix: true },
  link: { ...CELL, font: "link", numFmt: TEXT_FORMAT },
  linkQuoted: { ...CELL, font: "link", numFmt: TEXT_FORMAT, quotePrefix: true },
  general: CELL,
  integer: { ...CELL, numFmt: NUMBER_FORMATS.integer },
  decimal1: { ...CELL, numFmt: NUMBER_FORMATS.decimal1 },
  decimal2: { ...CELL, numFmt: NUMBER_FORMATS.decimal2 },
  percent: { ...CELL, numFmt: NUMBER_FORMATS.percent },
  date: { ...CELL, numFmt: NUMBER_FORMATS.date },
} as const satisfies Readonly<Record<string, CellStyle>>;

/** A named style of ours. */
export type StyleName = keyof typeof SUMMARY_STYLES;

/** Index in `cellXfs` of each of our styles. */
export type StyleIndex = Readonly<Record<StyleName, number>>;

const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "@": 49,
};

const HEADER_FILL = "FFDDEBF7";
const LINK_COLOR = "FF0563C1";

/** A minimal styles part for workbooks that have none. */
export const DEFAULT_STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/**
 * `stylesXml` with our styles added to `cellXfs` (with the fonts, fills and number formats they
 * need), and the index of each. Entries the part already has verbatim (from an earlier run) are
 * reused, so re-running does not grow the part.
 */
export function addSummaryStyles(stylesXml: string): { xml: string; index: StyleIndex } {
  const tags = scanTags(stylesXml);
  const root = tags.find((t) => t.kind !== "close");
  if (!root || root.local !== "styleSheet") throw new XmlShapeError("styles part has no styleSheet");
  const p = root.prefix;
  const children = childElements(
    stylesXml,
    {
      tag: root,
      contentStart: root.end,
      contentEnd: stylesXml.lastIndexOf("<"),
      end: stylesXml.length,
    },
    tags,
  );
  const child = (local: string): XmlElement | undefined => children.find((c) => c.tag.local === local);

  // Number formats: reuse built-ins and codes the workbook already defines; add the rest.
  const numFmts = child("numFmts");
  const known = new Map<string, number>(Object.entries(BUILTIN_FORMATS));
  let nextFmtId = 164;
  if (numFmts) {
    for (const f of childElements(stylesXml, numFmts, tags)) {
      const id = Number(f.tag.attrs.get("numFmtId"));
      const code = f.tag.attrs.get("formatCode");
      if (Number.isInteger(id)) nextFmtId = Math.max(nextFmtId, id + 1);
      if (code !== undefined && !known.has(code)) known.set(code, id);
    }
  }
  const newFmts: string[] = [];
  const fmtId = (code: string): number => {
    let id = known.get(code);
    if (id === undefined) {
      id = nextFmtId++;
      known.set(code, id);
      newFmts.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  };

  // Fonts: our variants of the workbook's default font (font 0), so sizes and faces match.
  const fonts = required(child("fonts"), "fonts");
  const fontList = childElements(stylesXml, fonts, tags).map((el) => stylesXml.slice(el.tag.start, el.end));
  const baseInner = fontList[0]?.replace(/^<[^>]*>|<\/[^>]*>$/g, "") ?? "";
  const baseSize = Number(/<(?:\w+:)?sz\s+val="([\d.]+)"/.exec(baseInner)?.[1] ?? "11");
  const stripped = baseInner.replace(
    /<(?:\w+:)?(b|i|u|sz|color)(\s[^>]*)?\/>|<(?:\w+:)?(b|i|u|sz|color)(\s[^>]*)?>\s*<\/(?:\w+:)?\3>/g,
    "",
  );
  const newFonts: string[] = [];
  const fontId = (font: CellStyle["font"]): number => {
    if (font === "normal") return 0;
    const extra =
      font === "title"
        ? `<${p}b/><${p}sz val="${baseSize + 4}"/>`
        : font === "caption"
          ? `<${p}b/><${p}sz val="${baseSize + 1}"/>`
          : font === "bold"
            ? `<${p}b/><${p}sz val="${baseSize}"/>`
            : `<${p}u/><${p}sz val="${baseSize}"/><${p}color rgb="${LINK_COLOR}"/>`;
    return indexOrAdd(fontList, newFonts, `<${p}font>${extra}${stripped}</${p}font>`);
  };

  const fills = required(child("fills"), "fills");
  const fillList = childElements(stylesXml, fills, tags).map((el) => stylesXml.slice(el.tag.start, el.end));
  const newFills: string[] = [];
  const fillId = (fill: boolean): number =>
    fill
      ? indexOrAdd(
          fillList,
          newFills,
          `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${HEADER_FILL}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
        )
      : 0;

  // Borders: one thin border on all four sides for table cells.
  // A styles part without a borders list (it is optional) gets none: the tables print unruled.
  const bordersEl = child("borders");
  const borders = bordersEl && bordersEl.tag.kind !== "empty" ? bordersEl : undefined;
  const borderList = borders
    ? childElements(stylesXml, borders, tags).map((el) => stylesXml.slice(el.tag.start, el.end))
    : [];
  const newBorders: string[] = [];
  const side = (name: string): string => `<${p}${name} style="thin"><${p}color auto="1"/></${p}${name}>`;
  const borderId = (table: boolean): number =>
    table && borders
      ? indexOrAdd(
          borderList,
          newBorders,
          `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`,
        )
      : 0;

  const cellXfs = required(child("cellXfs"), "cellXfs");
  const xfList = childElements(stylesXml, cellXfs, tags).map((el) => stylesXml.slice(el.tag.start, el.end));
  const newXfs: string[] = [];
  const hasStyleXfs = child("cellStyleXfs") !== undefined;
  const index = {} as Record<StyleName, number>;
  for (const [name, style] of Object.entries(SUMMARY_STYLES) as Array<[StyleName, CellStyle]>) {
    const attrs = [
      `numFmtId="${fmtId(style.numFmt)}"`,
      `fontId="${fontId(style.font)}"`,
      `fillId="${fillId(style.fill)}"`,
      `borderId="${borderId(style.table)}"`,
      hasStyleXfs ? `xfId="0"` : "",
      `applyNumberFormat="1"`,
      style.font === "normal" ? "" : `applyFont="1"`,
      style.fill ? `applyFill="1"` : "",
      style.table ? `applyBorder="1"` : "",
      style.wrap || style.table ? `applyAlignment="1"` : "",
      style.quotePrefix ? `quotePrefix="1"` : "",
    ].filter(Boolean);
    const alignment = style.wrap
      ? `<${p}alignment vertical="top" wrapText="1"/>`
      : style.table
        ? `<${p}alignment vertical="top"/>`
        : "";
    const xf = alignment
      ? `<${p}xf ${attrs.join(" ")}>${alignment}</${p}xf>`
      : `<${p}xf ${attrs.join(" ")}/>`;
    index[name] = indexOrAdd(xfList, newXfs, xf);
  }

  const splices: Splice[] = [];
  appendChildren(stylesXml, tags, cellXfs, newXfs, splices);
  if (borders) appendChildren(stylesXml, tags, borders, newBorders, splices);
  appendChildren(stylesXml, tags, fills, newFills, splices);
  appendChildren(stylesXml, tags, fonts, newFonts, splices);
  if (newFmts.length > 0) {
    if (numFmts) appendChildren(stylesXml, tags, numFmts, newFmts, splices);
    else {
      splices.push({
        start: root.end,
        end: root.end,
        text: `<${p}numFmts count="${newFmts.length}">${newFmts.join("")}</${p}numFmts>`,
      });
    }
  }
  return { xml: applySplices(stylesXml, splices), index };
}

/** Position of `item` among `existing` then `added` (appending it to `added` when new). */
function indexOrAdd(existing: readonly string[], added: string[], item: string): number {
  const at = existing.indexOf(item);
  if (at !== -1) return at;
  const pending = added.indexOf(item);
  if (pending !== -1) return existing.length + pending;
  added.push(item);
  return existing.length + added.length - 1;
}

function required(el: XmlElement | undefined, name: string): XmlElement {
  if (!el || el.tag.kind === "empty") throw new XmlShapeError(`styles part has no ${name}`);
  return el;
}

/** Append `items` as the last children of `parent` and update its `count` attribute. */
function appendChildren(
  xml: string,
  tags: readonly Tag[],
  parent: XmlElement,
  items: readonly string[],
  splices: Splice[],
): void {
  if (items.length === 0) return;
  const count = childElements(xml, parent, tags).length + items.length;
  const tagText = xml.slice(parent.tag.start, parent.tag.end);
  const newTag = /\scount\s*=\s*["'][^"']*["']/.test(tagText)
    ? tagText.replace(/(\scount\s*=\s*)["'][^"']*["']/, `$1"${count}"`)
    : tagText.replace(/\s*>$/, ` count="${count}">`);
  splices.push({ start: parent.tag.start, end: parent.tag.end, text: newTag });
  splices.push({ start: parent.contentEnd, end: parent.contentEnd, text: items.join("") });
}
