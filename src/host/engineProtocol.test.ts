import { check, type WorkbookInput } from "../engine";
import {
  connectEngine,
  serveEngine,
  type EngineReply,
  type EngineRequest,
  type WorkerScope,
} from "./engineProtocol";
import { createEngineService, type FileWork } from "./engineService";
import { HostFailure } from "./errors";
import { PART_ROWS } from "./inputParts";
import type { Progress } from "./types";
import { sampleWorkbook, TEST_TODAY } from "../ui/testing/workbook";

/** A worker and its scope in one thread: every message is structured-cloned, as between threads. */
function pair(files: FileWork) {
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (message: EngineReply) =>
      setTimeout(() => worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<EngineReply>)),
  };
  const sent: EngineRequest[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<EngineReply>) => void) | null,
    onerror: null,
    onmessageerror: null,
    terminate: jest.fn(),
    postMessage(message: EngineRequest) {
      sent.push(message);
      const copy = structuredClone(message);
      setTimeout(() => scope.onmessage?.({ data: copy } as MessageEvent<EngineRequest>));
    },
  };
  serveEngine(scope, createEngineService({ files: async () => files }));
  return { engine: connectEngine(worker as unknown as Worker, async () => undefined), sent };
}

const FILES: FileWork = {
  async read(_bytes, onProgress) {
    onProgress(0.5);
    return sampleWorkbook();
  },
  async write(original, sheets) {
    const outcome = { sheets: sheets.map((s) => ({ id: s.id, name: s.name })), renamed: [] };
    return { bytes: original.slice(0, 2), outcome };
  },
};

describe("the one message layer between the page and the engine worker", () => {
  it("checks a workbook the page read and builds the summary from the result kept in the worker", async () => {
    const { engine } = pair(FILES);
    const view = await engine.check(sampleWorkbook(), { today: TEST_TODAY });
    expect(view.report).toEqual(check(sampleWorkbook(), { today: TEST_TODAY }).report);
    expect((await engine.summary("zh")).map((s) => s.id)).toContain("assessment");
  });

  it("sends a large workbook in parts and checks the whole of it", async () => {
    const { engine, sent } = pair(FILES);
    const big: WorkbookInput = {
      sheets: [
        ...sampleWorkbook().sheets,
        { name: "附表", rows: Array.from({ length: PART_ROWS + 1 }, (_, i) => [i]) },
      ],
    };
    const view = await engine.check(big, { today: TEST_TODAY });
    expect(sent.filter((m) => m.method === "part").length).toBeGreaterThan(1);
    expect(view.workbook.sheets.map((s) => s.name)).toContain("附表");
    expect(view.report).toEqual(check(big, { today: TEST_TODAY }).report);
  });

  it("keeps an opened file in the worker: checks it with progress, writes it, and the page gets no cells", async () => {
    const { engine, sent } = pair(FILES);
    await engine.open(new Uint8Array([0x50, 0x4b, 3, 4]));
    const seen: Progress[] = [];
    const run = await engine.checkOpened({ today: TEST_TODAY }, (p) => seen.push(p));
    expect(seen.map((p) => p.stage)).toEqual(["reading", "reading", "checking"]);
    expect(run.result.report).toEqual(check(sampleWorkbook(), { today: TEST_TODAY }).report);
    const summary = await engine.summary("en");
    const written = await engine.write(summary, null);
    expect(written.bytes).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(written.outcome.sheets).toHaveLength(summary.length);
    // The bytes went once; no request carried a workbook.
    expect(sent.map((m) => m.method)).toEqual(["open", "checkOpened", "summary", "write"]);
  });

  it("carries a failure's workbook error code and detail back to the page", async () => {
    const failing: FileWork = {
      ...FILES,
      read: async () => {
        throw new HostFailure("too-large", { maxFileBytes: 9, maxEntries: 8 }, "bad zip");
      },
    };
    const { engine } = pair(failing);
    await engine.open(new Uint8Array([1]));
    await expect(engine.checkOpened({ today: TEST_TODAY })).rejects.toMatchObject({
      code: "too-large",
      params: { maxFileBytes: 9, maxEntries: 8 },
      detail: "bad zip",
    });
    await expect(engine.rows("名单", "A1")).rejects.toMatchObject({ code: "too-large" });
  });
});
