/**
 * The bad-input corpus (issue 6): the CLI and the engine run on every file of test/fixtures/bad.
 * Each must end in bounded time and memory with exit 0/1 and a report, or exit 2 with one clear,
 * localised line on stderr — never a stack trace. Each file's specific outcome is asserted below;
 * a file without an expectation fails the suite, so the corpus and this table grow together.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BAD_FIXTURES,
  DATE_TEXTS_BAD,
  DATE_TEXTS_GOOD,
  EXTREME_HOURS,
  ODD_SHEET_NAMES,
} from "../../scripts/make-bad-fixtures";
import { WorkbookReadError, type WorkbookErrorCode } from "../../src/adapters/xlsx/errors";
import { errorText } from "../../src/host/errors";
import { readXlsx } from "../../src/adapters/xlsx/testing/exceljsOracle";
import type { SniffCode } from "../../src/adapters/xlsx/limits";
import { sniffWorkbook } from "../../src/adapters/xlsx/sniff";
import { buildSummarySheets, check } from "../../src/engine";
import { BAD_DIR, crashSigns, lines, runCli, TODAY, type CliRun } from "../safety/harness";

/** Time and memory bounds for one file (generous for slow CI machines, far below a hang or a blow-up). */
const MAX_MS = 20_000;
const MAX_PEAK_GROWTH_MIB = 600;

/** The report as the CLI writes it with `--json`. */
interface ReportJson {
  readonly tables: ReadonlyArray<{ kind: string; sheet: string; headerRow: number; rows: number }>;
  readonly findings: ReadonlyArray<{
    rule: string;
    severity: string;
    sheet?: string;
    row?: number;
    column?: string;
    cell?: string;
    value?: unknown;
    message: string;
  }>;
  readonly stats: {
    staff: { total: number } & Record<string, unknown>;
    activities: ({ hours: number; personTimes: number } & Record<string, unknown>) | null;
    congress: ({ enrollment: number | null } & Record<string, unknown>) | null;
  } & Record<string, unknown>;
  readonly summary: { errors: number; warnings: number; infos: number };
}

type Outcome =
  /** Refused: by the sniff with this code (or, for "reader", only by the reader), or by the reader with one of these codes. */
  | { readonly refused: SniffCode | "reader"; readonly reader: readonly WorkbookErrorCode[] }
  | { readonly opens: (report: ReportJson, run: CliRun) => void };

/** A refusal: the sniff code, and the reader's error codes that say the same thing. */
const refused = (code: SniffCode | "reader", ...reader: WorkbookErrorCode[]): Outcome => ({
  refused: code,
  reader: code === "reader" ? reader : [code, ...reader],
});
const opens = (assert: (report: ReportJson, run: CliRun) => void): Outcome => ({ opens: assert });

const table = (r: ReportJson, kind: string) => r.tables.filter((t) => t.kind === kind);
const rowsOf = (r: ReportJson, rule: string, sheet?: string) =>
  r.findings
    .filter((f) => f.rule === rule && (sheet === undefined || f.sheet === sheet))
    .map((f) => f.row ?? 0)
    .sort((a, b) => a - b);
const rules = (r: ReportJson) => new Set(r.findings.map((f) => f.rule));

/** Staff figures of the same six roster rows, laid out differently in several fixtures. */
const staffOf: Record<string, unknown> = {};

