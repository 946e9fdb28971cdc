/**
 * The engine run in this thread, for `checkWorkbook` in the CLI, batch mode and the ribbon
 * commands. A module of its own so that the pane's page, which runs the engine in a worker,
 * never bundles it.
 */
import { buildSummarySheets, check, type CheckResult } from "../engine";
import type { CheckEngine } from "./checkWorkbook";

/** The engine in this thread. */
export const LOCAL_ENGINE: CheckEngine<CheckResult> = {
  check,
  summary: (result, lang) => buildSummarySheets(result, lang),
};
