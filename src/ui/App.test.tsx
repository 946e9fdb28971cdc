/**
 * The pane against a recording fake host, queried by role and label as a user (or a screen
 * reader) finds things: checking, grouped findings, jumping to cells, filters, settings,
 * sheet-kind corrections, language, summary sheets, highlighting, and cell text shown as text.
 */
import "@testing-library/jest-dom";
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  buildSummarySheets,
  check,
  findingProblem,
  ruleTitle,
  SUMMARY_SHEET_IDS,
  type Finding,
  type RuleId,
  type WorkbookInput,
} from "../engine";
import { errorText, HostFailure } from "../host/errors";
import { App, type AppProps, type DroppedItem } from "./App";
import { createInThreadRunner } from "./engineClient";
import { SHOWN_SHEETS } from "./SummaryView";
import { LANG_STORAGE_KEY, UI_STRINGS } from "./i18n";
import { createFakeHost, createStateStore, type FakeHost, type StateStore } from "./testing/fakeHost";
import { FastStyles, setupDom } from "./testing/setupDom";
import {
  ACTIVITY_SHEET,
  HTML_TITLE,
  NOTES_SHEET,
  ROSTER_SHEET,
  TEST_TODAY,
  sampleWorkbook,
} from "./testing/workbook";

setupDom();

const zh = UI_STRINGS.zh;
const en = UI_STRINGS.en;

function expected(input: WorkbookInput = sampleWorkbook()) {
  return check(input, { today: TEST_TODAY }).report;
}

function groupsOf(findings: readonly Finding[]): Map<RuleId, Finding[]> {
  const map = new Map<RuleId, Finding[]>();
  for (const f of findings) map.set(f.rule, [...(map.get(f.rule) ?? []), f]);
  return map;
}

function renderPane(host: FakeHost | null, props: Partial<AppProps> = {}) {
  const user = userEvent.setup();
  const utils = render(
    <App
      host={host}
      mode="office"
      initialLang="zh"
      engine={createInThreadRunner()}
      today={() => TEST_TODAY}
      {...props}
    />,
    { wrapper: FastStyles },
  );
  return { user, ...utils };
}

/** Wait until the check shows the group of `rule` (its h3); the pane's first check runs by itself. */
function groupShown(rule: RuleId = "staff.title"): Promise<HTMLElement> {
  return screen.findByRole("heading", { level: 3, name: new RegExp(escapeRegExp(ruleTitle(rule, "zh"))) });
}

/** The header button of a rule's group (inside its h3). */
function groupHeader(rule: RuleId, lang: "zh" | "en" = "zh"): HTMLElement {
  const heading = screen
    .getAllByRole("heading", { level: 3 })
    .find((h) => h.textContent?.includes(ruleTitle(rule, lang)));
  if (!heading) throw new Error(`no group for ${rule}`);
  return within(heading).getByRole("button");
}

async function expandGroup(user: ReturnType<typeof userEvent.setup>, rule: RuleId): Promise<void> {
  const header = groupHeader(rule);
  if (header.getAttribute("aria-expanded") !== "true") await user.click(header);
  await waitFor(() => expect(groupHeader(rule)).toHaveAttribute("aria-expanded", "true"));
}

function findingButton(f: Finding): HTMLElement {
  return screen.getByRole("button", { name: new RegExp(escapeRegExp(findingProblem(f, "zh"))) });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A tab by its label. Fluent renders a second, CSS-hidden copy of each label to reserve the bold
 * width; with styles kept out of jsdom that copy counts, so match the name's start.
 */
function tab(label: string): HTMLElement {
  return screen.getByRole("tab", { name: new RegExp(`^${escapeRegExp(label)}`) });
}

/** Open the tab labelled `label` and return its panel (matched by the name's start, as in {@link tab}). */
async function openTab(user: ReturnType<typeof userEvent.setup>, label: string): Promise<HTMLElement> {
  await user.click(tab(label));
  return screen.getByRole("tabpanel", { name: new RegExp(`^${escapeRegExp(label)}`) });
}

async function checked(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: zh.checkButton }));
  await screen.findByRole("button", {
    name: new RegExp(escapeRegExp(ruleTitle("staff.political-status", "zh"))),
  });
}

beforeEach(() => {
  localStorage.clear();
});

