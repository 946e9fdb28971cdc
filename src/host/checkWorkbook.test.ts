import { readFileSync } from "node:fs";
import path from "node:path";
import { createNodeFileHost } from "../adapters/xlsx/nodeHost";
import { writeSummaryWorkbook } from "../adapters/xlsx/write";
import { serializeState } from "../engine";
import { checkWorkbook, localToday, StaleRun } from "./checkWorkbook";
import { LOCAL_ENGINE } from "./localEngine";
import type { WorkbookHost } from "./types";

const SAMPLE = new Uint8Array(readFileSync(path.join(__dirname, "../../samples/sample-2022.xlsx")));
const TODAY = "2023-06-30";

/** The sample with a saved state in its very-hidden state sheet. */
async function withState(text: string): Promise<Uint8Array> {
  return (await writeSummaryWorkbook(SAMPLE, [], { state: text })).bytes;
}

describe("checkWorkbook: read → saved state → settings → check → summary, once for every entry point", () => {
  it("layers the saved state over the settings sheet and the options' config over both", async () => {
    const bytes = await withState(
      serializeState({ settings: { presidiumMax: 9, departmentsMax: 9 }, overrides: [] }),
    );
    const run = await checkWorkbook(createNodeFileHost(bytes), {
      engine: LOCAL_ENGINE,
      today: TODAY,
      config: { presidiumMax: 7 },
    });
    expect(run.saved.settings).toEqual({ presidiumMax: 9, departmentsMax: 9 });
    expect(run.settings).toEqual({ presidiumMax: 7, departmentsMax: 9 });
    expect(run.result.settings.presidiumMax).toBe(7);
    expect(run.result.settings.departmentsMax).toBe(9);
    expect(run.written).toBeNull();
  });

  it("runs without a damaged saved state and says why", async () => {
    const run = await checkWorkbook(createNodeFileHost(await withState("{not json")), {
      engine: LOCAL_ENGINE,
      today: TODAY,
    });
    expect(run.saved.problem).toEqual({ code: "bad-state", params: { detail: "not JSON" } });
    const clean = await checkWorkbook(createNodeFileHost(SAMPLE), { engine: LOCAL_ENGINE, today: TODAY });
    expect(run.result.report.summary).toEqual(clean.result.report.summary);
  });

  it("runs without a saved state the host cannot load", async () => {
    const host = createNodeFileHost(SAMPLE);
    const failing: WorkbookHost = { ...host, loadState: () => Promise.reject(new Error("no access")) };
    const run = await checkWorkbook(failing, { engine: LOCAL_ENGINE, today: TODAY });
    expect(run.saved.problem).toEqual({ code: "state-unreadable", params: { detail: "no access" } });
    expect(run.result.report.tables.length).toBeGreaterThan(0);
  });

  it("writes only the sheets asked for, through the host", async () => {
    const host = createNodeFileHost(SAMPLE);
    const run = await checkWorkbook(host, {
      engine: LOCAL_ENGINE,
      today: TODAY,
      write: { lang: "zh", only: ["problems"] },
    });
    expect(run.written?.sheets.map((s) => s.id)).toEqual(["problems"]);
    expect(run.written?.outcome.sheets).toEqual([{ id: "problems", name: "问题清单" }]);
    expect(host.written()).not.toBeNull();
  });

  it("stops at the next step once the run is stale", async () => {
    let current = true;
    const host = createNodeFileHost(SAMPLE);
    const reading: WorkbookHost = {
      ...host,
      readWorkbook: async (p) => {
        const input = await host.readWorkbook(p);
        current = false;
        return input;
      },
    };
    await expect(
      checkWorkbook(reading, { engine: LOCAL_ENGINE, today: TODAY, isCurrent: () => current }),
    ).rejects.toBeInstanceOf(StaleRun);
  });

  it("takes today as the user's local calendar day", () => {
    expect(localToday(new Date(2024, 1, 9, 23, 30))).toBe("2024-02-09");
    expect(localToday(new Date(2024, 11, 31, 0, 5))).toBe("2024-12-31");
  });
});
