/**
 * The lean .xlsx reader: the same {@link WorkbookInput} as `readXlsx` (ExcelJS), built from the
 * package directly — fflate inflates one part at a time in pieces and a streaming tokenizer reads
 * the XML (`xmlScan.ts`) — keeping only cell values, shared strings and the few styles that make
 * a number a date. On a 200,000-row log it takes a fraction of ExcelJS's time and memory
 * (docs/performance.md), in Node (the CLI) and in the browser (file mode: no Node built-ins).
 *
 * Values follow ExcelJS's rules exactly, so both readers agree cell by cell on every fixture
 * (lean/read.test.ts): formulas give their cached result; a number whose cell style's number
 * format looks like a date (ids 14–22 and 45–47, or a custom code with y, m, d, h, s after
 * removing quoted text and [..]) is a `Date`; shared and inline rich text is plain text; merged
 * areas keep only the top-left value; blank text is blank. Where ExcelJS misreads a valid file
 * that no fixture has, the lean reader reads it instead: `t="d"` (ISO date) cells are dates,
 * CDATA text is kept, elements with a namespace prefix (`<x:c>`) are read, and a sheet is found
 * through the package's relationships wherever its part is stored.
 */
import type { RawCell, SheetInput, WorkbookInput } from "../../../engine/types";
import { excelSerialToDate, isDateFormat } from "../../../engine/workbook";
import { WorkbookReadError } from "../errors";
import { inspectPackage, toBytes } from "../package";
import type { SniffLimits } from "../sniff";
import { inflatePieces, listParts, partBytes, type ZipPart } from "./zip";
import { attribute, attributeMap, decodeAttributeValue, XmlScanner, type XmlSink } from "./xmlScan";

/** Options of {@link readXlsxLean}. */
export interface LeanReadOptions {
  /** Size limits checked (on the zip directory) before anything is inflated. */
  readonly limits?: Partial<SniffLimits>;
  /** Called with the fraction read so far (0..1), about every megabyte of XML. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Give the event loop a turn when this many milliseconds passed since the last one (for a
   * caller on a page's main thread). Default: never — a worker or the CLI needs no turns.
   */
  readonly yieldEveryMs?: number;
}

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/**
 * Read every worksheet of an .xlsx (bytes) into the engine's input — the same result as
 * `readXlsx`. Throws {@link WorkbookReadError} when the bytes are not a readable .xlsx.
 */
export async function readXlsxLean(
  data: Uint8Array | ArrayBuffer,
  options: LeanReadOptions = {},
): Promise<WorkbookInput> {
  const steps = readSteps(toBytes(data), options.limits);
  const every = options.yieldEveryMs;
  let last = Date.now();
  for (;;) {
    const step = nextStep(steps);
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    if (every !== undefined && Date.now() - last >= every) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
  }
}

/** {@link readXlsxLean} without ever yielding (Node, tests, a worker that has nothing else to do). */
export function readXlsxLeanSync(
  data: Uint8Array | ArrayBuffer,
  options: LeanReadOptions = {},
): WorkbookInput {
  const steps = readSteps(toBytes(data), options.limits);
  for (;;) {
    const step = nextStep(steps);
    if (step.done) return step.value;
    options.onProgress?.(step.value);
  }
}

function nextStep(steps: Generator<number, WorkbookInput>): IteratorResult<number, WorkbookInput> {
  try {
    return steps.next();
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    // Malformed XML, or a structure we cannot follow: the file is damaged as far as we can tell.
    throw new WorkbookReadError("corrupt", err instanceof Error ? err.message : String(err));
  }
}

// ---------------------------------------------------------------------------------------------
// The package: workbook, relationships, styles, shared strings, sheets
// ---------------------------------------------------------------------------------------------

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly part: string | null;
}

