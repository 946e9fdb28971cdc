/**
 * Accessibility of the main states (empty, results, settings, preview) with axe-core, at the
 * narrowest task-pane width (320 px) and at a desktop width — and a screenshot of every state
 * under test-results/e2e/ on every run, for people to look at.
 */
import * as fs from "node:fs";
import {
  openPane,
  openSession,
  SAMPLE_PROBLEMS,
  screenshot,
  seriousAxeViolations,
  startServer,
  type AxeViolation,
  type Server,
} from "./harness";
import { openWorkbook, waitForFileMode, ZH } from "./pane";

let server: Server;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

const WIDTHS = [320, 1280] as const;

describe.each(WIDTHS)("at %i px", (width) => {
  test("empty, results, assessment, settings, report and preview: no serious or critical axe violation", async () => {
    const s = await openSession(server, { width, height: 900 });
    const found: Record<string, AxeViolation[]> = {};
    const overflow: Record<string, number> = {};
    const check = async (state: string): Promise<void> => {
      await screenshot(s.page, `${state}-${width}`);
      const v = await seriousAxeViolations(s.page);
      if (v.length > 0) found[state] = v;
      // Nothing wider than the pane: no sideways scrolling of the page (a task pane can be 320 px).
      const px = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (px > 0) overflow[state] = px;
    };
    try {
      await openPane(s, server);
      await waitForFileMode(s.page);
      await check("empty");

      await openWorkbook(s.page, SAMPLE_PROBLEMS);
      await check("results");

      await s.page.getByRole("tab", { name: ZH.tabs.assessment }).click();
      await check("assessment");
      await s.page.getByRole("tab", { name: ZH.tabs.settings }).click();
      await check("settings");
      await s.page.getByRole("tab", { name: ZH.tabs.report }).click();
      await check("report");
      await s.page.getByRole("tab", { name: ZH.tabs.summary }).click();
      await s.page.getByRole("region", { name: "资格审查", exact: true }).waitFor();
      await check("summary");

      await s.page.getByRole("tab", { name: ZH.tabs.problems }).click();
      await s.page.locator("button[title^='跳到']").first().click();
      await s.page.locator("[data-testid=file-preview] [data-highlight=cell]").waitFor();
      await s.page.locator("[data-testid=file-preview]").scrollIntoViewIfNeeded();
      await check("preview");

      expect(found).toEqual({});
      expect(overflow).toEqual({});
      expect(s.record.pageErrors).toEqual([]);
      expect(s.record.consoleErrors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

test("screenshots are where people expect them", () => {
  for (const w of WIDTHS) {
    for (const state of ["empty", "results", "settings", "preview"]) {
      expect(fs.existsSync(`${__dirname}/../../test-results/e2e/${state}-${w}.png`)).toBe(true);
    }
  }
});
