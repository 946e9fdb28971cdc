/**
 * File mode end to end in real Chromium: the pane on the bundled samples agrees with the CLI,
 * findings open the preview on the right cell, the download is the CLI's workbook, the language
 * switch works, and the whole run works from the keyboard alone.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { FileChooser, Page } from "playwright-core";
import {
  ruleTitle,
  SUMMARY_SHEET_NAMES,
  SUMMARY_SHEET_IDS,
  STATE_SHEET_NAME,
  type Report,
} from "../../src/engine";
import {
  openPane,
  openSession,
  runCli,
  SAMPLE_2022,
  SAMPLE_PROBLEMS,
  screenshot,
  startServer,
  tempDir,
  type Server,
  type Session,
} from "./harness";
import { cellValues, sheetList } from "./fixtures";
import {
  chooseFileButton,
  openWorkbook,
  panelText,
  previewState,
  tabTo,
  waitForFileMode,
  waitForResults,
  ZH,
} from "./pane";

let server: Server;
let tmp: string;

beforeAll(async () => {
  server = await startServer();
  tmp = tempDir();
});

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Run `ziping check` on a file and return its JSON report. */
function cliReport(file: string): Report {
  const out = path.join(tmp, `${path.basename(file)}.${Date.now()}.json`);
  const run = runCli(["check", file, "--json", out, "--force"]);
  if (![0, 1].includes(run.status ?? -1)) throw new Error(`ziping check failed: ${run.stderr}`);
  return JSON.parse(fs.readFileSync(out, "utf8")) as Report;
}

/** Nothing the page must not do: no uncaught error, no console error, no request elsewhere. */
function expectClean(s: Session): void {
  expect(s.record.pageErrors).toEqual([]);
  expect(s.record.consoleErrors).toEqual([]);
  expect(s.record.foreign).toEqual([]);
  expect(s.record.dialogs).toEqual([]);
}

async function withSession(
  run: (s: Session, page: Page) => Promise<void>,
  lang: "zh" | "en" = "zh",
  width?: number,
): Promise<void> {
  const s = await openSession(server, { lang, ...(width !== undefined ? { width } : {}) });
  try {
    await openPane(s, server);
    await waitForFileMode(s.page);
    await run(s, s.page);
    expectClean(s);
  } finally {
    await s.close();
  }
}

/** A whole number (or decimal) as it would appear in text, not as part of a longer number. */
function numberPattern(n: number): RegExp {
  return new RegExp(`(?<![\\d.])${String(n).replace(".", "\\.")}(?![\\d])`);
}

test("the bundled sample shows the same counts and key figures as `ziping check --json`", async () => {
  const report = cliReport(SAMPLE_2022);
  await withSession(async (_s, page) => {
    await openWorkbook(page, SAMPLE_2022);

    const counts = await page.getByRole("list", { name: ZH.counts }).innerText();
    expect(counts).toContain(ZH.severity(report.summary.errors, "error"));
    expect(counts).toContain(ZH.severity(report.summary.warnings, "warning"));
    expect(counts).toContain(ZH.severity(report.summary.infos, "info"));

    // Every recognised table, with its header row and number of data rows.
    expect(report.tables.length).toBeGreaterThanOrEqual(6);
    for (const t of report.tables) {
      const item = page
        .locator("li")
        .filter({ hasText: t.sheet })
        .filter({ hasText: ZH.sheetFacts(t.headerRow, t.rows) });
      expect(await item.count()).toBe(1);
    }

    // The 自评表: the verdict of every indicator, in order, and the totals per verdict.
    await page.getByRole("tab", { name: ZH.tabs.assessment }).click();
    const panel = page.locator("[role=tabpanel]:not([hidden])");
    const verdicts = await panel
      .locator("ul > li")
      .evaluateAll((items) => items.map((li) => (li as HTMLElement).innerText.split("\n")[0]?.trim()));
    expect(verdicts).toEqual(report.indicators.map((i) => ZH.verdicts[i.verdict]));
    const assessment = await panelText(page);
    for (const v of ["yes", "no", "unknown"] as const) {
      const n = report.indicators.filter((i) => i.verdict === v).length;
      expect(assessment).toMatch(new RegExp(`${ZH.verdicts[v]}\\s*${n}(?!\\d)`));
    }

    // Key figures: every one the CLI computed appears in the pane's 自评表 notes or report points.
    await page.getByRole("tab", { name: ZH.tabs.report }).click();
    const text = assessment + "\n" + (await panelText(page));
    const st = report.stats;
    const figures: Array<[string, number | undefined]> = [
      ["staff.total", st.staff?.total],
      ["staff.presidium", st.staff?.presidium],
      ["staff.departmentCount", st.staff?.departmentCount],
      ["activities.sessions", st.activities?.sessions],
      ["activities.personTimes", st.activities?.personTimes],
      ["activities.hours", st.activities?.hours],
      ["congress.delegates", st.congress?.delegates],
      ["reviews.required", st.reviews?.required],
      ["reviews.done", st.reviews?.done],
      ["meetings.trainings", st.meetings?.trainings],
      ["meetings.chairsMeetings", st.meetings?.chairsMeetings],
    ];
    const missing = figures
      .filter(([, n]) => n === undefined || !numberPattern(n).test(text))
      .map(([k, n]) => `${k}=${n}`);
    expect(missing).toEqual([]);
    if (st.congress?.ratio != null) expect(text).toContain(`${(st.congress.ratio * 100).toFixed(2)}%`);
    if (st.congress?.nonOfficerShare != null)
      expect(text).toContain(`${(st.congress.nonOfficerShare * 100).toFixed(2)}%`);
  });
});

