/** 问题清单: every finding, one row each, with an internal hyperlink to its source cell. */
import { catalogue, findingProblem, ruleBasis, ruleTitle } from "../i18n";
import type { CheckResult, Finding, Lang, Severity, SummaryCell, SummarySheet } from "../types";
import { plural } from "./format";
import { summaryLayout } from "./layout";
import { SUMMARY_SHEET_NAMES } from "./names";

/**
 * Findings of one rule listed on the sheet (docs/privacy.md); past it one row says how many more.
 * A log of 350,000 rows can give 700,000 findings: a sheet of them helps nobody and costs memory,
 * while the JSON report keeps every one.
 */
export const MAX_ROWS_PER_RULE = 10_000;

const TEXT = {
  zh: {
    title: (e: number, w: number, i: number) => `问题清单（错误${e}项，警告${w}项，提示${i}项）`,
    headers: ["序号", "严重程度", "规则", "工作表", "行", "列", "单元格", "值", "说明", "修改建议", "依据"],
    severity: { error: "错误", warning: "警告", info: "提示" },
    none: "未发现问题。",
    wholeSheet: "整张表",
    more: (n: number) =>
      `另有 ${n} 条同类问题未列出（每条规则最多列出 ${MAX_ROWS_PER_RULE} 条；JSON 报告中有完整清单）。`,
  },
  en: {
    title: (e: number, w: number, i: number) =>
      `Problems (${plural(e, "error")}, ${plural(w, "warning")}, ${plural(i, "note")})`,
    headers: [
      "No.",
      "Severity",
      "Rule",
      "Sheet",
      "Row",
      "Column",
      "Cell",
      "Value",
      "Explanation",
      "How to fix",
      "Basis",
    ],
    severity: { error: "error", warning: "warning", info: "note" },
    none: "No problem found.",
    wholeSheet: "whole sheet",
    more: (n: number) =>
      `${plural(n, "more finding")} of this rule not listed (at most ${MAX_ROWS_PER_RULE} per rule; the JSON report lists them all).`,
  },
} as const;

const WIDTHS = [6, 8, 26, 14, 6, 14, 9, 16, 56, 44, 36] as const;
const FORMATS = [
  "integer",
  "text",
  "text",
  "text",
  "integer",
  "text",
  "text",
  undefined,
  "text",
  "text",
] as const;

/**
 * The cell to link a finding to: its own cell; else column A of its row; else the sheet as a
 * whole (a finding about the whole table, such as too many staff), shown as such rather than as
 * "A1", which would point at a cell the finding is not about. Findings without a sheet (a table
 * that is missing) have no link.
 */
function locationCell(f: Finding, wholeSheet: string): SummaryCell {
  if (f.sheet === undefined) return null;
  if (f.cell === undefined && f.row === undefined)
    return { text: wholeSheet, link: { sheet: f.sheet, cell: "A1" } };
  const cell = f.cell ?? `A${f.row}`;
  return { text: cell, link: { sheet: f.sheet, cell } };
}

function valueCell(v: Finding["value"]): SummaryCell {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** Build the 问题清单 sheet (an Excel table with a frozen header). */
export function problemsSheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const findings = result.report.findings;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const messages = catalogue(lang);
  // The explanation, the fix and the basis in their own columns, so none of them is repeated.
  const perRule = new Map<string, number>();
  const rows: SummaryCell[][] = [];
  findings.forEach((f, i) => {
    counts[f.severity]++;
    const n = (perRule.get(f.rule) ?? 0) + 1;
    perRule.set(f.rule, n);
    if (n > MAX_ROWS_PER_RULE) return;
    rows.push([
      i + 1,
      t.severity[f.severity],
      ruleTitle(f.rule, lang),
      f.sheet ?? null,
      f.row ?? null,
      f.column ?? null,
      locationCell(f, t.wholeSheet),
      valueCell(f.value),
      findingProblem(f, lang),
      messages.fixFor(f),
      ruleBasis(f.rule, lang),
    ]);
  });
  for (const [rule, n] of perRule) {
    if (n <= MAX_ROWS_PER_RULE) continue;
    const title = ruleTitle(rule as Finding["rule"], lang);
    rows.push([null, null, title, null, null, null, null, null, t.more(n - MAX_ROWS_PER_RULE), null, null]);
  }
  if (rows.length === 0) rows.push([null, null, null, null, null, null, null, null, t.none, null, null]);
  const blocks = [
    {
      id: "problems",
      columns: t.headers.map((header, i) => {
        const format = FORMATS[i];
        return { header, width: WIDTHS[i] ?? 12, ...(format ? { format } : {}) };
      }),
      rows,
      asTable: true,
    },
  ];
  const header = summaryLayout({ blocks })[0]?.headerRow ?? 1;
  return {
    id: "problems",
    name: SUMMARY_SHEET_NAMES.problems[lang],
    title: t.title(counts.error, counts.warning, counts.info),
    blocks,
    freeze: { rows: header, columns: 0 },
  };
}
