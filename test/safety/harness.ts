/**
 * Shared helpers of the bad-input and safety tests: run the CLI in-process with its output
 * captured, check that what a user sees is a message and not a crash, and look inside .xlsx
 * packages (sheets → parts, raw XML) where ExcelJS hides details (internal hyperlinks, quotePrefix).
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The project root. */
export const ROOT = resolve(__dirname, "..", "..");
/** The bad-input corpus. */
export const BAD_DIR = join(ROOT, "test", "fixtures", "bad");
/** Today's date for every run, so results do not depend on the calendar. */
export const TODAY = "2022-12-01";

/** What one in-process CLI run produced. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time in milliseconds. */
  readonly ms: number;
  /** Growth of the process's peak resident memory during the run, in MiB (0 when under an earlier peak). */
  readonly peakGrowthMiB: number;
  /** The process's peak resident memory after the run, in MiB. */
  readonly peakMiB: number;
  /** An exception that escaped `run()` (a bug: the contract is to return 2). */
  readonly thrown?: unknown;
}

type Run = (argv: string[]) => Promise<number>;

function loadRun(): Run {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily so a missing CLI fails one test, not the import
  return (require("../../src/cli/main") as { run: Run }).run;
}

const maxRssMiB = (): number => process.resourceUsage().maxRSS / 1024;

/**
 * Run `ziping <argv>` in this process with stdout, stderr and the console captured, today's date
 * fixed (ZIPING_TODAY) and colour off.
 */
export async function runCli(argv: readonly string[]): Promise<CliRun> {
  const run = loadRun();
  const out: string[] = [];
  const err: string[] = [];
  const toText = (chunk: unknown): string =>
    typeof chunk === "string"
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk).toString("utf8")
        : String(chunk);
  const spies = [
    jest
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk: unknown) => (out.push(toText(chunk)), true)),
    jest
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: unknown) => (err.push(toText(chunk)), true)),
    jest
      .spyOn(console, "log")
      .mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(" ") + "\n")),
    jest
      .spyOn(console, "info")
      .mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(" ") + "\n")),
    jest
      .spyOn(console, "warn")
      .mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(" ") + "\n")),
    jest
      .spyOn(console, "error")
      .mockImplementation((...a: unknown[]) => void err.push(a.map(String).join(" ") + "\n")),
  ];
  const env = { today: process.env.ZIPING_TODAY, noColor: process.env.NO_COLOR };
  process.env.ZIPING_TODAY = TODAY;
  process.env.NO_COLOR = "1";
  const peakBefore = maxRssMiB();
  const start = performance.now();
  let code = -1;
  let thrown: unknown;
  try {
    code = await run([...argv]);
  } catch (e) {
    thrown = e;
  } finally {
    for (const s of spies) s.mockRestore();
    if (env.today === undefined) delete process.env.ZIPING_TODAY;
    else process.env.ZIPING_TODAY = env.today;
    if (env.noColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = env.noColor;
  }
  const ms = performance.now() - start;
  const peakMiB = maxRssMiB();
  return {
    code,
    stdout: out.join(""),
    stderr: err.join(""),
    ms,
    peakGrowthMiB: Math.max(0, peakMiB - peakBefore),
    peakMiB,
    ...(thrown !== undefined ? { thrown } : {}),
  };
}

/** Signs of a crash rather than a message: stack frames, uncaught error names, internals leaking. */
const CRASH_SIGNS: readonly RegExp[] = [
  /^\s+at\s/m,
  /^(?:Uncaught\s+)?(?:\w+)?Error(?:\s\[\w+\])?:/m,
  /UnhandledPromiseRejection/,
  /\[object Object\]/,
  /\bundefined\b/,
  /\bNaN\b/,
  /node_modules/,
  /\.ts:\d+/,
];

/** The crash signs found in a text (empty when it reads like a message). */
export function crashSigns(text: string): string[] {
  return CRASH_SIGNS.filter((re) => re.test(text)).map(
    (re) => `${re} in ${JSON.stringify(text.slice(0, 400))}`,
  );
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "");
}

