/**
 * `npm run bench`: generate the synthetic workbooks (bench/generate.ts, cached in bench/.work),
 * measure everything issue 5 asks for in one run, print a table and write bench/results.json.
 * `npm run bench -- --check` exits 1 when a budget is missed beyond the margins in budgets.ts.
 *
 * Options: `--only=engine,cli,browser,office,bundle,batch` (a subset), `--rounds=N` (rounds of
 * the engine and CLI timings; default 7 and 3), `--quick` (one round each, no ExcelJS
 * whole-workbook read for context).
 *
 * Timings on a busy machine are noisy: every ratio is measured within one run, in interleaved
 * rounds, as a ratio of medians.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { measureBrowser, type BrowserResult } from "./browser";
import { MARGIN, must, numeric, type Budget } from "./budgets";
import { measureBundle, type BundleResult } from "./bundle";
import { measureBatch, measureCli, type BatchResult, type CliResult } from "./cli";
import { measureEngine, type EngineResult } from "./engine";
import { schoolsFolder, sizedFile } from "./files";
import { LARGE } from "./generate";
import { measureOffice, type OfficeResult } from "./office";
import { kb, log, mb, ms, ROOT, times } from "./util";

const PARTS = ["engine", "cli", "office", "bundle", "browser", "batch"] as const;
type Part = (typeof PARTS)[number];

interface Options {
  readonly check: boolean;
  readonly only: ReadonlySet<Part>;
  readonly engineRounds: number;
  readonly cliRounds: number;
  readonly withLoad: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  let only = new Set<Part>(PARTS);
  let rounds: number | null = null;
  let quick = false;
  let check = false;
  for (const a of argv) {
    if (a === "--check") check = true;
    else if (a === "--quick") quick = true;
    else if (a.startsWith("--only=")) {
      const names = a.slice(7).split(",").filter(Boolean);
      const bad = names.filter((n) => !(PARTS as readonly string[]).includes(n));
      if (bad.length > 0) throw new Error(`unknown part(s) ${bad.join(", ")}; parts: ${PARTS.join(", ")}`);
      only = new Set(names as Part[]);
    } else if (a.startsWith("--rounds=")) rounds = Math.max(1, Number(a.slice(9)) || 1);
    else
      throw new Error(
        `unknown option ${a} (options: --check, --only=${PARTS.join(",")}, --rounds=N, --quick)`,
      );
  }
  return {
    check,
    only,
    engineRounds: rounds ?? (quick ? 1 : 7),
    cliRounds: rounds ?? (quick ? 1 : 3),
    withLoad: !quick,
  };
}

/** Everything one run measured. */
export interface Results {
  readonly when: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryBytes: number;
    readonly loadAverage: readonly number[];
    readonly node: string;
    readonly platform: string;
  };
  engine?: EngineResult;
  cli?: CliResult;
  browser?: BrowserResult;
  office?: OfficeResult;
  bundle?: BundleResult;
  batch?: BatchResult;
  budgets?: readonly Budget[];
}

/**
 * The engine against the bare pass cannot meet 3× (docs/performance.md says why): it is about
 * 12–15× since the hot-path work; --check fails past 2 × 20× (room for a noisy bare pass of ~30 ms).
 */
const ENGINE_VS_BARE_TODAY = 20;

