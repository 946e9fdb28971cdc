/**
 * How each summary sheet prints, as data both writers carry out: A4, an orientation per sheet,
 * one page wide, the frozen header rows repeated on every page, margins, and a footer with the
 * school, the sheet and 第 N 页 / 共 M 页. The 团委 reads these sheets on paper.
 */
import type { Settings } from "../settings";
import type { Lang, PageSetup, SummarySheet, SummarySheetId } from "../types";

/** Orientation and page count per sheet: 自评表 is one page; wide tables print landscape. */
const PRINT: Readonly<Record<SummarySheetId, { orientation: PageSetup["orientation"]; onePage: boolean }>> = {
  assessment: { orientation: "portrait", onePage: true },
  problems: { orientation: "landscape", onePage: false },
  eligibility: { orientation: "landscape", onePage: false },
  structure: { orientation: "portrait", onePage: false },
  activity: { orientation: "landscape", onePage: false },
  report: { orientation: "portrait", onePage: false },
};

/** Margins in inches: narrow at the sides (tables are wide), room for the footer at the bottom. */
export const PAGE_MARGINS: PageSetup["margins"] = {
  left: 0.5,
  right: 0.5,
  top: 0.6,
  bottom: 0.75,
  header: 0.3,
  footer: 0.3,
};

/** The page counter of the footer; `{page}` and `{pages}` are replaced by each writer's codes. */
const PAGE_COUNTER: Readonly<Record<Lang, string>> = {
  zh: "第 {page} 页 / 共 {pages} 页",
  en: "Page {page} of {pages}",
};

/** The page setup of one summary sheet. */
export function pageSetupOf(
  sheet: Pick<SummarySheet, "id" | "name" | "freeze">,
  settings: Settings,
  lang: Lang,
): PageSetup {
  const p = PRINT[sheet.id];
  const frozen = Math.max(0, Math.floor(sheet.freeze?.rows ?? 0));
  return {
    paper: "A4",
    orientation: p.orientation,
    fitToWidth: 1,
    fitToHeight: p.onePage ? 1 : 0,
    // The frozen rows (title and table header) are what a reader needs on every printed page.
    titleRows: frozen > 0 ? { first: 1, last: frozen } : null,
    margins: PAGE_MARGINS,
    footer: { left: settings.schoolName ?? "", center: sheet.name, right: PAGE_COUNTER[lang] },
  };
}

/**
 * One footer part in Excel's header/footer code (used by the .xlsx and the Office.js writers):
 * `&` doubled so a school named "A&B" prints as written, `{page}`/`{pages}` as `&P`/`&N`.
 */
export function excelFooterText(text: string): string {
  return text
    .replace(/&/g, "&&")
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

/** The whole footer in Excel's code: left, centre and right parts. */
export function excelFooter(footer: PageSetup["footer"]): string {
  const part = (code: string, text: string): string =>
    text === "" ? "" : `&${code}${excelFooterText(text)}`;
  return `${part("L", footer.left)}${part("C", footer.center)}${part("R", footer.right)}`;
}
