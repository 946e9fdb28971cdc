/**
 * Run `ziping` in-process with captured output and a fixed clock, and look inside .xlsx packages.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../../src/cli/main";

/** The project root. */
export const ROOT = path.resolve(__dirname, "..", "..");
/** The main sample and the problems sample. */
export const MAIN_SAMPLE = path.join(ROOT, "samples", "sample-2022.xlsx");
export const PROBLEMS_SAMPLE = path.join(ROOT, "samples", "sample-problems.xlsx");
/** The samples' assessment date, used as "today" so runs never depend on the calendar. */
export const TODAY = "2022-12-09";

/** What one run printed and returned. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `ziping <argv>` with ZIPING_TODAY fixed, colour off unless `tty`, and `env` added. */
export async function ziping(
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; tty?: boolean; now?: Date } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await run([...argv], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: { ZIPING_TODAY: TODAY, LANG: "zh_CN.UTF-8", ...options.env },
    isTTY: options.tty ?? false,
    ...(options.now ? { now: () => options.now as Date } : {}),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "ziping-test-"));
}

/** SHA-256 of a file. */
export function sha256(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
