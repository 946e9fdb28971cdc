/**
 * The one XML module of the .xlsx layer: a streaming tokenizer ({@link XmlScanner}) that the lean
 * reader feeds a 60 MB sheet in pieces and that the writer's editing view ({@link scanTags},
 * {@link findElements}, splices) runs over small parts, one entity decoder, and the escapes.
 *
 * The tokenizer knows the whole lexical grammar a package part can use — comments, CDATA,
 * processing instructions, a DOCTYPE, both quote styles, any white space, namespace prefixes (names
 * are reported without their prefix) and the predefined and numeric character references — but it
 * builds no tree and parses attributes only when asked, which makes it several times faster than a
 * general parser on a 60 MB sheet (docs/performance.md). It checks that end tags match start tags;
 * anything it cannot tokenise is an {@link XmlShapeError}.
 *
 * The editing view keeps offsets so that a part is edited in place: untouched bytes stay exactly as
 * they were, which is the point: the user's parts are copied, not re-serialised.
 */

/** Thrown for text that is not well-formed enough to read or to edit. */
export class XmlShapeError extends Error {
  override readonly name = "XmlShapeError";
}

/** What the tokenizer reports. */
export interface XmlSink {
  /** A start tag (`empty` for `<x/>`, which gets no `close`); `attrs` is the raw attribute text. */
  open(local: string, attrs: string, empty: boolean): void;
  /** An end tag. */
  close(local: string): void;
  /** Character data with references decoded (CDATA as written); may come in several pieces. */
  text(text: string): void;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH || c === GT;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;

/**
 * Character data as an XML parser reports it: line ends normalised (CR LF and CR become LF, as the
 * XML spec requires before parsing), then the predefined entities and character references
 * decoded (others are left as written). A `&#13;` reference stays a CR.
 */
export function decodeXmlText(text: string): string {
  const t = text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
  return decodeEntities(t);
}

/** An attribute value as an XML parser reports it: literal white space normalised to spaces, references decoded. */
export function decodeAttributeValue(raw: string): string {
  return decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
}

/** Decode the five predefined entities and character references (others are left as written). */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
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
        const code = ref.charCodeAt(1) === 120 ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
    }
  });
}

/**
 * The element name at s[start..end): the names a worksheet repeats a million times come from a
 * table instead of a fresh string each (a large share of the reader's garbage otherwise).
 */
function nameAt(s: string, start: number, end: number): string {
  const len = end - start;
  if (len === 1) {
    const c = s.charCodeAt(start);
    if (c === 99) return "c";
    if (c === 118) return "v";
    if (c === 102) return "f";
    if (c === 116) return "t";
    if (c === 114) return "r";
  } else if (len === 3 && s.startsWith("row", start)) return "row";
  else if (len === 2 && s.startsWith("si", start)) return "si";
  else if (len === 2 && s.startsWith("is", start)) return "is";
  return s.slice(start, end);
}

