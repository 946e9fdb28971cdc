/**
 * What an engine runner is, apart from where it runs: the in-thread runner (engineClient.ts) and
 * the worker runner (workerRunner.ts) both implement it, so neither imports the other.
 */
import type { CheckOptions, Lang, SummarySheet, WorkbookInput } from "../engine";
import type { CheckView } from "./engineSession";

/** Runs checks and builds summary sheets without the caller knowing where. */
export interface EngineRunner {
  /** Check a workbook; the result is kept for `summary`. */
  check(input: WorkbookInput, options: CheckOptions): Promise<CheckView>;
  /** The summary sheets of the last check, in `lang`. */
  summary(lang: Lang): Promise<readonly SummarySheet[]>;
  /** Release the worker, if any. */
  dispose(): void;
}

/** Let the browser paint and handle input before the next long step. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
