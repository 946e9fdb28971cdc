/**
 * The pane never shows a blank or endless screen: in a browser without the features the pane
 * needs (removed here by an init script, as an old Windows webview would lack them) or when the
 * pane fails while starting, the bootstrap shows what happened and what still works, in Chinese and
 * in English. Also: every built script parses at the ECMAScript version its target needs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "acorn";
import {
  cspViolations,
  openPane,
  openSession,
  screenshot,
  startServer,
  WEB_ROOT,
  type Server,
  type Session,
} from "./harness";
import { waitForFileMode } from "./pane";

let server: Server;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

const TITLES = {
  unsupported: {
    zh: "这个版本的 Excel 无法显示自评助手任务窗格",
    en: "This version of Excel cannot show the ziping task pane",
  },
  startup: { zh: "自评助手启动时出错", en: "ziping could not start" },
} as const;

const STILL_WORKS = {
  zh: ["校验", "生成汇总", "浏览器模式"],
  en: ["Validate", "Summarize", "browser mode"],
} as const;

/** The bootstrap's message: its heading, its whole text, and whether the pane's root is hidden. */
async function bootMessage(
  s: Session,
): Promise<{ title: string; text: string; lang: string; rootHidden: boolean }> {
  const box = s.page.locator("#ziping-boot-message");
  await box.waitFor();
  return {
    title: (await box.getByRole("heading").textContent()) ?? "",
    text: (await box.textContent()) ?? "",
    lang: await s.page.evaluate(() => document.documentElement.lang),
    rootHidden: !(await s.page.locator("#root").isVisible()),
  };
}

/** The pane's scripts the page has run (a preload only downloads them). */
const paneScripts = (s: Session): Promise<number> =>
  s.page.evaluate(() => document.querySelectorAll('script[src*="taskpane."]').length);

describe.each(["zh", "en"] as const)("in %s", (lang) => {
  test("a browser without the pane's features gets the bootstrap's message, and the pane is not loaded", async () => {
    const s = await openSession(server, { lang });
    try {
      // What Internet Explorer 11 / the old Edge lack; the bootstrap must name them.
      await s.context.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.ResizeObserver;
        delete (Object as unknown as Record<string, unknown>).fromEntries;
      });
      await openPane(s, server);
      const m = await bootMessage(s);
      expect(m.title).toBe(TITLES.unsupported[lang]);
      for (const words of STILL_WORKS[lang]) expect(m.text).toContain(words);
      expect(m.text).toContain("Object.fromEntries");
      expect(m.text).toContain("ResizeObserver");
      expect(m.lang).toBe(lang === "zh" ? "zh-CN" : "en-US");
      expect(m.rootHidden).toBe(true);
      expect(await paneScripts(s)).toBe(0);
      expect(s.record.pageErrors).toEqual([]);
      expect(await cspViolations(s.page)).toEqual([]);
      await screenshot(s.page, `bootstrap-unsupported-${lang}`);
    } finally {
      await s.close();
    }
  });

  test("an error while the pane starts is shown the same way, with the error", async () => {
    const s = await openSession(server, { lang });
    try {
      await s.context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) =>
        route.fulfill({
          status: 200,
          contentType: "text/javascript; charset=utf-8",
          body: 'throw new Error("pane failed at start");',
        }),
      );
      await openPane(s, server);
      const m = await bootMessage(s);
      expect(m.title).toBe(TITLES.startup[lang]);
      expect(m.text).toContain("pane failed at start");
      for (const words of STILL_WORKS[lang]) expect(m.text).toContain(words);
      expect(m.rootHidden).toBe(true);
      await screenshot(s.page, `bootstrap-startup-error-${lang}`);
    } finally {
      await s.close();
    }
  });
});

test("a pane script that cannot be downloaded is a start-up error too", async () => {
  const s = await openSession(server, { lang: "en" });
  try {
    await s.context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: "" }));
    await openPane(s, server);
    const m = await bootMessage(s);
    expect(m.title).toBe(TITLES.startup.en);
    expect(m.text).toMatch(/could not load taskpane\.[0-9a-f]+\.js/);
  } finally {
    await s.close();
  }
});

test("with every feature present the bootstrap stays silent and the pane starts", async () => {
  const s = await openSession(server);
  try {
    await openPane(s, server);
    await waitForFileMode(s.page);
    expect(await s.page.locator("#ziping-boot-message").count()).toBe(0);
    expect(await paneScripts(s)).toBe(1);
    expect(s.record.foreign).toEqual([]);
  } finally {
    await s.close();
  }
});

test("every built script parses at its target's ECMAScript version: ES5 for the ribbon, dialog and bootstrap, ES2020 for the pane", () => {
  const scripts = fs.readdirSync(WEB_ROOT).filter((f) => f.endsWith(".js"));
  const legacy = scripts.filter((f) => /^(bootstrap|commands|dialog)\.[0-9a-f]+\.js$/.test(f));
  expect(legacy.map((f) => f.split(".")[0]).sort()).toEqual(["bootstrap", "commands", "dialog"]);
  for (const file of scripts) {
    const code = fs.readFileSync(path.join(WEB_ROOT, file), "utf8");
    const ecmaVersion = legacy.includes(file) ? 5 : 2020;
    expect(() => parse(code, { ecmaVersion, sourceType: "script" })).not.toThrow();
  }
});
