/**
 * The pane's controller: loads the saved state, reads and checks the workbook, saves corrections
 * and settings, writes the summary, selects cells and toggles highlighting — all through the
 * WorkbookHost and the EngineRunner, and all safe to call while the host changes underneath.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Finding, IsoDate, KindOverride, Lang, SettingsInput, WorkbookInput } from "../engine";
import type {
  HostCheck,
  HostCheckRequest,
  Progress,
  SavedState,
  WorkbookHost,
  WriteOutcome,
} from "../host/types";
import { yieldToBrowser, type EngineRunner } from "./engineClient";
import type { CheckView } from "../host/engineSession";
import { expectedCheckMs, startPacer } from "./progressPacer";
import { checkWorkbook, writeSummaryOf } from "../host/checkWorkbook";

/** A notice shown after an action succeeded. */
export type PaneNotice = "settingsSaved" | "downloaded" | null;

/** Everything the pane shows about the workbook. */
export interface PaneState {
  /** The state saved in the workbook (settings and sheet-kind corrections); null until loaded. */
  readonly saved: SavedState | null;
  readonly view: CheckView | null;
  /** The running operation's stage, or null when idle. */
  readonly busy: Progress | null;
  /** The last failure (worded by the pane in its current language), or null. */
  readonly error: { readonly cause: unknown } | null;
  readonly outcome: WriteOutcome | null;
  readonly notice: PaneNotice;
  /** Whether problem cells are currently marked in the workbook. */
  readonly marking: boolean;
}

/** The actions the pane's controls call. */
export interface PaneActions {
  /** Read the workbook again and check it. */
  check(): Promise<void>;
  /** Save a sheet-kind correction (`"auto"` removes it) and check again. */
  setSheetKind(sheet: string, kind: KindOverride["kind"] | "auto"): Promise<void>;
  /** Save the pane's settings and check again. */
  saveSettings(settings: SettingsInput): Promise<void>;
  /** Build the summary sheets and write them (then download them in file mode). */
  writeSummary(lang: Lang, download?: () => Promise<void>): Promise<void>;
  /** Show a finding's cell. */
  select(finding: Finding): Promise<void>;
  /** Mark problem cells (or clear the marks). */
  setMarking(on: boolean): Promise<void>;
  dismissError(): void;
  dismissNotice(): void;
}

/** Options of the controller. */
export interface UsePaneOptions {
  readonly host: WorkbookHost | null;
  readonly engine: EngineRunner;
  /** Check as soon as the host is available. */
  readonly autoCheck: boolean;
  readonly today: () => IsoDate;
  readonly fileName?: string | undefined;
  /** Called after a cell was selected (file mode scrolls the preview into view). */
  readonly onSelected?: (() => void) | undefined;
}

const EMPTY: SavedState = { settings: {}, overrides: [] };

function markable(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.sheet !== undefined && f.cell !== undefined);
}

