/**
 * The lean .xlsx reader: the same {@link WorkbookInput} as ExcelJS gives (`readXlsx`, the tests'
 * oracle in `../testing/exceljsOracle.ts`), built from the package directly — fflate inflates one
 * part at a time in pieces and a streaming tokenizer reads the XML (`../xml.ts`) — keeping only cell values, shared strings and the few styles that make
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
import type { SheetInput, WorkbookInput } from "../../../engine";
import { WorkbookReadError } from "../errors";
import { toBytes, XlsxPackage } from "../package";
import type { SniffLimits } from "../limits";
import { CellBudget, SheetSink } from "./sheet";
import { SharedStringsSink } from "./strings";
import { readDateStyles } from "./styles";
import { attribute, attributeMap, scanXml, XmlScanner, type XmlSink } from "../xml";

export { readDateStyles } from "./styles";

/** Options of {@link readXlsxLean}. */
export interface LeanReadOptions {
  /** Size limits checked (on the zip directory) before anything is inflated. */
  readonly limits?: Partial<SniffLimits>;
  /** Non-blank cells accepted, all sheets together (default {@link MAX_CELLS}). */
  readonly maxCells?: number;
  /** Called with the fraction read so far (0..1), about every megabyte of XML. */
  readonly onProgress?: (fraction: number) => void;
  /**
   * Give the event loop a turn when this many milliseconds passed since the last one (for a
   * caller on a page's main thread). Default: never — a worker or the CLI needs no turns.
   */
  readonly yieldEveryMs?: number;
}

/**
 * Non-blank cells read from one workbook, all sheets together (docs/privacy.md): about ten times
 * the records any union keeps, and what fits in a few hundred megabytes. Past it the workbook is
 * refused (`too-many-cells`) instead of exhausting memory.
 */
export const MAX_CELLS = 4_000_000;

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

/**
 * Read every worksheet of an .xlsx (bytes) into the engine's input — the same result as the
 * ExcelJS oracle's `readXlsx`. Throws {@link WorkbookReadError} when the bytes are not a readable
 * .xlsx.
 */
export async function readXlsxLean(
  data: Uint8Array | ArrayBuffer,
  options: LeanReadOptions = {},
): Promise<WorkbookInput> {
  const steps = readSteps(toBytes(data), options);
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
  const steps = readSteps(toBytes(data), options);
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
// The package walk: workbook, relationships, styles, shared strings, sheets
// ---------------------------------------------------------------------------------------------

/** Feed a part to `sink` piece by piece, yielding the compressed bytes consumed after each piece. */
function* scanPart(pkg: XlsxPackage, part: string, sink: XmlSink): Generator<number, void> {
  const decoder = new TextDecoder("utf-8");
  const scanner = new XmlScanner(sink);
  for (const { chunk, consumed } of pkg.pieces(part)) {
    scanner.write(decoder.decode(chunk, { stream: true }));
    yield consumed;
  }
  scanner.write(decoder.decode());
  scanner.end();
}

interface SheetEntry {
  readonly name: string;
  readonly hidden: boolean;
  readonly part: string;
}

function damaged(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", detail);
}

/** The worksheets the workbook lists, each checked: a listed sheet that is missing is damage. */
function listSheets(pkg: XlsxPackage, book: string): { sheets: SheetEntry[]; date1904: boolean } {
  const relById = new Map(pkg.relationships(book).map((r) => [r.id, r]));
  const listed: Array<{ name: string; state: string; rid: string }> = [];
  let date1904 = false;
  scanXml(pkg.text(book), {
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
  const names = new Set<string>();
  const parts = new Set<string>();
  for (const s of listed) {
    // Excel refuses two sheets whose names differ only in case: findings would point at either.
    const key = s.name.toLowerCase();
    if (names.has(key)) throw damaged(`two sheets are named ${JSON.stringify(s.name)}`);
    names.add(key);
    const rel = relById.get(s.rid);
    if (!rel) throw damaged(`sheet ${JSON.stringify(s.name)} has no relationship`);
    // Chart sheets and dialog sheets hold no cells (ExcelJS skips them too).
    if (!/\/worksheet$/.test(rel.type)) continue;
    const part = rel.part === null ? undefined : pkg.resolve(rel.part);
    // A sheet the workbook lists but the package lacks: the file is damaged, not a table missing.
    if (part === undefined) throw damaged(`sheet ${JSON.stringify(s.name)} lists a missing part`);
    // Each part is read once: two sheets on one part would double the work (and the findings).
    if (parts.has(part)) throw damaged(`sheets share the part ${part}`);
    parts.add(part);
    sheets.push({ name: s.name, hidden: s.state === "hidden" || s.state === "veryHidden", part });
  }
  return { sheets, date1904 };
}

function* readSteps(bytes: Uint8Array, options: LeanReadOptions): Generator<number, WorkbookInput> {
  const pkg = XlsxPackage.open(bytes, options.limits);
  const book = pkg.workbookPart();
  if (!pkg.has(book)) throw damaged(`missing part ${book}`);
  const { sheets, date1904 } = listSheets(pkg, book);

  const rels = pkg.relationships(book);
  const relPart = (suffix: string, fallback: string): string | undefined => {
    const rel = rels.find((r) => r.type.endsWith(suffix) && r.part && pkg.has(r.part));
    return pkg.resolve(rel?.part ?? fallback);
  };
  const stylesPart = relPart("/styles", "xl/styles.xml");
  const stringsPart = relPart("/sharedStrings", "xl/sharedStrings.xml");

  const total =
    (stringsPart ? pkg.compressedSize(stringsPart) : 0) +
      sheets.reduce((n, s) => n + pkg.compressedSize(s.part), 0) || 1;
  let done = 0;

  const dateStyles = stylesPart ? readDateStyles(pkg.text(stylesPart)) : [];

  const strings: Array<string | null> = [];
  if (stringsPart) {
    for (const consumed of scanPart(pkg, stringsPart, new SharedStringsSink(strings))) {
      yield (done + consumed) / total;
    }
    done += pkg.compressedSize(stringsPart);
  }

  const budget = new CellBudget(options.maxCells ?? MAX_CELLS);
  const out: SheetInput[] = [];
  for (const s of sheets) {
    const sink = new SheetSink(strings, dateStyles, date1904, budget);
    const size = pkg.compressedSize(s.part);
    for (const consumed of scanPart(pkg, s.part, sink)) yield (done + consumed) / total;
    done += size;
    const sheet: SheetInput = { name: s.name, rows: sink.finish() };
    out.push(s.hidden ? { ...sheet, hidden: true } : sheet);
  }
  return date1904 ? { sheets: out, date1904: true } : { sheets: out };
}
