/**
 * Small helpers of the benchmarks: where things are, medians, spawning a process while sampling
 * its peak resident memory (VmHWM in /proc/PID/status), and formatting.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The repository root (the bench runs compiled from dist/bench). */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

/** Generated files and build output of the benchmarks (git-ignored). */
export const WORK = path.join(ROOT, "bench", ".work");

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Milliseconds taken by `fn`. */
export function timeMs(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Peak resident set of a process so far, in bytes (VmHWM), or null when it is gone. */
export function peakRssOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** What one measured process did. */
export interface ProcessRun {
  readonly ms: number;
  /** Largest VmHWM seen while it ran (bytes); 0 where /proc is unavailable. */
  readonly peakRss: number;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `node <args>` and measure its wall time (spawn to exit) and peak RSS, sampling
 * /proc/PID/status every `sampleMs` (the peak is a high-water mark, so a sample after the peak
 * still sees it; only the last few milliseconds before exit can be missed).
 */
export function runNode(
  args: readonly string[],
  options: { env?: Record<string, string>; sampleMs?: number; cwd?: string } = {},
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let peak = 0;
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      if (stdout.length < 1_000_000) stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      if (stderr.length < 100_000) stderr += d;
    });
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, peakRssOf(child.pid) ?? 0);
    };
    const timer = setInterval(sample, options.sampleMs ?? 20);
    child.on("error", (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on("exit", (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakRss: peak, code, stdout, stderr });
    });
  });
}

/** Bytes as MB (10^6), one decimal. */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Bytes as KB (10^3), one decimal. */
export function kb(bytes: number): string {
  return `${(bytes / 1e3).toFixed(1)} KB`;
}

/** Milliseconds, readable. */
export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

/** A ratio such as `4.2×`. */
export function times(value: number): string {
  return `${value.toFixed(2)}×`;
}

/** A line on stderr, so stdout keeps the table only. */
export function log(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}