describe("checking", () => {
  test("校验 reads the workbook and shows findings grouped by rule, with counts per group and per severity", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host, { autoCheck: false });
    expect(host.callsOf("readWorkbook")).toHaveLength(0);

    await checked(user);

    expect(host.callsOf("readWorkbook")).toHaveLength(1);
    const report = expected();
    const groups = groupsOf(report.findings);
    expect(groups.size).toBeGreaterThan(3);
    for (const [rule, findings] of groups) {
      const header = groupHeader(rule);
      expect(header).toHaveTextContent(zh.groupCount(findings.length));
    }
    const counts = screen.getByRole("list", { name: zh.countsLabel });
    expect(counts).toHaveTextContent(zh.severityCount(report.summary.errors, "error"));
    expect(counts).toHaveTextContent(zh.severityCount(report.summary.warnings, "warning"));
    expect(counts).toHaveTextContent(zh.severityCount(report.summary.infos, "info"));
  });

  test("groups collapse and expand, and say how to fix", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown("activity.hours");
    await expandGroup(user, "activity.hours");
    const hours = expected().findings.find((f) => f.rule === "activity.hours")!;
    expect(findingButton(hours)).toBeVisible();
    await user.click(groupHeader("activity.hours"));
    await waitFor(() => expect(groupHeader("activity.hours")).toHaveAttribute("aria-expanded", "false"));
    expect(
      screen.queryByRole("button", { name: new RegExp(escapeRegExp(findingProblem(hours, "zh"))) }),
    ).toBeNull();
  });

  test("the workbook status lists every user sheet with its kind, header row and rows, unrecognised ones too", async () => {
    const host = createFakeHost(sampleWorkbook());
    renderPane(host);
    const roster = await screen.findByRole("combobox", { name: zh.kindFieldLabel(ROSTER_SHEET) });
    expect(roster).toHaveTextContent("工作人员名单");
    const table = expected().tables.find((t) => t.sheet === ROSTER_SHEET)!;
    expect(screen.getByText(zh.sheetFacts(table.headerRow, table.rows))).toBeInTheDocument();
    expect(screen.getByRole("combobox", { name: zh.kindFieldLabel(NOTES_SHEET) })).toHaveTextContent(
      zh.kindUnrecognised,
    );
  });

  test("progress shows the stage while the host reads", async () => {
    let release: (() => void) | undefined;
    const host = createFakeHost(sampleWorkbook());
    const read = host.readWorkbook.bind(host);
    host.readWorkbook = (onProgress) =>
      new Promise((resolve) => {
        onProgress?.({ stage: "reading", fraction: 0.25 });
        release = () => void read().then(resolve);
      });
    renderPane(host);
    expect(await screen.findByText(zh.stages.reading)).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    await act(async () => release?.());
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });

  test("a failing host shows its message instead of crashing", async () => {
    const host = createFakeHost(sampleWorkbook());
    host.readWorkbook = async () => {
      throw new Error("Excel 正忙");
    };
    renderPane(host);
    expect(await screen.findByRole("alert")).toHaveTextContent("Excel 正忙");
  });
});

describe("what the download holds (file mode)", () => {
  test("汇总表 shows 资格审查, 组织架构 and 活动统计 with the monthly chart, from the check", async () => {
    const host = createFakeHost(sampleWorkbook(), { kind: "file" });
    const { user } = renderPane(host, { mode: "file" });
    await groupShown();
    await user.click(tab(zh.tabs.summary));
    const sheets = buildSummarySheets(check(sampleWorkbook(), { today: TEST_TODAY }), "zh");
    for (const id of SHOWN_SHEETS) {
      const sheet = sheets.find((s) => s.id === id)!;
      const region = await screen.findByRole("region", { name: sheet.name });
      // Every block's header row is there, and the first data row's first cell.
      for (const block of sheet.blocks) {
        expect(
          within(region)
            .getAllByRole("columnheader")
            .map((h) => h.textContent),
        ).toEqual(expect.arrayContaining(block.columns.map((c) => c.header)));
      }
      for (const chart of sheet.charts ?? [])
        expect(within(region).getByRole("group", { name: chart.title })).toBeInTheDocument();
    }
    expect(sheets.some((s) => (s.charts ?? []).length > 0)).toBe(true);
  });

  test("no progress indicator is left behind once checked (the tab's spinner only while it is shown)", async () => {
    renderPane(createFakeHost(sampleWorkbook(), { kind: "file" }), { mode: "file" });
    await groupShown();
    await waitFor(() => expect(document.querySelectorAll("[role=progressbar]")).toHaveLength(0));
  });

  test("the Excel pane has no such tab: there they are sheets of the workbook", async () => {
    renderPane(createFakeHost(sampleWorkbook()));
    await groupShown();
    expect(screen.queryByRole("tab", { name: zh.tabs.summary })).toBeNull();
  });

  test.each([
    ["a host that downloads, whatever the mode prop says", "office", true],
    ["a host that writes into the workbook, whatever the mode prop says", "file", false],
  ] as const)("the tab and the buttons follow %s", async (_what, mode, download) => {
    const host = createFakeHost(sampleWorkbook(), { capabilities: { download, preview: download } });
    const renderPreview = jest.fn(() => <p>预览区</p>);
    renderPane(host, { mode, onDownload: async () => {}, renderPreview });
    await groupShown();
    expect(screen.queryByRole("tab", { name: new RegExp(`^${zh.tabs.summary}`) }) !== null).toBe(download);
    expect(screen.queryByRole("button", { name: zh.downloadButton }) !== null).toBe(download);
    expect(screen.queryByRole("button", { name: zh.summaryButton }) !== null).toBe(!download);
    expect(screen.queryByText("预览区") !== null).toBe(download);
  });
});

