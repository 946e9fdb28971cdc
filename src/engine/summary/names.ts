/**
 * Names of our summary sheets in each language. How a sheet of ours is recognised by its name
 * (with a suffix such as `自评表 (2)`) lives with the other workbook conventions in ../workbook.
 */
import type { Lang, SummarySheetId } from "../types";

/** Sheet name per id and language, in the order the sheets are written. */
export const SUMMARY_SHEET_NAMES: Readonly<Record<SummarySheetId, Readonly<Record<Lang, string>>>> = {
  assessment: { zh: "自评表", en: "Self-assessment" },
  problems: { zh: "问题清单", en: "Problems" },
  eligibility: { zh: "资格审查", en: "Eligibility" },
  structure: { zh: "组织架构", en: "Structure" },
  activity: { zh: "活动统计", en: "Activity statistics" },
  report: { zh: "报告要点", en: "Report points" },
};

/** Our sheet ids in the order they are written (the record above lists every id once, in that order). */
export const SUMMARY_SHEET_IDS = Object.keys(SUMMARY_SHEET_NAMES) as readonly SummarySheetId[];
