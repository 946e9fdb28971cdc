import {
  serializeState,
  STATE_SHEET_NAME,
  type RawCell,
  type SummarySheet,
  type WorkbookInput,
} from "../../engine";
import { createEngineService, PREVIEW_WINDOW, type FileWork } from "../../host/engineService";
import type { Progress } from "../../host/types";
import { errorText, HostFailure } from "../../host/errors";
import { downloadName, FileWorkbookHost } from "./session";

const INPUT: WorkbookInput = {
  sheets: [
    {
      name: "名单",
      rows: [
        ["姓名", "学号"],
        ["张三", "2021001"],
      ],
    },
    { name: "自评表", rows: [["user data"]] },
    {
      name: STATE_SHEET_NAME,
      rows: [[serializeState({ settings: { staffMax: 45 }, overrides: [] })]],
      hidden: true,
    },
  ],
};

const SHEETS: SummarySheet[] = [
  { id: "assessment", name: "自评表", title: "自评表", blocks: [] },
  { id: "problems", name: "问题清单", title: "问题清单", blocks: [] },
];

function fakeFiles(input: WorkbookInput = INPUT) {
  const writes: Array<{ sheets: readonly SummarySheet[]; state: string | null }> = [];
  let reads = 0;
  let fail: Error | null = null;
  const files: FileWork = {
    async read(_bytes, onProgress) {
      reads++;
      onProgress(0.5);
      if (fail) throw fail;
      return input;
    },
    async write(_original, sheets, state) {
      writes.push({ sheets, state });
      const outcome = { sheets: sheets.map((s) => ({ id: s.id, name: s.name })), renamed: [] };
      return { bytes: new Uint8Array([1, 2, 3]), outcome };
    },
  };
  return { files, writes, reads: () => reads, failWith: (err: Error | null) => (fail = err) };
}

function host(files: FileWork, saved: Array<{ bytes: Uint8Array; name: string }> = []) {
  return new FileWorkbookHost("学生会2022.xlsx", new Uint8Array([0x50, 0x4b]), {
    engine: createEngineService({ files: async () => files }),
    lang: () => "zh",
    save: (bytes, name) => saved.push({ bytes, name }),
  });
}

describe("FileWorkbookHost over the engine service", () => {
  it("checks where the workbook is, reading it once with progress, and sends back only the results", async () => {
    const fake = fakeFiles();
    const h = host(fake.files);
    const seen: Progress[] = [];
    const run = await h.runCheck({ today: "2023-06-30", onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.stage)).toEqual(["reading", "reading", "checking"]);
    expect(seen.map((p) => p.fraction)).toEqual([0, 0.5, undefined]);
    expect(seen[2]?.rows).toBe(4);
    // The state stored in the workbook, and every sheet's name without its cells.
    expect(run.saved).toEqual({ settings: { staffMax: 45 }, overrides: [] });
    expect(run.result.workbook.sheets).toEqual([
      { name: "名单" },
      { name: "自评表" },
      { name: STATE_SHEET_NAME, hidden: true },
    ]);
    expect(run.result.report.findings.length).toBeGreaterThan(0);
    expect(run).not.toHaveProperty("input");
    await h.loadState();
    await expect(h.readWorkbook()).resolves.toEqual(INPUT);
    expect(fake.reads()).toBe(1);
  });

  it("loads the state stored in the workbook, then the state saved in this session", async () => {
    const h = host(fakeFiles().files);
    expect(await h.loadState()).toEqual({ settings: { staffMax: 45 }, overrides: [] });
    const state = { settings: { enrollment: 9000 }, overrides: [{ sheet: "名单", kind: "roster" as const }] };
    await h.saveState(state);
    expect(await h.loadState()).toEqual(state);
  });

  it("builds the download with our sheets and, once saved, the state", async () => {
    const fake = fakeFiles();
    const saved: Array<{ bytes: Uint8Array; name: string }> = [];
    const h = host(fake.files, saved);
    const outcome = await h.writeSummary(SHEETS);
    expect(fake.writes).toHaveLength(1);
    expect(fake.writes[0]?.state).toBeNull();
    expect(outcome.sheets).toEqual([
      { id: "assessment", name: "自评表" },
      { id: "problems", name: "问题清单" },
    ]);
    await h.download();
    expect(saved).toEqual([{ bytes: new Uint8Array([1, 2, 3]), name: "学生会2022-自评汇总.xlsx" }]);
    expect(fake.writes).toHaveLength(1);

    await h.saveState({ settings: { staffMax: 40 }, overrides: [] });
    await h.download();
    expect(fake.writes).toHaveLength(2);
    expect(JSON.parse(fake.writes[1]?.state ?? "null")).toMatchObject({ settings: { staffMax: 40 } });
    expect(fake.writes[1]?.sheets).toEqual(SHEETS);
  });

  it("opens the preview on select and refuses an unknown sheet", async () => {
    const h = host(fakeFiles().files);
    let changes = 0;
    const off = h.subscribePreview(() => changes++);
    await h.select("名单", "B2");
    expect(h.getPreview()).toEqual({ sheet: { ...INPUT.sheets[0], origin: { row: 1, col: 1 } }, cell: "B2" });
    const refused = await h.select("没有", "A1").catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "sheet-missing", params: { sheet: "没有" } });
    expect(errorText(refused, "zh")).toBe("工作簿中没有名为“没有”的工作表。");
    h.closePreview();
    expect(h.getPreview()).toBeNull();
    off();
    expect(changes).toBe(2);
  });

  it("previews a window of rows around the cell of a long sheet, with its table's header row", async () => {
    const rows: RawCell[][] = [["序号", "姓名", "学号", "职务"]];
    for (let i = 1; i <= 3000; i++) rows.push([i, `学生${i}`, `2021${String(i).padStart(4, "0")}`, "干事"]);
    const h = host(fakeFiles({ sheets: [{ name: "名单", rows }] }).files);
    await h.runCheck({ today: "2023-06-30" });
    await h.select("名单", "B2001");
    const target = h.getPreview();
    const first = 2001 - PREVIEW_WINDOW;
    expect(target?.sheet.origin).toEqual({ row: first, col: 1 });
    expect(target?.sheet.rows).toHaveLength(2 * PREVIEW_WINDOW + 1);
    expect(target?.sheet.rows[2001 - first]?.[1]).toBe("学生2000");
    expect(target?.header).toEqual({ row: 1, cells: rows[0] });
  });

  it("turns reader errors into host failures and lets the user retry", async () => {
    const fake = fakeFiles();
    fake.failWith(Object.assign(new Error("bad zip"), { code: "corrupt" }));
    const h = host(fake.files);
    const err = await h.readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostFailure);
    expect((err as HostFailure).code).toBe("corrupt");
    expect(errorText(err, "zh")).toMatch(/损坏/);
    fake.failWith(null);
    await expect(h.readWorkbook()).resolves.toEqual(INPUT);
    await expect(h.runCheck({ today: "2023-06-30" })).resolves.toHaveProperty("result");
  });
});

describe("names", () => {
  it("names the download after the original, in the pane's language", () => {
    expect(downloadName("校学生会.XLSX", "zh")).toBe("校学生会-自评汇总.xlsx");
    expect(downloadName("union.xlsx", "en")).toBe("union-summary.xlsx");
  });
});
