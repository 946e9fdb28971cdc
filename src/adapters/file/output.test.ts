import ExcelJS from "exceljs";
import { serializeState, stateFromWorkbook, STATE_SHEET_NAME, type SummarySheet } from "../../engine";
import { readXlsx } from "../xlsx/testing/exceljsOracle";
import { writeSummaryWorkbook } from "../xlsx";

/** File mode's download: the original plus our sheets and, when given, the state sheet. */
const writeOutput = (original: Uint8Array, sheets: readonly SummarySheet[], state: string | null) =>
  writeSummaryWorkbook(original, sheets, { state });

async function userWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet("名单");
  roster.addRows([
    ["姓名", "学号", "备注"],
    ["张三", "2021001", "<img src=x onerror=alert(1)>"],
    ["李四", 2021002, "=1+1"],
  ]);
  wb.addWorksheet("活动记录").addRows([
    ["日期", "时长"],
    [new Date(Date.UTC(2022, 2, 1)), 2.5],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SHEETS: SummarySheet[] = [
  {
    id: "assessment",
    name: "自评表",
    title: "自评表",
    blocks: [{ id: "main", columns: [{ header: "指标" }], rows: [["1"], ['=HYPERLINK("x")']] }],
  },
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

describe("file-mode output workbook", () => {
  it("adds our sheets and, with saved state, a very-hidden state sheet; user sheets keep their values", async () => {
    const original = await userWorkbook();
    const state = serializeState({
      settings: { staffMax: 45 },
      overrides: [{ sheet: "活动记录", kind: "activities" }],
    });
    const { bytes, outcome } = await writeOutput(original, SHEETS, state);
    expect(outcome.sheets).toEqual([{ id: "assessment", name: "自评表" }]);

    const before = await readXlsx(original);
    const after = await readXlsx(bytes);
    for (const sheet of before.sheets) expect(after.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect(after.sheets.map((s) => s.name)).toEqual(["名单", "活动记录", "自评表", STATE_SHEET_NAME]);
    expect(stateFromWorkbook(after)).toEqual({
      ok: true,
      value: { settings: { staffMax: 45 }, overrides: [{ sheet: "活动记录", kind: "activities" }] },
    });
    const wb = await load(bytes);
    expect(wb.getWorksheet(STATE_SHEET_NAME)?.state).toBe("veryHidden");
  });

  it("replaces an existing state sheet instead of adding a second one", async () => {
    const first = await writeOutput(
      await userWorkbook(),
      SHEETS,
      serializeState({ settings: { staffMax: 1 }, overrides: [] }),
    );
    const second = await writeOutput(
      first.bytes,
      SHEETS,
      serializeState({ settings: { staffMax: 2 }, overrides: [] }),
    );
    const input = await readXlsx(second.bytes);
    expect(input.sheets.filter((s) => s.name === STATE_SHEET_NAME)).toHaveLength(1);
    expect(input.sheets.filter((s) => s.name === "自评表")).toHaveLength(1);
    expect(stateFromWorkbook(input)).toMatchObject({ ok: true, value: { settings: { staffMax: 2 } } });
  });

  it("leaves the state out when none was saved", async () => {
    const { bytes } = await writeOutput(await userWorkbook(), SHEETS, null);
    const input = await readXlsx(bytes);
    expect(input.sheets.some((s) => s.name === STATE_SHEET_NAME)).toBe(false);
  });
});
