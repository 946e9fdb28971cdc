/**
 * 校验 after the workbook was fixed in Excel or WPS: the pane must not bring back the old
 * findings as if the fix had failed. A picked file cannot be read again by the browser once it
 * changed on disk without a handle, so where there is no File System Access API the pane says so
 * and offers the button to reopen it; reopened, the new contents are checked. Where the browser
 * has `showOpenFilePicker`, 打开工作簿 keeps the file's handle and 校验 reads the new contents.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  openPane,
  openSession,
  SAMPLE_2022,
  SAMPLE_PROBLEMS,
  startServer,
  tempDir,
  type Server,
} from "./harness";
import { openWorkbook, waitForFileMode, waitForResults, ZH } from "./pane";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: Server;
let tmp: string;

beforeAll(async () => {
  server = await startServer();
  tmp = tempDir();
});

afterAll(async () => {
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("校验 after the file changed on disk says to reopen it, and the reopened file is checked anew", async () => {
  const file = path.join(tmp, "学生会工作台账.xlsx");
  fs.copyFileSync(SAMPLE_2022, file);
  const s = await openSession(server);
  try {
    const page = s.page;
    await openPane(s, server);
    await waitForFileMode(page);
    await openWorkbook(page, file);
    const counts = page.locator(`[aria-label="${ZH.counts}"]`);
    const before = await counts.innerText();

    // The officer fixes the workbook elsewhere and saves it (here: other contents, a later time).
    fs.copyFileSync(SAMPLE_PROBLEMS, file);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);

    await page.getByRole("button", { name: ZH.check, exact: true }).click();
    const notice = page.locator(".fui-MessageBar").filter({ hasText: "在读取后已被修改" });
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toContain("请重新打开这个文件");
    // The old findings were not passed off as a new check.
    expect(await counts.innerText()).toBe(before);

    const chooser = page.waitForEvent("filechooser");
    await notice.getByRole("button", { name: "重新打开" }).click();
    await page.evaluate((label) => {
      document.querySelectorAll(`[aria-label="${label}"]`).forEach((e) => e.setAttribute("data-e2e-old", ""));
    }, ZH.counts);
    await (await chooser).setFiles(file);
    await waitForResults(page);
    expect(await counts.first().innerText()).not.toBe(before);
    await expect(notice.count()).resolves.toBe(0);
    expect(s.record.pageErrors).toEqual([]);
    expect(s.record.consoleErrors).toEqual([]);
  } finally {
    await s.close();
  }
});

test("a file picked through showOpenFilePicker is read again by 校验 after it changed on disk", async () => {
  const file = path.join(tmp, "学生会工作台账（选取）.xlsx");
  fs.copyFileSync(SAMPLE_2022, file);
  const s = await openSession(server, { filePicker: true });
  try {
    const page = s.page;
    // Playwright cannot drive the native picker: a stand-in returns a handle whose getFile()
    // reads the test's file from disk each time, as the browser's handle does.
    await page.exposeFunction("__e2eReadDisk", () => {
      const stat = fs.statSync(file);
      return {
        name: path.basename(file),
        lastModified: Math.floor(stat.mtimeMs),
        base64: fs.readFileSync(file).toString("base64"),
      };
    });
    await page.addInitScript((type) => {
      const w = window as unknown as {
        __e2eReadDisk: () => Promise<{ name: string; lastModified: number; base64: string }>;
        __e2ePicked: number;
        __e2eReads: number;
        showOpenFilePicker: (options: unknown) => Promise<unknown[]>;
      };
      w.__e2ePicked = 0;
      w.__e2eReads = 0;
      w.showOpenFilePicker = async () => {
        w.__e2ePicked++;
        const first = await w.__e2eReadDisk();
        return [
          {
            kind: "file",
            name: first.name,
            getFile: async () => {
              w.__e2eReads++;
              const now = await w.__e2eReadDisk();
              const bytes = Uint8Array.from(atob(now.base64), (c) => c.charCodeAt(0));
              return new File([bytes], now.name, { type, lastModified: now.lastModified });
            },
          },
        ];
      };
    }, XLSX_TYPE);
    let inputChooser = false;
    page.on("filechooser", () => {
      inputChooser = true;
    });
    await openPane(s, server);
    await waitForFileMode(page);

    await page.getByRole("button", { name: ZH.chooseFile, exact: true }).click();
    await page.getByText(`当前工作簿：${path.basename(file)}`).waitFor({ timeout: 60_000 });
    await waitForResults(page);
    const counts = page.locator(`[aria-label="${ZH.counts}"]`);
    const before = await counts.innerText();
    expect(await page.evaluate(() => (window as unknown as { __e2ePicked: number }).__e2ePicked)).toBe(1);

    // The officer fixes the workbook elsewhere and saves it (here: other contents, a later time).
    fs.copyFileSync(SAMPLE_PROBLEMS, file);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(file, later, later);

    await page.evaluate((label) => {
      document.querySelectorAll(`[aria-label="${label}"]`).forEach((e) => e.setAttribute("data-e2e-old", ""));
    }, ZH.counts);
    const readsBefore = await page.evaluate(() => (window as unknown as { __e2eReads: number }).__e2eReads);
    await page.getByRole("button", { name: ZH.check, exact: true }).click();
    await waitForResults(page);
    expect(await counts.first().innerText()).not.toBe(before);
    // Read again through the handle: no notice to reopen, no picker, no file input.
    expect(
      await page.evaluate(() => (window as unknown as { __e2eReads: number }).__e2eReads),
    ).toBeGreaterThan(readsBefore);
    await expect(
      page.locator(".fui-MessageBar").filter({ hasText: "在读取后已被修改" }).count(),
    ).resolves.toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __e2ePicked: number }).__e2ePicked)).toBe(1);
    expect(inputChooser).toBe(false);
    expect(s.record.pageErrors).toEqual([]);
    expect(s.record.consoleErrors).toEqual([]);
  } finally {
    await s.close();
  }
});
