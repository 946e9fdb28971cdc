/**
 * Measurements 3, 4 and 7: `ziping check` end to end on the 200,000-row .xlsx against ExcelJS's
 * streaming reader reading the same file alone (both as fresh Node processes, interleaved, median
 * of the rounds), the CLI's peak RSS, and `ziping check DIR/` over the folder of school workbooks.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { SCHOOL_COUNT } from "./generate";
import { log, median, ROOT, runNode, WORK, type ProcessRun } from "./util";

const CLI = path.join(ROOT, "bin", "ziping.js");
const READ_ALONE = path.join(ROOT, "dist", "bench", "readAlone.js");
const ENV = { ZIPING_TODAY: "2022-12-31", NO_COLOR: "1" };

/** The CLI against ExcelJS's streaming reader on one file. */
export interface CliResult {
  readonly file: string;
  readonly rounds: number;
  readonly cliMs: number;
  readonly cliPeakRss: number;
  readonly streamReadMs: number;
  readonly streamReadPeakRss: number;
  /** The lean reader alone on the same file, in a process of its own (median ms): where the time goes. */
  readonly leanReadMs: number;
  readonly leanReadPeakRss: number;
  /** cli / stream read. */
  readonly cliVsStream: number;
  readonly cliExitCode: number | null;
  readonly cellsRead: number;
  /** ExcelJS's whole-workbook reader on the same file, once (what the CLI used before), for context. */
  readonly loadReadMs: number | null;
  readonly loadReadPeakRss: number | null;
}

function ok(run: ProcessRun, what: string, codes: readonly number[] = [0]): ProcessRun {
  if (run.code === null || !codes.includes(run.code)) {
    throw new Error(
      `${what} exited with ${run.code}: ${run.stderr.trim().split("\n").slice(-3).join(" | ")}`,
    );
  }
  return run;
}

/** Measure `ziping check FILE` and the streaming read of FILE, `rounds` times each, interleaved. */
export async function measureCli(file: string, rounds: number, withLoad: boolean): Promise<CliResult> {
  const cli: ProcessRun[] = [];
  const stream: ProcessRun[] = [];
  const lean: ProcessRun[] = [];
  let cells = 0;
  for (let r = 0; r < rounds; r++) {
    // The CLI exits 1 on this file: it has planted errors.
    cli.push(ok(await runNode([CLI, "check", file], { env: ENV }), "ziping check", [0, 1]));
    const s = ok(await runNode([READ_ALONE, "stream", file]), "ExcelJS stream read");
    cells = (JSON.parse(s.stdout) as { cells: number }).cells;
    stream.push(s);
    lean.push(ok(await runNode([READ_ALONE, "lean", file]), "lean read"));
    log(
      `cli round ${r + 1}/${rounds}: check ${Math.round(cli.at(-1)?.ms ?? 0)} ms, stream read ${Math.round(s.ms)} ms`,
    );
  }
  let load: ProcessRun | null = null;
  if (withLoad) {
    load = ok(await runNode([READ_ALONE, "load", file]), "ExcelJS load");
    log(`ExcelJS whole-workbook read: ${Math.round(load.ms)} ms`);
  }
  const cliMs = median(cli.map((x) => x.ms));
  const streamReadMs = median(stream.map((x) => x.ms));
  return {
    file: path.relative(ROOT, file),
    rounds,
    cliMs,
    cliPeakRss: Math.max(...cli.map((x) => x.peakRss)),
    streamReadMs,
    streamReadPeakRss: Math.max(...stream.map((x) => x.peakRss)),
    leanReadMs: median(lean.map((x) => x.ms)),
    leanReadPeakRss: Math.max(...lean.map((x) => x.peakRss)),
    cliVsStream: cliMs / streamReadMs,
    cliExitCode: cli[0]?.code ?? null,
    cellsRead: cells,
    loadReadMs: load?.ms ?? null,
    loadReadPeakRss: load?.peakRss ?? null,
  };
}

/** `ziping check DIR/` over the school workbooks. */
export interface BatchResult {
  readonly files: number;
  readonly totalMs: number;
  readonly perFileMs: number;
  readonly peakRss: number;
  readonly exitCode: number | null;
}

/** Run the batch once with a summary CSV and one JSON report per file. */
export async function measureBatch(dir: string): Promise<BatchResult> {
  const out = path.join(WORK, "batch-out");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const run = ok(
    await runNode(
      [
        CLI,
        "check",
        dir,
        "--json",
        path.join(out, "reports"),
        "--summary",
        path.join(out, "summary.csv"),
        "--force",
      ],
      { env: ENV },
    ),
    "ziping check DIR/",
    [0, 1],
  );
  return {
    files: SCHOOL_COUNT,
    totalMs: run.ms,
    perFileMs: run.ms / SCHOOL_COUNT,
    peakRss: run.peakRss,
    exitCode: run.code,
  };
}