const EXPECT: Readonly<Record<string, Outcome>> = {
  "empty-workbook.xlsx": opens((r, run) => {
    expect(run.code).toBe(1);
    expect(r.tables).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "table.missing" && f.severity === "error")).toHaveLength(1);
  }),
  "header-only.xlsx": opens((r) => {
    expect(new Set(r.tables.map((t) => t.kind))).toEqual(
      new Set(["roster", "activities", "congress", "reviews", "meetings"]),
    );
    for (const t of r.tables) expect(t.rows).toBe(0);
    expect(r.stats.staff.total).toBe(0);
    expect(JSON.stringify(r.stats)).not.toMatch(/NaN|Infinity/);
  }),
  "header-row-10.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ headerRow: 10, rows: 6 })]);
    expect(rules(r).has("table.missing-column")).toBe(false);
    staffOf["header-row-10"] = r.stats.staff;
  }),
  "two-row-headers.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ rows: 6 })]);
    expect(rules(r).has("table.missing-column")).toBe(false);
    staffOf["two-row-headers"] = r.stats.staff;
  }),
  "duplicate-headers.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ headerRow: 1, rows: 6 })]);
    expect(r.stats.staff.total).toBe(6);
  }),
  "odd-column-order.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ headerRow: 1, rows: 6 })]);
    expect(rules(r).has("table.missing-column")).toBe(false);
    staffOf["odd-column-order"] = r.stats.staff;
  }),
  "numbers-as-text.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ rows: 6 })]);
    expect(rowsOf(r, "staff.invalid-value")).toEqual([]);
    expect(rowsOf(r, "staff.academic-rank")).toEqual([]);
    expect(r.stats.congress?.enrollment).toBe(13798);
  }),
  "formula-errors.xlsx": opens((r) => {
    // Cached #N/A, #DIV/0! … in the rank column are unreadable values, each pointed at.
    const rankCells = r.findings.filter((f) => f.rule === "staff.invalid-value" && f.cell?.startsWith("J"));
    expect(rankCells.map((f) => f.row).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rowsOf(r, "activity.hours")).toEqual([2]);
    expect(rowsOf(r, "activity.date")).toEqual([3]);
  }),
  "booleans.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ rows: 6 })]);
    expect(table(r, "congress")).toEqual([expect.objectContaining({ rows: 4 })]);
  }),
  "rich-text.xlsx": opens((r) => {
    expect(rules(r).has("table.missing-column")).toBe(false);
    expect(rowsOf(r, "staff.title")).not.toContain(2);
    expect(rowsOf(r, "staff.political-status")).not.toContain(3);
    expect(rowsOf(r, "staff.invalid-value")).not.toContain(4);
  }),
  "hyperlinks.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ rows: 6 })]);
    expect(rowsOf(r, "staff.political-status")).not.toContain(5);
    expect(rowsOf(r, "staff.missing-value")).toEqual([]);
  }),
  "long-strings.xlsx": opens((r) => {
    expect(rowsOf(r, "staff.title")).toContain(3);
    const long = r.findings.find((f) => f.rule === "staff.title" && f.row === 3);
    expect(String(long?.value ?? "").length).toBeGreaterThanOrEqual(255);
  }),
  "emoji.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ sheet: "名单🎉", rows: 5 })]);
  }),
  "hidden-rows-columns.xlsx": opens((r) => {
    expect(r.tables).toContainEqual(
      expect.objectContaining({ kind: "roster", sheet: "工作人员名单", rows: 8 }),
    );
  }),
  "stray-last-row.xlsx": opens((r, run) => {
    expect(table(r, "roster")[0]?.rows).toBe(6);
    expect(r.findings.some((f) => f.row === 1048576)).toBe(true);
    expect(run.ms).toBeLessThan(MAX_MS / 2);
  }),
  "stray-last-cell.xlsx": opens((r, run) => {
    expect(table(r, "roster")[0]?.rows).toBeGreaterThanOrEqual(5);
    expect(run.ms).toBeLessThan(MAX_MS / 2);
  }),
  "dates-as-text.xlsx": opens((r) => {
    // Header on row 1; the good texts, a real date and a serial come first, then the nonsense.
    const firstBad = 2 + DATE_TEXTS_GOOD.length + 2;
    expect(rowsOf(r, "activity.date")).toEqual(DATE_TEXTS_BAD.map((_, i) => firstBad + i));
    expect(rowsOf(r, "activity.out-of-period")).toEqual([]);
    expect(r.stats.activities?.personTimes).toBe(DATE_TEXTS_GOOD.length + 2);
  }),
  "extreme-numbers.xlsx": opens((r) => {
    const sheet = "志愿活动记录";
    expect(rowsOf(r, "activity.hours", sheet)).toEqual(EXTREME_HOURS.map((_, i) => i + 2));
    expect(r.stats.activities?.hours).toBe(2);
    expect(JSON.stringify(r.stats)).not.toMatch(/NaN|Infinity|e\+/);
  }),
  "many-sheets.xlsx": opens((r, run) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ sheet: "工作人员名单", rows: 6 })]);
    expect(run.ms).toBeLessThan(MAX_MS / 2);
  }),
  "odd-sheet-names.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ sheet: ODD_SHEET_NAMES[0] })]);
    expect(table(r, "activities")).toEqual([expect.objectContaining({ sheet: ODD_SHEET_NAMES[1] })]);
    expect(rowsOf(r, "staff.political-status", ODD_SHEET_NAMES[0])).toEqual([3]);
    expect(rowsOf(r, "activity.hours", ODD_SHEET_NAMES[1])).toEqual([2]);
  }),
  "injection.xlsx": opens((r) => {
    expect(new Set(r.tables.map((t) => t.kind))).toEqual(
      new Set(["roster", "activities", "congress", "reviews", "meetings", "settings"]),
    );
    // The values are data: an id "+8613800000000" is an id, "=1+1" a name — nothing is evaluated.
    expect(r.findings.some((f) => f.value === "=1+1" || f.value === "+8613800000000")).toBe(true);
  }),
  "saved-settings.xlsx": opens((r) => {
    // The saved state says "附表 → ignore"; the settings sheet gives the enrolment.
    expect(r.tables.map((t) => t.sheet)).not.toContain("附表");
    expect(table(r, "roster")).toEqual([expect.objectContaining({ sheet: "工作人员名单", rows: 6 })]);
    expect(r.stats.congress?.enrollment).toBe(13798);
  }),
  "formats-formulas.xlsx": opens((r) => {
    expect(table(r, "roster")).toEqual([expect.objectContaining({ sheet: "工作人员名单" })]);
    expect(table(r, "activities")).toEqual([expect.objectContaining({ sheet: "志愿活动记录" })]);
  }),
  "xls-renamed.xlsx": refused("xls"),
  "csv-renamed.xlsx": refused("csv"),
  "random-binary.xlsx": refused("not-xlsx"),
  "zero-bytes.xlsx": refused("empty"),
  "truncated.xlsx": refused("truncated"),
  "encrypted.xlsx": refused("encrypted"),
  "bomb.xlsx": refused("bomb"),
  "bomb-overlap.xlsx": refused("bomb"),
  // The directory lies, so the sniff passes; the zip reader must stop at the declared size.
  "bomb-lying-sizes.xlsx": refused("reader", "corrupt", "too-large"),
};