describe("the file on disk (file mode)", () => {
  test("校验 asks first whether the file changed; when it must be reopened, nothing is re-checked", async () => {
    const host = createFakeHost(sampleWorkbook());
    const beforeCheck = jest.fn(async () => false);
    const { user } = renderPane(host, { mode: "file", autoCheck: false, beforeCheck });
    await user.click(screen.getByRole("button", { name: zh.checkButton }));
    await waitFor(() => expect(beforeCheck).toHaveBeenCalledTimes(1));
    expect(host.callsOf("readWorkbook")).toHaveLength(0);
    beforeCheck.mockImplementation(async () => true);
    await checked(user);
    expect(host.callsOf("readWorkbook")).toHaveLength(1);
  });

  test("a file to reopen is said plainly, with the button that opens the picker", async () => {
    const host = createFakeHost(sampleWorkbook());
    const onOpenFile = jest.fn(async () => undefined);
    renderPane(host, { mode: "file", fileName: "台账.xlsx", onOpenFile, diskNotice: "reopen" });
    expect(screen.getByText(zh.diskReopen("台账.xlsx"))).toBeInTheDocument();
    const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
    const picked = jest.fn();
    input.addEventListener("click", picked);
    fireEvent.click(screen.getByRole("button", { name: zh.reopenButton }));
    expect(picked).toHaveBeenCalledTimes(1);
  });

  test("where the browser has showOpenFilePicker, 重新打开 uses it and hands over the file's handle", async () => {
    const host = createFakeHost(sampleWorkbook());
    const onOpenFile = jest.fn(async (_file: File, _item?: DroppedItem) => undefined);
    const file = new File(["x"], "台账.xlsx");
    const handle = {
      kind: "file",
      name: "台账.xlsx",
      getFile: async () => file,
    } as unknown as FileSystemFileHandle;
    const g = globalThis as { showOpenFilePicker?: unknown };
    g.showOpenFilePicker = jest.fn(async () => [handle]);
    try {
      renderPane(host, { mode: "file", fileName: "台账.xlsx", onOpenFile, diskNotice: "reopen" });
      const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
      const picked = jest.fn();
      input.addEventListener("click", picked);
      fireEvent.click(screen.getByRole("button", { name: zh.reopenButton }));
      await waitFor(() => expect(onOpenFile).toHaveBeenCalledTimes(1));
      expect(picked).not.toHaveBeenCalled();
      const [opened, item] = onOpenFile.mock.calls[0]!;
      expect(opened).toBe(file);
      await expect(item?.getAsFileSystemHandle?.()).resolves.toBe(handle);
    } finally {
      delete g.showOpenFilePicker;
    }
  });
});

