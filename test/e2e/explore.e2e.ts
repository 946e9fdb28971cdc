/**
 * What a person does: at a task pane's width (350 px) and a desktop's (1280 px), with the bundled
 * samples and a messy workbook, activate every control the pane shows — every button, tab, link,
 * switch, each dropdown and each of its options — by mouse and by keyboard, and after each action
 * check that the pane is still visible and usable (test/e2e/explore.ts). The controls are found
 * from the page by role, so a control added later is covered without editing this test.
 */
import * as fs from "node:fs";
import type { Page } from "playwright-core";
import {
  openPane,
  openSession,
  SAMPLE_2022,
  SAMPLE_PROBLEMS,
  screenshot,
  startServer,
  tempDir,
  type Server,
  type Session,
} from "./harness";
import { controlLocator, expectUsable, findControls, type Control } from "./explore";
import { makeMessyWorkbook } from "./fixtures";
import { openWorkbook, waitForFileMode } from "./pane";

let server: Server;
let tmp: string;
let messy: string;

beforeAll(async () => {
  server = await startServer();
  tmp = tempDir();
  messy = await makeMessyWorkbook(tmp);
});

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** No walk goes on forever (a control that keeps making new ones). */
const MAX_ACTIONS = 500;
/** Room for an action on a busy machine; a control that does not respond still fails, later. */
const QUICK = { timeout: 30_000 };

type Mode = "mouse" | "keyboard";

/** The listbox a Fluent dropdown opened, and its options; fails when it does not open. */
async function openListbox(page: Page, how: string): Promise<number> {
  const listbox = page.getByRole("listbox");
  await listbox.waitFor({ state: "visible", ...QUICK }).catch(() => {
    throw new Error(`${how}: the list did not open (or closed at once)`);
  });
  return listbox.getByRole("option").count();
}

/** A short pause for what an action starts (a check, a re-render) to show, before waiting for it to end. */
const settle = (page: Page) => page.waitForTimeout(150);

/** Activate `control` the way `mode` says, checking the pane after every step; returns the steps taken. */
async function activate(s: Session, control: Control, mode: Mode, shot: string): Promise<number> {
  const page = s.page;
  const el = () => controlLocator(page, control.key);
  const what = `${mode} on ${control.role} “${control.name}”`;
  let steps = 0;
  const after = async (step: string) => {
    await settle(page);
    await expectUsable(s, `${what}${step}`, shot);
    steps++;
  };
  if (control.role === "select") {
    const values = await el().evaluate((x) => Array.from((x as HTMLSelectElement).options, (o) => o.value));
    const original = await el().inputValue();
    for (const [i, value] of values.entries()) {
      if ((await el().count()) === 0) break;
      if (mode === "mouse") await el().selectOption(value, QUICK);
      else {
        await el().focus(QUICK);
        await page.keyboard.press(i === 0 ? "Home" : "ArrowDown");
      }
      await after(`, option ${i + 1} of ${values.length}`);
      // Back to where it was, so the language or a filter does not change what the walk sees next.
      if ((await el().count()) > 0 && mode === "mouse") await el().selectOption(original, QUICK);
    }
    if ((await el().count()) > 0) await el().selectOption(original, QUICK);
    await after(", restored");
    return steps;
  }
  if (control.role === "combobox") {
    const original = (await el().innerText()).trim();
    const count = await (async () => {
      await el().click(QUICK);
      const n = await openListbox(page, what);
      await page.keyboard.press("Escape");
      return n;
    })();
    await after(", opened and closed");
    for (let i = 0; i < count; i++) {
      if ((await el().count()) === 0) break;
      if (mode === "mouse") {
        await el().click(QUICK);
        await openListbox(page, what);
        await page.getByRole("listbox").getByRole("option").nth(i).click(QUICK);
      } else {
        await el().focus(QUICK);
        await page.keyboard.press("Enter");
        await openListbox(page, what);
        await page.keyboard.press("Home");
        for (let k = 0; k < i; k++) await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
      }
      await after(`, option ${i + 1} of ${count}`);
    }
    // Back to the choice it showed, so the walk goes on over the same workbook (findings included).
    if ((await el().count()) > 0 && (await el().innerText()).trim() !== original) {
      await el().click(QUICK);
      await openListbox(page, what);
      const option = page.getByRole("listbox").getByRole("option", { name: original, exact: true });
      if ((await option.count()) > 0) await option.first().click(QUICK);
      else await page.keyboard.press("Escape");
      await after(", restored");
    }
    return steps;
  }
  if (mode === "mouse") await el().click(QUICK);
  else {
    await el().focus(QUICK);
    await page.keyboard.press(control.role === "switch" || control.role === "checkbox" ? "Space" : "Enter");
  }
  await after("");
  return steps;
}

/** Walk every control of the pane on `file`; returns how many actions were checked. */
async function walk(s: Session, file: string, shot: string): Promise<{ actions: number; controls: number }> {
  const page = s.page;
  // The 打开 button opens the browser's file chooser: the walk picks the same workbook again.
  page.on("filechooser", (chooser) => void chooser.setFiles(file));
  const done: Record<Mode, Set<string>> = { mouse: new Set(), keyboard: new Set() };
  const seen = new Set<string>();
  let actions = 0;
  for (;;) {
    const controls = await findControls(page);
    for (const c of controls) seen.add(c.key);
    const todo = (c: Control) => !done.mouse.has(c.key) || !done.keyboard.has(c.key);
    // Tabs last: a tab hides the panel whose controls are still to do.
    const next = controls.find((c) => c.role !== "tab" && todo(c)) ?? controls.find(todo);
    if (!next) break;
    const mode: Mode = done.mouse.has(next.key) ? "keyboard" : "mouse";
    done[mode].add(next.key);
    actions += await activate(s, next, mode, shot);
    if (actions > MAX_ACTIONS) throw new Error(`more than ${MAX_ACTIONS} actions: the walk does not end`);
  }
  return { actions, controls: seen.size };
}

/**
 * A narrow pane with the problems sample and the messy workbook, a desktop with the first
 * sample: what a suite run on a shared machine can afford (each walk is some hundred checked
 * actions). `EXPLORE_ALL=1` walks every workbook at both widths.
 */
const ALL: ReadonlyArray<[number, string, () => string]> = [
  [350, "sample-problems", () => SAMPLE_PROBLEMS],
  [350, "messy", () => messy],
  [1280, "sample-2022", () => SAMPLE_2022],
  [350, "sample-2022", () => SAMPLE_2022],
  [1280, "sample-problems", () => SAMPLE_PROBLEMS],
  [1280, "messy", () => messy],
];
const CASES = process.env.EXPLORE_ALL === "1" ? ALL : ALL.slice(0, 3);

test.each(CASES)(
  "at %i px, %s: every control, by mouse and by keyboard, leaves the pane usable",
  async (width, name, file) => {
    const s = await openSession(server, { width, height: 900 });
    const shot = `explore-${name}-${width}`;
    try {
      await openPane(s, server);
      await waitForFileMode(s.page);
      await openWorkbook(s.page, file());
      await expectUsable(s, "opening the workbook", shot);
      const { actions, controls } = await walk(s, file(), shot);
      process.stdout.write(`explore ${name} at ${width} px: ${controls} controls, ${actions} actions\n`);
      // The walk reached the findings, the tabs and the dropdowns (it did not stop at the top).
      expect(controls).toBeGreaterThan(10);
      expect(s.record.foreign).toEqual([]);
    } finally {
      await screenshot(s.page, shot).catch(() => undefined);
      await s.close();
    }
  },
  15 * 60_000,
);