function resolveTarget(owner: string, target: string): string {
  const base = target.startsWith("/") ? "" : owner.slice(0, owner.lastIndexOf("/") + 1);
  const out: string[] = [];
  let path = base + target.replace(/^\/+/, "");
  try {
    path = decodeURI(path);
  } catch {
    // Leave an undecodable target as written.
  }
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

class Package {
  readonly parts: Map<string, ZipPart>;
  private readonly lower = new Map<string, ZipPart>();
  private readonly decoder = new TextDecoder("utf-8");

  constructor(readonly bytes: Uint8Array) {
    this.parts = listParts(bytes);
    for (const [name, part] of this.parts) {
      if (!this.lower.has(name.toLowerCase())) this.lower.set(name.toLowerCase(), part);
    }
  }

  /** A part by name (zip names are case-sensitive, but some writers disagree with their own rels). */
  part(name: string): ZipPart | undefined {
    return this.parts.get(name) ?? this.lower.get(name.toLowerCase());
  }

  text(part: ZipPart): string {
    return this.decoder.decode(partBytes(this.bytes, part));
  }

  relationships(owner: string): Relationship[] {
    const slash = owner.lastIndexOf("/");
    const rels = this.part(`${owner.slice(0, slash + 1)}_rels/${owner.slice(slash + 1)}.rels`);
    if (!rels) return [];
    const out: Relationship[] = [];
    scanWhole(this.text(rels), {
      open(local, attrs) {
        if (local !== "Relationship") return;
        const a = attributeMap(attrs);
        const target = a.get("Target") ?? "";
        out.push({
          id: a.get("Id") ?? "",
          type: a.get("Type") ?? "",
          part: a.get("TargetMode") === "External" ? null : resolveTarget(owner, target),
        });
      },
      close() {},
      text() {},
    });
    return out;
  }
}

function scanWhole(xml: string, sink: XmlSink): void {
  const scanner = new XmlScanner(sink);
  scanner.write(xml);
  scanner.end();
}

/** Feed a part to `sink` piece by piece, yielding the compressed bytes consumed after each piece. */
function* scanPart(pkg: Package, part: ZipPart, sink: XmlSink): Generator<number, void> {
  const decoder = new TextDecoder("utf-8");
  const scanner = new XmlScanner(sink);
  for (const { chunk, consumed } of inflatePieces(pkg.bytes, part)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    yield consumed;
  }
  scanner.write(decoder.decode());
  scanner.end();
}

interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: ZipPart;
}

function* readSteps(
  bytes: Uint8Array,
  limits: Partial<SniffLimits> | undefined,
): Generator<number, WorkbookInput> {
  inspectPackage(bytes, limits);
  const pkg = new Package(bytes);

  const bookName =
    pkg.relationships("").find((r) => r.type.endsWith("/officeDocument") && r.part && pkg.part(r.part))
      ?.part ?? "xl/workbook.xml";
  const book = pkg.part(bookName);
  if (!book) throw new WorkbookReadError("corrupt", `missing part ${bookName}`);
  const rels = pkg.relationships(book.name);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const listed: Array<{ name: string; state: string; rid: string }> = [];
  let date1904 = false;
  scanWhole(pkg.text(book), {
    open(local, attrs) {
      if (local === "sheet") {
        const a = attributeMap(attrs);
        let rid = "";
        for (const [k, v] of a) if (k.endsWith(":id") && !k.startsWith("xmlns")) rid = v;
        listed.push({ name: a.get("name") ?? "", state: a.get("state") ?? "visible", rid });
      } else if (local === "workbookPr") {
        const v = attribute(attrs, "date1904");
        date1904 = v === "1" || v === "true";
      }
    },
    close() {},
    text() {},
  });

  const sheets: SheetEntry[] = [];
  for (const s of listed) {
    const rel = relById.get(s.rid);
    const part = rel?.part ? pkg.part(rel.part) : undefined;
    // Chart sheets and dialog sheets hold no cells (ExcelJS skips them too).
    if (!rel || !part || !/\/worksheet$/.test(rel.type)) continue;
    sheets.push({ name: s.name, hidden: s.state === "hidden" || s.state === "veryHidden", part });
  }

  const relPart = (suffix: string, fallback: string): ZipPart | undefined => {
    const rel = rels.find((r) => r.type.endsWith(suffix) && r.part);
    return (rel?.part ? pkg.part(rel.part) : undefined) ?? pkg.part(fallback);
  };
  const stylesPart = relPart("/styles", "xl/styles.xml");
  const stringsPart = relPart("/sharedStrings", "xl/sharedStrings.xml");

  const total =
    (stringsPart?.compressedSize ?? 0) + sheets.reduce((n, s) => n + s.part.compressedSize, 0) || 1;
  let done = 0;

  const dateStyles = stylesPart ? readDateStyles(pkg.text(stylesPart)) : [];

  const strings: Array<string | null> = [];
  if (stringsPart) {
    for (const consumed of scanPart(pkg, stringsPart, new SharedStringsSink(strings))) {
      yield (done + consumed) / total;
    }
    done += stringsPart.compressedSize;
  }

  const out: SheetInput[] = [];
  for (const s of sheets) {
    const sink = new SheetSink(strings, dateStyles, date1904);
    for (const consumed of scanPart(pkg, s.part, sink)) yield (done + consumed) / total;
    done += s.part.compressedSize;
    const sheet: SheetInput = { name: s.name, rows: sink.finish() };
    out.push(s.hidden ? { ...sheet, hidden: true } : sheet);
  }
  return { sheets: out };
}

