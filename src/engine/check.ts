/**
 * One check run: read the workbook, resolve the settings (sheet, then the JSON file or pane, then
 * defaults), run the rules, compute the figures and the self-assessment table, and return a
 * report. Data never makes it throw: the reader and every rule turn surprises into findings.
 */
import { buildIndicators } from "./indicators";
import { buildModel, judgeModel } from "./model";
import { readWorkbook } from "./read";
import { READER_RULE_IDS, RULE_IDS, RULES, runRules } from "./rules";
import { resolveSettings } from "./settings";
import { settingSources } from "./settingSources";
import { computeStats } from "./stats";
import {
  type CheckOptions,
  type CheckResult,
  type Finding,
  type KindOverride,
  type ReadResult,
  type Report,
  type RuleId,
  type TableInfo,
  type WorkbookInput,
} from "./types";
import { ENGINE_VERSION } from "./version";

export { ENGINE_VERSION } from "./version";

/** Read the workbook; a reader fault becomes one finding instead of an exception. */
function safeRead(input: WorkbookInput, overrides: readonly KindOverride[]): ReadResult {
  try {
    return readWorkbook(input, overrides);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return {
      tables: [],
      staff: [],
      activities: [],
      delegates: [],
      reviews: [],
      meetings: [],
      settingsEntries: [],
      sheetSettings: {},
      findings: [{ rule: "table.missing", severity: "error", params: { reason: "internal", detail } }],
    };
  }
}

/** 0-based column number of an A1 address (`"AB12"` → 27), or -1 without one. */
function columnOf(cell: string | undefined): number {
  if (cell === undefined) return -1;
  let n = 0;
  for (const ch of cell.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

// Reading findings (missing tables and columns, bad settings) explain the rest, so they lead ties.
const RULE_ORDER = new Map<RuleId, number>(
  [...READER_RULE_IDS, ...RULE_IDS.filter((r) => !READER_RULE_IDS.includes(r))].map((r, i) => [r, i]),
);

/**
 * Findings in reading order: by the sheet's place in the workbook (findings without a sheet
 * first), then row (aggregate findings first), column, and rule. Keys are computed once so a
 * large log sorts fast; the sort is stable, so ties keep the rules' order.
 */
export function sortFindings(findings: readonly Finding[], input: WorkbookInput): Finding[] {
  const sheetOrder = new Map<string, number>();
  input.sheets.forEach((s, i) => {
    if (!sheetOrder.has(s.name)) sheetOrder.set(s.name, i);
  });
  const keyed = findings.map((f) => ({
    f,
    sheet: f.sheet === undefined ? -1 : (sheetOrder.get(f.sheet) ?? input.sheets.length),
    row: f.row ?? -1,
    col: columnOf(f.cell),
    rule: RULE_ORDER.get(f.rule) ?? RULE_IDS.length,
  }));
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.rule - b.rule);
  return keyed.map((k) => k.f);
}

/** How many findings of each severity. */
export function countSeverities(findings: readonly Finding[]): Report["summary"] {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/** What the recognition made of each sheet, for the report. */
export function tableInfos(read: ReadResult): TableInfo[] {
  return read.tables.map((t) => ({
    kind: t.kind,
    sheet: t.sheet,
    headerRow: t.headerRow,
    rows: t.rows.length,
    source: t.source,
  }));
}

/** Check a workbook against the reform rules; always returns a report, never throws on data. */
export function check(input: WorkbookInput, options: CheckOptions): CheckResult {
  const read = safeRead(input, options.overrides ?? []);
  const settings = resolveSettings([read.sheetSettings, options.settings ?? {}], options.today);
  // One model per check: the rules, the figures, the indicators and the summary sheets share its views.
  const records = buildModel(read, settings);
  const findings = sortFindings([...read.findings, ...runRules(read, settings, RULES, records)], input);
  const stats = computeStats(read, settings, findings, records);
  const model = judgeModel(records, findings);
  const indicators = buildIndicators({ findings, stats, settings, read, model });
  const report: Report = {
    version: ENGINE_VERSION,
    ...(options.file !== undefined ? { file: options.file } : {}),
    tables: tableInfos(read),
    findings,
    stats,
    indicators,
    summary: countSeverities(findings),
    // Named by source, so a setting saved in the workbook never changes a verdict unseen.
    settingSources: settingSources({
      sheet: read.sheetSettings,
      ...(options.layers ? options.layers : { config: options.settings ?? {} }),
    }),
  };
  return { report, read, settings };
}
