/**
 * The summary sheets as plain data (title, blocks of rows with column formats, links, a chart),
 * rendered by each adapter; plus the report sentences and the self-assessment texts they use.
 */
import type { CheckResult, Lang, SummarySheet, SummarySheetId } from "../types";
import { activitySheet } from "./activity";
import { assessmentSheet } from "./assessment";
import { eligibilitySheet } from "./eligibility";
import { SUMMARY_SHEET_IDS } from "./names";
import { pageSetupOf } from "./page";
import { problemsSheet } from "./problems";
import { reportSheet } from "./reportSentences";
import { structureSheet } from "./structure";

export { SUMMARY_SHEET_IDS, SUMMARY_SHEET_NAMES } from "./names";
export {
  formatIndicatorNote,
  formatIndicatorNotes,
  indicatorText,
  markSymbol,
  tableName,
  verdictText,
} from "./indicatorText";
export { REPORT_TOPICS, reportSentences, reportTopicLabel } from "./reportSentences";
export type { ReportSentence, ReportTopic } from "./reportSentences";
export { reportDocument } from "./reportDocument";
export type { ReportDocument, ReportParagraph, ReportSection } from "./reportDocument";
export { summaryLayout, FIRST_BLOCK_ROW } from "./layout";
export { excelFooter, excelFooterText, pageSetupOf } from "./page";
export type { BlockLayout } from "./layout";

const BUILDERS: Readonly<Record<SummarySheetId, (result: CheckResult, lang: Lang) => SummarySheet>> = {
  assessment: assessmentSheet,
  problems: problemsSheet,
  eligibility: eligibilitySheet,
  structure: structureSheet,
  activity: activitySheet,
  report: reportSheet,
};

/** Build the six summary sheets of a check, in the order of SUMMARY_SHEET_IDS, each with its page setup. */
export function buildSummarySheets(result: CheckResult, lang: Lang): SummarySheet[] {
  return SUMMARY_SHEET_IDS.map((id) => {
    const sheet = BUILDERS[id](result, lang);
    return { ...sheet, page: pageSetupOf(sheet, result.settings, lang) };
  });
}