// ---------------------------------------------------------------------------------------------
// Styles: which cell style indices (cellXfs) make a number a date
// ---------------------------------------------------------------------------------------------

/** The built-in number formats that ExcelJS knows and that read as dates or times (src/engine/workbook/dates.ts decides which are dates). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** For each cell style index: does it format numbers as dates? */
export function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanWhole(xml, {
    open(local, attrs, empty) {
      if (local === "numFmt") {
        const a = attributeMap(attrs);
        const id = parseInt(a.get("numFmtId") ?? "", 10);
        const code = a.get("formatCode");
        if (Number.isFinite(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
      } else if (local === "cellXfs") {
        inCellXfs = !empty;
      } else if (local === "xf" && inCellXfs) {
        xfFormats.push(parseInt(attribute(attrs, "numFmtId") ?? "", 10));
      }
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => (id ? isDateFormat(custom.get(id) ?? BUILTIN_FORMATS[id]) : false));
}

// ---------------------------------------------------------------------------------------------
// Shared strings
// ---------------------------------------------------------------------------------------------

/** `_xHHHH_` escapes, as ExcelJS decodes them (upper-case hex only). */
function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collects `<si>` items: plain text, or the runs of rich text joined; phonetic runs left out. */
class SharedStringsSink implements XmlSink {
  private inItem = false;
  private depthRun = false;
  private inPhonetic = false;
  private collecting = false;
  private text_: string[] = [];
  private plain: string | null = null;
  private runs: string[] | null = null;
  private runText = "";

  constructor(private readonly out: Array<string | null>) {}

  open(local: string, _attrs: string, empty: boolean): void {
    if (local === "si") {
      this.inItem = true;
      this.plain = null;
      this.runs = null;
      if (empty) this.closeItem();
    } else if (!this.inItem || this.inPhonetic) {
      return;
    } else if (local === "rPh") {
      this.inPhonetic = !empty;
    } else if (local === "r") {
      this.depthRun = !empty;
      this.runText = "";
      (this.runs ??= []).push("");
    } else if (local === "t") {
      this.text_ = [];
      this.collecting = !empty;
      if (empty) this.endText();
    }
  }

  text(text: string): void {
    if (this.collecting) this.text_.push(text);
  }

  close(local: string): void {
    if (local === "si") this.closeItem();
    else if (local === "rPh") this.inPhonetic = false;
    else if (this.inPhonetic) return;
    else if (local === "t" && this.collecting) this.endText();
    else if (local === "r") this.depthRun = false;
  }

  private endText(): void {
    this.collecting = false;
    const value = decodeEscapes(this.text_.join(""));
    if (this.depthRun && this.runs) this.runs[this.runs.length - 1] = value;
    else this.plain = value;
  }

  private closeItem(): void {
    this.inItem = false;
    this.inPhonetic = false;
    const value = this.runs ? this.runs.join("") : this.plain;
    this.out.push(value === null || value === "" ? null : detach(value));
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

const enum Mode {
  None,
  Value,
  Formula,
  RunText,
}

/** 0-based column of an A1 reference's letters (`"AB12"` → 27), or -1. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** 0-based row of an A1 reference (`"AB12"` → 11), or -1. */
function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? parseInt(m[0], 10) - 1 : -1;
}

/** ExcelJS's second decoding of `t="str"` text (it decodes entities once more). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

function isoDate(text: string): Date {
  const t = text.trim();
  return new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`,
  );
}

/**
 * A copy of text cut from a decoded chunk that does not keep the whole chunk (a megabyte or two of
 * XML) alive: V8 represents a long slice as a view of its parent string.
 */
function detach(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/** A value as a {@link RawCell}, as `readXlsx` shapes it. */
function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : detach(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : value;
  if (typeof value === "object" && typeof (value as { error?: unknown }).error === "string") {
    return { error: (value as { error: string }).error };
  }
  return null;
}

/** Reads `<sheetData>` cells and `<mergeCell>` ranges of one worksheet. */
class SheetSink implements XmlSink {
  private readonly rows: Array<RawCell[] | undefined> = [];
  private readonly merges: string[] = [];
  private rowIndex = -1;
  private cells: RawCell[] | null = null;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private type = "";
  private dateStyle = false;
  private value: string | undefined = undefined;
  private formula = "";
  private shared = false;
  private inInline = false;
  private inRun = false;
  private inPhonetic = false;
  private runs: string[] | null = null;
  private runText: string[] = [];
  private mode = Mode.None;
  private readonly dateOffset: number;

  constructor(
    private readonly strings: ReadonlyArray<string | null>,
    private readonly dateStyles: readonly boolean[],
    date1904: boolean,
  ) {
    this.dateOffset = date1904 ? 1462 : 0;
  }

  open(local: string, attrs: string, empty: boolean): void {
    switch (local) {
      case "c":
        this.openCell(attrs);
        if (empty) this.closeCell();
        return;
      case "v":
        if (this.inCell && !empty) this.mode = Mode.Value;
        return;
      case "row": {
        const r = attribute(attrs, "r");
        const n = r === undefined ? NaN : parseInt(r, 10);
        this.rowIndex = Number.isFinite(n) ? n - 1 : this.rowIndex + 1;
        this.cells = [];
        this.col = -1;
        if (empty) this.closeRow();
        return;
      }
      case "f":
        if (!this.inCell) return;
        if (attribute(attrs, "t") !== undefined) this.shared = true;
        if (!empty) this.mode = Mode.Formula;
        return;
      case "is":
        if (this.inCell) this.inInline = !empty;
        return;
      case "r":
        if (this.inInline && !this.inPhonetic && !empty) {
          this.inRun = true;
          this.runText = [];
          (this.runs ??= []).push("");
        }
        return;
      case "rPh":
        if (this.inInline) this.inPhonetic = !empty;
        return;
      case "t":
        if (!this.inInline || this.inPhonetic || empty) return;
        if (this.inRun) {
          this.runText = [];
          this.mode = Mode.RunText;
        } else this.mode = Mode.Value;
        return;
      case "mergeCell": {
        const ref = attribute(attrs, "ref");
        if (ref) this.merges.push(ref);
        return;
      }
      default:
        return;
    }
  }

  text(text: string): void {
    switch (this.mode) {
      case Mode.Value:
        this.value = this.value === undefined ? text : this.value + text;
        return;
      case Mode.Formula:
        this.formula += text;
        return;
      case Mode.RunText:
        this.runText.push(text);
        return;
      default:
        return;
    }
  }

  close(local: string): void {
    switch (local) {
      case "c":
        this.closeCell();
        return;
      case "v":
      case "f":
        this.mode = Mode.None;
        return;
      case "t":
        if (this.mode === Mode.RunText && this.runs) {
          this.runs[this.runs.length - 1] = decodeEscapes(this.runText.join(""));
        }
        this.mode = Mode.None;
        return;
      case "r":
        this.inRun = false;
        return;
      case "rPh":
        this.inPhonetic = false;
        return;
      case "is":
        this.inInline = false;
        return;
      case "row":
        this.closeRow();
        return;
      default:
        return;
    }
  }

  private openCell(attrs: string): void {
    let ref: string | undefined;
    let type = "";
    let style = 0;
    // The three attributes a cell needs, without building a map for each of a million cells.
    const n = attrs.length;
    let i = 0;
    while (i < n) {
      const eq = attrs.indexOf("=", i);
      if (eq < 0) break;
      const name = attrs.slice(i, eq).trim();
      let q = eq + 1;
      while (q < n && attrs[q] !== '"' && attrs[q] !== "'") q++;
      const end = attrs.indexOf(attrs[q] as string, q + 1);
      if (q >= n || end < 0) break;
      const raw = attrs.slice(q + 1, end);
      if (name === "r") ref = raw.indexOf("&") < 0 ? raw : decodeAttributeValue(raw);
      else if (name === "t") type = raw.indexOf("&") < 0 ? raw : decodeAttributeValue(raw);
      else if (name === "s") style = parseInt(raw, 10) || 0;
      i = end + 1;
    }
    if (this.cells === null) {
      // A cell outside a row (malformed, but readable): give it a row of its own.
      this.rowIndex = ref !== undefined && rowOf(ref) >= 0 ? rowOf(ref) : this.rowIndex + 1;
      this.cells = [];
      this.col = -1;
    }
    const col = ref === undefined ? -1 : columnOf(ref);
    this.col = col >= 0 ? col : this.col + 1;
    this.inCell = true;
    this.type = type;
    this.dateStyle = style > 0 && this.dateStyles[style] === true;
    this.value = undefined;
    this.formula = "";
    this.shared = false;
    this.inInline = false;
    this.inRun = false;
    this.inPhonetic = false;
    this.runs = null;
    this.mode = Mode.None;
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.mode = Mode.None;
    const value = this.cellValue();
    const cells = this.cells;
    if (value === null || cells === null || this.col >= MAX_COLS) return;
    while (cells.length < this.col) cells.push(null);
    cells[this.col] = value;
  }

  private cellValue(): RawCell {
    const v = this.value;
    if (this.formula.length > 0 || this.shared) {
      // A formula: its cached result, typed by `t`; a date format makes any result a date (as ExcelJS does).
      if (!v) return null;
      let result: unknown;
      switch (this.type) {
        case "str":
          result = xmlDecodeAgain(v);
          break;
        case "b":
          result = parseInt(v, 10) !== 0;
          break;
        case "e":
          result = { error: v };
          break;
        default:
          result = parseFloat(v);
      }
      return toRawCell(this.dateStyle ? this.toDate(result) : result);
    }
    if (this.runs !== null) return this.type === "inlineStr" ? toRawCell(this.runs.join("")) : null;
    if (v === undefined) return null;
    switch (this.type) {
      case "s": {
        const index = parseInt(v, 10);
        return index >= 0 && index < this.strings.length ? (this.strings[index] ?? null) : null;
      }
      case "str":
        return toRawCell(xmlDecodeAgain(v));
      case "inlineStr":
        return toRawCell(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d":
        return toRawCell(isoDate(v));
      default: {
        const n = parseFloat(v);
        return toRawCell(this.dateStyle ? this.toDate(n) : n);
      }
    }
  }

  /**
   * A number in a date format as the engine converts serials (both date systems); a number that
   * cannot be a date stays a number. A cached formula result of another type keeps ExcelJS's coercion.
   */
  private toDate(value: unknown): unknown {
    if (typeof value === "number") return excelSerialToDate(value, this.dateOffset > 0) ?? value;
    return new Date(Math.round((Number(value) - 25569 + this.dateOffset) * 86_400_000));
  }

  private closeRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null || this.rowIndex < 0 || this.rowIndex >= MAX_ROWS) return;
    // A later row element with the same number replaces the earlier one (as in ExcelJS).
    this.rows[this.rowIndex] = cells.length > 0 ? cells : undefined;
  }

  /** The sheet's rows as `readXlsx` gives them: merged areas cleared, trailing blanks dropped. */
  finish(): RawCell[][] {
    const rows = this.rows;
    for (const ref of this.merges) {
      const [a, b = a] = ref.split(":") as [string, string?];
      const top = rowOf(a);
      const left = columnOf(a);
      const bottom = rowOf(b);
      const right = columnOf(b);
      if (top < 0 || left < 0 || bottom < top || right < left) continue;
      for (let r = top; r <= Math.min(bottom, rows.length - 1); r++) {
        const row = rows[r];
        if (!row) continue;
        for (let c = r === top ? left + 1 : left; c <= Math.min(right, row.length - 1); c++) row[c] = null;
        let len = row.length;
        while (len > 0 && row[len - 1] === null) len--;
        row.length = len;
        if (len === 0) rows[r] = undefined;
      }
    }
    let last = rows.length;
    while (last > 0 && rows[last - 1] === undefined) last--;
    const out: RawCell[][] = new Array<RawCell[]>(last);
    for (let r = 0; r < last; r++) out[r] = rows[r] ?? (EMPTY_ROW as RawCell[]);
    return out;
  }
}
