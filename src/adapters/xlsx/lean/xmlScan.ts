/**
 * A small streaming XML tokenizer for the lean reader: text is fed in chunks and start tags, end
 * tags and text are reported to a sink as they complete. It knows the whole lexical grammar a
 * package part can use — comments, CDATA, processing instructions, a DOCTYPE, both quote styles,
 * any white space, namespace prefixes (names are reported without their prefix) and the
 * predefined and numeric character references — but it builds no tree and parses attributes
 * only when asked, which makes it several times faster than a general parser on a 60 MB sheet
 * (docs/performance.md). It checks that end tags match start tags; anything it cannot tokenise
 * is an {@link XmlScanError}.
 */

/** Thrown for text that is not well-formed enough to read. */
export class XmlScanError extends Error {
  override readonly name = "XmlScanError";
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
  return decodeReferences(t);
}

/** An attribute value as an XML parser reports it: literal white space normalised to spaces, references decoded. */
export function decodeAttributeValue(raw: string): string {
  return decodeReferences(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
}

function decodeReferences(text: string): string {
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
  private readonly stack: string[] = [];
  private started = false;

  constructor(private readonly sink: XmlSink) {}

  /** Tokenise `chunk` (a piece of the document); an incomplete token waits for the next chunk. */
  write(chunk: string): void {
    const s = this.carry.length > 0 ? this.carry + chunk : chunk;
    this.carry = "";
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
        if (open !== qname) throw new XmlScanError(`</${qname}> does not close <${open ?? ""}>`);
        const colon = qname.indexOf(":");
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
      if (qname.length === 0) throw new XmlScanError(`bad tag at ${lt}`);
      const empty = s.charCodeAt(gt - 1) === SLASH;
      const attrs = nameEnd < gt ? s.slice(nameEnd, empty ? gt - 1 : gt) : "";
      if (stack.length === 0 && this.started) throw new XmlScanError(`a second root element <${qname}>`);
      this.started = true;
      const colon = qname.indexOf(":");
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      if (!empty) stack.push(qname);
      sink.open(local, attrs, empty);
      i = gt + 1;
    }
  }

  private keep(s: string, from: number): void {
    this.carry = s.slice(from);
  }

  /** The document is complete: anything left open or unfinished is an error. */
  end(): void {
    if (this.carry.trim().length > 0) throw new XmlScanError("the document ends inside markup");
    if (this.stack.length > 0)
      throw new XmlScanError(`<${this.stack[this.stack.length - 1]}> is never closed`);
    if (!this.started) throw new XmlScanError("no root element");
  }
}

/** Tokenise a whole document held in one string. */
export function scanXml(xml: string, sink: XmlSink): void {
  const scanner = new XmlScanner(sink);
  scanner.write(xml);
  scanner.end();
}
