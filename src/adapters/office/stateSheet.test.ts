import { STATE_SHEET_NAME, stateFromWorkbook } from "../../engine";
import { FakeWorkbook } from "./testing/fakeExcel";
import { fakeHost, userWorkbook } from "./testing/fixtures";

describe("saved state in the very-hidden sheet", () => {
  const state = {
    settings: { schoolName: "=示例大学", enrollment: 12000, reviewTerms: ["2023春"] },
    overrides: [
      { sheet: "Sheet1", kind: "activities" as const },
      { sheet: "旧表", kind: null },
    ],
  };

  it("is empty before anything was saved, and saving creates the sheet very hidden", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    expect(await host.loadState()).toEqual({ settings: {}, overrides: [] });
    await host.saveState(state);
    expect(book.visibilityOf(STATE_SHEET_NAME)).toBe("VeryHidden");
    expect(book.snapshot(STATE_SHEET_NAME).formats.A1).toBe("@");
  });

  it("round-trips, also through the reader and the engine's stateFromWorkbook", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    await host.saveState(state);
    expect(await host.loadState()).toEqual(state);
    await host.saveState({ settings: {}, overrides: [] });
    expect(await host.loadState()).toEqual({ settings: {}, overrides: [] });
    await host.saveState(state);
    expect(stateFromWorkbook(await host.readWorkbook())).toEqual({ ok: true, value: state });
    expect(book.sheetNames().filter((n) => n === STATE_SHEET_NAME)).toHaveLength(1);
  });

  it("treats a damaged state as empty (the next save replaces it)", async () => {
    const book = new FakeWorkbook()
      .addSheet("Sheet1")
      .addSheet(STATE_SHEET_NAME, { rows: [["{not json"]], visibility: "VeryHidden" });
    expect(await fakeHost(book).loadState()).toEqual({ settings: {}, overrides: [] });
  });

  it("selects a finding's cell on its sheet", async () => {
    const book = userWorkbook();
    await fakeHost(book).select("志愿活动", "F7");
    expect(book.activeSheetName()).toBe("志愿活动");
    expect(book.selection).toEqual({ sheet: "志愿活动", address: "F7" });
  });
});
