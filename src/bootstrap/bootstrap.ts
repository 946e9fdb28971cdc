/**
 * The task pane's first script, compiled to ES5 without polyfills so it runs in every webview the
 * manifest admits (Internet Explorer 11's Trident included) and its feature tests see the browser
 * as it is. It runs in <head>, before the page is parsed:
 *
 * 1. Inside Office (Office adds `_host_Info` to the pane's URL and keeps it in sessionStorage as
 *    `hostInfoValue`), it writes office.js's <script> into <head>, so office.js loads before the
 *    pane as Microsoft's documentation requires. A plain browser page (the browser mode) makes no
 *    request to another origin.
 * 2. When the page has been parsed, it tests the features the pane needs. In a webview too old for
 *    the pane, or inside Office when office.js did not load, it shows what still works instead
 *    (texts.ts) and does not load the pane; otherwise it loads the pane's scripts.
 * 3. Until the pane says it has started (`zipingBoot.started()`), any error is shown the same way.
 *
 * Written in the subset of TypeScript that compiles to ES5 without helpers: no Promise, Map,
 * Array.prototype.includes and the like (they would be used before they are tested).
 */
import {
  OFFICE_JS_URL,
  bootLang,
  insideOffice,
  missingFeatures,
  type BootGlobal,
  type BootProblem,
} from "./detect";
import { bootMessage } from "./texts";

/** Where the pane's scripts are listed (by the HTML template; see webpack.config.js). */
const PANE_SCRIPTS_META = "ziping-pane-scripts";

const win = window as unknown as BootGlobal & Window;
let settled = false;
let shown = false;

function show(problem: BootProblem, detail?: string): void {
  if (shown) return;
  shown = true;
  settled = true;
  const render = (): void => {
    const text = bootMessage(problem, bootLang(win), detail);
    const doc = win.document;
    const box = doc.createElement("section");
    box.id = "ziping-boot-message";
    box.setAttribute("role", "alert");
    box.className = "boot-message";
    const title = doc.createElement("h1");
    title.appendChild(doc.createTextNode(text.title));
    box.appendChild(title);
    for (let i = 0; i < text.paragraphs.length; i++) {
      const p = doc.createElement("p");
      p.appendChild(doc.createTextNode(text.paragraphs[i] as string));
      box.appendChild(p);
    }
    if (text.detail) {
      const pre = doc.createElement("pre");
      pre.appendChild(doc.createTextNode(text.detail));
      box.appendChild(pre);
    }
    const root = doc.getElementById("root");
    // The pane may already own #root (React): hide it rather than write into it.
    if (root) root.style.display = "none";
    doc.body.insertBefore(box, doc.body.firstChild);
    doc.documentElement.lang = text.lang;
  };
  if (win.document.body) render();
  else onParsed(render);
}

function errorText(error: unknown): string {
  if (error && typeof error === "object") {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    if (typeof e.message === "string" && e.message !== "")
      return (typeof e.name === "string" && e.name !== "" ? e.name + ": " : "") + e.message;
  }
  return String(error);
}

function onParsed(run: () => void): void {
  if (win.document.readyState !== "loading") run();
  else win.document.addEventListener("DOMContentLoaded", run);
}

function onWindowError(event: ErrorEvent): void {
  if (settled) return;
  show("startup-error", errorText(event.error || event.message));
}

function onRejection(event: PromiseRejectionEvent): void {
  if (settled) return;
  show("startup-error", errorText(event.reason));
}

function loadPane(): void {
  const meta = win.document.querySelector('meta[name="' + PANE_SCRIPTS_META + '"]');
  const sources = (meta ? meta.getAttribute("content") || "" : "").split(" ");
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i];
    if (!src) continue;
    const script = win.document.createElement("script");
    script.src = src;
    // Run in order, like the tags webpack would have written.
    script.async = false;
    script.onerror = function () {
      show("startup-error", "could not load " + src);
    };
    win.document.head.appendChild(script);
  }
}

function start(): void {
  const inside = insideOffice(win);
  win.zipingBoot = {
    insideOffice: inside,
    officeRequested: false,
    started: function () {
      settled = true;
    },
    fail: function (problem: BootProblem, error?: unknown) {
      show(problem, error === undefined ? undefined : errorText(error));
    },
  };
  win.addEventListener("error", onWindowError);
  win.addEventListener("unhandledrejection", onRejection);
  if (inside) {
    // A parser-inserted script: office.js runs before the rest of the page, as if written in <head>.
    win.document.write('<script src="' + OFFICE_JS_URL + '"></scr' + "ipt>");
    win.zipingBoot.officeRequested = true;
  }
  onParsed(function () {
    if (shown) return;
    const missing = missingFeatures(win);
    if (missing.length > 0) {
      show("unsupported", missing.join(", "));
      return;
    }
    if (inside && typeof (win as { Office?: unknown }).Office === "undefined") {
      show("office-js-failed");
      return;
    }
    loadPane();
  });
}

try {
  start();
} catch (error) {
  show("startup-error", errorText(error));
}
