/** The in-thread engine runner, its fallback from a failing worker, and the pane's sheet-status rows. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { check, SUMMARY_SHEET_IDS } from "../engine";
import { createEngineRunner, createInThreadRunner } from "./engineClient";
import { sheetStatuses } from "./sheetStatus";
import { ACTIVITY_SHEET, NOTES_SHEET, ROSTER_SHEET, TEST_TODAY, sampleWorkbook } from "./testing/workbook";

// The webpack glue (import.meta) cannot load in Jest; each test says what the "worker" does.
jest.mock("./spawnEngineWorker", () => ({ spawnEngineWorker: jest.fn() }));

test("the runner checks, keeps the result, and builds the six summary sheets from it", async () => {
  const runner = createInThreadRunner();
  await expect(runner.summary("zh")).rejects.toThrow();
  const view = await runner.check(sampleWorkbook(), { today: TEST_TODAY });
  expect(view.report).toEqual(check(sampleWorkbook(), { today: TEST_TODAY }).report);
  expect(view.sheetSettings).toMatchObject({ schoolName: "某某医科大学" });
  expect(view.sentences.zh.length).toBeGreaterThan(0);
  expect(view.sentences.en.length).toBe(view.sentences.zh.length);
  const sheets = await runner.summary("en");
  expect(sheets.map((s) => s.id)).toEqual([...SUMMARY_SHEET_IDS]);
  expect(sheets).toHaveLength(6);
});

test("without Worker (Node, jsdom) the default runner runs in-thread", async () => {
  expect(typeof Worker).toBe("undefined");
  const view = await createEngineRunner().check(sampleWorkbook(), { today: TEST_TODAY });
  expect(view.report.findings.length).toBeGreaterThan(0);
});

test("sheet statuses list user sheets with recognition, corrections and unrecognised ones", () => {
  const input = sampleWorkbook();
  const withOurs = {
    sheets: [...input.sheets, { name: "自评表", rows: [] }, { name: "_ziping_state", rows: [] }],
  };
  const overrides = [{ sheet: ACTIVITY_SHEET, kind: null }];
  const report = check(withOurs, { today: TEST_TODAY, overrides }).report;
  const rows = sheetStatuses(withOurs, report.tables, overrides);
  expect(rows.map((r) => [r.sheet, r.choice])).toEqual([
    ["基本信息", "settings"],
    [ROSTER_SHEET, "roster"],
    [ACTIVITY_SHEET, "ignore"],
    [NOTES_SHEET, "auto"],
  ]);
  expect(rows.find((r) => r.sheet === ROSTER_SHEET)?.table).toMatchObject({ headerRow: 2, rows: 7 });
});

describe("a worker that fails hands over to this thread", () => {
  const spawn = jest.requireMock<{ spawnEngineWorker: jest.Mock }>("./spawnEngineWorker").spawnEngineWorker;
  const g = globalThis as { Worker?: unknown };
  beforeEach(() => {
    g.Worker = class {};
    // A worker that loads, then dies on its first message (as a blocked or crashing worker does).
    spawn.mockImplementation(() => {
      const worker = {
        onerror: null as ((e: { message: string; preventDefault(): void }) => void) | null,
        onmessage: null,
        onmessageerror: null,
        terminate: jest.fn(),
        postMessage: () =>
          setTimeout(() => worker.onerror?.({ message: "blocked", preventDefault: () => undefined })),
      };
      return worker;
    });
  });
  afterEach(() => {
    delete g.Worker;
  });

  it("with the open file: the check and the summary still come, from the same bytes", async () => {
    const runner = createEngineRunner();
    await runner.open(new Uint8Array(readFileSync(path.join(__dirname, "../../samples/sample-2022.xlsx"))));
    const run = await runner.checkOpened({ today: TEST_TODAY });
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(run.result.workbook.sheets.length).toBeGreaterThan(0);
    expect((await runner.summary("zh")).map((s) => s.id)).toContain("assessment");
    runner.dispose();
  });

  it("with a workbook the pane read: the check runs here", async () => {
    const runner = createEngineRunner();
    const view = await runner.check(sampleWorkbook(), { today: TEST_TODAY });
    expect(view.report).toEqual(check(sampleWorkbook(), { today: TEST_TODAY }).report);
    runner.dispose();
  });
});
