/**
 * A small XML toolkit for editing package parts in place: find elements (any namespace prefix),
 * splice text before or after them, escape text. Untouched bytes stay exactly as they were, which
 * is the point: the user's parts are copied, not re-serialised.
 */

/** One start, end or empty-element tag found in a document. */
export interface Tag {
  /** Offset of `<`. */
  readonly start: number;
  /** Offset just after `>`. */
  readonly end: number;
  /** Qualified name as written, e.g. `x:sheet`. */
  readonly name: string;
  /** Local name, e.g. `sheet`. */
  readonly local: string;
  /** Prefix with its colon (`"x:"`), or `""`. */
  readonly prefix: string;
  readonly kind: "open" | "close" | "empty";
  /** Attributes as written (entity references decoded). */
  readonly attrs: ReadonlyMap<string, string>;
}

/** An element: its start tag and, unless it is empty, the offsets of its content and end tag. */
export interface XmlElement {
  readonly tag: Tag;
  /** Offset where the content starts (= `tag.end`). */
  readonly contentStart: number;
  /** Offset of the end tag's `<` (= `tag.end` for an empty element). */
  readonly contentEnd: number;
  /** Offset just after the element (after the end tag). */
  readonly end: number;
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Thrown when a part is not well-formed enough to edit. */
export class XmlShapeError extends Error {
  override readonly name = "XmlShapeError";
}

/** Every tag of `xml` in document order (comments, CDATA, processing instructions and DOCTYPE skipped). */
export function scanTags(xml: string): Tag[] {
  const tags: Tag[] = [];
  let i = xml.indexOf("<");
  while (i !== -1 && i < xml.length) {
    if (xml.startsWith("<!--", i)) {
      i = after(xml, "-->", i);
    } else if (xml.startsWith("<![CDATA[", i)) {
      i = after(xml, "]]>", i);
    } else if (xml.startsWith("<?", i)) {
      i = after(xml, "?>", i);
    } else if (xml.startsWith("<!", i)) {
      i = after(xml, ">", i);
    } else {
      const end = tagEnd(xml, i);
      const closing = xml[i + 1] === "/";
      const body = xml.slice(closing ? i + 2 : i + 1, xml[end - 2] === "/" ? end - 2 : end - 1);
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) throw new XmlShapeError(`bad tag at ${i}`);
      const name = nameMatch[0];
      const colon = name.indexOf(":");
      const attrs = new Map<string, string>();
      if (!closing) {
        for (const m of body.slice(name.length).matchAll(ATTR)) {
          attrs.set(m[1] as string, decodeEntities(m[3] ?? m[4] ?? ""));
        }
      }
      tags.push({
        start: i,
        end,
        name,
        local: colon === -1 ? name : name.slice(colon + 1),
        prefix: colon === -1 ? "" : name.slice(0, colon + 1),
        kind: closing ? "close" : xml[end - 2] === "/" ? "empty" : "open",
        attrs,
      });
      i = end;
    }
    i = xml.indexOf("<", i);
  }
  return tags;
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at === -1) throw new XmlShapeError(`unterminated markup at ${from}`);
  return at + token.length;
}

/** The offset just after the `>` that closes the tag starting at `start`, skipping quoted values. */
function tagEnd(xml: string, start: number): number {
  let quote: string | null = null;
  for (let j = start + 1; j < xml.length; j++) {
    const c = xml[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === ">") {
      return j + 1;
    }
  }
  throw new XmlShapeError(`unterminated tag at ${start}`);
}

/** Elements with local name `local` (any prefix), each with its extent; nested ones included. */
export function findElements(xml: string, local: string, tags: readonly Tag[] = scanTags(xml)): XmlElement[] {
  const found: XmlElement[] = [];
  const open: Array<{ tag: Tag; keep: boolean }> = [];
  for (const tag of tags) {
    if (tag.kind === "empty") {
      if (tag.local === local) found.push({ tag, contentStart: tag.end, contentEnd: tag.end, end: tag.end });
    } else if (tag.kind === "open") {
      open.push({ tag, keep: tag.local === local });
    } else {
      const top = open.pop();
      if (!top || top.tag.name !== tag.name) throw new XmlShapeError(`mismatched </${tag.name}>`);
      if (top.keep)
        found.push({ tag: top.tag, contentStart: top.tag.end, contentEnd: tag.start, end: tag.end });
    }
  }
  if (open.length > 0) throw new XmlShapeError(`unclosed <${open[open.length - 1]?.tag.name}>`);
  return found.sort((a, b) => a.tag.start - b.tag.start);
}

