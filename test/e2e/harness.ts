/**
 * The e2e harness: serve dist/web with the preview server, drive Debian's Chromium through
 * playwright-core with a fresh profile, and record what a page does that it must not do — requests
 * to another origin, console errors, uncaught exceptions, dialogs, CSP violations.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { chromium, type BrowserContext, type Page } from "playwright-core";

/** The repository root. */
export const ROOT = path.resolve(__dirname, "..", "..");
/** Where screenshots and downloads of every run go. */
export const RESULTS = path.join(ROOT, "test-results", "e2e");
/** The bundled samples. */
export const SAMPLE_2022 = path.join(ROOT, "samples", "sample-2022.xlsx");
/** The sample with a problem of every rule group. */
export const SAMPLE_PROBLEMS = path.join(ROOT, "samples", "sample-problems.xlsx");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

// scripts/preview.js is plain CommonJS (no types); this is the part of it the tests use.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-Node script shared with `npm run preview`
const preview = require("../../scripts/preview.js") as {
  startServer(opts: { root: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
  CSP: string;
};

/** The Content-Security-Policy the server sends. */
export const SERVER_CSP = preview.CSP;

/** A running preview server. */
export interface Server {
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** The built web app: dist/web (built by `npm run test:e2e`), or E2E_WEB_ROOT. */
export const WEB_ROOT = process.env.E2E_WEB_ROOT
  ? path.resolve(process.env.E2E_WEB_ROOT)
  : path.join(ROOT, "dist", "web");

/** Serve the built web app on a free port. */
export async function startServer(): Promise<Server> {
  const root = WEB_ROOT;
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    throw new Error("dist/web is not built: run `npm run test:e2e` (it builds the web app first)");
  }
  const s = await preview.startServer({ root, port: 0 });
  return { url: s.url, origin: new URL(s.url).origin, close: s.close };
}

/** What a page did, recorded for assertions. */
export interface Recorder {
  /** Every request URL, in order. */
  readonly requests: string[];
  /** Requests to another origin (they are also aborted: this machine has no network anyway). */
  readonly foreign: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
  /** Downloads saved under test-results. */
  readonly downloads: string[];
}

/** A browser with a fresh profile and one page on it. */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly record: Recorder;
  readonly profile: string;
  close(): Promise<void>;
}

/** Options of {@link openSession}. */
export interface SessionOptions {
  readonly width?: number;
  readonly height?: number;
  /** Language the pane starts in (stored in localStorage before the app runs). */
  readonly lang?: "zh" | "en";
  /**
   * Keep `window.showOpenFilePicker` (File System Access API). By default it is removed, so that
   * 打开工作簿 opens the `<input type=file>` that Playwright's file chooser drives (it cannot drive
   * the native picker); a test that keeps it installs its own stand-in (see reread.e2e.ts).
   */
  readonly filePicker?: boolean;
}

/** Launch Chromium (fresh `--user-data-dir` in a temp dir) and record everything the page does. */
export async function openSession(server: Server, options: SessionOptions = {}): Promise<Session> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    acceptDownloads: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const record: Recorder = {
    requests: [],
    foreign: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    downloads: [],
  };
  const own = (url: string) => url.startsWith(server.origin + "/") || /^(data|blob|about):/.test(url);
  context.on("request", (req) => {
    record.requests.push(req.url());
    if (!own(req.url())) record.foreign.push(req.url());
  });
  // No request may leave: make that certain (and fast) rather than waiting for DNS to fail.
  await context.route(
    (url) => !own(url.href),
    (route) => route.abort("internetdisconnected"),
  );
  await context.addInitScript(
    ({ lang, filePicker }) => {
      const w = window as unknown as { __csp: string[]; __probe: number[] };
      w.__csp = [];
      w.__probe = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        w.__csp.push(
          `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        );
      });
      // Only the first time: a reload must keep what the user chose in the pane.
      if (lang && localStorage.getItem("ziping.lang") === null) localStorage.setItem("ziping.lang", lang);
      if (!filePicker) {
        // As in a browser without the File System Access API: the pane falls back to its file input.
        const g = window as unknown as { showOpenFilePicker?: unknown };
        delete g.showOpenFilePicker;
        if ("showOpenFilePicker" in window) {
          Object.defineProperty(window, "showOpenFilePicker", { value: undefined, configurable: true });
        }
      }
    },
    { lang: options.lang ?? "zh", filePicker: options.filePicker ?? false },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location().url;
    record.consoleErrors.push(where ? `${msg.text()} (${where})` : msg.text());
  });
  page.on("pageerror", (err) => record.pageErrors.push(String(err)));
  page.on("dialog", (dialog) => {
    record.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return {
    context,
    page,
    record,
    profile,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Open the pane in file mode (a plain page: no Office host). */
export async function openPane(session: Session, server: Server, query = ""): Promise<void> {
  await session.page.goto(`${server.url}taskpane.html${query}`);
}

/** CSP violations the page reported. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Save a screenshot of the whole page under test-results/e2e. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** One axe violation, reduced to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Run axe-core in the page (evaluated over the DevTools protocol, which the page's CSP does not
 * govern, so the policy under test stays on) and return the serious and critical violations.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== "undefined",
  );
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    }
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent UI's focus manager (Tabster) puts focusable, aria-hidden "dummy" <i> elements around
    // focus groups on purpose; Microsoft's own checkers drop this known false positive
    // (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Only those nodes are dropped.
    const isTabsterDummy = (target: unknown[]): boolean =>
      target.length === 1 &&
      document.querySelector(String(target[0]))?.hasAttribute("data-tabster-dummy") === true;
    return result.violations
      .map((v) => ({
        ...v,
        nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !isTabsterDummy(n.target)) : v.nodes,
      }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(" ")),
      }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** Run the CLI (`node bin/ziping.js ...`) and return its exit code and output. */
export function runCli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, "bin", "ziping.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory for one test's files. */
export function tempDir(prefix = "ziping-e2e-files-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
