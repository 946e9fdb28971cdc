/**
 * What the bootstrap decides before the pane loads: whether the page runs inside Office, which
 * language to speak, and which of the pane's required features the browser lacks. ES5 only, no
 * polyfills (see bootstrap.ts); the pane's own host detection (src/ui/hostDetect.ts) shares it.
 */

/** The CDN address of office.js, as Microsoft documents it (the only other origin the page may load from). */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The key the pane keeps the user's language choice under (the same as src/ui/i18n.ts). */
const LANG_STORAGE_KEY = "ziping.lang";

/** Why the pane cannot start: an old webview, office.js missing inside Office, or an error. */
export type BootProblem = "unsupported" | "office-js-failed" | "office-not-ready" | "startup-error";

/** What the bootstrap leaves on `window.zipingBoot` for the pane. */
export interface BootState {
  /** The page runs inside Office (`_host_Info` in the URL or in sessionStorage). */
  readonly insideOffice: boolean;
  /** The bootstrap wrote office.js's <script> into <head>. */
  officeRequested: boolean;
  /** The pane has started: later errors are the pane's to show. */
  started(): void;
  /** Shows a start-up problem instead of the pane. */
  fail(problem: BootProblem, error?: unknown): void;
}

/** The global object as the bootstrap sees it. */
export interface BootGlobal {
  zipingBoot?: BootState;
}

/** The part of `window` these checks read (tests pass a plain object). */
export interface BootWindow {
  readonly location: { readonly search: string };
  readonly navigator?: { readonly language?: string };
  readonly sessionStorage?: { getItem(key: string): string | null };
  readonly localStorage?: { getItem(key: string): string | null };
}

function stored(storage: { getItem(key: string): string | null } | undefined, key: string): string | null {
  try {
    return storage ? storage.getItem(key) : null;
  } catch {
    // Storage may be blocked (privacy settings); the other signs still apply.
    return null;
  }
}

/** Office's host information for this pane (`Excel$Win32$16.01$zh-CN$…`), or "" outside Office. */
export function hostInfo(win: BootWindow): string {
  const m = /[?&]_host_info=([^&]*)/i.exec(win.location.search);
  if (m) {
    try {
      return decodeURIComponent(m[1] as string);
    } catch {
      return m[1] as string;
    }
  }
  return stored(win.sessionStorage, "hostInfoValue") || "";
}

/**
 * True when the page runs inside Office: Office adds `_host_Info` to the URL of every add-in page
 * it opens and keeps it in sessionStorage (`hostInfoValue`) for pages the pane navigates to.
 */
export function insideOffice(win: BootWindow): boolean {
  return hostInfo(win) !== "";
}

/** The UI language: the user's choice in the pane, else Office's (from `_host_Info`), else the browser's. */
export function bootLang(win: BootWindow): "zh" | "en" {
  const chosen = stored(win.localStorage, LANG_STORAGE_KEY);
  if (chosen === "zh" || chosen === "en") return chosen;
  const office = hostInfo(win).split("$")[3];
  const tag = office || (win.navigator && win.navigator.language) || "zh-CN";
  return /^zh/i.test(tag) ? "zh" : "en";
}

type Probe = (g: Record<string, unknown>) => boolean;

function has(owner: unknown, name: string): boolean {
  return (
    owner !== null && owner !== undefined && typeof (owner as Record<string, unknown>)[name] === "function"
  );
}

/**
 * The features the pane needs, each tested directly (no user-agent sniffing). The pane is compiled
 * for the browsers Fluent UI v9 supports (package.json "browserslist" → pane); these are the
 * built-ins those browsers have and older webviews (Trident, EdgeHTML, Safari before 14) lack:
 * Internet Explorer 11 fails the first, EdgeHTML 18 `globalThis`, Safari 13 `BigInt`.
 */
const REQUIRED: ReadonlyArray<readonly [string, Probe]> = [
  ["Promise", (g) => has(g, "Promise") && has(g.Promise, "allSettled")],
  ["Map/Set/WeakMap", (g) => has(g, "Map") && has(g, "Set") && has(g, "WeakMap")],
  ["Symbol", (g) => has(g, "Symbol") && typeof (g.Symbol as { iterator?: unknown }).iterator === "symbol"],
  ["Proxy", (g) => has(g, "Proxy")],
  ["globalThis", (g) => typeof g.globalThis === "object"],
  ["Object.fromEntries", (g) => has(g.Object, "fromEntries")],
  ["String.prototype.matchAll", (g) => has((g.String as { prototype: unknown }).prototype, "matchAll")],
  ["BigInt", (g) => has(g, "BigInt")],
  ["fetch", (g) => has(g, "fetch")],
  ["Worker", (g) => has(g, "Worker")],
  ["URL", (g) => has(g, "URL") && has(g, "URLSearchParams")],
  ["TextDecoder", (g) => has(g, "TextDecoder")],
  ["ResizeObserver", (g) => has(g, "ResizeObserver")],
];

/** The names of the pane's required features the global object lacks (empty: the pane can run). */
export function missingFeatures(global: unknown): string[] {
  const g = global as Record<string, unknown>;
  const missing: string[] = [];
  for (let i = 0; i < REQUIRED.length; i++) {
    const feature = REQUIRED[i] as readonly [string, Probe];
    let ok = false;
    try {
      ok = feature[1](g);
    } catch {
      ok = false;
    }
    if (!ok) missing.push(feature[0]);
  }
  return missing;
}