/** The first element named `local`, or undefined. */
export function findElement(xml: string, local: string, tags?: readonly Tag[]): XmlElement | undefined {
  return findElements(xml, local, tags)[0];
}

/** The element's direct children (elements only). */
export function childElements(xml: string, parent: XmlElement): XmlElement[] {
  const inner = xml.slice(parent.contentStart, parent.contentEnd);
  const offset = parent.contentStart;
  const result: XmlElement[] = [];
  let depth = 0;
  let current: Tag | null = null;
  for (const t of scanTags(inner)) {
    const tag = { ...t, start: t.start + offset, end: t.end + offset };
    if (tag.kind === "empty") {
      if (depth === 0) result.push({ tag, contentStart: tag.end, contentEnd: tag.end, end: tag.end });
    } else if (tag.kind === "open") {
      if (depth === 0) current = tag;
      depth++;
    } else {
      depth--;
      if (depth === 0 && current) {
        result.push({ tag: current, contentStart: current.end, contentEnd: tag.start, end: tag.end });
        current = null;
      }
    }
  }
  return result;
}

/** One edit of a document: replace `[start, end)` with `text` (an insertion when start = end). */
export interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Apply non-overlapping edits (in any order) to `xml`. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) throw new XmlShapeError("overlapping edits");
    out += xml.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + xml.slice(at);
}

/** A start tag rewritten with some attributes set (value) or removed (null); others kept as written. */
export function withAttributes(
  xml: string,
  tag: Tag,
  changes: Readonly<Record<string, string | null>>,
): string {
  const original = xml.slice(tag.start, tag.end);
  const selfClosing = tag.kind === "empty";
  let body = original.slice(1 + tag.name.length, selfClosing ? -2 : -1);
  const pending = new Map(Object.entries(changes));
  body = body.replace(ATTR, (whole, name: string) => {
    if (!pending.has(name)) return whole;
    const value = pending.get(name);
    pending.delete(name);
    return value === null || value === undefined ? "" : `${name}="${escapeAttr(value)}"`;
  });
  body = body.replace(/\s+$/, "");
  for (const [name, value] of pending) {
    if (value !== null && value !== undefined) body += ` ${name}="${escapeAttr(value)}"`;
  }
  return `<${tag.name}${body}${selfClosing ? "/>" : ">"}`;
}

/** The namespace prefix (with colon) declared for `uri` on any tag of the document, or undefined. */
export function prefixFor(tags: readonly Tag[], uri: string): string | undefined {
  for (const tag of tags) {
    for (const [name, value] of tag.attrs) {
      if (value !== uri) continue;
      if (name === "xmlns") return "";
      if (name.startsWith("xmlns:")) return `${name.slice(6)}:`;
    }
  }
  return undefined;
}

/** Decode the five predefined entities and character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    switch (ref) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

// XML 1.0 forbids most C0 controls and lone surrogates even as character references.
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a SpreadsheetML `<t>` element: characters XML cannot carry become `_xHHHH_` (the
 * OOXML escape, which Excel shows as the original character) and a literal `_xHHHH_` is escaped
 * as `_x005F_xHHHH_` so it is not decoded; CR is kept as `&#13;`.
 */
export function escapeCellText(text: string): string {
  const ooxml = text
    .replace(/_(x[0-9a-fA-F]{4}_)/g, "_x005F_$1")
    .replace(NOT_XML_CHAR, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // A raw CR would be read back as LF (XML end-of-line handling); a character reference survives.
  return escapeText(ooxml).replace(/\r/g, "&#13;");
}

/** Escape text content. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escape an attribute value (double-quoted); tabs and newlines are kept as character references. */
export function escapeAttr(text: string): string {
  return escapeText(text.replace(NOT_XML_CHAR, ""))
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
