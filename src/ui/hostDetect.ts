/**
 * Where the pane runs: inside Excel (Office.js reports host Excel) or on its own in a browser
 * (file mode). Inside Office — Office puts `_host_Info` in the pane's URL — the bootstrap has
 * already written office.js into <head> (src/bootstrap), so the mode is decided by
 * `Office.onReady` without a timeout racing it, and office.js that did not load is reported as
 * such, never mistaken for file mode. A plain browser page makes no request to another origin and
 * starts file mode at once; other signs of Office (an iframe, `?mode=office`) try office.js for a
 * short while and fall back to file mode.
 */
import { OFFICE_JS_URL, insideOffice } from "../bootstrap/detect";
import type { Lang } from "../engine";
import { langFromLocale } from "./i18n";

export { OFFICE_JS_URL };

/** Light or dark pane. */
export type ThemeName = "light" | "dark";

/** Which host the pane runs in, with the language and theme it should start with. */
export interface Environment {
  readonly mode: "office" | "file";
  /** The language of Office's UI (Office) or of the browser (file). */
  readonly lang: Lang;
  readonly theme: ThemeName;
}

/** Inside Office, but Office.js is not usable: office.js did not load, or Office never got ready. */
export interface OfficeUnavailable {
  readonly mode: "unavailable";
  readonly reason: "office-js-failed" | "office-not-ready";
}

/** Knobs for tests and for the bootstrap. */
export interface DetectOptions {
  /** The window to inspect (default: the global one). */
  readonly win?: Window;
  /** How long to wait for office.js and Office.onReady when the page looks embedded (ms). */
  readonly officeTimeoutMs?: number;
  /** How long to wait for Office.onReady when office.js is already on a page outside Office (ms). */
  readonly readyTimeoutMs?: number;
  /**
   * Inside Office, how long Office.onReady may take before the pane says Excel did not respond
   * (ms). Not a fallback to file mode: only a guard against waiting for ever.
   */
  readonly insideReadyLimitMs?: number;
  /** Load a script (default: append a <script> element); injected in tests. */
  readonly loadScript?: (src: string, win: Window) => Promise<void>;
}

type OfficeGlobal = typeof Office;

interface OfficeHints {
  external?: { GetContext?: unknown };
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: { Agave?: unknown } };
  Office?: OfficeGlobal;
}

/** True when the page carries a sign of running inside an Office client (or `?mode=office`). */
export function looksLikeOffice(win: Window): boolean {
  const params = new URLSearchParams(win.location.search);
  if (params.get("mode") === "office") return true;
  if (insideOffice(win)) return true;
  const w = win as unknown as OfficeHints;
  if (w.external && typeof w.external === "object" && "GetContext" in w.external) return true; // Windows (IE/Edge webview)
  if (w.chrome?.webview !== undefined) return true; // Windows (WebView2)
  if (w.webkit?.messageHandlers?.Agave !== undefined) return true; // Mac and iPad
  try {
    if (win.parent !== win) return true; // Excel on the web hosts the pane in an iframe
  } catch {
    return true;
  }
  return false;
}

/** Append a <script> for `src` and settle when it loads or fails (handlers set from code, CSP-safe). */
export function appendScript(src: string, win: Window): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = win.document;
    const script = doc.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.appendChild(script);
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** The browser's preferred colour scheme. */
export function preferredTheme(win: Window): ThemeName {
  try {
    return win.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** Office's theme from its body background colour (dark when the colour is dark). */
export function officeThemeName(office: OfficeGlobal, win: Window): ThemeName {
  const bg = office.context?.officeTheme?.bodyBackgroundColor;
  const m = typeof bg === "string" ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(bg) : null;
  if (!m) return preferredTheme(win);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

function fileEnvironment(win: Window): Environment {
  return { mode: "file", lang: langFromLocale(win.navigator?.language), theme: preferredTheme(win) };
}

async function officeReady(office: OfficeGlobal, timeoutMs: number): Promise<boolean> {
  if (typeof office.onReady !== "function") return false;
  const info = await withTimeout(Promise.resolve(office.onReady()), timeoutMs);
  return String(info?.host) === "Excel";
}

/** Whether the bootstrap already asked for office.js (then a missing `Office` means it failed). */
function bootstrapRequestedOffice(win: Window): boolean {
  return (
    (win as unknown as { zipingBoot?: { officeRequested?: boolean } }).zipingBoot?.officeRequested === true
  );
}

function officeEnvironment(office: OfficeGlobal, win: Window): Environment {
  return {
    mode: "office",
    lang: langFromLocale(office.context?.displayLanguage),
    theme: officeThemeName(office, win),
  };
}

/**
 * Inside Office: office.js is on the page (written into <head> by the bootstrap) or, without the
 * bootstrap, loaded now; then `Office.onReady` decides. Neither waits on a timeout to pick file mode.
 */
async function detectInsideOffice(
  win: Window,
  options: DetectOptions,
): Promise<Environment | OfficeUnavailable> {
  const hints = win as unknown as OfficeHints;
  if (!hints.Office && !bootstrapRequestedOffice(win)) {
    // A script load settles by itself (load or error): no timeout needed.
    await (options.loadScript ?? appendScript)(OFFICE_JS_URL, win).catch(() => undefined);
  }
  const office = hints.Office;
  if (!office || typeof office.onReady !== "function")
    return { mode: "unavailable", reason: "office-js-failed" };
  const limit = options.insideReadyLimitMs ?? 60_000;
  const ready = await withTimeout(Promise.resolve(office.onReady()), limit);
  if (!ready) return { mode: "unavailable", reason: "office-not-ready" };
  return String(ready.host) === "Excel" ? officeEnvironment(office, win) : fileEnvironment(win);
}

/**
 * Decide the mode. Never rejects: a plain page resolves at once; inside Office as soon as
 * `Office.onReady` answers (or office.js is known to have failed); a page that only looks embedded
 * within `officeTimeoutMs`.
 */
export async function detectEnvironment(
  options: DetectOptions = {},
): Promise<Environment | OfficeUnavailable> {
  const win = options.win ?? window;
  try {
    if (new URLSearchParams(win.location.search).get("mode") === "file") return fileEnvironment(win);
    if (insideOffice(win)) return await detectInsideOffice(win, options);
    const hints = win as unknown as OfficeHints;
    let office = hints.Office;
    let ready = false;
    if (office) {
      ready = await officeReady(office, options.readyTimeoutMs ?? 1000);
    } else if (looksLikeOffice(win)) {
      const timeout = options.officeTimeoutMs ?? 10_000;
      const started = Date.now();
      const loaded = await withTimeout(
        (options.loadScript ?? appendScript)(OFFICE_JS_URL, win).then(() => true),
        timeout,
      );
      office = hints.Office;
      if (loaded && office) ready = await officeReady(office, Math.max(1, timeout - (Date.now() - started)));
    }
    if (!ready || !office) return fileEnvironment(win);
    return officeEnvironment(office, win);
  } catch {
    return fileEnvironment(win);
  }
}