const files = readdirSync(BAD_DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "ziping-corpus-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe("the corpus", () => {
  it("has an expectation for every file and a file for every fixture of the generator", () => {
    expect(files).toEqual(Object.keys(EXPECT).sort());
    expect(files).toEqual(BAD_FIXTURES.map((f) => f.file).sort());
  });

  it("is exactly what the generator builds (regenerate with `npm run fixtures:bad`)", async () => {
    const stale: string[] = [];
    // The bombs take seconds each to deflate; their outcome is asserted below instead.
    for (const fixture of BAD_FIXTURES.filter((f) => !f.file.startsWith("bomb"))) {
      const built = Buffer.from(await fixture.build());
      if (!built.equals(readFileSync(join(BAD_DIR, fixture.file)))) stale.push(fixture.file);
    }
    expect(stale).toEqual([]);
  }, 60_000);

  it("stays small (< 5 MB committed)", () => {
    const total = files.reduce((n, f) => n + readFileSync(join(BAD_DIR, f)).length, 0);
    expect(total).toBeLessThan(5 * 1024 * 1024);
  });
});

describe.each(files)("%s", (file) => {
  const outcome = EXPECT[file];
  const path = join(BAD_DIR, file);

  it(
    "through the CLI: bounded, and a report or one localised line — never a stack trace",
    async () => {
      if (!outcome) throw new Error(`no expectation for ${file}`);
      const json = join(tmp, `${file}.json`);
      const run = await runCli(["check", path, "--json", json, "--lang", "zh"]);
      expect(run.thrown).toBeUndefined();
      expect(crashSigns(run.stderr)).toEqual([]);
      expect(crashSigns(run.stdout)).toEqual([]);
      expect(run.ms).toBeLessThan(MAX_MS);
      expect(run.peakGrowthMiB).toBeLessThan(MAX_PEAK_GROWTH_MIB);
      if ("refused" in outcome) {
        expect(run.code).toBe(2);
        const said = lines(run.stderr);
        expect(said).toHaveLength(1);
        const line = said[0] ?? "";
        expect(line).toMatch(/[\u4e00-\u9fff]/);
        const accepted = outcome.reader.map((c) => errorText(new WorkbookReadError(c), "zh"));
        expect(accepted.some((m) => line.includes(m))).toBe(true);
      } else {
        expect([0, 1]).toContain(run.code);
        const report = JSON.parse(readFileSync(json, "utf8")) as ReportJson;
        expect(run.code).toBe(report.summary.errors > 0 ? 1 : 0);
        for (const f of report.findings) expect(f.message).not.toMatch(/undefined|NaN|\{\w+\}/);
        outcome.opens(report, run);
      }
    },
    MAX_MS * 2,
  );

  it(
    "through the reader and the engine: a read error with a code, or a report — never a throw",
    async () => {
      if (!outcome) throw new Error(`no expectation for ${file}`);
      const bytes = new Uint8Array(readFileSync(path));
      if ("refused" in outcome) {
        expect(sniffWorkbook(bytes)).toEqual(
          outcome.refused === "reader"
            ? { ok: true }
            : expect.objectContaining({ ok: false, code: outcome.refused }),
        );
      } else {
        expect(sniffWorkbook(bytes)).toEqual({ ok: true });
      }
      let input;
      try {
        input = await readXlsx(bytes);
      } catch (err) {
        expect("refused" in outcome).toBe(true);
        expect(err).toBeInstanceOf(WorkbookReadError);
        if ("refused" in outcome) expect(outcome.reader).toContain((err as WorkbookReadError).code);
        return;
      }
      expect("opens" in outcome).toBe(true);
      const result = check(input, { today: TODAY, file });
      expect(result.report.findings.length).toBeGreaterThan(0);
      const sheets = buildSummarySheets(result, "zh");
      expect(sheets.length).toBeGreaterThan(0);
      expect(JSON.stringify(result.report)).not.toMatch(/NaN|Infinity/);
    },
    MAX_MS * 2,
  );
});

