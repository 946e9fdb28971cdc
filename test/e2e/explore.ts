/**
 * The exploratory walk: find every interactive control the pane shows (by role, from the page —
 * no hand-kept list, so a new control is covered without editing a test), activate each in turn
 * by mouse and by keyboard (each option of each dropdown too), and after every action check that
 * the pane is still there for a person: 校验 on screen and clickable, a screenshot that is not
 * blank, no console error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { inflateSync } from "node:zlib";
import type { Locator, Page } from "playwright-core";
import { RESULTS, type Session } from "./harness";

/** One control found in the page: its role, name and a key that tells it from its namesakes. */
export interface Control {
  readonly key: string;
  readonly role: "button" | "tab" | "link" | "switch" | "checkbox" | "combobox" | "select";
  readonly name: string;
}

const MARK = "data-explore-key";

/**
 * The visible, enabled controls of the page in document order, each tagged with `data-explore-key`
 * so it can be found again. Runs in the page. A list of like controls (the same role in the items
 * of one list: a finding per cell, a kind dropdown per sheet) is one control repeated: its first
 * and last stand for it, so a 50-finding group costs what a 2-finding one does.
 */
export async function findControls(page: Page): Promise<Control[]> {
  return page.evaluate((mark) => {
    const roleOf = (el: Element): string | null => {
      const role = el.getAttribute("role");
      if (role === "tab" || role === "link" || role === "switch" || role === "checkbox") return role;
      if (role === "combobox") return el.tagName === "SELECT" ? "select" : "combobox";
      if (el.tagName === "SELECT") return "select";
      if (el.tagName === "A" && el.hasAttribute("href")) return "link";
      if (el.tagName === "INPUT") {
        const type = (el as HTMLInputElement).type;
        if (type === "checkbox") return el.getAttribute("role") === "switch" ? "switch" : "checkbox";
        return type === "button" || type === "submit" ? "button" : null;
      }
      if (el.tagName === "BUTTON" || role === "button") return "button";
      return null;
    };
    const nameOf = (el: Element): string => {
      const label = el.getAttribute("aria-label");
      if (label) return label.trim();
      const by = el.getAttribute("aria-labelledby");
      if (by) {
        const text = by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ")
          .trim();
        if (text) return text;
      }
      const id = el.getAttribute("id");
      if (id) {
        const forLabel = document.querySelector(`label[for="${CSS.escape(id)}"]`);
        if (forLabel?.textContent) return forLabel.textContent.trim();
      }
      const own = (el as HTMLElement).innerText?.trim();
      if (own && el.tagName !== "SELECT") return own.replace(/\s+/g, " ").slice(0, 80);
      return (el.getAttribute("title") ?? "").trim();
    };
    const seen = new Map<string, number>();
    const out: Array<{ key: string; role: string; name: string; family: string | null }> = [];
    const lists = new Map<Element, number>();
    const candidates = document.querySelectorAll(
      "button, a[href], select, input, [role=button], [role=tab], [role=link], [role=switch], [role=checkbox], [role=combobox]",
    );
    for (const el of Array.from(candidates)) {
      const role = roleOf(el);
      if (role === null) continue;
      const html = el as HTMLElement;
      if (html.closest("[hidden], [aria-hidden=true], [inert]")) continue;
      const rect = html.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || !html.checkVisibility({ visibilityProperty: true }))
        continue;
      if ((el as HTMLButtonElement).disabled) continue;
      const name = nameOf(el);
      const base = `${role}:${name}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const key = `${base}#${n}`;
      el.setAttribute(mark, key);
      const list = el.closest("li")?.parentElement ?? null;
      if (list && !lists.has(list)) lists.set(list, lists.size);
      out.push({ key, role, name, family: list ? `${role}@${lists.get(list)}` : null });
    }
    const byFamily = new Map<string, number[]>();
    out.forEach((c, i) => {
      if (c.family !== null) byFamily.set(c.family, [...(byFamily.get(c.family) ?? []), i]);
    });
    const keep = (c: (typeof out)[number], i: number): boolean => {
      const members = c.family === null ? undefined : byFamily.get(c.family);
      return !members || i === members[0] || i === members[members.length - 1];
    };
    return out.filter(keep).map(({ key, role, name }) => ({ key, role, name }));
  }, MARK) as Promise<Control[]>;
}

