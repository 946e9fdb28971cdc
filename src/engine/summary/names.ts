/**
 * Names of our summary sheets in each language. The reader skips sheets with these names (and a
 * suffixed copy such as `自评表 (2)`) so that re-checking an output workbook reads only user data.
 */
import type { Lang, SummarySheetId } from "../types";

/** Our sheet ids in the order they are written. */
export const SUMMARY_SHEET_IDS: readonly SummarySheetId[] = [
  "assessment",
  "problems",
  "eligibility",
  "structure",
  "activity",
  "report",
];

/** Sheet name per id and language. */
export const SUMMARY_SHEET_NAMES: Readonly<Record<SummarySheetId, Readonly<Record<Lang, string>>>> = {
  assessment: { zh: "自评表", en: "Self-assessment" },
  problems: { zh: "问题清单", en: "Problems" },
  eligibility: { zh: "资格审查", en: "Eligibility" },
  structure: { zh: "组织架构", en: "Structure" },
  activity: { zh: "活动统计", en: "Activity statistics" },
  report: { zh: "报告要点", en: "Report points" },
};

const ALL_NAMES = new Set(Object.values(SUMMARY_SHEET_NAMES).flatMap((n) => [n.zh, n.en]));

/** The very-hidden sheet holding the pane's saved state (see ../state.ts). */
const STATE_SHEET = "_ziping_state";

/**
 * True when a sheet name is one of ours — a summary sheet, possibly with a numeric suffix such as
 * ` (2)` or `_2`, or the saved-state sheet — so the reader never takes it for user data.
 */
export function isSummarySheetName(name: string): boolean {
  if (name === STATE_SHEET) return true;
  const base = name.replace(/\s*(\(\d+\)|（\d+）|_\d+)$/u, "").trim();
  return ALL_NAMES.has(base);
}