test("the problems sample shows every rule group, and a finding opens the preview on its cell", async () => {
  const report = cliReport(SAMPLE_PROBLEMS);
  const rules = [...new Set(report.findings.map((f) => f.rule))];
  expect(rules.length).toBeGreaterThan(10);
  await withSession(async (_s, page) => {
    await openWorkbook(page, SAMPLE_PROBLEMS);
    const findings = page.locator(`[aria-label="${ZH.findings}"]`);
    for (const rule of rules) {
      const n = report.findings.filter((f) => f.rule === rule).length;
      const header = findings
        .locator("h3")
        .filter({ hasText: ruleTitle(rule, "zh") })
        .filter({ hasText: `${n} 条` });
      expect(await header.count()).toBe(1);
    }

    // One finding with a cell on each of two different sheets.
    // (Aggregate findings have no cell: null in the JSON.)
    const located = report.findings.filter((f) => f.sheet != null && f.cell != null);
    const picks = located.filter((f, i) => located.findIndex((g) => g.sheet === f.sheet) === i).slice(0, 2);
    expect(picks.length).toBe(2);
    for (const f of picks) {
      const header = findings
        .locator("h3")
        .filter({ hasText: ruleTitle(f.rule, "zh") })
        .getByRole("button");
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      const item = page
        .getByRole("button", { name: new RegExp(`${escapeRegExp(`${f.sheet}!${f.cell}`)}$`) })
        .first();
      const preview = page.locator(`[data-testid=file-preview][data-target="${f.cell}"]`);
      // On a loaded machine a click can land while the accordion is still animating open; a user
      // would click again, so the test does too (at most three times) before it fails.
      for (let attempt = 1; ; attempt++) {
        await item.click();
        try {
          await preview.waitFor({ timeout: 10_000 });
          break;
        } catch (err) {
          if (attempt >= 3) throw err;
        }
      }
      const state = await previewState(page);
      expect(state).toMatchObject({ sheet: f.sheet, target: f.cell, cell: f.cell, row: String(f.row) });
      if (typeof f.value === "string" || typeof f.value === "number")
        expect(state.cellText).toBe(String(f.value));
      // The highlighted cell is really on screen, not just in the DOM.
      await expectInView(page, "[data-testid=file-preview] [data-highlight=cell]");
    }
  });
});

test("on a narrow pane the preview opens with the finding's cell in view, beside the frozen name column", async () => {
  // The preview learns its real width only after it opens; the columns it freezes depend on that
  // width, and the cell must still be on screen once they change (it was cut off at 350 px).
  const report = cliReport(SAMPLE_PROBLEMS);
  const f = report.findings.find((x) => x.sheet != null && x.cell != null && /^[D-Z]/.test(x.cell));
  if (!f?.cell) throw new Error("the problems sample has no finding right of column C");
  await withSession(
    async (_s, page) => {
      await openWorkbook(page, SAMPLE_PROBLEMS);
      const header = page
        .locator(`[aria-label="${ZH.findings}"] h3`)
        .filter({ hasText: ruleTitle(f.rule, "zh") })
        .getByRole("button");
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      await page
        .getByRole("button", { name: new RegExp(`${escapeRegExp(`${f.sheet}!${f.cell}`)}$`) })
        .first()
        .click();
      await page
        .locator(`[data-testid=file-preview][data-target="${f.cell}"] [data-highlight=cell]`)
        .waitFor();
      // The preview may re-measure a frame later (a scrollbar appearing): give it until then.
      await page
        .waitForFunction(inView, "[data-testid=file-preview] [data-highlight=cell]", { timeout: 10_000 })
        .catch(() => undefined);
      await expectInView(page, "[data-testid=file-preview] [data-highlight=cell]");
    },
    "zh",
    350,
  );
});