/** The pane's state and actions for one host. */
export function usePane(options: UsePaneOptions): [PaneState, PaneActions] {
  const { host, engine, autoCheck, today, fileName, onSelected } = options;
  const [saved, setSaved] = useState<SavedState | null>(null);
  const [view, setView] = useState<CheckView | null>(null);
  const [busy, setBusy] = useState<Progress | null>(null);
  const [error, setError] = useState<{ readonly cause: unknown } | null>(null);
  const [outcome, setOutcome] = useState<WriteOutcome | null>(null);
  const [notice, setNotice] = useState<PaneNotice>(null);
  const [marking, setMarkingState] = useState(false);

  // Refs mirror what async steps need, so a step never acts on a host that has been replaced.
  const generation = useRef(0);
  const hostRef = useRef(host);
  const inputRef = useRef<WorkbookInput | null>(null);
  const savedRef = useRef<SavedState>(EMPTY);
  const viewRef = useRef<CheckView | null>(null);
  const markingRef = useRef(false);
  const busyRef = useRef(false);
  const optionsRef = useRef({ today, fileName, onSelected });
  optionsRef.current = { today, fileName, onSelected };

  const run = useCallback(
    async (first: Progress, step: (isCurrent: () => boolean) => Promise<void>): Promise<void> => {
      if (busyRef.current) return;
      const gen = generation.current;
      const isCurrent = () => gen === generation.current;
      busyRef.current = true;
      setBusy(first);
      setError(null);
      setNotice(null);
      try {
        await step(isCurrent);
      } catch (err) {
        if (isCurrent()) setError({ cause: err });
      } finally {
        if (isCurrent()) {
          busyRef.current = false;
          setBusy(null);
        }
      }
    },
    [],
  );

  const checkWith = useCallback(
    async (state: SavedState | null, reread: boolean, isCurrent: () => boolean): Promise<void> => {
      const h = hostRef.current;
      if (!h) return;
      // A host whose workbook cannot change underneath (a file) is read once.
      const reuse = reread && h.capabilities.reread ? null : inputRef.current;
      if (!reuse) {
        setBusy({ stage: "reading" });
        await yieldToBrowser();
      }
      const { fileName: file, today: todayFn } = optionsRef.current;
      // The check reports no progress of its own: keep the bar moving while it runs.
      let stopPacer = (): void => undefined;
      const request: HostCheckRequest = {
        today: todayFn(),
        ...(file ? { file } : {}),
        ...(state ? { saved: state } : {}),
        onProgress: (p) => {
          if (!isCurrent()) return;
          if (p.stage !== "checking") return setBusy(p);
          stopPacer();
          stopPacer = startPacer(expectedCheckMs(p.rows ?? 0), (fraction) => {
            if (isCurrent()) setBusy({ stage: "checking", fraction });
          });
        },
      };
      let run: HostCheck;
      try {
        // A host that checks where its workbook is (file mode's worker) sends back only the results.
        run = h.runCheck
          ? await h.runCheck(request)
          : await checkWorkbook<CheckView>(h, {
              ...request,
              ...(reuse ? { input: reuse } : {}),
              isCurrent,
              engine: {
                check: async (data: WorkbookInput, checkOptions) => {
                  inputRef.current = data;
                  await yieldToBrowser();
                  return engine.check(data, checkOptions);
                },
                summary: (_view, lang) => engine.summary(lang),
              },
            });
      } finally {
        stopPacer();
      }
      if (!isCurrent()) return;
      if (!state) {
        savedRef.current = run.saved;
        setSaved(run.saved);
        if (run.saved.problem) setError({ cause: run.saved.problem });
      }
      viewRef.current = run.result;
      setView(run.result);
      setOutcome(null);
      if (markingRef.current && h.markCells && h.clearMarks) {
        setBusy({ stage: "writing" });
        await yieldToBrowser();
        await h.clearMarks();
        await h.markCells(markable(run.result.report.findings));
      }
    },
    [engine],
  );

  // A new host: forget everything about the old one, load its saved state, check it.
  useEffect(() => {
    generation.current += 1;
    hostRef.current = host;
    inputRef.current = null;
    viewRef.current = null;
    savedRef.current = EMPTY;
    markingRef.current = false;
    busyRef.current = false;
    setSaved(null);
    setView(null);
    setBusy(null);
    setError(null);
    setOutcome(null);
    setNotice(null);
    setMarkingState(false);
    if (!host) return;
    // Read the workbook first, with progress: in file mode the saved state lives inside the
    // workbook, so loading the state before would read the whole file with no progress shown.
    void run({ stage: "reading" }, async (isCurrent) => {
      // The use case reads the workbook first, with progress, then loads the saved state (in file
      // mode it lives inside the workbook, so loading it first would read the file unseen).
      if (autoCheck) return checkWith(null, false, isCurrent);
      let state = EMPTY;
      try {
        state = await host.loadState();
      } catch (err) {
        if (isCurrent()) setError({ cause: err });
      }
      if (!isCurrent()) return;
      savedRef.current = state;
      setSaved(state);
    });
    // autoCheck is read once per host on purpose: toggling it later must not re-run a check.
  }, [host]);

  const saveState = useCallback(async (next: SavedState, isCurrent: () => boolean): Promise<boolean> => {
    const h = hostRef.current;
    if (!h) return false;
    await h.saveState(next);
    if (!isCurrent()) return false;
    savedRef.current = next;
    setSaved(next);
    return true;
  }, []);

  const actions: PaneActions = {
    check: useCallback(
      () => run({ stage: "reading" }, (isCurrent) => checkWith(savedRef.current, true, isCurrent)),
      [run, checkWith],
    ),
    setSheetKind: useCallback(
      (sheet: string, kind: KindOverride["kind"] | "auto") =>
        run({ stage: "writing" }, async (isCurrent) => {
          const current = savedRef.current;
          const rest = current.overrides.filter((o) => o.sheet !== sheet);
          const overrides = kind === "auto" ? rest : [...rest, { sheet, kind }];
          const next: SavedState = { settings: current.settings, overrides };
          if (!(await saveState(next, isCurrent))) return;
          await checkWith(next, false, isCurrent);
        }),
      [run, checkWith, saveState],
    ),
    saveSettings: useCallback(
      (settings: SettingsInput) =>
        run({ stage: "writing" }, async (isCurrent) => {
          const next: SavedState = { settings, overrides: savedRef.current.overrides };
          if (!(await saveState(next, isCurrent))) return;
          await checkWith(next, false, isCurrent);
          if (isCurrent()) setNotice("settingsSaved");
        }),
      [run, checkWith, saveState],
    ),
    writeSummary: useCallback(
      (lang: Lang, download?: () => Promise<void>) =>
        run({ stage: "writing" }, async (isCurrent) => {
          const h = hostRef.current;
          if (!h) return;
          if (!viewRef.current) await checkWith(savedRef.current, true, isCurrent);
          if (!isCurrent() || !viewRef.current) return;
          setBusy({ stage: "writing" });
          await yieldToBrowser();
          const { outcome: written } = await writeSummaryOf(
            h,
            { check: engine.check, summary: (_view, l) => engine.summary(l) },
            viewRef.current,
            { lang, activate: "assessment" },
          );
          if (!isCurrent()) return;
          setOutcome(written);
          if (download) {
            await download();
            if (isCurrent()) setNotice("downloaded");
          }
        }),
      [run, checkWith, engine],
    ),
    select: useCallback(async (finding: Finding) => {
      const h = hostRef.current;
      if (!h || finding.sheet === undefined) return;
      // A finding about a whole sheet (or a whole row) goes to the sheet (or the row's first cell).
      const cell = finding.cell ?? (finding.row !== undefined ? `A${finding.row}` : "A1");
      try {
        await h.select(finding.sheet, cell);
        optionsRef.current.onSelected?.();
      } catch (err) {
        setError({ cause: err });
      }
    }, []),
    setMarking: useCallback(
      (on: boolean) =>
        run({ stage: "writing" }, async (isCurrent) => {
          const h = hostRef.current;
          if (!h?.markCells || !h.clearMarks) return;
          if (on) {
            const findings = viewRef.current?.report.findings ?? [];
            await h.clearMarks();
            await h.markCells(markable(findings));
          } else {
            await h.clearMarks();
          }
          if (!isCurrent()) return;
          markingRef.current = on;
          setMarkingState(on);
        }),
      [run],
    ),
    dismissError: useCallback(() => setError(null), []),
    dismissNotice: useCallback(() => setNotice(null), []),
  };

  return [{ saved, view, busy, error, outcome, notice, marking }, actions];
}
