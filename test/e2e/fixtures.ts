/**
 * Workbooks the e2e tests make on the fly with ExcelJS (from the bundled sample, so they are real
 * union records): a 50,000-row activity log, and cells holding markup that must stay text.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { SAMPLE_2022 } from "./harness";

/** The activity-log sheet of the sample. */
export const ACTIVITY_SHEET = "志愿服务活动记录";
/** The roster sheet of the sample. */
export const ROSTER_SHEET = "学生会工作人员名单";
/** Markup that must show literally wherever cell text is shown. */
export const XSS = "<img src=x onerror=alert(1)>";

async function loadSample(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE_2022);
  return wb;
}

/** The sample with its activity log repeated to `rows` data rows; returns the file's path. */
export async function makeLargeActivityLog(dir: string, rows = 50_000): Promise<string> {
  const wb = await loadSample();
  const ws = wb.getWorksheet(ACTIVITY_SHEET);
  if (!ws) throw new Error(`the sample has no ${ACTIVITY_SHEET} sheet`);
  const template: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 1) template.push((row.values as unknown[]).slice(1));
  });
  const have = template.length;
  const extra: unknown[][] = [];
  for (let i = have; i < rows; i++) extra.push(template[i % have] as unknown[]);
  ws.addRows(extra);
  const file = path.join(dir, `activity-${rows}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

/**
 * The sample with markup in a roster cell (a political status, so a finding quotes it) and a
 * sheet whose name is markup too; returns the path and where the cell is.
 */
export async function makeMarkupWorkbook(
  dir: string,
): Promise<{ file: string; sheet: string; cell: string }> {
  const wb = await loadSample();
  const roster = wb.getWorksheet(ROSTER_SHEET);
  if (!roster) throw new Error(`the sample has no ${ROSTER_SHEET} sheet`);
  // Row 3 is the first staff member (title on row 1, headers on row 2); column J is 政治面貌.
  roster.getCell("J3").value = XSS;
  roster.getCell("B3").value = `${XSS}张三`;
  const odd = wb.addWorksheet(XSS);
  odd.addRows([["备注"], [XSS], ['"><script>alert(2)</script>']]);
  const file = path.join(dir, "markup.xlsx");
  await wb.xlsx.writeFile(file);
  return { file, sheet: ROSTER_SHEET, cell: "J3" };
}

/** Every cell value of every sheet, by sheet name then address (formulas as their cached result). */
export async function cellValues(file: string | Uint8Array): Promise<Map<string, Map<string, unknown>>> {
  const wb = new ExcelJS.Workbook();
  if (typeof file === "string") await wb.xlsx.readFile(file);
  else await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const out = new Map<string, Map<string, unknown>>();
  for (const ws of wb.worksheets) {
    const cells = new Map<string, unknown>();
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as unknown;
        cells.set(cell.address, v instanceof Date ? v.toISOString() : JSON.parse(JSON.stringify(v ?? null)));
      });
    });
    out.set(ws.name, cells);
  }
  return out;
}

/** Sheet names and states (visible, hidden, veryHidden) in workbook order. */
export async function sheetList(file: string): Promise<Array<{ name: string; state: string }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({ name: ws.name, state: ws.state }));
}

/**
 * A messy, real-looking workbook: the sample with a title and blank rows above the roster's
 * header, an empty sheet, a hidden sheet, a sheet of free notes, a very long sheet name and
 * markup in a cell — the things officers' own workbooks carry; returns the file's path.
 */
export async function makeMessyWorkbook(dir: string): Promise<string> {
  const wb = await loadSample();
  const roster = wb.getWorksheet(ROSTER_SHEET);
  if (!roster) throw new Error(`the sample has no ${ROSTER_SHEET} sheet`);
  roster.spliceRows(1, 0, ["（内部资料，请勿外传）"], []);
  roster.getCell("B5").value = `${XSS}李四`;
  wb.addWorksheet("Sheet1");
  const notes = wb.addWorksheet("备注（请勿删除）");
  notes.addRows([["填表说明"], ["1. 学号请填写完整"], [], ["2. 日期格式：2023/9/1 或 2023年9月1日"]]);
  const hidden = wb.addWorksheet("旧数据");
  hidden.addRows([
    ["姓名", "学号"],
    ["王五", "2019001"],
  ]);
  hidden.state = "hidden";
  const long = wb.addWorksheet("2023-2024学年第一学期各学院学生会活动情况统计汇总表（最终版）".slice(0, 31));
  long.addRows([
    ["学院", "活动数"],
    ["医学院", 12],
    ["法学院", "十二"],
  ]);
  const file = path.join(dir, "messy.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}