describe("layout does not change what is counted", () => {
  it("the same six staff give the same figures whatever the header layout or column order", () => {
    // Filled in by the per-file tests above (same file, run first).
    const layouts = ["header-row-10", "two-row-headers", "odd-column-order"];
    for (const name of layouts) expect(staffOf[name]).toBeDefined();
    expect(staffOf["two-row-headers"]).toEqual(staffOf["header-row-10"]);
    expect(staffOf["odd-column-order"]).toEqual(staffOf["header-row-10"]);
  });
});

describe("paths that are not workbook files", () => {
  const expectOneLine = (run: CliRun): void => {
    expect(run.thrown).toBeUndefined();
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/[\u4e00-\u9fff]/);
    expect(crashSigns(run.stderr)).toEqual([]);
  };

  it("a missing file and a folder get one line each", async () => {
    expectOneLine(await runCli(["check", join(tmp, "missing.xlsx"), "--lang", "zh"]));
    expectOneLine(await runCli(["check", tmp, "--lang", "zh"]));
  });

  it("a device is refused at once, without reading from it (/dev/zero never ends)", async () => {
    const run = await runCli(["check", "/dev/zero", "--lang", "zh"]);
    expectOneLine(run);
    expect(run.stderr).toContain("不是普通文件");
    expect(run.peakGrowthMiB).toBeLessThan(64);
  });

  it("a FIFO is refused at once instead of waiting for a writer for ever", async () => {
    const fifo = join(tmp, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    try {
      const run = await runCli(["check", fifo, "--lang", "zh"]);
      expectOneLine(run);
      expect(run.stderr).toContain("不是普通文件");
    } finally {
      rmSync(fifo);
    }
  });

  it("a huge file is refused from its size, without reading it into memory", async () => {
    // A sparse 1 GiB file: no disk used, but reading it would allocate 1 GiB.
    const huge = join(tmp, "huge.xlsx");
    const fd = openSync(huge, "w");
    try {
      ftruncateSync(fd, 1024 * 1024 * 1024);
    } finally {
      closeSync(fd);
    }
    const run = await runCli(["check", huge, "--lang", "zh"]);
    expectOneLine(run);
    expect(run.stderr).toContain(errorText(new WorkbookReadError("too-large"), "zh"));
    expect(run.peakGrowthMiB).toBeLessThan(256);
    rmSync(huge);
  }, 60_000);
});
