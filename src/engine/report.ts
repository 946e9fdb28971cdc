/**
 * The JSON report (`ziping check --json`): the run's report with each finding's message rendered
 * in one language and the resolved settings. Fields that do not apply are null, never missing,
 * so the shape is the same for every workbook.
 */
import { formatFinding } from "./i18n";
import { cellText, settingKeyOf } from "./read";
import type { Settings } from "./settings";
import type {
  CheckResult,
  FindingValue,
  Indicator,
  Lang,
  Report,
  RuleId,
  Severity,
  Stats,
  TableKind,
  SettingSourceEntry,
} from "./types";

/** One finding in the JSON report. */
export interface JsonFinding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly cell: string | null;
  readonly value: FindingValue;
  /** The rendered sentence: what is wrong, the value and limit, the fix and the basis. */
  readonly message: string;
  /** The message's parameters, for tools that need the numbers ({} when none). */
  readonly params: Readonly<Record<string, FindingValue>>;
}

/**
 * One row of the workbook's settings sheet as written. `setting` is the JSON key it sets, or null
 * for a key ziping does not use: people write other facts there, so they are kept and shown.
 */
export interface JsonSettingsEntry {
  readonly sheet: string;
  readonly row: number;
  readonly key: string;
  readonly value: string;
  readonly setting: string | null;
}

/** The JSON report as written by `--json` (documented in docs/report-format.md). */
export interface JsonReport {
  readonly version: string;
  readonly file: string | null;
  readonly tables: ReadonlyArray<{
    readonly kind: TableKind;
    readonly sheet: string;
    readonly headerRow: number;
    readonly rows: number;
  }>;
  readonly findings: readonly JsonFinding[];
  readonly stats: Stats;
  readonly indicators: readonly Indicator[];
  readonly settings: Settings;
  /** Every row of the settings sheet, used or not. */
  readonly settingsSheet: readonly JsonSettingsEntry[];
  /** Every setting that differs from the default, with its source: `sheet`, `state` (saved in the workbook) or `config`. */
  readonly settingsSources: readonly SettingSourceEntry[];
  readonly summary: Report["summary"];
}

/** Build the JSON report of a check in one language. */
export function toJsonReport(result: CheckResult, lang: Lang): JsonReport {
  const { report, settings } = result;
  return {
    version: report.version,
    file: report.file ?? null,
    tables: report.tables.map((t) => ({
      kind: t.kind,
      sheet: t.sheet,
      headerRow: t.headerRow,
      rows: t.rows,
    })),
    findings: report.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet ?? null,
      row: f.row ?? null,
      column: f.column ?? null,
      cell: f.cell ?? null,
      value: f.value ?? null,
      message: formatFinding(f, lang),
      params: f.params ?? {},
    })),
    stats: report.stats,
    indicators: report.indicators,
    settings,
    settingsSheet: settingsSheetEntries(result),
    settingsSources: report.settingSources ?? [],
    summary: report.summary,
  };
}

/** The settings sheet's rows with the setting each one sets (null: kept, not used by ziping). */
export function settingsSheetEntries(result: CheckResult): JsonSettingsEntry[] {
  return result.read.settingsEntries.map((e) => ({
    sheet: e.sheet,
    row: e.row,
    key: e.key,
    value: cellText(e.value),
    setting: settingKeyOf(e.key),
  }));
}