function budgetsOf(r: Results): Budget[] {
  const m = MARGIN;
  const e = r.engine;
  const o = r.office;
  const payload = o?.payloadLimitBytes ?? 4_000_000;
  const maxPayload = o
    ? Math.max(
        o.readOrdinary.maxRequestBytes,
        o.readOrdinary.maxResponseBytes,
        o.readLarge.maxRequestBytes,
        o.readLarge.maxResponseBytes,
        o.writeSummary.maxRequestBytes,
        o.writeSummary.maxResponseBytes,
      )
    : null;
  return [
    numeric(
      "engine-200k",
      "engine on 200k activity rows (roster 60)",
      e?.engineMs["200k"],
      ms,
      "≤ 1 s",
      { max: 1000 },
      { max: 1000 * m },
    ),
    // Not met by design (docs/performance.md): --check guards today's level instead, with the margin.
    numeric(
      "engine-vs-bare",
      "engine / bare pass (200k)",
      e?.engineVsBare,
      times,
      "≤ 3×",
      { max: 3 },
      { max: ENGINE_VS_BARE_TODAY * m },
    ),
    numeric(
      "growth",
      "growth 20k → 200k",
      e?.growth,
      times,
      "8× – 12×",
      { min: 8, max: 12 },
      { min: 3, max: 16 },
    ),
    numeric(
      "cli-vs-read",
      "ziping check / ExcelJS stream read (200k file)",
      r.cli?.cliVsStream,
      times,
      "≤ 1.3×",
      { max: 1.3 },
      { max: 1.3 * m },
    ),
    numeric(
      "cli-rss",
      "CLI peak RSS (200k file)",
      r.cli?.cliPeakRss,
      mb,
      "≤ 400 MB",
      { max: 400e6 },
      { max: 400e6 * m },
    ),
    must(
      "browser-completes",
      "browser file mode completes (200k file)",
      r.browser?.completed,
      r.browser ? (r.browser.completed ? "yes" : `no: ${r.browser.error}`) : "",
      "completes",
    ),
    numeric(
      "browser-heap",
      "browser peak JS heap (page + workers)",
      r.browser?.peakJsHeap,
      mb,
      "≤ 500 MB",
      { max: 500e6 },
      { max: 500e6 * m },
    ),
    numeric(
      "browser-gap",
      "browser: longest main-thread gap",
      r.browser?.longestMainThreadGapMs,
      ms,
      "≤ 500 ms",
      { max: 500 },
      { max: 500 * m },
    ),
    // Formerly asserted by test/e2e/robustness.e2e.ts; a time belongs here, with its margin.
    numeric(
      "browser-start",
      "browser: file mode ready on a plain page",
      r.browser?.startMs,
      ms,
      "≤ 1 s",
      { max: 1000 },
      { max: 1000 * m },
    ),
    numeric(
      "office-read",
      "Office: syncs to read an ordinary workbook",
      o?.readOrdinary.syncs,
      String,
      "≤ 2",
      { max: 2 },
      { max: 2 * m },
    ),
    numeric(
      "office-read-large",
      "Office: syncs to read the 200k workbook",
      o?.readLarge.syncs,
      String,
      `≤ ${o?.readLarge.syncBudget ?? "2 + 1 per 4 MB"} (2 + 1 per 4 MB)`,
      { max: o?.readLarge.syncBudget ?? 0 },
      { max: (o?.readLarge.syncBudget ?? 0) * m },
    ),
    numeric(
      "office-write",
      "Office: syncs to write the summary",
      o?.writeSummary.syncs,
      String,
      "≤ 3",
      { max: 3 },
      { max: 3 * m },
    ),
    numeric(
      "office-payload",
      "Office: largest request or response",
      maxPayload,
      mb,
      "≤ 4 MB",
      { max: payload },
      { max: payload },
    ), // a platform limit: no margin
    numeric(
      "pane-js",
      "task pane initial JS, Office mode (gzip)",
      r.bundle ? r.bundle.officeInitial.jsGzip + r.bundle.officeInitial.cssGzip : null,
      kb,
      "≤ 350 KB",
      { max: 350e3 },
      { max: 350e3 * m },
    ),
    numeric(
      "batch",
      "batch of 100 school workbooks",
      r.batch?.totalMs,
      ms,
      "≤ 60 s",
      { max: 60_000 },
      { max: 60_000 * m },
    ),
  ];
}

/** Characters a terminal shows two columns wide (CJK, full-width forms). */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return text + " ".repeat(Math.max(0, width - w));
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths =
    rows[0]?.map((_, i) =>
      Math.max(...rows.map((r) => [...(r[i] ?? "")].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0))),
    ) ?? [];
  return rows
    .map((r, k) => {
      const line = `| ${r.map((c, i) => pad(c, widths[i] ?? 0)).join(" | ")} |`;
      return k === 0 ? `${line}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|` : line;
    })
    .join("\n");
}

