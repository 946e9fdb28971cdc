import { serializeState, STATE_SHEET_NAME, type SummarySheet, type WorkbookInput } from "../../engine";
import type { Progress } from "../../host/types";
import { errorText, HostFailure } from "../../host/errors";
import { downloadName, FileWorkbookHost, type FileBackend } from "./session";

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

function fakeBackend(input: WorkbookInput = INPUT, delayMs = 0) {
  const writes: Array<{ sheets: readonly SummarySheet[]; state: string | null }> = [];
  let reads = 0;
  const backend: FileBackend = {
    async read(_bytes, onProgress) {
      reads++;
      onProgress(0.5);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return input;
    },
    async write(_original, sheets, state) {
      writes.push({ sheets, state });
      const outcome = { sheets: sheets.map((s) => ({ id: s.id, name: s.name })), renamed: [] };
      return { bytes: new Uint8Array([1, 2, 3]), outcome };
    },
  };
  return { backend, writes, reads: () => reads };
}

function host(backend: FileBackend, saved: Array<{ bytes: Uint8Array; name: string }> = []) {
  return new FileWorkbookHost("学生会2022.xlsx", new Uint8Array([0x50, 0x4b]), {
    backend,
    lang: () => "zh",
    heartbeatMs: 20,
    save: (bytes, name) => saved.push({ bytes, name }),
  });
}

describe("FileWorkbookHost", () => {
  it("reads once, reports progress while the backend works, and ends at 1", async () => {
    const fake = fakeBackend(INPUT, 120);
    const h = host(fake.backend);
    const seen: Progress[] = [];
    const input = await h.readWorkbook((p) => seen.push(p));
    expect(input).toBe(INPUT);
    expect(seen[0]).toEqual({ stage: "reading", fraction: 0 });
    expect(seen[seen.length - 1]).toEqual({ stage: "reading", fraction: 1 });
    // Heartbeats every 20 ms during a 120 ms read.
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every((p) => p.stage === "reading")).toBe(true);
    await h.loadState();
    await h.readWorkbook();
    expect(fake.reads()).toBe(1);
  });

  it("loads the state stored in the workbook, then the state saved in this session", async () => {
    const h = host(fakeBackend().backend);
    expect(await h.loadState()).toEqual({ settings: { staffMax: 45 }, overrides: [] });
    const state = { settings: { enrollment: 9000 }, overrides: [{ sheet: "名单", kind: "roster" as const }] };
    await h.saveState(state);
    expect(await h.loadState()).toEqual(state);
  });

  it("builds the download with our sheets and, once saved, the state", async () => {
    const fake = fakeBackend();
    const saved: Array<{ bytes: Uint8Array; name: string }> = [];
    const h = host(fake.backend, saved);
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
    expect(fake.writes[1]?.sheets).toBe(SHEETS);
  });

  it("opens the preview on select and refuses an unknown sheet", async () => {
    const h = host(fakeBackend().backend);
    let changes = 0;
    const off = h.subscribePreview(() => changes++);
    await h.select("名单", "B2");
    expect(h.getPreview()).toEqual({ sheet: INPUT.sheets[0], cell: "B2" });
    await expect(h.select("没有", "A1")).rejects.toThrow("没有");
    h.closePreview();
    expect(h.getPreview()).toBeNull();
    off();
    expect(changes).toBe(2);
  });

  it("turns reader errors into host failures and lets the user retry", async () => {
    let fail = true;
    const backend: FileBackend = {
      async read() {
        if (fail) throw Object.assign(new Error("bad zip"), { code: "corrupt" });
        return INPUT;
      },
      async write() {
        throw new Error("disk full?");
      },
    };
    const h = host(backend);
    const err = await h.readWorkbook().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostFailure);
    expect((err as HostFailure).code).toBe("corrupt");
    expect(errorText(err, "zh")).toMatch(/损坏/);
    fail = false;
    await expect(h.readWorkbook()).resolves.toBe(INPUT);
    await expect(h.writeSummary(SHEETS)).rejects.toMatchObject({ code: "corrupt", detail: "disk full?" });
  });
});

describe("names", () => {
  it("names the download after the original, in the pane's language", () => {
    expect(downloadName("校学生会.XLSX", "zh")).toBe("校学生会-自评汇总.xlsx");
    expect(downloadName("union.xlsx", "en")).toBe("union-summary.xlsx");
  });
});