/** The control with this key, as last tagged by {@link findControls}. */
export function controlLocator(page: Page, key: string): Locator {
  return page.locator(`[${MARK}="${key.replace(/["\\]/g, "\\$&")}"]`);
}

/** Width, height and RGBA pixels of a PNG (8-bit RGB or RGBA, as Chromium writes screenshots). */
export function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 4;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString("latin1", pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 2 && data[9] !== 6)) throw new Error("unexpected PNG format");
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === "IDAT") idat.push(data);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)] as number;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] as number) : 0;
      const b = prev[i] as number;
      const c = i >= channels ? (prev[i - channels] as number) : 0;
      const x = line[i] as number;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px++) {
      for (let k = 0; k < 3; k++) out[(y * width + px) * 4 + k] = cur[px * channels + k] as number;
      out[(y * width + px) * 4 + 3] = channels === 4 ? (cur[px * channels + 3] as number) : 255;
    }
    prev.set(cur);
  }
  return { width, height, rgba: out };
}

/** The share of pixels (0–1) that differ from the most common colour: ~0 for a blank page. */
export function inkShare(png: Buffer): number {
  const { width, height, rgba } = decodePng(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < width * height; i++) {
    const c =
      ((rgba[i * 4] as number) << 16) | ((rgba[i * 4 + 1] as number) << 8) | (rgba[i * 4 + 2] as number);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  return 1 - most / (width * height);
}

/** Wait until no progress indicator is left (a check or a download the action started has finished). */
export async function waitIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("[role=progressbar]").length === 0, undefined, {
    timeout,
    polling: 100,
  });
}

/**
 * Assert the pane is usable after `action`: idle, the 校验 button on screen (scrolled to if need
 * be) and the element under its centre is the button itself (no layer over it), a screenshot of
 * the window that is not blank, and no console error or uncaught exception so far.
 */
export async function expectUsable(s: Session, action: string, shot: string): Promise<void> {
  const page = s.page;
  const fail = (why: string): never => {
    throw new Error(`after ${action}: ${why}`);
  };
  await waitIdle(page);
  const check = page.getByRole("button", { name: /^(校验|Check)$/ });
  if ((await check.count()) !== 1) fail(`${await check.count()} 校验 buttons in the page`);
  await check
    .scrollIntoViewIfNeeded({ timeout: 30_000 })
    .catch(() => fail("校验 cannot be scrolled into view"));
  const hitTest = (top: boolean) =>
    check.evaluate((button, toTop) => {
      // A panel held over the window's bottom (the narrow pane's preview) may lie over 校验 where
      // it happens to be: a person scrolls it up, and so does the second try.
      if (toTop) button.scrollIntoView({ block: "start" });
      const r = button.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return "has no size";
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return "is off screen";
      const top = document.elementFromPoint(x, y);
      if (!top || !button.contains(top)) {
        const what = top ? `${top.tagName.toLowerCase()}.${String(top.className).slice(0, 60)}` : "nothing";
        return `is covered by ${what}`;
      }
      return button.getAttribute("aria-disabled") === "true" ? "is disabled" : "";
    }, top);
  let hit = await hitTest(false);
  if (hit.startsWith("is covered")) hit = await hitTest(true);
  // Disabled while a check the action started runs (a reopened file is read after a moment): a
  // fault only if it stays so.
  for (let waited = 0; hit === "is disabled" && waited < 60_000; waited += 250) {
    await page.waitForTimeout(250);
    await waitIdle(page);
    hit = await hitTest(false);
  }
  if (hit !== "") fail(`校验 ${hit}`);
  const png = await page.screenshot();
  const ink = inkShare(png);
  if (ink < 0.005) {
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `${shot}-blank.png`), png);
    fail(`the window is blank (${(ink * 100).toFixed(2)}% ink; saved ${shot}-blank.png)`);
  }
  if (s.record.pageErrors.length > 0) fail(`uncaught: ${s.record.pageErrors.join(" | ")}`);
  if (s.record.consoleErrors.length > 0) fail(`console error: ${s.record.consoleErrors.join(" | ")}`);
}
