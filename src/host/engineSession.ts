/**
 * The engine work behind the pane, in one place so the Web Worker and the in-thread fallback run
 * exactly the same code: check a workbook, keep the result, build the summary sheets from it.
 */
import {
  buildSummarySheets,
  check,
  reportDocument,
  reportSentences,
  reportTopicLabel,
  settingsSheetEntries,
} from "../engine";
import type {
  CheckOptions,
  CheckResult,
  Lang,
  Report,
  ReportDocument,
  Settings,
  SettingsInput,
  SummarySheet,
  WorkbookInput,
} from "../engine";

/** One report sentence with the heading of its section. */
export interface SentenceView {
  readonly heading: string;
  readonly text: string;
}

/** What the pane needs from a check: small plain data that crosses a worker boundary cheaply. */
export interface CheckView {
  /** The workbook's sheets in order, without their cells (the pane lists them with what each was recognised as). */
  readonly workbook: { readonly sheets: ReadonlyArray<{ readonly name: string; readonly hidden?: boolean }> };
  readonly report: Report;
  /** The settings the rules ran with (every layer resolved). */
  readonly settings: Settings;
  /** What the workbook's own settings sheet says (shown as placeholders in the settings panel). */
  readonly sheetSettings: SettingsInput;
  /** Settings-sheet rows ziping does not use: shown, so people see they were kept. */
  readonly otherSettings: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** Report sentences per language. */
  readonly sentences: Readonly<Record<Lang, readonly SentenceView[]>>;
  /** The report draft per language, as plain data (the pane lays it out as .docx on demand). */
  readonly reportDocument: Readonly<Record<Lang, ReportDocument>>;
}

/** A stateful engine session: the last check result is kept for building the summary sheets. */
export interface EngineSession {
  check(input: WorkbookInput, options: CheckOptions): CheckView;
  summary(lang: Lang): readonly SummarySheet[];
  /** The last check's result (null before the first). */
  last(): CheckResult | null;
}

/** Start an engine session (one per worker, or one per pane when running in-thread). */
export function createEngineSession(): EngineSession {
  let last: CheckResult | null = null;
  return {
    check(input, options) {
      last = check(input, options);
      return {
        workbook: {
          sheets: input.sheets.map((s) => (s.hidden ? { name: s.name, hidden: true } : { name: s.name })),
        },
        report: last.report,
        settings: last.settings,
        sheetSettings: last.read.sheetSettings,
        otherSettings: settingsSheetEntries(last)
          .filter((e) => e.setting === null)
          .map((e) => ({ key: e.key, value: e.value })),
        sentences: { zh: sentences(last, "zh"), en: sentences(last, "en") },
        reportDocument: { zh: reportDocument(last, "zh"), en: reportDocument(last, "en") },
      };
    },
    summary(lang) {
      if (!last) throw new Error("summary requested before any check");
      return buildSummarySheets(last, lang);
    },
    last: () => last,
  };
}

function sentences(result: CheckResult, lang: Lang): SentenceView[] {
  return reportSentences(result, lang).map((s) => ({
    heading: reportTopicLabel(s.topic, lang),
    text: s.text,
  }));
}
