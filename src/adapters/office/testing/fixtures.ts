/**
 * Test workbooks for the Office adapter and the ribbon commands: user sheets with formats and
 * fills in the recording fake, and the engine's summary sheets for them. Only tests import this.
 */
import {
  buildSummarySheets,
  check,
  type CheckResult,
  type Lang,
  type SummarySheet,
  type WorkbookInput,
} from "../../../engine";
import { createOfficeHost, type OfficeHost } from "../host";
import { FakeWorkbook, type FakeValue } from "./fakeExcel";

/** The date all fixture checks run on. */
export const TODAY = "2023-12-01";

/** Headers of the fixture activity log. */
export const ACTIVITY_HEADER = ["日期", "活动名称", "活动类别", "学号", "姓名", "时长", "部门"];

/** An activity log of `rows` rows; every `badEvery`-th row has 99 hours (an error finding). */
export function activityLog(rows: number, badEvery = 0): FakeValue[][] {
  const out: FakeValue[][] = [ACTIVITY_HEADER];
  for (let i = 0; i < rows; i++) {
    const bad = badEvery > 0 && i % badEvery === 0;
    out.push([
      45000 + (i % 200),
      `活动${i % 30}`,
      "志愿服务",
      `2021${String(i).padStart(6, "0")}`,
      `学生${i}`,
      bad ? 99 : 2,
      "组织部",
    ]);
  }
  return out;
}

/** A workbook with user sheets (values, number formats, fills, a note) and `bad` bad activity rows of `rows`. */
export function userWorkbook(
  options: { rows?: number; badEvery?: number; apiMinor?: number } = {},
): FakeWorkbook {
  const log = activityLog(options.rows ?? 40, options.badEvery ?? 4);
  return new FakeWorkbook(options.apiMinor ?? 18)
    .addSheet("说明", { rows: [["本工作簿记录学生会工作"], ["填写人", "王五"]] })
    .addSheet("志愿活动", {
      rows: log,
      formats: log.map((_, i) => (i === 0 ? [] : ["yyyy-mm-dd", null, null, "@"])),
    })
    .setFill("志愿活动", "A1", "#DDEBF7")
    .setFill("志愿活动", "B1", { color: "#FFFFFF", pattern: "Solid", patternColor: null })
    .setFill("志愿活动", "C1", { color: "#FF0000", pattern: "Gray25", patternColor: "#00FF00" })
    .setNote("志愿活动", "D1", "学号为10位")
    .addSheet("工作人员名单", {
      rows: [
        ["姓名", "学号", "职务"],
        ["张三", "2021000001", "主席"],
      ],
    });
}

/** The engine input for the fake workbook's current user sheets (as the adapter would read them). */
export async function inputOf(book: FakeWorkbook): Promise<WorkbookInput> {
  return fakeHost(book).readWorkbook();
}

/** Runs the engine on the fake workbook. */
export async function checkOf(book: FakeWorkbook): Promise<CheckResult> {
  return check(await inputOf(book), { today: TODAY });
}

/** The six summary sheets for the fake workbook. */
export async function summaryOf(book: FakeWorkbook, lang: Lang = "zh"): Promise<SummarySheet[]> {
  return buildSummarySheets(await checkOf(book), lang);
}

/** The Office host over a fake workbook. */
export function fakeHost(book: FakeWorkbook, options: { targetBytes?: number } = {}): OfficeHost {
  return createOfficeHost({
    run: (batch) => book.run(batch),
    isSetSupported: (v) => book.isSetSupported(v),
    ...(options.targetBytes ? { write: { targetBytes: options.targetBytes } } : {}),
  });
}