describe("jumping to cells", () => {
  test("click and Enter on a finding select its sheet and cell", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown("staff.political-status");
    const report = expected();

    const political = report.findings.find((f) => f.rule === "staff.political-status")!;
    await expandGroup(user, "staff.political-status");
    await user.click(findingButton(political));
    expect(host.callsOf("select")).toEqual([
      { method: "select", sheet: political.sheet, cell: political.cell },
    ]);
    expect(political).toMatchObject({ sheet: ROSTER_SHEET, cell: "I5" });

    const hours = report.findings.find((f) => f.rule === "activity.hours")!;
    await expandGroup(user, "activity.hours");
    findingButton(hours).focus();
    await user.keyboard("{Enter}");
    expect(host.callsOf("select").at(-1)).toEqual({
      method: "select",
      sheet: ACTIVITY_SHEET,
      cell: hours.cell,
    });
  });

  test("a finding about a whole sheet goes to that sheet (its first cell), not nowhere", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    const report = expected();
    const whole = report.findings.find(
      (f) => f.sheet !== undefined && f.cell === undefined && f.row === undefined,
    );
    expect(whole).toBeDefined();
    await groupShown(whole!.rule);
    await expandGroup(user, whole!.rule);
    await user.click(findingButton(whole!));
    expect(host.callsOf("select").at(-1)).toEqual({ method: "select", sheet: whole!.sheet, cell: "A1" });
  });

  test("each finding button is described by its group's fix", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    await expandGroup(user, "staff.title");
    const title = expected().findings.find((f) => f.rule === "staff.title")!;
    expect(findingButton(title)).toHaveAccessibleDescription(/修改建议/);
  });
});

describe("filters", () => {
  test("by severity and by sheet", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    const report = expected();
    const rulesShown = () =>
      screen
        .getAllByRole("heading", { level: 3 })
        .map((h) => h.textContent ?? "")
        .filter((t) => t !== "");

    await user.selectOptions(screen.getByRole("combobox", { name: zh.filterSeverity }), "info");
    const infoRules = [...groupsOf(report.findings.filter((f) => f.severity === "info")).keys()];
    expect(rulesShown()).toHaveLength(infoRules.length);
    for (const r of infoRules) expect(groupHeader(r)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: zh.filterSeverity }), "all");
    await user.selectOptions(screen.getByRole("combobox", { name: zh.filterSheet }), ACTIVITY_SHEET);
    const activityRules = [...groupsOf(report.findings.filter((f) => f.sheet === ACTIVITY_SHEET)).keys()];
    expect(activityRules.length).toBeGreaterThan(0);
    expect(rulesShown()).toHaveLength(activityRules.length);
    for (const r of activityRules) expect(groupHeader(r)).toBeInTheDocument();
    expect(
      screen.queryByRole("heading", { level: 3, name: new RegExp(ruleTitle("staff.title", "zh")) }),
    ).toBeNull();
    // The counts follow the filter: they are the activity sheet's, and say they are filtered.
    const counts = screen.getByRole("list", { name: zh.countsLabel });
    for (const s of ["error", "warning", "info"] as const) {
      const n = report.findings.filter((f) => f.sheet === ACTIVITY_SHEET && f.severity === s).length;
      expect(counts).toHaveTextContent(zh.severityCount(n, s));
    }
    expect(report.findings.filter((f) => f.sheet === ACTIVITY_SHEET)).not.toHaveLength(
      report.findings.length,
    );
    expect(screen.getByText(zh.countsFiltered)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole("combobox", { name: zh.filterSheet }), ACTIVITY_SHEET);
    await user.selectOptions(screen.getByRole("combobox", { name: zh.filterSeverity }), "warning");
    if (!report.findings.some((f) => f.sheet === ACTIVITY_SHEET && f.severity === "warning")) {
      expect(screen.getByText(zh.noMatches)).toBeInTheDocument();
    }
  });
});

