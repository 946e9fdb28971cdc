/**
 * Measurement 3 (browser): the 200,000-row .xlsx opened in the pane's file mode in Chromium
 * (playwright-core, Debian's /usr/bin/chromium, a fresh profile), served from the production build
 * in bench/.work/web by the same server as `npm run preview`. Measured from choosing the file to
 * the findings on screen:
 * - time;
 * - peak JS heap: `Runtime.getHeapUsage` of the page and of each Web Worker (the file reader and
 *   the engine run in workers), through the DevTools protocol every 100 ms; the peak of their sum;
 * - the renderer process's peak RSS (VmHWM), which bounds everything the page holds;
 * - responsiveness: the longest gap between ticks of a 50 ms timer on the page's main thread (a
 *   progress update cannot be shown more often than the main thread is free), and the longest
 *   gap between visible changes of the progress bar (its value or stage text);
 * - and, in a fresh profile, how soon a plain page shows file mode's 打开 button: the page's own
 *   clock (`performance.now()`, from navigation) when the button shows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type CDPSession } from "playwright-core";
import { WEB_DIR } from "./bundle";
import { log, peakRssOf, ROOT } from "./util";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What file mode did with the file. */
export interface BrowserResult {
  readonly completed: boolean;
  readonly error: string | null;
  readonly ms: number;
  /** Peak of (page heap + every worker's heap), bytes. */
  readonly peakJsHeap: number;
  /** Peak of each isolate alone, bytes. */
  readonly peakHeapByTarget: Readonly<Record<string, number>>;
  readonly peakRendererRss: number;
  readonly longestMainThreadGapMs: number;
  readonly longestProgressGapMs: number;
  readonly progressUpdates: number;
  readonly findingsShown: string | null;
  /** Milliseconds from navigation until a plain page shows file mode's 打开 button. */
  readonly startMs: number | null;
}

/** Chromium on a fresh profile (the user data dir) whose requests outside `own` are refused. */
async function launchOffline(profile: string, own: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
    locale: "zh-CN",
  });
  await context.route(
    (u) => !u.href.startsWith(own) && !/^(data|blob|about):/.test(u.href),
    (route) => route.abort("internetdisconnected"),
  );
  return context;
}

/** Open `url` in a fresh profile and return the page's clock when file mode's 打开 button shows. */
async function measureStart(url: string, own: string): Promise<number | null> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "ziping-bench-start-"));
  const context = await launchOffline(profile, own);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    // The same button the e2e tests wait for (test/e2e/pane.ts: chooseFileButton).
    await page.locator("button").filter({ hasText: "选择 .xlsx 文件" }).waitFor({ timeout: 60_000 });
    return await page.evaluate(() => performance.now());
  } catch (err) {
    log(`browser start: ${err instanceof Error ? (err.message.split("\n")[0] ?? "") : String(err)}`);
    return null;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// scripts/preview.js is plain CommonJS (no types); this is the part of it the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain-Node preview server shared with `npm run preview`
const preview = require(path.join(ROOT, "scripts", "preview.js")) as {
  startServer(opts: { root: string; port?: number }): Promise<{ url: string; close(): Promise<void> }>;
};

/** Renderer processes started by the browser whose profile is `profile` (pids). */
function rendererPids(profile: string): number[] {
  const procs: Array<{ pid: number; ppid: number; cmd: string }> = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
      procs.push({ pid: Number(name), ppid, cmd });
    } catch {
      // The process ended while we looked.
    }
  }
  const roots = procs.filter((p) => p.cmd.includes(profile) && !p.cmd.includes("--type=")).map((p) => p.pid);
  const tree = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => tree.has(p.pid) && p.cmd.includes("--type=renderer")).map((p) => p.pid);
}

/** Heap of the page and of its workers, over the DevTools protocol (workers through auto-attach). */
class HeapSampler {
  private readonly workers = new Map<string, string>();
  private readonly waiting = new Map<number, (usedSize: number | null) => void>();
  private nextId = 1;
  readonly peakByTarget: Record<string, number> = {};
  peakSum = 0;

