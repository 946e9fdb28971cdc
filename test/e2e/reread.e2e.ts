/**
 * 校验 after the workbook was fixed in Excel or WPS: the pane must not bring back the old
 * findings as if the fix had failed. A picked file cannot be read again by the browser once it
 * changed on disk, so the pane says so and offers the button to reopen it; reopened, the new
 * contents are checked.
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
