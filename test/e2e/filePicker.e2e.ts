/**
 * 打开工作簿 where the browser has `showOpenFilePicker` but it fails: in a cross-origin frame
 * (SecurityError) the same press opens the plain file input; where a refused picker used the press
 * up (a policy, NotAllowedError), the pane says to press once more. Either way later presses open
 * the file input at once, without trying the picker again. Playwright cannot drive the native
 * picker, so a stand-in fails the way Chromium's does; the file input is the real one.
 */
import * as path from "node:path";
import type { Page } from "playwright-core";
import { openPane, openSession, SAMPLE_2022, SAMPLE_PROBLEMS, startServer, type Server } from "./harness";
import { chooseFileButton, waitForFileMode, waitForResults, ZH } from "./pane";

const OPEN_ANOTHER = "打开其他工作簿";
const PRESS_AGAIN = "请再按一次按钮选择文件";

let server: Server;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

/** Replace the picker with one that fails with `name`, first using up the press when `consume`. */
async function installFailingPicker(page: Page, name: string, consume: boolean): Promise<void> {
  await page.addInitScript(
    ({ name, consume }) => {
      const w = window as unknown as { __e2ePicked: number; showOpenFilePicker: () => Promise<never> };
      w.__e2ePicked = 0;
      w.showOpenFilePicker = async () => {
        w.__e2ePicked++;
        // Opening a window takes the page's user activation, as a blocked picker request can.
        if (consume) window.open("about:blank")?.close();
        throw new DOMException("The file picker is not allowed here.", name);
      };
    },
    { name, consume },
  );
}

async function picked(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __e2ePicked: number }).__e2ePicked);
}

/** Press the button, choose `file` in the file input it opens, and wait for the check of it. */
async function chooseThrough(page: Page, button: string, file: string): Promise<void> {
  await page.evaluate((label) => {
    document.querySelectorAll(`[aria-label="${label}"]`).forEach((e) => e.setAttribute("data-e2e-old", ""));
  }, ZH.counts);
  const chooser = page.waitForEvent("filechooser", { timeout: 60_000 });
  await chooseFileButton(page, button).click();
  await (await chooser).setFiles(file);
  await page.getByText(`当前工作簿：${path.basename(file)}`).waitFor({ timeout: 60_000 });
  await waitForResults(page);
}

/**
 * Open the pane with a picker that fails with `name` (using up the press first when `consume`), run
 * `steps`, then check that a second workbook opens through the file input without the picker and
 * that the page logged no error.
 */
async function withFailingPicker(
  name: string,
  consume: boolean,
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const s = await openSession(server, { filePicker: true });
  try {
    const page = s.page;
    await installFailingPicker(page, name, consume);
    await openPane(s, server);
    await waitForFileMode(page);
    await steps(page);
    expect(await picked(page)).toBe(1);
    await expect(page.getByText(PRESS_AGAIN).count()).resolves.toBe(0);
    expect(s.record.pageErrors).toEqual([]);
    expect(s.record.consoleErrors).toEqual([]);
  } finally {
    await s.close();
  }
}

test("a picker refused in this frame (SecurityError) opens the file input in the same press, later presses at once", async () => {
  await withFailingPicker("SecurityError", false, async (page) => {
    await chooseThrough(page, ZH.chooseFile, SAMPLE_2022);
    expect(await picked(page)).toBe(1);
    await chooseThrough(page, OPEN_ANOTHER, SAMPLE_PROBLEMS);
  });
});

test("a picker that used the press up (NotAllowedError) says to press again, and the next press opens the file input", async () => {
  await withFailingPicker("NotAllowedError", true, async (page) => {
    let choosers = 0;
    page.on("filechooser", () => choosers++);
    await chooseFileButton(page, ZH.chooseFile).click();
    await page.getByText(PRESS_AGAIN).waitFor({ timeout: 60_000 });
    expect(choosers).toBe(0);
    expect(await picked(page)).toBe(1);
    await chooseThrough(page, ZH.chooseFile, SAMPLE_2022);
  });
});
