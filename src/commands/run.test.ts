import { check } from "../engine";
import { FakeWorkbook } from "../adapters/office/testing/fakeExcel";
import { TODAY, fakeHost, userWorkbook } from "../adapters/office/testing/fixtures";
import type { WorkbookHost } from "../host/types";
import {
  errorMessage,
  handleCommand,
  langOf,
  localToday,
  type CommandDeps,
  type CommandMessage,
  type CommandName,
} from "./run";

/** Runs a command like the ribbon does and records what the user was told and when it completed. */
async function press(name: CommandName, deps: Omit<CommandDeps, "notify">, notify?: CommandDeps["notify"]) {
  const log: string[] = [];
  const messages: CommandMessage[] = [];
  await handleCommand(
    name,
    { completed: () => log.push("completed") },
    {
      ...deps,
      today: () => TODAY,
      notify:
        notify ??
        (async (m) => {
          messages.push(m);
          log.push("notified");
        }),
    },
  );
  return { log, messages, message: messages[0] };
}

const USER_SHEETS = ["说明", "志愿活动", "工作人员名单"];

describe("the ribbon commands", () => {
  it("校验 writes only 问题清单, activates it and reports the counts", async () => {
    const book = userWorkbook();
    const before = USER_SHEETS.map((n) => book.snapshot(n));
    const { log, message } = await press("validate", { host: fakeHost(book), lang: "zh" });
    expect(log).toEqual(["notified", "completed"]);
    expect(book.sheetNames()).toEqual([...USER_SHEETS, "问题清单"]);
    expect(book.activeSheetName()).toBe("问题清单");
    expect(USER_SHEETS.map((n) => book.snapshot(n))).toEqual(before);
    const report = check(await fakeHost(book).readWorkbook(), { today: TODAY }).report;
    expect(message).toEqual({
      kind: "problems",
      title: "校验完成",
      text: expect.stringContaining(
        `发现 ${report.summary.errors} 个错误、${report.summary.warnings} 个警告，详见“问题清单”工作表。`,
      ),
    });
  });

  it("校验 says so when there is no error or warning", async () => {
    const book = userWorkbook();
    const clean: typeof check = (input, options) => {
      const r = check(input, options);
      return { ...r, report: { ...r.report, findings: [], summary: { errors: 0, warnings: 0, infos: 0 } } };
    };
    const { log, message } = await press("validate", { host: fakeHost(book), lang: "en", check: clean });
    expect(log).toEqual(["notified", "completed"]);
    expect(message).toEqual({
      kind: "clean",
      title: "Validation finished",
      text: "No errors or warnings found.",
    });
    expect(book.sheetNames()).toContain("Problems");
  });

  it("生成汇总 writes all six sheets, activates 自评表 and mentions a renamed sheet", async () => {
    const book = userWorkbook().addSheet("自评表", { rows: [["mine"]] });
    const { log, message } = await press("summarize", { host: fakeHost(book), lang: "zh" });
    expect(log).toEqual(["notified", "completed"]);
    expect(book.sheetNames()).toHaveLength(4 + 6);
    expect(book.activeSheetName()).toBe("自评表 (2)");
    expect(book.value("自评表", "A1")).toBe("mine");
    expect(message?.title).toBe("汇总表已生成");
    expect(message?.text).toContain("已写入全部汇总表并打开“自评表 (2)”。");
    expect(message?.text).toContain("工作簿中已有名为“自评表”的工作表，新表命名为“自评表 (2)”。");
  });

  it("uses the sheet corrections saved in the workbook", async () => {
    const book = userWorkbook({ badEvery: 1 });
    const host = fakeHost(book);
    await press("validate", { host, lang: "en" });
    const flagged = book.rows("Problems").filter((r) => r[3] === "志愿活动").length;
    expect(flagged).toBeGreaterThan(0);
    await host.saveState({ settings: {}, overrides: [{ sheet: "志愿活动", kind: null }] });
    await press("validate", { host, lang: "en" });
    expect(book.rows("Problems").filter((r) => r[3] === "志愿活动")).toHaveLength(0);
  });

  it("reports an error and still completes when reading fails", async () => {
    const failing: WorkbookHost = {
      ...fakeHost(new FakeWorkbook().addSheet("Sheet1")),
      readWorkbook: () =>
        Promise.reject(Object.assign(new Error("The workbook is busy"), { code: "GeneralException" })),
    };
    const { log, message } = await press("summarize", { host: failing, lang: "en" });
    expect(log).toEqual(["notified", "completed"]);
    expect(message).toEqual({
      kind: "error",
      title: "The command did not finish",
      text: expect.stringContaining("Something went wrong: The workbook is busy."),
    });
  });

  it("completes even when the message cannot be shown", async () => {
    const book = userWorkbook();
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { log } = await press("validate", { host: fakeHost(book), lang: "zh" }, () =>
      Promise.reject(new Error("12007")),
    );
    expect(log).toEqual(["completed"]);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it("picks the language and today's date", () => {
    expect(langOf("zh-CN")).toBe("zh");
    expect(langOf("zh-TW")).toBe("zh");
    expect(langOf("en-US")).toBe("en");
    expect(langOf(undefined)).toBe("en");
    expect(localToday(new Date(2024, 1, 9, 23, 30))).toBe("2024-02-09");
    expect(errorMessage({ code: "AccessDenied", message: "" }, "zh").text).toContain(
      "出现问题：AccessDenied。",
    );
  });
});
