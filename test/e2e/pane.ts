/**
 * How the e2e tests work the pane: by the accessible names the pane guarantees (src/ui/README.md),
 * the same way a user with a screen reader or a keyboard would.
 */
import * as path from "node:path";
import type { Locator, Page } from "playwright-core";

/** The pane's accessible names in Chinese (the default language of the tests). */
export const ZH = {
  chooseFile: "选择 .xlsx 文件",
  check: "校验",
  download: "下载汇总工作簿",
  counts: "问题数量",
  findings: "按规则分组的问题",
  language: "语言",
  tabs: { problems: "问题", assessment: "自评表", summary: "汇总表", settings: "设置", report: "报告要点" },
  severity: (n: number, s: "error" | "warning" | "info") =>
    `${n} 个${{ error: "错误", warning: "警告", info: "提示" }[s]}`,
  sheetFacts: (headerRow: number, rows: number) =>
    `表头在第 ${headerRow} 行，${rows.toLocaleString("zh-CN")} 行数据`,
  verdicts: { yes: "是", no: "否", unknown: "待确认" },
} as const;

/** The file input of the 打开工作簿 area. */
export function fileInput(page: Page): Locator {
  return page.getByLabel(ZH.chooseFile, { exact: true }).and(page.locator("input[type=file]"));
}

/** Open a workbook through the file input and wait until the check of that workbook has run. */
export async function openWorkbook(page: Page, file: string, timeout = 60_000): Promise<void> {
  // Results of a workbook opened before must not pass for this one's: mark them first.
  await page.evaluate((label) => {
    document.querySelectorAll(`[aria-label="${label}"]`).forEach((e) => e.setAttribute("data-e2e-old", ""));
  }, ZH.counts);
  await fileInput(page).setInputFiles(file);
  await page.getByText(`当前工作簿：${path.basename(file)}`).waitFor({ timeout });
  await waitForResults(page, timeout);
}

/** Wait until a check has finished: fresh counts are in the page and no progress indicator is left. */
export async function waitForResults(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (label) =>
      document.querySelector(`[aria-label="${label}"]:not([data-e2e-old])`) !== null &&
      document.querySelectorAll("[role=progressbar]").length === 0,
    ZH.counts,
    { timeout, polling: 100 },
  );
}

/** The visible tab panel's text. */
export async function panelText(page: Page): Promise<string> {
  return page.locator("[role=tabpanel]:not([hidden])").innerText();
}

/** Wait until the file-mode pane is ready for a file (the 打开工作簿 button is shown). */
export async function waitForFileMode(page: Page, timeout = 60_000): Promise<void> {
  await chooseFileButton(page, ZH.chooseFile).waitFor({ timeout });
}

/** The accessible-ish name of the focused element: aria-label, else its text. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "";
    return (el.getAttribute("aria-label") ?? el.innerText ?? el.textContent ?? "").trim();
  });
}

/** Press Tab until the focused element's name matches, and return how many presses it took. */
export async function tabTo(
  page: Page,
  wanted: RegExp | string | ((name: string) => boolean),
  max = 80,
): Promise<number> {
  const matches = (name: string): boolean =>
    typeof wanted === "string"
      ? name === wanted
      : typeof wanted === "function"
        ? wanted(name)
        : wanted.test(name);
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focusedName(page))) return i;
  }
  throw new Error(`no element named ${String(wanted)} within ${max} Tab presses`);
}

/** The preview's state: the sheet and target it shows and which cell and row are highlighted. */
export async function previewState(page: Page): Promise<{
  sheet: string | null;
  target: string | null;
  cell: string | null;
  cellText: string | null;
  row: string | null;
}> {
  const preview = page.locator("[data-testid=file-preview]");
  await preview.waitFor();
  const cell = preview.locator("[data-highlight=cell]");
  await cell.waitFor();
  return {
    sheet: await preview.getAttribute("data-sheet"),
    target: await preview.getAttribute("data-target"),
    cell: await cell.getAttribute("data-cell"),
    cellText: await cell.textContent(),
    row: await preview.locator("[data-highlight=row]").getAttribute("data-row"),
  };
}

/** The button that opens the file picker (the file input itself is also a "button" to ARIA). */
export function chooseFileButton(page: Page, name: string): Locator {
  return page.locator("button").filter({ hasText: name });
}
