/**
 * Measurements 1 and 2: the engine (check + summary sheets) on each size, in this process, and a
 * bare single pass over the same cell values (sum the hours column, count distinct student ids).
 * Sizes are measured in interleaved rounds so that a busy moment on the machine hits all of them
 * alike; each figure is the median of its rounds.
 */
import { buildSummarySheets, check, readWorkbook, type WorkbookInput } from "../src/engine";
import { sizedWorkbook, SIZES, toWorkbookInput, type SizeName } from "./generate";
import { log, median, timeMs } from "./util";

/** The engine's results. */
export interface EngineResult {
  /** Median ms of check + buildSummarySheets, per size. */
  readonly engineMs: Record<SizeName, number>;
  /** Median ms of the bare pass, per size. */
  readonly bareMs: Record<SizeName, number>;
  /** engine(200k) / engine(20k), both with a roster of 60: 10 for linear growth. */
  readonly growth: number;
  /** The same with the 2,000-row roster (its fixed cost makes the ratio smaller). */
  readonly growthRoster2000: number;
  /** Where the 200k run's time goes (medians, ms): the reader (records), the rest of check, the summary sheets. */
  readonly breakdown200k: { readonly read: number; readonly rulesFigures: number; readonly summary: number };
  /** engine(200k) / bare(200k). */
  readonly engineVsBare: number;
  readonly rounds: number;
  /** Activity rows, findings and the figures of the 200k-r2000 run (a sanity check that work was done). */
  readonly check200k: {
    readonly rows: number;
    readonly findings: number;
    readonly personTimes: number | null;
  };
}

const ACTIVITY_SHEET = "志愿服务活动记录";

/**
 * The bare pass: one loop over the activity log's rows summing the hours cell (a number, or text
 * read with parseFloat) and collecting the student ids in a Set. It is the floor of any check.
 */
export function barePass(input: WorkbookInput): { hours: number; people: number } {
  const sheet = input.sheets.find((s) => s.name === ACTIVITY_SHEET);
  const ids = new Set<string>();
  let hours = 0;
  const rows = sheet?.rows ?? [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const h = row[5];
    if (typeof h === "number") hours += h;
    else if (typeof h === "string") {
      const n = parseFloat(h);
      if (!Number.isNaN(n)) hours += n;
    }
    const id = row[3];
    if (typeof id === "string" || typeof id === "number") ids.add(String(id));
  }
  return { hours, people: ids.size };
}

/**
 * Start a measurement on a clean heap when Node runs with --expose-gc (`npm run bench` does), so
 * one size does not pay for the garbage the previous one left, then let the collector's
 * background sweeping finish before the clock starts.
 */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 150));
}

function runEngine(input: WorkbookInput): ReturnType<typeof check> {
  const result = check(input, { today: "2022-12-31", file: "bench.xlsx" });
  buildSummarySheets(result, "zh");
  return result;
}

/** Measure the engine and the bare pass on every size. */
export async function measureEngine(rounds: number): Promise<EngineResult> {
  const sizes = Object.keys(SIZES) as SizeName[];
  const inputs = new Map<SizeName, WorkbookInput>();
  for (const size of sizes) inputs.set(size, toWorkbookInput(sizedWorkbook(size)));
  const engine = new Map<SizeName, number[]>(sizes.map((s) => [s, []]));
  const bare = new Map<SizeName, number[]>(sizes.map((s) => [s, []]));

  const read: number[] = [];
  const summary: number[] = [];
  const whole: number[] = [];
  // Warm-up: a round that is not recorded, so the JIT has seen every size's code paths.
  for (const size of sizes) runEngine(inputs.get(size) as WorkbookInput);
  let last: ReturnType<typeof check> | null = null;
  for (let r = 0; r < rounds; r++) {
    for (const size of sizes) {
      const input = inputs.get(size) as WorkbookInput;
      // Short runs are repeated within the round (median), so one busy moment does not decide them.
      const reps = input.sheets.reduce((n, s) => n + s.rows.length, 0) < 100_000 ? 3 : 1;
      const times: number[] = [];
      for (let k = 0; k < reps; k++) {
        await settle();
        times.push(
          timeMs(() => {
            const result = runEngine(input);
            if (size === "200k-r2000") last = result;
          }),
        );
      }
      (engine.get(size) as number[]).push(median(times));
      // The bare pass is short: the median of a few per round, so one timer tick does not dominate.
      const b: number[] = [];
      for (let k = 0; k < 5; k++) b.push(timeMs(() => barePass(input)));
      (bare.get(size) as number[]).push(median(b));
    }
    // Where the time goes on the budget's size (measured apart, in the same round).
    const input200k = inputs.get("200k") as WorkbookInput;
    await settle();
    read.push(timeMs(() => readWorkbook(input200k)));
    let result: ReturnType<typeof check> | null = null;
    whole.push(timeMs(() => void (result = check(input200k, { today: "2022-12-31" }))));
    summary.push(timeMs(() => buildSummarySheets(result as unknown as ReturnType<typeof check>, "zh")));
    log(
      `engine round ${r + 1}/${rounds}: ${sizes.map((s) => `${s} ${Math.round(engine.get(s)?.at(-1) ?? 0)} ms`).join(", ")}`,
    );
  }
  const engineMs = Object.fromEntries(sizes.map((s) => [s, median(engine.get(s) ?? [])])) as Record<
    SizeName,
    number
  >;
  const bareMs = Object.fromEntries(sizes.map((s) => [s, median(bare.get(s) ?? [])])) as Record<
    SizeName,
    number
  >;
  const result = last as ReturnType<typeof check> | null;
  return {
    engineMs,
    bareMs,
    growth: engineMs["200k"] / engineMs["20k"],
    growthRoster2000: engineMs["200k-r2000"] / engineMs["20k-r2000"],
    breakdown200k: {
      read: median(read),
      rulesFigures: median(whole) - median(read),
      summary: median(summary),
    },
    engineVsBare: engineMs["200k"] / bareMs["200k"],
    rounds,
    check200k: {
      rows: result?.read.activities.length ?? 0,
      findings: result?.report.findings.length ?? 0,
      personTimes: result?.report.stats.activities?.personTimes ?? null,
    },
  };
}