/** SHA-256 of a file, to prove it was not changed. */
export function fileHash(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Open an .xlsx file with ExcelJS. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** An .xlsx package's parts (unzipped) with helpers to find a sheet's part and read XML. */
export interface RawPackage {
  readonly parts: Readonly<Record<string, Uint8Array>>;
  /** Sheet names in workbook order with their part names and visibility. */
  readonly sheets: ReadonlyArray<{ name: string; part: string; state: string }>;
  text(part: string): string;
}

/** Unzip an .xlsx file and map its sheets to their parts. */
export function openPackage(file: string): RawPackage {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (part: string): string => {
    const data = parts[part];
    if (!data) throw new Error(`missing part ${part}`);
    return strFromU8(data);
  };
  const rels = new Map<string, string>();
  for (const m of text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const sheets = [...text("xl/workbook.xml").matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => {
    const attr = (name: string): string =>
      decodeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(m[0])?.[1] ?? "");
    return { name: attr("name"), part: rels.get(attr("r:id")) ?? "", state: attr("state") || "visible" };
  });
  return { parts, sheets, text };
}

/** Decode the five XML entities and numeric character references. */
export function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A cell value as comparable plain data (formulas with their cached result, rich text as runs' text). */
export function comparable(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v instanceof Date) return { date: v.toISOString() };
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o)
      return {
        formula: o.formula ?? null,
        shared: o.sharedFormula ?? null,
        result: normaliseResult(o.result),
      };
    if (Array.isArray(o.richText))
      return { rich: (o.richText as Array<{ text: string }>).map((r) => r.text) };
    if ("hyperlink" in o) return { text: o.text, hyperlink: o.hyperlink };
    if ("error" in o) return { error: o.error };
  }
  return v ?? null;
}

function normaliseResult(r: unknown): unknown {
  return r instanceof Date ? { date: r.toISOString() } : (r ?? null);
}

/**
 * Differences between two worksheets: values (formulas and their cached results), number
 * formats, merged ranges, sheet visibility, hidden rows and columns. Empty when identical.
 */
export function sheetDifferences(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet): string[] {
  const diffs: string[] = [];
  const cells = (ws: ExcelJS.Worksheet): Map<string, { value: unknown; numFmt: string }> => {
    const map = new Map<string, { value: unknown; numFmt: string }>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        map.set(cell.address, { value: comparable(cell), numFmt: cell.numFmt ?? "" });
      });
    });
    return map;
  };
  const ca = cells(a);
  const cb = cells(b);
  for (const [addr, va] of ca) {
    const vb = cb.get(addr);
    if (!vb) diffs.push(`${a.name}!${addr}: ${JSON.stringify(va.value)} is missing`);
    else {
      if (JSON.stringify(va.value) !== JSON.stringify(vb.value))
        diffs.push(`${a.name}!${addr}: ${JSON.stringify(va.value)} became ${JSON.stringify(vb.value)}`);
      if (va.numFmt !== vb.numFmt)
        diffs.push(`${a.name}!${addr}: number format ${va.numFmt} became ${vb.numFmt}`);
    }
  }
  for (const addr of cb.keys()) if (!ca.has(addr)) diffs.push(`${a.name}!${addr}: new cell`);
  const merges = (ws: ExcelJS.Worksheet): string[] =>
    [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
  if (JSON.stringify(merges(a)) !== JSON.stringify(merges(b)))
    diffs.push(`${a.name}: merges ${merges(a).join(",")} became ${merges(b).join(",")}`);
  if (a.state !== b.state) diffs.push(`${a.name}: state ${a.state} became ${b.state}`);
  const hiddenRows = (ws: ExcelJS.Worksheet): number[] => {
    // ExcelJS's eachRow({ includeEmpty: true }) would create every row up to the last one
    // (a million on a sheet with a stray value at row 1,048,576); walk the sparse store instead.
    const out: number[] = [];
    for (const row of (ws as unknown as { _rows: Array<ExcelJS.Row | undefined> })._rows)
      if (row?.hidden) out.push(row.number);
    return out;
  };
  if (JSON.stringify(hiddenRows(a)) !== JSON.stringify(hiddenRows(b)))
    diffs.push(`${a.name}: hidden rows ${hiddenRows(a).join(",")} became ${hiddenRows(b).join(",")}`);
  const hiddenCols = (ws: ExcelJS.Worksheet): number[] =>
    (ws.columns ?? []).flatMap((c, i) => (c.hidden ? [i + 1] : []));
  if (JSON.stringify(hiddenCols(a)) !== JSON.stringify(hiddenCols(b)))
    diffs.push(`${a.name}: hidden columns ${hiddenCols(a).join(",")} became ${hiddenCols(b).join(",")}`);
  return diffs;
}