describe("settings", () => {
  async function openSettings(user: ReturnType<typeof userEvent.setup>): Promise<void> {
    await user.click(tab(zh.tabs.settings));
    await screen.findByRole("textbox", { name: zh.fields.enrollment.label });
  }

  test("a bad value gets a message as it is typed; a good one is saved via saveState and restored on re-mount", async () => {
    const store: StateStore = createStateStore();
    const host = createFakeHost(sampleWorkbook(), { store });
    const { user, unmount } = renderPane(host);
    await groupShown();
    await openSettings(user);

    const enrollment = screen.getByRole("textbox", { name: zh.fields.enrollment.label });
    await user.type(enrollment, "abc");
    expect(await screen.findByText(zh.errors.number)).toBeInTheDocument();
    expect(enrollment).toHaveAttribute("aria-invalid", "true");
    await user.clear(enrollment);
    await user.type(enrollment, "0");
    expect(screen.getByText(zh.errors.tooSmall(0, false))).toBeInTheDocument();
    await user.clear(enrollment);
    await user.type(enrollment, "２０，０００".replace("，", ","));
    expect(screen.queryByText(zh.errors.tooSmall(0, false))).toBeNull();
    expect(enrollment).not.toHaveAttribute("aria-invalid", "true");

    const date = screen.getByRole("textbox", { name: zh.fields.congressDate.label });
    await user.type(date, "2022-02-30");
    expect(screen.getByText(zh.errors.dateReal)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: zh.settingsSave }));
    expect(host.callsOf("saveState")).toHaveLength(0);
    await user.clear(date);
    await user.type(date, "2022年11月23日");

    await user.click(screen.getByRole("button", { name: zh.settingsSave }));
    await screen.findByText(zh.settingsSaved);
    expect(host.callsOf("saveState").at(-1)?.state).toEqual({
      settings: { enrollment: 20000, congressDate: "2022-11-23" },
      overrides: [],
    });
    unmount();

    const again = createFakeHost(sampleWorkbook(), { store });
    const second = renderPane(again);
    await groupShown();
    await second.user.click(tab(zh.tabs.settings));
    expect(screen.getByRole("textbox", { name: zh.fields.enrollment.label })).toHaveValue("20000");
    expect(screen.getByRole("textbox", { name: zh.fields.congressDate.label })).toHaveValue("2022-11-23");
  });

  test("saved settings are used by the next check", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await screen.findByRole("heading", {
      level: 3,
      name: new RegExp(ruleTitle("staff.academic-rank", "zh")),
    });
    await openSettings(user);
    // With the top 60% allowed, 60/120 (50%) passes the rank rule.
    await user.type(screen.getByRole("textbox", { name: zh.fields.rankTopPercent.label }), "60");
    await user.click(screen.getByRole("button", { name: zh.settingsSave }));
    await screen.findByText(zh.settingsSaved);
    await user.click(tab(zh.tabs.problems));
    expect(
      screen.queryByRole("heading", { level: 3, name: new RegExp(ruleTitle("staff.academic-rank", "zh")) }),
    ).toBeNull();
  });

  test("the workbook's settings sheet shows as placeholders and hints", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    await openSettings(user);
    const school = screen.getByRole("textbox", { name: zh.fields.schoolName.label });
    expect(school).toHaveAttribute("placeholder", "留空则用 某某医科大学");
    expect(school).toHaveAccessibleDescription(new RegExp(zh.fromSheet("某某医科大学")));
  });

  test("settings-sheet keys ziping does not use are listed, not rejected", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    await openSettings(user);
    const other = screen.getByRole("region", { name: zh.otherSettingsHeading });
    expect(other).toHaveTextContent("团委书记：王老师");
    expect(other).not.toHaveTextContent("学校名称");
  });
});

describe("sheet-kind corrections", () => {
  test("a correction is saved through saveState and used on the next check", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown("activity.hours");

    await user.click(screen.getByRole("combobox", { name: zh.kindFieldLabel(ACTIVITY_SHEET) }));
    await user.click(await screen.findByRole("option", { name: zh.kindIgnore }));

    await waitFor(() =>
      expect(host.callsOf("saveState").at(-1)?.state.overrides).toEqual([
        { sheet: ACTIVITY_SHEET, kind: null },
      ]),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole("heading", { level: 3, name: new RegExp(ruleTitle("activity.hours", "zh")) }),
      ).toBeNull(),
    );
    expect(screen.getByRole("combobox", { name: zh.kindFieldLabel(ACTIVITY_SHEET) })).toHaveTextContent(
      zh.kindIgnore,
    );

    // The next 校验 re-reads the workbook and still leaves the sheet out.
    await user.click(screen.getByRole("button", { name: zh.checkButton }));
    await waitFor(() => expect(host.callsOf("readWorkbook")).toHaveLength(2));
    await groupShown();
    expect(
      screen.queryByRole("heading", { level: 3, name: new RegExp(ruleTitle("activity.hours", "zh")) }),
    ).toBeNull();

    // 自动识别 removes the correction again.
    await user.click(screen.getByRole("combobox", { name: zh.kindFieldLabel(ACTIVITY_SHEET) }));
    await user.click(await screen.findByRole("option", { name: zh.kindAuto }));
    await waitFor(() => expect(host.callsOf("saveState").at(-1)?.state.overrides).toEqual([]));
    await groupShown("activity.hours");
  });
});