/** The figures without a budget, for the table and docs/performance.md. */
function details(r: Results): string[][] {
  const rows: string[][] = [];
  const e = r.engine;
  if (e) {
    for (const size of Object.keys(e.engineMs) as Array<keyof typeof e.engineMs>) {
      rows.push([
        `engine, ${size} rows`,
        `${ms(e.engineMs[size])} (bare pass ${e.bareMs[size].toFixed(1)} ms)`,
      ]);
    }
    const b = e.breakdown200k;
    rows.push([
      "engine, 200k: reader / rules + figures / summary",
      `${ms(b.read)} / ${ms(b.rulesFigures)} / ${ms(b.summary)}`,
    ]);
    rows.push(["growth 20k → 200k, roster of 2,000", times(e.growthRoster2000)]);
    rows.push([
      "engine, 200k-r2000: rows / findings / person-times",
      `${e.check200k.rows} / ${e.check200k.findings} / ${e.check200k.personTimes}`,
    ]);
  }
  if (r.cli) {
    rows.push(["ziping check, 200k file", `${ms(r.cli.cliMs)}, peak RSS ${mb(r.cli.cliPeakRss)}`]);
    rows.push([
      "the lean reader alone (the CLI's reader), same file",
      `${ms(r.cli.leanReadMs)}, peak RSS ${mb(r.cli.leanReadPeakRss)}`,
    ]);
    rows.push([
      "ExcelJS streaming read, same file",
      `${ms(r.cli.streamReadMs)}, peak RSS ${mb(r.cli.streamReadPeakRss)}, ${r.cli.cellsRead} cells`,
    ]);
    if (r.cli.loadReadMs !== null) {
      rows.push([
        "ExcelJS whole-workbook read (the CLI before)",
        `${ms(r.cli.loadReadMs)}, peak RSS ${mb(r.cli.loadReadPeakRss ?? 0)}`,
      ]);
    }
  }
  if (r.browser) {
    const b = r.browser;
    rows.push(["browser file mode, 200k file", `${ms(b.ms)}, renderer peak RSS ${mb(b.peakRendererRss)}`]);
    rows.push([
      "browser heap by isolate (peak)",
      Object.entries(b.peakHeapByTarget)
        .map(([k, v]) => `${k} ${mb(v)}`)
        .join(", "),
    ]);
    rows.push([
      "browser: longest gap between progress changes",
      `${ms(b.longestProgressGapMs)} (${b.progressUpdates} changes)`,
    ]);
  }
  if (r.office) {
    for (const [label, f] of [
      ["Office read, ordinary workbook", r.office.readOrdinary],
      ["Office read, 200k workbook", r.office.readLarge],
      ["Office write summary (200k check)", r.office.writeSummary],
    ] as const) {
      rows.push([
        label,
        `${f.syncs} syncs, max request ${kb(f.maxRequestBytes)}, max response ${kb(f.maxResponseBytes)}, ${ms(f.ms)}`,
      ]);
    }
    rows.push(["  (findings written)", String(r.office.writeSummary.findings)]);
  }
  if (r.bundle) {
    const d = (x: BundleResult["officeInitial"]) =>
      `${kb(x.jsGzip)} JS + ${kb(x.cssGzip)} CSS gzip (${kb(x.jsBytes)} raw, ${x.files.length} files)`;
    rows.push(["pane, Office mode initial (entry)", d(r.bundle.officeInitial)]);
    rows.push(["pane, Office mode start-up (+ pane, adapter)", d(r.bundle.officeStartup)]);
    rows.push(["pane, file mode (+ file mode, reader and writer)", d(r.bundle.fileMode)]);
    rows.push(["engine worker (both modes, first check)", d(r.bundle.engineWorker)]);
    rows.push([
      "files containing ExcelJS",
      r.bundle.exceljsIn.length === 0 ? "none" : r.bundle.exceljsIn.join(", "),
    ]);
  }
  if (r.batch) {
    rows.push([
      "batch: per file",
      `${ms(r.batch.perFileMs)}, peak RSS ${mb(r.batch.peakRss)}, exit ${r.batch.exitCode}`,
    ]);
  }
  return rows;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const want = (p: Part) => options.only.has(p);
  const results: Results = {
    when: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "",
      memoryBytes: os.totalmem(),
      loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
  };
  const large = want("cli") || want("browser") ? await sizedFile(LARGE) : null;

  if (want("engine")) results.engine = await measureEngine(options.engineRounds);
  if (want("cli") && large) results.cli = await measureCli(large, options.cliRounds, options.withLoad);
  if (want("office")) {
    log("Office adapter with the recording fake …");
    results.office = await measureOffice();
  }
  if (want("bundle") || want("browser")) results.bundle = await measureBundle();
  if (want("browser") && large) results.browser = await measureBrowser(large);
  if (want("batch")) {
    const dir = await schoolsFolder();
    log("ziping check DIR/ over the school workbooks …");
    results.batch = await measureBatch(dir);
  }
  if (!want("bundle")) delete results.bundle;

  const budgets = budgetsOf(results);
  results.budgets = budgets;
  writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);

  const status = (b: Budget) =>
    b.ok === null
      ? "—"
      : b.ok
        ? "met"
        : options.check && b.okCheck
          ? "missed (within --check margin)"
          : "MISSED";
  const out = [
    `ziping bench — ${results.machine.cpus} CPUs (${results.machine.cpuModel}), load ${results.machine.loadAverage.join(" ")}, Node ${results.machine.node}`,
    "",
    table([
      ["what", "measured", "budget", "result"],
      ...budgets.map((b) => [b.what, b.shown, b.budget, status(b)]),
    ]),
    "",
    table([["detail", "measured"], ...details(results)]),
    "",
    `Written: bench/results.json`,
  ];
  process.stdout.write(`${out.join("\n")}\n`);

  if (!options.check) return 0;
  const failed = budgets.filter((b) => b.okCheck === false);
  if (failed.length > 0) {
    process.stderr.write(
      `bench --check: ${failed.length} budget(s) missed beyond the margin: ${failed.map((b) => `${b.id} (${b.shown}, budget ${b.budget})`).join("; ")}\n`,
    );
    return 1;
  }
  process.stderr.write("bench --check: every budget met within the margins of bench/budgets.ts\n");
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
