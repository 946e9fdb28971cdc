/**
 * The one use case every entry point runs: read the workbook → load the saved state → layer the
 * settings (workbook settings sheet, then saved state, then options such as `--config`) → check
 * → build and write the summary sheets. The CLI, batch mode, the ribbon commands and the pane
 * only gather options and present the result; the sequence is written here once.
 */
import type {
  CheckOptions,
  IsoDate,
  Lang,
  SettingsInput,
  SummarySheet,
  SummarySheetId,
  WorkbookInput,
} from "../engine";
import type { HostCheckRequest, SavedState, WorkbookHost, WriteOutcome } from "./types";

/** How the engine is run: in this thread (the default), or in a worker that keeps its result (the pane). */
export interface CheckEngine<R> {
  check(input: WorkbookInput, options: CheckOptions): Promise<R> | R;
  /** The summary sheets of the result `check` returned last. */
  summary(result: R, lang: Lang): Promise<readonly SummarySheet[]> | readonly SummarySheet[];
}

/** Today's local calendar day as `YYYY-MM-DD` (the user's day, not UTC's). */
export function localToday(now = new Date()): IsoDate {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Which summary sheets to write after the check, in which language. */
export interface SummaryRequest {
  readonly lang: Lang;
  /** Only these sheets (the validate command writes 问题清单 alone); default all six. */
  readonly only?: readonly SummarySheetId[];
  /** The sheet to show afterwards. */
  readonly activate?: SummarySheetId;
}

/** What one run needs; everything but `today` is optional. */
export interface CheckWorkbookOptions<R> extends HostCheckRequest {
  /** The engine: `LOCAL_ENGINE` (./localEngine.ts) or the pane's worker; passed in so the pane's page never bundles the engine. */
  readonly engine: CheckEngine<R>;
  /** The workbook as read before (a re-check after a settings change does not read again). */
  readonly input?: WorkbookInput;
  /** Write summary sheets after the check. */
  readonly write?: SummaryRequest;
  /** False once the run is stale (the pane switched workbooks): later steps are skipped. */
  readonly isCurrent?: () => boolean;
}

/** What a run found and did. */
export interface WorkbookCheck<R> {
  readonly input: WorkbookInput;
  readonly saved: SavedState;
  /** The settings layered over the workbook's settings sheet: saved state, then `config`. */
  readonly settings: SettingsInput;
  readonly result: R;
  /** The summary sheets written, and what writing did; null when nothing was written. */
  readonly written: { readonly sheets: readonly SummarySheet[]; readonly outcome: WriteOutcome } | null;
}

/** Thrown (and caught by {@link checkWorkbook}'s callers) when a run became stale. */
export class StaleRun extends Error {
  override readonly name = "StaleRun";
}

/**
 * Read, load the saved state, check and (when asked) write the summary. Read and write failures
 * propagate as the host throws them; a saved state that is damaged or cannot be loaded does not
 * stop the check: it runs without it and `saved.problem` says why.
 */
export async function checkWorkbook<R>(
  host: WorkbookHost,
  options: CheckWorkbookOptions<R>,
): Promise<WorkbookCheck<R>> {
  const engine = options.engine;
  const live = (): void => {
    if (options.isCurrent && !options.isCurrent()) throw new StaleRun("the workbook changed");
  };
  const input = options.input ?? (await host.readWorkbook(options.onProgress));
  live();
  const saved = options.saved ?? (await loadStateOf(host));
  live();
  const settings: SettingsInput = { ...saved.settings, ...(options.config ?? {}) };
  let rows = 0;
  for (const sheet of input.sheets) rows += sheet.rows.length;
  options.onProgress?.({ stage: "checking", rows });
  const result = await engine.check(input, {
    settings,
    layers: { state: saved.settings, config: options.config ?? {} },
    overrides: saved.overrides,
    today: options.today,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  live();
  const written = options.write ? await writeSummaryOf(host, engine, result, options.write) : null;
  return { input, saved, settings, result, written };
}

/** The saved state; one that cannot be loaded is reported and the check runs without it. */
async function loadStateOf(host: WorkbookHost): Promise<SavedState> {
  try {
    return await host.loadState();
  } catch (err) {
    const detail = err instanceof Error ? err.message || err.name : String(err);
    return { settings: {}, overrides: [], problem: { code: "state-unreadable", params: { detail } } };
  }
}

/** Build the summary sheets of a check and write them through the host. */
export async function writeSummaryOf<R>(
  host: WorkbookHost,
  engine: CheckEngine<R>,
  result: R,
  request: SummaryRequest,
): Promise<{ readonly sheets: readonly SummarySheet[]; readonly outcome: WriteOutcome }> {
  const all = await engine.summary(result, request.lang);
  const only = request.only;
  const sheets = only ? all.filter((s) => only.includes(s.id)) : all;
  const outcome = await host.writeSummary(sheets, request.activate);
  return { sheets, outcome };
}