describe("language", () => {
  test("switching to English changes the visible texts and is remembered", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    expect(document.documentElement.lang).toBe("zh-CN");

    await user.selectOptions(screen.getByRole("combobox", { name: zh.langLabel }), "en");

    expect(screen.getByRole("button", { name: en.checkButton })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: zh.checkButton })).toBeNull();
    expect(tab(en.tabs.settings)).toBeInTheDocument();
    expect(groupHeader("staff.title", "en")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en-US");
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");
  });

  test("a shown failure is worded again in the new language", async () => {
    const host = createFakeHost(sampleWorkbook());
    const failure = new HostFailure("row-too-large", { sheet: "志愿活动", row: 101 }, "payload over 5 MB");
    host.readWorkbook = async () => {
      throw failure;
    };
    const { user } = renderPane(host);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(errorText(failure, "zh"));
    expect(alert).not.toHaveTextContent("payload over 5 MB");

    await user.selectOptions(screen.getByRole("combobox", { name: zh.langLabel }), "en");

    expect(screen.getByRole("alert")).toHaveTextContent(errorText(failure, "en"));
    expect(screen.getByRole("alert")).not.toHaveTextContent(errorText(failure, "zh"));
  });

  test("settings saved in the workbook that cannot be used are reported in words, and the check runs", async () => {
    const store = createStateStore();
    store.state = {
      settings: {},
      overrides: [],
      problem: { code: "bad-state", params: { detail: "not JSON" } },
    };
    renderPane(createFakeHost(sampleWorkbook(), { store }));
    await groupShown();
    expect(screen.getByRole("alert")).toHaveTextContent(errorText(store.state.problem, "zh"));
    expect(errorText(store.state.problem, "zh")).toContain("（not JSON），已忽略");
  });

  test("the stored choice wins over the browser language", () => {
    localStorage.setItem(LANG_STORAGE_KEY, "en");
    render(<App host={null} mode="file" onOpenFile={async () => {}} engine={createInThreadRunner()} />, {
      wrapper: FastStyles,
    });
    expect(screen.getByRole("button", { name: en.chooseFile })).toBeInTheDocument();
  });
});

describe("summary sheets", () => {
  test("生成汇总表 writes six sheets, activates 自评表 and says what was written and renamed", async () => {
    const input = sampleWorkbook();
    const withUserSheet: WorkbookInput = {
      sheets: [...input.sheets, { name: "自评表", rows: [["我自己的表"]] }],
    };
    const host = createFakeHost(withUserSheet);
    const { user } = renderPane(host);
    await groupShown();

    await user.click(screen.getByRole("button", { name: zh.summaryButton }));

    await waitFor(() => expect(host.callsOf("writeSummary")).toHaveLength(1));
    const call = host.callsOf("writeSummary")[0]!;
    expect(call.sheets).toHaveLength(6);
    expect(call.sheets.map((s) => s.id)).toEqual([...SUMMARY_SHEET_IDS]);
    expect(call.activate).toBe("assessment");
    expect(await screen.findByText(new RegExp(escapeRegExp(zh.summaryWritten)))).toHaveTextContent(
      "问题清单",
    );
    expect(screen.getByText(zh.summaryRenamed("自评表", "自评表 (2)"))).toBeInTheDocument();
  });

  test("file mode downloads after writing", async () => {
    const host = createFakeHost(sampleWorkbook(), { kind: "file" });
    const onDownload = jest.fn(async () => {});
    const { user } = renderPane(host, {
      mode: "file",
      onDownload,
      onOpenFile: async () => {},
      fileName: "学生会.xlsx",
    });
    await groupShown();
    expect(screen.getByText(zh.currentFile("学生会.xlsx"))).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: zh.downloadButton }));
    await waitFor(() => expect(onDownload).toHaveBeenCalledTimes(1));
    expect(host.callsOf("writeSummary")).toHaveLength(1);
    expect(await screen.findByText(zh.downloadDone)).toBeInTheDocument();
  });
});

