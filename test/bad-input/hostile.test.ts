/**
 * The hostile corpus of issue 13 (scripts/make-bad-fixtures.ts, `HOSTILE_FIXTURES`), each built at
 * the zip and XML level and run through the real CLI in a child process whose heap is capped: exit
 * 0/1 with a report, or exit 2 with the one-line message — never an internal error, never out of
 * memory, the input byte-identical; and every workbook written with `--out` checks the same again
 * and keeps every user sheet.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HOSTILE_FIXTURES, HOURS_NOT_NUMBERS, MANY_FINDINGS_ROWS } from "../../scripts/make-bad-fixtures";
import { WorkbookReadError } from "../../src/adapters/xlsx/errors";
import { errorText } from "../../src/host/errors";
import { XlsxPackage } from "../../src/adapters/xlsx/package";
import { readXlsxLeanSync } from "../../src/adapters/xlsx/lean/read";
import { MAX_ROWS_PER_RULE } from "../../src/engine";
import { crashSigns, lines } from "../safety/harness";
import { runCapped, type CappedRun } from "./capped";

/**
 * Old-space heap of each child. Before issue 13 these files took 1.2 to 9 GB or never finished;
 * the largest here (a 10,000-row 问题清单 with links, borders and page setup) needs about 200 MiB.
 */
const HEAP_MIB = 224;

interface Finding {
  readonly rule: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly cell?: string;
  readonly message: string;
}
interface ReportJson {
  readonly findings: readonly Finding[];
  readonly summary: { errors: number; warnings: number; infos: number };
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const key = (f: Finding): string => `${f.rule}|${f.sheet ?? ""}|${f.row ?? ""}|${f.cell ?? ""}`;

function expectNoCrash(run: CappedRun): void {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toMatch(/内部错误|heap out of memory|Invalid string length/);
  expect(crashSigns(run.stderr)).toEqual([]);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "ziping-hostile-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What each opening fixture must show besides opening (the class it stands for). */
const CHECKS: Readonly<Record<string, (report: ReportJson, out: string) => void>> = {
  "numbers-with-letters.xlsx": (r) => {
    const rows = r.findings.filter((f) => f.rule === "activity.hours").map((f) => f.row);
    for (const row of Object.keys(HOURS_NOT_NUMBERS)) expect(rows).toContain(Number(row));
  },
  "macro-enabled.xlsx": (_r, out) => {
    const pkg = XlsxPackage.open(new Uint8Array(readFileSync(out)));
    expect(pkg.text("[Content_Types].xml")).not.toMatch(/macroEnabled|vbaProject/);
    expect(pkg.names().some((n) => /vbaProject/i.test(n))).toBe(false);
  },
  "sheetid-overflow.xlsx": (_r, out) => {
    const pkg = XlsxPackage.open(new Uint8Array(readFileSync(out)));
    const ids = [...pkg.text("xl/workbook.xml").matchAll(/<sheet\b[^>]*\bsheetId="([^"]*)"/g)].map(
      (m) => m[1] ?? "",
    );
    const added = ids.slice(2).map(Number);
    for (const id of added) {
      expect(Number.isInteger(id)).toBe(true);
      expect(id).toBeGreaterThan(0);
      expect(id).toBeLessThan(2 ** 32 - 1);
    }
    expect(new Set(ids).size).toBe(ids.length);
  },
  "lowercase-content-types.xlsx": (_r, out) => {
    const pkg = XlsxPackage.open(new Uint8Array(readFileSync(out)));
    expect(pkg.names().filter((n) => n.toLowerCase() === "[content_types].xml")).toHaveLength(1);
  },
  "dates-1904.xlsx": (r) => {
    expect(
      r.findings.filter((f) => f.rule === "activity.out-of-period" || f.rule === "activity.date"),
    ).toEqual([]);
  },
  "many-findings.xlsx": (r, out) => {
    expect(r.findings.filter((f) => f.rule === "activity.hours")).toHaveLength(MANY_FINDINGS_ROWS);
    // The sheet lists the first ones of the rule and says how many more.
    const sheet = readXlsxLeanSync(new Uint8Array(readFileSync(out))).sheets.find(
      (s) => s.name === "问题清单",
    );
    const texts = (sheet?.rows ?? []).flatMap((row) => row.filter((c): c is string => typeof c === "string"));
    const listed = texts.filter((t) => t === "活动时长有误").length;
    expect(listed).toBeLessThanOrEqual(MAX_ROWS_PER_RULE + 1);
    expect(texts.some((t) => t.includes(`另有 ${MANY_FINDINGS_ROWS - MAX_ROWS_PER_RULE} 条`))).toBe(true);
  },
};

describe.each(HOSTILE_FIXTURES.map((f) => [f.file, f] as const))("%s", (file, fixture) => {
  it(`${fixture.proves}`, async () => {
    const input = join(tmp, file);
    writeFileSync(input, fixture.build());
    const before = sha(input);
    const json = join(tmp, `${file}.json`);
    const out = join(tmp, `${file}.out.xlsx`);
    const run = await runCapped(["check", input, "--json", json, "--out", out, "--lang", "zh"], HEAP_MIB);
    expectNoCrash(run);
    expect(sha(input)).toBe(before);
    if ("refused" in fixture.outcome) {
      expect(run.code).toBe(2);
      const said = lines(run.stderr);
      expect(said).toHaveLength(1);
      expect(said[0]).toContain(errorText(new WorkbookReadError(fixture.outcome.refused), "zh"));
      expect(existsSync(out)).toBe(false);
      return;
    }
    const report = JSON.parse(readFileSync(json, "utf8")) as ReportJson;
    expect(run.code).toBe(report.summary.errors > 0 ? 1 : 0);
    CHECKS[file]?.(report, out);

    // The written workbook: every user sheet kept, and the same result when checked again.
    const sheetsOf = (f: string) =>
      readXlsxLeanSync(new Uint8Array(readFileSync(f))).sheets.map((s) => s.name);
    const userSheets = sheetsOf(input);
    expect(sheetsOf(out).slice(0, userSheets.length)).toEqual(userSheets);
    const json2 = join(tmp, `${file}.again.json`);
    const again = await runCapped(["check", out, "--json", json2, "--lang", "zh"], HEAP_MIB);
    expectNoCrash(again);
    expect(again.code).toBe(run.code);
    const report2 = JSON.parse(readFileSync(json2, "utf8")) as ReportJson;
    expect(report2.findings.map(key)).toEqual(report.findings.map(key));
  }, 180_000);
});
