import { EMPTY_STATE, parseState, serializeState, stateFromWorkbook, STATE_SHEET_NAME } from "./state";

describe("saved workbook state", () => {
  it("round-trips settings and overrides", () => {
    const state = {
      settings: { enrollment: 13762, largeSchool: true, assessmentDate: "2022-12-09" },
      overrides: [
        { sheet: "Sheet3", kind: "activities" as const },
        { sheet: "备注", kind: null },
      ],
    };
    const back = parseState(serializeState(state));
    expect(back).toEqual({ ok: true, value: state });
  });

  it("refuses damaged JSON and unknown keys instead of throwing", () => {
    expect(parseState("{").ok).toBe(false);
    const unknown = parseState(JSON.stringify({ version: 1, settings: { staffCap: 3 }, overrides: [] }));
    expect(unknown.ok).toBe(false);
    const badKind = parseState(
      JSON.stringify({ version: 1, settings: {}, overrides: [{ sheet: "a", kind: "x" }] }),
    );
    expect(badKind.ok).toBe(false);
  });

  it("reads the state sheet from a workbook, or gives the empty state", () => {
    const text = serializeState({ settings: { staffMax: 45 }, overrides: [] });
    const wb = {
      sheets: [
        { name: "名单", rows: [["姓名"]] },
        { name: STATE_SHEET_NAME, rows: [[text]] },
      ],
    };
    expect(stateFromWorkbook(wb)).toEqual({ ok: true, value: { settings: { staffMax: 45 }, overrides: [] } });
    expect(stateFromWorkbook({ sheets: [] })).toEqual({ ok: true, value: EMPTY_STATE });
  });
});