describe("highlighting", () => {
  test("the toggle marks the cells of findings and clears them again", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    const toggle = screen.getByRole("switch", { name: zh.highlightLabel });
    await user.click(toggle);
    await waitFor(() => expect(host.callsOf("markCells")).toHaveLength(1));
    const marked = host.callsOf("markCells")[0]!.findings;
    const withCells = expected().findings.filter((f) => f.cell !== undefined);
    expect(marked).toHaveLength(withCells.length);
    await waitFor(() => expect(toggle).toBeChecked());
    await user.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(host.callsOf("clearMarks").length).toBeGreaterThanOrEqual(2);
  });

  test("no toggle when the host cannot mark", async () => {
    const host = createFakeHost(sampleWorkbook(), { withoutMarks: true });
    renderPane(host);
    await groupShown();
    expect(screen.queryByRole("switch")).toBeNull();
  });
});

describe("the self-assessment and the report", () => {
  test("indicators show their verdict in words", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    const panel = await openTab(user, zh.tabs.assessment);
    const verdicts = expected().indicators.map((i) => i.verdict);
    const words = { yes: "是", no: "否", unknown: "待确认" } as const;
    const items = within(panel).getAllByRole("listitem");
    expect(items).toHaveLength(verdicts.length);
    verdicts.forEach((v, i) => expect(items[i]).toHaveTextContent(words[v]));
  });

  test("report sentences can be copied", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user } = renderPane(host);
    await groupShown();
    const panel = await openTab(user, zh.tabs.report);
    await user.click(within(panel).getByRole("button", { name: zh.copy }));
    await within(panel).findByText(zh.copied);
    // user-event installs its own clipboard on navigator; read back what the pane put there.
    const copied = await navigator.clipboard.readText();
    const sentences = within(panel).getAllByText(/总人数为7人/);
    expect(sentences.length).toBeGreaterThan(0);
    expect(copied).toContain(sentences[0]!.textContent);
  });
});

describe("cell text is only text", () => {
  test("an HTML-looking title renders literally and creates no element", async () => {
    const host = createFakeHost(sampleWorkbook());
    const { user, container } = renderPane(host);
    await groupShown();
    await expandGroup(user, "staff.title");
    const title = expected().findings.find((f) => f.rule === "staff.title")!;
    expect(findingButton(title)).toHaveTextContent(HTML_TITLE);
    const assessment = await openTab(user, zh.tabs.assessment);
    expect(within(assessment).getByText(new RegExp(escapeRegExp(HTML_TITLE)))).toBeVisible();
    expect(container.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
  });
});

describe("file mode without a workbook", () => {
  test("shows only the open area; a rejected file shows the adapter's message", async () => {
    const onOpenFile = jest.fn(async (_file: File) => {
      throw new Error("这不是 .xlsx 工作簿");
    });
    const { user } = renderPane(null, { mode: "file", onOpenFile });
    expect(screen.getByRole("heading", { level: 2, name: zh.openHeading })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: zh.checkButton })).toBeNull();
    const file = new File(["a,b\n1,2"], "名单.xlsx");
    await user.upload(screen.getByLabelText(zh.chooseFile), file);
    expect(onOpenFile).toHaveBeenCalledWith(file);
    expect(await screen.findByText(`${zh.openFailed("名单.xlsx")} 这不是 .xlsx 工作簿`)).toBeInTheDocument();
  });

  test("a refused file's reason follows the language switch", async () => {
    const user = userEvent.setup();
    const refusal = new HostFailure("csv", {}, "comma-separated text");
    render(
      <App
        host={null}
        mode="file"
        initialLang="zh"
        onOpenFile={async () => {
          throw refusal;
        }}
        engine={createInThreadRunner()}
      />,
      { wrapper: FastStyles },
    );
    await user.upload(screen.getByLabelText(zh.chooseFile), new File(["a,b\n1,2"], "名单.xlsx"));
    expect(
      await screen.findByText(`${zh.openFailed("名单.xlsx")} ${errorText(refusal, "zh")}`),
    ).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: zh.langLabel }), "en");
    expect(
      await screen.findByText(`${en.openFailed("名单.xlsx")} ${errorText(refusal, "en")}`),
    ).toBeInTheDocument();
  });

  test("a dropped file is opened", async () => {
    const onOpenFile = jest.fn(async (_file: File) => {});
    const { container } = renderPane(null, { mode: "file", onOpenFile });
    const file = new File(["x"], "学生会.xlsx");
    const zone = container.querySelector("main")!;
    fireEvent.drop(zone, { dataTransfer: { files: [file], types: ["Files"] } });
    await waitFor(() => expect(onOpenFile).toHaveBeenCalledWith(file));
  });
});
