import { check } from "../engine";
import { FakeWorkbook } from "../adapters/office/testing/fakeExcel";
import { TODAY, fakeHost, userWorkbook } from "../adapters/office/testing/fixtures";
import type { WorkbookHost } from "../host/types";
import {
  COMPLETE_MARGIN_MS,
  DIALOG_RESERVE_MS,
  OFFICE_COMMAND_LIMIT_MS,
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
      sheet: "问题清单",
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
      sheet: "Problems",
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
      "出现问题：工作表或工作簿受保护",
    );
    expect(errorMessage({ code: "SomethingNew", message: "" }, "zh").text).toContain(
      "出现问题：SomethingNew。",
    );
  });
});

describe("the ribbon commands finish cleanly", () => {
  it("when the dialog cannot open, the message goes into the title row of 问题清单", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const shownInSheet: string[] = [];
    const log: string[] = [];
    await handleCommand(
      "validate",
      { completed: () => log.push("completed") },
      {
        host,
        lang: "zh",
        today: () => TODAY,
        notify: async () => false,
        fallback: async (m) => {
          shownInSheet.push(m.sheet ?? "");
          await host.showInTitleRow(m.sheet ?? "", `${m.title}：${m.text}`);
        },
      },
    );
    errors.mockRestore();
    expect(log).toEqual(["completed"]);
    expect(shownInSheet).toEqual(["问题清单"]);
    const titleRow = book.rows("问题清单")[0] ?? [];
    expect(titleRow.some((v) => typeof v === "string" && v.startsWith("校验完成：发现"))).toBe(true);
    // The table's own title stays where the sheet's marker expects it.
    expect(String(titleRow[0])).toMatch(/^问题清单/);
  });

  it("the dialog's wait counts inside Office's 5-minute limit", async () => {
    const waits: number[] = [];
    let clock = 1_000_000;
    await handleCommand(
      "validate",
      { completed: () => undefined },
      {
        host: fakeHost(userWorkbook()),
        lang: "en",
        today: () => TODAY,
        // Four minutes pass while the command works.
        now: () => {
          const t = clock;
          clock += 120_000;
          return t;
        },
        notify: async (_m, waitMs) => {
          waits.push(waitMs);
          return true;
        },
      },
    );
    expect(waits).toHaveLength(1);
    const elapsed = 2 * 120_000;
    expect(waits[0]).toBe(OFFICE_COMMAND_LIMIT_MS - COMPLETE_MARGIN_MS - elapsed);
  });

  it("work that runs past the limit is given up with a message, and the command still completes", async () => {
    const stuck: WorkbookHost = {
      ...fakeHost(userWorkbook()),
      readWorkbook: () => new Promise(() => undefined),
    };
    const waits: number[] = [];
    const kinds: string[] = [];
    const { log } = await press(
      "summarize",
      { host: stuck, lang: "zh", limitMs: COMPLETE_MARGIN_MS + DIALOG_RESERVE_MS + 20 },
      async (m, waitMs) => {
        waits.push(waitMs);
        kinds.push(`${m.kind}: ${m.text}`);
      },
    );
    expect(log).toEqual(["completed"]);
    expect(kinds).toEqual([expect.stringMatching(/^error: 功能区命令没能在 Office 规定的 5 分钟内完成/)]);
    expect(waits[0]).toBeLessThanOrEqual(DIALOG_RESERVE_MS + 20);
  });
});

describe("生成汇总 in workbooks that refuse writes: it succeeds, or leaves the workbook as it was and says why", () => {
  const cases: Array<[string, (b: FakeWorkbook) => void, RegExp | null]> = [
    ["a protected user sheet", (b) => void b.protectSheet("志愿活动"), null],
    [
      "a VeryHidden sheet of the user's",
      (b) => void b.addSheet("隐藏", { rows: [["x"]], visibility: "VeryHidden" }),
      null,
    ],
    ["a threaded comment", (b) => void b.setThreadedComment("志愿活动", "B3", "请核对"), null],
    ["a protected workbook structure", (b) => void (b.structureProtected = true), /受保护/],
    ["a read-only workbook", (b) => void (b.readOnly = true), /只读/],
    ["Excel in cell-edit mode", (b) => void (b.cellEditMode = true), /正在编辑某个单元格/],
  ];
  it.each(cases)("%s", async (_, lock, refusal) => {
    const book = userWorkbook();
    lock(book);
    const names = book.sheetNames();
    const before = USER_SHEETS.map((n) => book.snapshot(n));
    const { log, message } = await press("summarize", { host: fakeHost(book), lang: "zh" });
    expect(log).toEqual(["notified", "completed"]);
    const editing = book.cellEditMode;
    book.cellEditMode = false;
    expect(USER_SHEETS.map((n) => book.snapshot(n))).toEqual(before);
    if (refusal) {
      expect(message?.kind).toBe("error");
      expect(message?.text).toMatch(refusal);
      expect(message?.text).toContain("您的工作表没有被修改");
      expect(book.sheetNames()).toEqual(names);
    } else {
      expect(editing).toBe(false);
      expect(message?.kind).not.toBe("error");
      expect(book.sheetNames()).toEqual(expect.arrayContaining([...names, "自评表", "问题清单"]));
    }
  });
});