function normaliseLineEnds(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

/**
 * Call `each(name, value)` for every attribute in raw attribute text (values decoded; names as
 * written, with their prefix).
 */
export function eachAttribute(attrs: string, each: (name: string, value: string) => void): void {
  const n = attrs.length;
  let i = 0;
  while (i < n) {
    let c = attrs.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === SLASH) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n) {
      c = attrs.charCodeAt(i);
      if (c === 61 /* = */ || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const name = attrs.slice(nameStart, i);
    while (i < n && attrs.charCodeAt(i) !== 61) i++;
    i++;
    while (
      i < n &&
      (attrs.charCodeAt(i) === 32 ||
        attrs.charCodeAt(i) === 9 ||
        attrs.charCodeAt(i) === 10 ||
        attrs.charCodeAt(i) === 13)
    )
      i++;
    const quote = attrs[i];
    if (quote !== '"' && quote !== "'") return;
    const end = attrs.indexOf(quote, i + 1);
    if (end < 0) return;
    each(name, decodeAttributeValue(attrs.slice(i + 1, end)));
    i = end + 1;
  }
}

/** Attributes as a map from name (as written) to decoded value. */
export function attributeMap(attrs: string): Map<string, string> {
  const map = new Map<string, string>();
  eachAttribute(attrs, (name, value) => {
    if (!map.has(name)) map.set(name, value);
  });
  return map;
}

/** The value of attribute `name` (as written, e.g. `r` or `r:id`), or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  let found: string | undefined;
  eachAttribute(attrs, (n, v) => {
    if (found === undefined && n === name) found = v;
  });
  return found;
}

/** A streaming tokenizer: `write` chunks of text in order, then `end`. */
export class XmlScanner {
  private carry = "";
  /** Offset in the whole document of the buffer's first character (the carry's, if any). */
  private offset = 0;
  private readonly stack: string[] = [];
  private started = false;
  /** During `open` and `close`: the offset of the tag's `<` in the whole document. */
  tagStart = 0;
  /** During `open` and `close`: the offset just after the tag's `>`. */
  tagEnd = 0;
  /** During `open` and `close`: the tag's name as written, with its prefix (`x:sheet`). */
  tagName = "";

  constructor(private readonly sink: XmlSink) {}

  /** Tokenise `chunk` (a piece of the document); an incomplete token waits for the next chunk. */
  write(chunk: string): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = "";
    const base = this.offset;
    const sink = this.sink;
    const stack = this.stack;
    const n = s.length;
    let i = 0;
    // Next quote of each kind at or after the scan position, cached so that a run of tags without
    // one never rescans the rest of the buffer (-1: none left in this buffer).
    let nextQuot = -2;
    let nextApos = -2;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // Text up to the end: it may continue (or end in half a reference) in the next chunk.
        this.carry = s.slice(i);
        this.offset = base + i;
        return;
      }
      if (lt > i && stack.length > 0) sink.text(decodeXmlText(s.slice(i, lt)));
      if (lt + 1 >= n) return this.keep(s, lt);
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === BANG) {
        if (s.startsWith("<!--", lt)) {
          const end = s.indexOf("-->", lt + 4);
          if (end < 0) return this.keep(s, lt);
          i = end + 3;
        } else if (s.startsWith("<![CDATA[", lt)) {
          const end = s.indexOf("]]>", lt + 9);
          if (end < 0) return this.keep(s, lt);
          if (stack.length > 0) sink.text(normaliseLineEnds(s.slice(lt + 9, end)));
          i = end + 3;
        } else {
          // <!DOCTYPE …>, possibly with an internal subset in brackets (never expanded).
          if (lt + 9 > n) return this.keep(s, lt);
          const bracket = s.indexOf("[", lt);
          const gt = s.indexOf(">", lt);
          if (gt < 0) return this.keep(s, lt);
          if (bracket >= 0 && bracket < gt) {
            const end = s.indexOf("]>", bracket);
            if (end < 0) return this.keep(s, lt);
            i = end + 2;
          } else i = gt + 1;
        }
        continue;
      }
      if (c1 === QUESTION) {
        const end = s.indexOf("?>", lt + 2);
        if (end < 0) return this.keep(s, lt);
        i = end + 2;
        continue;
      }
      if (c1 === SLASH) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) return this.keep(s, lt);
        let nameEnd = lt + 2;
        while (nameEnd < gt && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
        const qname = nameAt(s, lt + 2, nameEnd);
        const open = stack.pop();
        if (open !== qname) throw new XmlShapeError(`</${qname}> does not close <${open ?? ""}>`);
        const colon = qname.indexOf(":");
        this.tagStart = base + lt;
        this.tagEnd = base + gt + 1;
        this.tagName = qname;
        sink.close(colon < 0 ? qname : qname.slice(colon + 1));
        i = gt + 1;
        continue;
      }
      // A start tag: find its '>' outside quoted attribute values.
      let gt = -1;
      let j = lt + 1;
      for (;;) {
        const g = s.indexOf(">", j);
        if (g < 0) break;
        if (nextQuot !== -1 && nextQuot < j) nextQuot = s.indexOf('"', j);
        if (nextApos !== -1 && nextApos < j) nextApos = s.indexOf("'", j);
        const dq = nextQuot;
        const q =
          dq >= 0 && dq < g
            ? nextApos >= 0 && nextApos < dq
              ? nextApos
              : dq
            : nextApos >= 0 && nextApos < g
              ? nextApos
              : -1;
        if (q < 0) {
          gt = g;
          break;
        }
        const close = s.indexOf(s[q] as string, q + 1);
        if (close < 0) break;
        j = close + 1;
      }
      if (gt < 0) return this.keep(s, lt);
      let nameEnd = lt + 1;
      while (nameEnd < gt && !isNameEnd(s.charCodeAt(nameEnd))) nameEnd++;
      const qname = nameAt(s, lt + 1, nameEnd);
      if (qname.length === 0) throw new XmlShapeError(`bad tag at ${lt}`);
      const empty = s.charCodeAt(gt - 1) === SLASH;
      const attrs = nameEnd < gt ? s.slice(nameEnd, empty ? gt - 1 : gt) : "";
      if (stack.length === 0 && this.started) throw new XmlShapeError(`a second root element <${qname}>`);
      this.started = true;
      const colon = qname.indexOf(":");
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      if (!empty) stack.push(qname);
      this.tagStart = base + lt;
      this.tagEnd = base + gt + 1;
      this.tagName = qname;
      sink.open(local, attrs, empty);
      i = gt + 1;
    }
    this.offset = base + i;
  }

  private keep(s: string, from: number): void {
    this.carry = s.slice(from);
    this.offset += from;
  }

  /** The document is complete: anything left open or unfinished is an error. */
  end(): void {
    if (this.carry.trim().length > 0) throw new XmlShapeError("the document ends inside markup");
    if (this.stack.length > 0)
      throw new XmlShapeError(`<${this.stack[this.stack.length - 1]}> is never closed`);
    if (!this.started) throw new XmlShapeError("no root element");
  }
}

/** Tokenise a whole document held in one string. */
export function scanXml(xml: string, sink: XmlSink): void {
  const scanner = new XmlScanner(sink);
  scanner.write(xml);
  scanner.end();
}

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

/** Every tag of `xml` in document order (comments, CDATA, processing instructions and DOCTYPE skipped). */
export function scanTags(xml: string): Tag[] {
  const tags: Tag[] = [];
  const tag = (local: string, kind: Tag["kind"], attrs: ReadonlyMap<string, string>): Tag => {
    const name = scanner.tagName;
    const prefix = name.length > local.length ? name.slice(0, name.length - local.length) : "";
    return { start: scanner.tagStart, end: scanner.tagEnd, name, local, prefix, kind, attrs };
  };
  const scanner: XmlScanner = new XmlScanner({
    open: (local, attrs, empty) => tags.push(tag(local, empty ? "empty" : "open", attributeMap(attrs))),
    close: (local) => tags.push(tag(local, "close", NO_ATTRIBUTES)),
    text: () => {},
  });
  scanner.write(xml);
  scanner.end();
  return tags;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

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

/** The element's direct children (elements only); `tags` are the document's, when already scanned. */
export function childElements(
  xml: string,
  parent: XmlElement,
  tags: readonly Tag[] = scanTags(xml),
): XmlElement[] {
  const result: XmlElement[] = [];
  let depth = 0;
  let current: Tag | null = null;
  for (const tag of tags) {
    if (tag.start < parent.contentStart || tag.start >= parent.contentEnd) continue;
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
