/** Host detection: file mode at once on a plain page, Office only when office.js reports Excel. */
import { OFFICE_JS_URL, detectEnvironment, looksLikeOffice, officeThemeName } from "./hostDetect";

interface FakeWin {
  location: { search: string };
  navigator: { language: string };
  sessionStorage: { getItem(k: string): string | null };
  parent?: unknown;
  matchMedia?: (q: string) => { matches: boolean };
  Office?: unknown;
  document?: unknown;
}

function fakeWindow(overrides: Partial<FakeWin> = {}): Window {
  const win: FakeWin = {
    location: { search: "" },
    navigator: { language: "zh-CN" },
    sessionStorage: { getItem: () => null },
    matchMedia: () => ({ matches: false }),
    ...overrides,
  };
  win.parent ??= win;
  return win as unknown as Window;
}

function fakeOffice(host: string | null, extra: Record<string, unknown> = {}) {
  return {
    onReady: () => Promise.resolve({ host, platform: "OfficeOnline" }),
    context: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#1f1f1f" }, ...extra },
  };
}

test("a plain page is file mode at once and never asks for office.js", async () => {
  const loadScript = jest.fn(() => Promise.resolve());
  const started = Date.now();
  const env = await detectEnvironment({ win: fakeWindow(), loadScript });
  expect(env).toEqual({ mode: "file", lang: "zh", theme: "light" });
  expect(loadScript).not.toHaveBeenCalled();
  expect(Date.now() - started).toBeLessThan(200);
});

test("the browser's language and colour scheme apply in file mode", async () => {
  const env = await detectEnvironment({
    win: fakeWindow({ navigator: { language: "en-GB" }, matchMedia: () => ({ matches: true }) }),
  });
  expect(env).toEqual({ mode: "file", lang: "en", theme: "dark" });
});

test.each([
  ["?_host_Info=Excel$Win32$16.01$zh-CN$$$$0", {}],
  ["?mode=office", {}],
  ["", { sessionStorage: { getItem: (k: string) => (k === "hostInfoValue" ? "Excel|Web" : null) } }],
  ["", { parent: {} }],
])("a page with %j (or other Office signs) looks embedded", (search, extra) => {
  expect(looksLikeOffice(fakeWindow({ location: { search }, ...extra }))).toBe(true);
});

test("inside Office, office.js that cannot load (no network) is reported as such, not file mode, at once", async () => {
  const win = fakeWindow({ location: { search: "?_host_Info=Excel$Web$16.01$zh-CN" } });
  const loadScript = jest.fn(() => Promise.reject(new Error("net::ERR_NAME_NOT_RESOLVED")));
  const env = await detectEnvironment({
    win,
    loadScript,
    officeTimeoutMs: 60_000,
    insideReadyLimitMs: 60_000,
  });
  expect(loadScript).toHaveBeenCalledWith(OFFICE_JS_URL, win);
  expect(env).toEqual({ mode: "unavailable", reason: "office-js-failed" });
});

test("inside Office, when the bootstrap already asked for office.js and it is missing, nothing is loaded again", async () => {
  const win = fakeWindow({ location: { search: "?_host_Info=Excel$Win32$16.01$en-US" } });
  (win as unknown as { zipingBoot: unknown }).zipingBoot = { officeRequested: true };
  const loadScript = jest.fn(() => Promise.resolve());
  expect(await detectEnvironment({ win, loadScript })).toEqual({
    mode: "unavailable",
    reason: "office-js-failed",
  });
  expect(loadScript).not.toHaveBeenCalled();
});

test("inside Office, a slow Office.onReady is waited for: no short timeout turns it into file mode", async () => {
  const win = fakeWindow({ location: { search: "?_host_Info=Excel$Win32$16.01$en-US" } });
  let ready: (info: unknown) => void = () => undefined;
  (win as unknown as FakeWin).Office = {
    onReady: () => new Promise((resolve) => (ready = resolve)),
    context: { displayLanguage: "zh-CN" },
  };
  const env = detectEnvironment({ win, readyTimeoutMs: 1, officeTimeoutMs: 1 });
  let settled = false;
  void env.then(() => (settled = true));
  await new Promise((r) => setTimeout(r, 30));
  expect(settled).toBe(false);
  ready({ host: "Excel", platform: "PC" });
  expect(await env).toEqual({ mode: "office", lang: "zh", theme: "light" });
});

test("inside Office, Office.onReady that never answers ends in a message after the guard, not file mode", async () => {
  const win = fakeWindow({ location: { search: "?_host_Info=Excel$Win32$16.01$en-US" } });
  (win as unknown as FakeWin).Office = { onReady: () => new Promise(() => {}), context: {} };
  expect(await detectEnvironment({ win, insideReadyLimitMs: 20 })).toEqual({
    mode: "unavailable",
    reason: "office-not-ready",
  });
});

test("office.js that never answers is given up after the timeout", async () => {
  const win = fakeWindow({ location: { search: "?mode=office" } });
  const env = await detectEnvironment({ win, loadScript: () => new Promise(() => {}), officeTimeoutMs: 50 });
  expect(env.mode).toBe("file");
});

test("Office.onReady reporting Excel means Office mode with Office's language and theme", async () => {
  const win = fakeWindow({ location: { search: "?_host_Info=Excel$Win32" } });
  const loadScript = async () => {
    (win as unknown as FakeWin).Office = fakeOffice("Excel");
  };
  expect(await detectEnvironment({ win, loadScript })).toEqual({ mode: "office", lang: "en", theme: "dark" });
});

test("office.js already on the page but no host (a plain browser) means file mode", async () => {
  const win = fakeWindow({ Office: fakeOffice(null) });
  expect((await detectEnvironment({ win })).mode).toBe("file");
});

test("Office.onReady that never resolves falls back within the ready timeout", async () => {
  const win = fakeWindow({ Office: { onReady: () => new Promise(() => {}), context: {} } });
  const started = Date.now();
  expect((await detectEnvironment({ win, readyTimeoutMs: 50 })).mode).toBe("file");
  expect(Date.now() - started).toBeLessThan(1000);
});

test("?mode=file forces file mode even inside an iframe", async () => {
  const win = fakeWindow({ location: { search: "?mode=file" }, parent: {} });
  expect((await detectEnvironment({ win, loadScript: () => Promise.reject(new Error("no")) })).mode).toBe(
    "file",
  );
});

test("Office's theme is dark when its background is dark", () => {
  const win = fakeWindow();
  expect(officeThemeName(fakeOffice("Excel") as unknown as typeof Office, win)).toBe("dark");
  const light = fakeOffice("Excel", { officeTheme: { bodyBackgroundColor: "#FFFFFF" } });
  expect(officeThemeName(light as unknown as typeof Office, win)).toBe("light");
});