test("the download is the CLI's workbook: six summary sheets, the user's sheets unchanged, saved settings inside", async () => {
  const cliOut = path.join(tmp, "cli-out.xlsx");
  const run = runCli(["check", SAMPLE_PROBLEMS, "--out", cliOut, "--force"]);
  expect([0, 1]).toContain(run.status);
  await withSession(async (s, page) => {
    await openWorkbook(page, SAMPLE_PROBLEMS);
    const downloaded = await download(page, path.join(tmp, "browser-out.xlsx"));
    s.record.downloads.push(downloaded);

    const names = SUMMARY_SHEET_IDS.map((id) => SUMMARY_SHEET_NAMES[id].zh);
    const browserSheets = await sheetList(downloaded);
    expect(browserSheets).toEqual(await sheetList(cliOut));
    expect(browserSheets.map((x) => x.name)).toEqual(expect.arrayContaining(names));

    const original = await cellValues(SAMPLE_PROBLEMS);
    const browser = await cellValues(downloaded);
    const cli = await cellValues(cliOut);
    for (const [sheet, cells] of original) expect(browser.get(sheet)).toEqual(cells);
    for (const name of names) {
      expect(browser.get(name)?.size).toBeGreaterThan(0);
      expect(browser.get(name)).toEqual(cli.get(name));
    }

    // Settings saved in the pane travel in the download (very-hidden state sheet) and come back.
    await page.getByRole("tab", { name: ZH.tabs.settings }).click();
    await page.getByLabel("工作人员上限", { exact: true }).fill("45");
    await page.getByRole("button", { name: "保存设置" }).click();
    await page.getByText("设置已保存").waitFor();
    await waitForResults(page);
    const withState = await download(page, path.join(tmp, "browser-out-state.xlsx"));
    const states = await sheetList(withState);
    expect(states.find((x) => x.name === STATE_SHEET_NAME)?.state).toBe("veryHidden");
    const stateCell = (await cellValues(withState)).get(STATE_SHEET_NAME)?.get("A1");
    expect(JSON.parse(String(stateCell))).toMatchObject({ settings: { staffMax: 45 } });

    await openWorkbook(page, withState);
    await page.getByRole("tab", { name: ZH.tabs.settings }).click();
    await expect(page.getByLabel("工作人员上限", { exact: true }).inputValue()).resolves.toBe("45");
  });
});

test("the language switch changes the whole pane, including the preview, and is remembered", async () => {
  await withSession(async (_s, page) => {
    await openWorkbook(page, SAMPLE_PROBLEMS);
    await page.locator("button[title^='跳到']").first().click();
    await page.locator("[data-testid=file-preview]").waitFor();
    await page.getByLabel(ZH.language).selectOption("en");
    await page.getByRole("tab", { name: "Problems" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toMatch(/^en/);
    await page.getByRole("button", { name: "Download summary workbook" }).waitFor();
    await page.getByRole("button", { name: "Close preview" }).waitFor();
    expect(await page.getByRole("list", { name: "Problem counts" }).innerText()).toMatch(/\d+ errors?/);
    await screenshot(page, "results-en-1280");
    await page.reload();
    await chooseFileButton(page, "Choose an .xlsx file").waitFor();
    await page.getByLabel("Language").selectOption("zh");
    await waitForFileMode(page);
  });
});

test("keyboard only: open, check, jump to a finding and download with Tab, Enter and Space", async () => {
  await withSession(async (_s, page) => {
    // The pane may still be settling (lazy chunks) when the first Tab lands: if the picker does not
    // open, Tab to the button again, as a user would — but at most three times.
    let chooser: FileChooser | null = null;
    for (let attempt = 1; attempt <= 3 && !chooser; attempt++) {
      await tabTo(page, ZH.chooseFile);
      const opened = page.waitForEvent("filechooser", { timeout: 5_000 }).catch(() => null);
      await page.keyboard.press("Enter");
      chooser = await opened;
    }
    expect(chooser).not.toBeNull();
    await chooser?.setFiles(SAMPLE_PROBLEMS);
    await waitForResults(page);

    // The first rule group is open: Tab to its first finding and press Enter.
    const first = page.locator("button[title^='跳到']").first();
    const title = (await first.getAttribute("title")) ?? "";
    const location = title.replace(/^跳到\s*/, "");
    await tabTo(page, (name) => name.endsWith(location));
    await page.keyboard.press("Enter");
    const [sheet, cell] = location.split("!");
    await page.locator(`[data-testid=file-preview][data-target="${cell}"]`).waitFor();
    expect((await previewState(page)).sheet).toBe(sheet);

    // Space on the download button (a real keyboard user may come back with Shift+Tab or wrap around).
    await tabTo(page, ZH.download, 200);
    const downloadEvent = page.waitForEvent("download");
    await page.keyboard.press("Space");
    const file = await downloadEvent;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Click 下载汇总工作簿 and save the download to `to`. */
async function download(page: Page, to: string): Promise<string> {
  const event = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: ZH.download }).click();
  const d = await event;
  await d.saveAs(to);
  await page.getByText("汇总工作簿已下载").waitFor();
  return to;
}

/** The element is inside its scroll container's visible area and the viewport. */
async function expectInView(page: Page, selector: string): Promise<void> {
  expect(await page.evaluate(inView, selector)).toBe(true);
}

/** In the page: the element is inside its scroll container's visible area. */
function inView(selector: string): boolean {
  const el = document.querySelector(selector);
  if (!el) return false;
  const r = el.getBoundingClientRect();
  let p: HTMLElement | null = el.parentElement;
  while (p && getComputedStyle(p).overflowY !== "auto") p = p.parentElement;
  const box = p?.getBoundingClientRect();
  return !!box && r.top >= box.top && r.bottom <= box.bottom && r.left >= box.left && r.right <= box.right;
}
