/**
 * Private by design, and cell text is only text: a whole file-mode session makes no request to
 * another origin, the Content-Security-Policy is sent and enforced, markup in cells shows
 * literally and never runs, and ExcelJS is not part of the pane's first download.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  cspViolations,
  openPane,
  openSession,
  SAMPLE_PROBLEMS,
  screenshot,
  SERVER_CSP,
  startServer,
  tempDir,
  WEB_ROOT,
  type Server,
} from "./harness";
import { makeMarkupWorkbook, XSS } from "./fixtures";
import { openWorkbook, previewState, waitForFileMode, ZH } from "./pane";

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

test("a whole session — open, check, preview, settings, download — requests nothing from another origin", async () => {
  const s = await openSession(server);
  const methods: string[] = [];
  s.context.on("request", (r) => methods.push(r.method()));
  try {
    await openPane(s, server);
    await waitForFileMode(s.page);
    await openWorkbook(s.page, SAMPLE_PROBLEMS);
    await s.page.locator("button[title^='跳到']").first().click();
    await s.page.locator("[data-testid=file-preview]").waitFor();
    await s.page.getByRole("tab", { name: ZH.tabs.settings }).click();
    await s.page.getByRole("tab", { name: ZH.tabs.report }).click();
    const downloaded = s.page.waitForEvent("download");
    await s.page.getByRole("button", { name: ZH.download }).click();
    await (await downloaded).path();

    expect(s.record.requests.length).toBeGreaterThan(3);
    expect(s.record.foreign).toEqual([]);
    // Only fetching our own files: nothing is posted anywhere, not even to our own server.
    expect([...new Set(methods)]).toEqual(["GET"]);
    // The app ran under its CSP without tripping it once.
    expect(await cspViolations(s.page)).toEqual([]);
    expect(s.record.consoleErrors).toEqual([]);
    expect(s.record.pageErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test("the Content-Security-Policy is sent and in the page, and it stops inline script", async () => {
  const s = await openSession(server);
  try {
    const response = await s.page.goto(`${server.url}taskpane.html`);
    const header = response?.headers()["content-security-policy"] ?? "";
    expect(header).toBe(SERVER_CSP);
    const meta = await s.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    // The page carries the policy itself (for any static host), and the preview server sends the same.
    expect(meta).toBe(header);
    for (const policy of [header, meta ?? ""]) {
      expect(policy).toMatch(/default-src 'self'/);
      // office.js and the MicrosoftAjax.js it loads (src/ui/taskpane.html cites why), nothing else.
      expect(policy).toMatch(
        /script-src 'self'( https:\/\/appsforoffice\.microsoft\.com https:\/\/ajax\.aspnetcdn\.com)?;/,
      );
      expect(policy).toMatch(/connect-src 'self'/);
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    }
    await waitForFileMode(s.page);
    const ran = await s.page.evaluate(async () => {
      const w = window as unknown as { __inline?: number };
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.head.appendChild(script);
      await new Promise((r) => setTimeout(r, 100));
      return w.__inline === 1;
    });
    expect(ran).toBe(false);
    expect((await cspViolations(s.page)).some((v) => v.startsWith("script-src"))).toBe(true);
  } finally {
    await s.close();
  }
});

test("`<img src=x onerror=alert(1)>` in cells and in a sheet name shows literally and never runs", async () => {
  const { file, sheet, cell } = await makeMarkupWorkbook(tmp);
  const s = await openSession(server);
  try {
    await openPane(s, server);
    await waitForFileMode(s.page);
    await openWorkbook(s.page, file);
    const page = s.page;
    // The sheet named like markup is listed by its name, as text.
    await page.locator("li").filter({ hasText: XSS }).first().waitFor();
    // The finding quoting the cell shows the markup as text.
    const quoted = page.locator("button[title^='跳到']").filter({ hasText: XSS });
    if ((await quoted.count()) === 0) {
      // Its group may be closed: open every group and look again.
      for (const h of await page.locator("h3 button[aria-expanded=false]").all()) await h.click();
    }
    await quoted.first().waitFor();
    await quoted
      .filter({ hasText: `${sheet}!${cell}` })
      .first()
      .click();
    const state = await previewState(page);
    expect(state).toMatchObject({ sheet, cell, cellText: XSS });
    await screenshot(page, "markup-literal-1280");

    const injected = await page.evaluate(() => ({
      imgs: document.querySelectorAll('img[src="x"], img[src$="/x"]').length,
      scripts: Array.from(document.scripts).filter((x) => x.textContent?.includes("alert")).length,
    }));
    expect(injected).toEqual({ imgs: 0, scripts: 0 });
    await page.waitForTimeout(300);
    expect(s.record.dialogs).toEqual([]);
    expect(s.record.pageErrors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    // No request for "x" (an <img src=x> would have fetched it).
    expect(s.record.requests.filter((u) => /\/x$/.test(u))).toEqual([]);
  } finally {
    await s.close();
  }
});

test("the file-mode code is not in the pane's first download: it arrives in its own chunks, the reader in the engine worker", async () => {
  const root = WEB_ROOT;
  const html = fs.readFileSync(path.join(root, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1] as string);
  // The pane's own first scripts, which the bootstrap loads once the browser passes its feature tests.
  const pane =
    /name="?ziping-pane-scripts"?\s+content="?([^">]+?)"?\s*\/?>/.exec(html)?.[1]?.split(" ") ?? [];
  expect(pane.length).toBeGreaterThan(0);
  initial.push(...pane);
  expect(initial.length).toBeGreaterThan(0);
  // Markers of the file adapter (the preview grid), the xlsx writer and ExcelJS (an error string of its parser).
  const EXCELJS = "Unexpected xml node in parse";
  const markers = ["file-preview", "_ziping_sheet_", EXCELJS];
  for (const script of initial) {
    const code = fs.readFileSync(path.join(root, script), "utf8");
    expect(markers.filter((m) => code.includes(m))).toEqual([]);
  }

  const s = await openSession(server);
  try {
    await openPane(s, server);
    await waitForFileMode(s.page);
    await openWorkbook(s.page, SAMPLE_PROBLEMS);
    const names = s.record.requests.map((u) => path.basename(new URL(u).pathname));
    expect(names.some((n) => n.startsWith("file-mode."))).toBe(true);
    expect(names.some((n) => n.startsWith("ziping-engine."))).toBe(true);
    // The lean reader and the package-level writer do the work: ExcelJS never loads in the browser.
    const loaded = names.filter((n) => n.endsWith(".js") && fs.existsSync(path.join(root, n)));
    expect(loaded.filter((n) => fs.readFileSync(path.join(root, n), "utf8").includes(EXCELJS))).toEqual([]);
  } finally {
    await s.close();
  }
});