  constructor(private readonly cdp: CDPSession) {
    cdp.on("Target.attachedToTarget", (e) => {
      const url = e.targetInfo.url.split("/").pop() ?? e.targetInfo.type;
      this.workers.set(e.sessionId, `${e.targetInfo.type}:${url.replace(/\.[0-9a-f]{8}\.js$/, "")}`);
    });
    cdp.on("Target.detachedFromTarget", (e) => {
      this.workers.delete(e.sessionId);
    });
    cdp.on("Target.receivedMessageFromTarget", (e) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
      const done = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (done && m.id !== undefined) {
        this.waiting.delete(m.id);
        done(m.result?.usedSize ?? null);
      }
    });
  }

  async start(): Promise<void> {
    // Non-flat sessions: the workers' protocol messages arrive through this page session.
    await this.cdp.send("Target.setAutoAttach", {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
  }

  private async workerHeap(sessionId: string): Promise<number | null> {
    const id = this.nextId++;
    const answer = new Promise<number | null>((resolve) => {
      this.waiting.set(id, resolve);
      setTimeout(() => {
        if (this.waiting.delete(id)) resolve(null);
      }, 2000);
    });
    await this.cdp
      .send("Target.sendMessageToTarget", {
        sessionId,
        message: JSON.stringify({ id, method: "Runtime.getHeapUsage" }),
      })
      .catch(() => undefined);
    return answer;
  }

  async sample(): Promise<void> {
    const page = await this.cdp.send("Runtime.getHeapUsage").catch(() => null);
    const values: Array<[string, number | null]> = [["page", page?.usedSize ?? null]];
    for (const [sid, name] of this.workers) values.push([name, await this.workerHeap(sid)]);
    let sum = 0;
    for (const [name, used] of values) {
      if (used === null) continue;
      this.peakByTarget[name] = Math.max(this.peakByTarget[name] ?? 0, used);
      sum += used;
    }
    this.peakSum = Math.max(this.peakSum, sum);
  }
}

/** Open `file` in file mode and measure until the findings are shown (or `timeoutMs` passes). */
export async function measureBrowser(file: string, timeoutMs = 300_000): Promise<BrowserResult> {
  const server = await preview.startServer({ root: WEB_DIR, port: 0 });
  const profile = mkdtempSync(path.join(os.tmpdir(), "ziping-bench-"));
  const context = await launchOffline(profile, server.url);
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { __bench: { ticks: number[]; progress: number[]; last: string } };
      w.__bench = { ticks: [], progress: [], last: "" };
      setInterval(() => w.__bench.ticks.push(performance.now()), 50);
      const observe = () => {
        const bar = document.querySelector('[role="progressbar"]');
        const field = bar?.closest('[role="status"]');
        const signature = bar
          ? `${bar.getAttribute("aria-valuenow") ?? "?"}|${field?.textContent ?? ""}`
          : "";
        if (signature !== w.__bench.last) {
          w.__bench.last = signature;
          w.__bench.progress.push(performance.now());
        }
      };
      new MutationObserver(observe).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const heap = new HeapSampler(cdp);
    await heap.start();
    await page.goto(`${server.url}taskpane.html?mode=file`);
    const input = page.locator('input[type="file"]');
    await input.waitFor({ state: "attached", timeout: 60_000 });

    let peakRss = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await heap.sample();
        for (const pid of rendererPids(profile)) peakRss = Math.max(peakRss, peakRssOf(pid) ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const startedAt = await page.evaluate(() => performance.now());
    const t = performance.now();
    await input.setInputFiles(file);
    let error: string | null = null;
    let completed = false;
    try {
      // Done: the progress bar came and went, and the problems panel shows findings (or an error shows).
      await page.waitForFunction(
        () => {
          const w = window as unknown as { __bench: { progress: number[] } };
          if (document.querySelector('[role="alert"]')) return true;
          const busy = document.querySelector('[role="progressbar"]') !== null;
          // FindingsView's counts list appears in the problems panel once the check is done.
          const problems = document.querySelector('[role="tabpanel"][id$="-panel-problems"]');
          return !busy && w.__bench.progress.length > 1 && problems?.querySelector("ul li") != null;
        },
        undefined,
        { timeout: timeoutMs, polling: 100 },
      );
      error = await page.evaluate(() => document.querySelector('[role="alert"]')?.textContent ?? null);
      completed = error === null;
    } catch (err) {
      error = err instanceof Error ? (err.message.split("\n")[0] ?? "timeout") : String(err);
    }
    const ms = performance.now() - t;
    sampling = false;
    await sampler;
    await heap.sample();

    const gaps = await page.evaluate((from) => {
      const w = window as unknown as { __bench: { ticks: number[]; progress: number[] } };
      const longest = (times: number[]) => {
        let max = 0;
        for (let i = 1; i < times.length; i++)
          max = Math.max(max, (times[i] as number) - (times[i - 1] as number));
        return max;
      };
      const ticks = w.__bench.ticks.filter((x) => x >= from);
      const progress = w.__bench.progress.filter((x) => x >= from);
      return { main: longest([from, ...ticks]), progress: longest(progress), updates: progress.length };
    }, startedAt);
    const shown = await page.evaluate(
      () =>
        document.querySelector('[role="tabpanel"][id$="-panel-problems"] ul')?.textContent?.slice(0, 120) ??
        null,
    );
    const startMs = await measureStart(`${server.url}taskpane.html`, server.url);
    log(
      `browser: start ${startMs === null ? "?" : Math.round(startMs)} ms, ${Math.round(ms)} ms, heap peak ${(heap.peakSum / 1e6).toFixed(0)} MB, main-thread gap ${Math.round(gaps.main)} ms`,
    );
    return {
      completed,
      error,
      ms,
      peakJsHeap: heap.peakSum,
      peakHeapByTarget: heap.peakByTarget,
      peakRendererRss: peakRss,
      longestMainThreadGapMs: gaps.main,
      longestProgressGapMs: gaps.progress,
      progressUpdates: gaps.updates,
      findingsShown: shown,
      startMs,
    };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
