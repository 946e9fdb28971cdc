import { STATE_SHEET_NAME, type Finding } from "../../engine";
import { createOfficeHost } from "./host";
import { errorText, HostFailure } from "../../host/errors";
import { MARK_COLORS } from "./marks";
import { FakeWorkbook } from "./testing/fakeExcel";
import { userWorkbook } from "./testing/fixtures";

const hostFor = (book: FakeWorkbook, targetBytes?: number) =>
  createOfficeHost({
    run: (b) => book.run(b),
    isSetSupported: (v) => book.isSetSupported(v),
    noteText: (f) => `问题：${f.rule}`,
    ...(targetBytes ? { write: { targetBytes } } : {}),
  });

const finding = (cell: string, severity: Finding["severity"] = "error", sheet = "志愿活动"): Finding => ({
  rule: "activity.hours",
  severity,
  sheet,
  cell,
});

// A1 has a solid blue fill, B1 a white fill, C1 a patterned fill, D1 a note, E1/F2 have no fill.
const CELLS = ["A1", "B1", "C1", "D1", "E1", "F2"];

describe("marking bad cells", () => {
  it("fills error and warning cells, adds notes where there were none, and touches nothing else", async () => {
    const book = userWorkbook();
    const before = book.snapshot("志愿活动");
    await hostFor(book).markCells([
      finding("A1"),
      finding("D1", "warning"),
      finding("E1", "info"),
      finding("G9"),
    ]);
    const after = book.snapshot("志愿活动");
    expect(after.fills.A1?.color).toBe(MARK_COLORS.error);
    expect(after.fills.D1?.color).toBe(MARK_COLORS.warning);
    expect(after.fills.E1).toBeUndefined();
    expect(after.notes).toEqual({ ...before.notes, A1: "问题：activity.hours", G9: "问题：activity.hours" });
    expect(after.cells).toEqual(before.cells);
    expect(after.formats).toEqual(before.formats);
    expect(book.visibilityOf(STATE_SHEET_NAME)).toBe("VeryHidden");
  });

  it("clear restores every original fill and note exactly", async () => {
    const book = userWorkbook();
    const before = book.snapshot("志愿活动");
    const host = hostFor(book);
    await host.markCells(CELLS.map((c) => finding(c)));
    expect(book.snapshot("志愿活动")).not.toEqual(before);
    await host.clearMarks();
    expect(book.snapshot("志愿活动")).toEqual(before);
  });

  it("does not lose the originals when marking twice, and restores cells no longer flagged", async () => {
    const book = userWorkbook();
    const before = book.snapshot("志愿活动");
    const host = hostFor(book);
    await host.markCells(CELLS.map((c) => finding(c)));
    await host.markCells(CELLS.map((c) => finding(c, "warning")));
    expect(book.snapshot("志愿活动").fills.A1?.color).toBe(MARK_COLORS.warning);
    await host.markCells([finding("A1")]);
    const partly = book.snapshot("志愿活动");
    expect(partly.fills.B1).toEqual(before.fills.B1);
    expect(partly.fills.C1).toEqual(before.fills.C1);
    expect(partly.fills.A1?.color).toBe(MARK_COLORS.error);
    await host.clearMarks();
    expect(book.snapshot("志愿活动")).toEqual(before);
    await host.clearMarks();
    expect(book.snapshot("志愿活动")).toEqual(before);
  });

  it("keeps a fill the user set on a marked cell after marking", async () => {
    const book = userWorkbook();
    const host = hostFor(book);
    await host.markCells([finding("E1")]);
    book.setFill("志愿活动", "E1", "#123456");
    await host.clearMarks();
    expect(book.snapshot("志愿活动").fills.E1?.color).toBe("#123456");
  });

  it("never marks our own sheets or missing sheets, and leaves the saved settings in A1 alone", async () => {
    const book = userWorkbook();
    const host = hostFor(book);
    await host.saveState({ settings: { schoolName: "示例大学" }, overrides: [] });
    await host.markCells([finding("A1", "error", STATE_SHEET_NAME), finding("A1", "error", "不存在")]);
    expect(await host.loadState()).toEqual({ settings: { schoolName: "示例大学" }, overrides: [] });
    await host.markCells([finding("A1")]);
    await host.clearMarks();
    expect(await host.loadState()).toEqual({ settings: { schoolName: "示例大学" }, overrides: [] });
  });

  it("degrades on ExcelApi 1.7: no notes, no patterns, a white fill reads as no fill", async () => {
    const book = userWorkbook({ apiMinor: 7 });
    const before = book.snapshot("志愿活动");
    const host = hostFor(book);
    await host.markCells(["A1", "E1", "F2", "D1"].map((c) => finding(c)));
    expect(book.snapshot("志愿活动").notes).toEqual(before.notes);
    await host.clearMarks();
    expect(book.snapshot("志愿活动")).toEqual(before);
    expect(book.syncs.every((s) => s.error === undefined)).toBe(true);
    // Before ExcelApi 1.9 a white fill cannot be told from no fill: it comes back as no fill.
    await host.markCells([finding("B1")]);
    await host.clearMarks();
    expect(book.snapshot("志愿活动").fills.B1).toBeUndefined();
  });
});

/** Every sheet of the workbook as a test compares it (our very-hidden state sheet aside). */
const userSheets = (book: FakeWorkbook) =>
  book
    .sheetNames()
    .filter((n) => n !== STATE_SHEET_NAME)
    .map((n) => book.snapshot(n));

/** The error a mark run threw (fails the test when it did not throw one). */
async function refusal(run: Promise<void>): Promise<HostFailure<"marks-incomplete">> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostFailure);
  expect((error as HostFailure).code).toBe("marks-incomplete");
  return error as HostFailure<"marks-incomplete">;
}

/** Findings on the rows of column F of the activity log: many cells, several requests when budgets are small. */
const manyFindings = (rows: number, sheet = "志愿活动") =>
  Array.from({ length: rows }, (_, i) => finding(`F${i + 2}`, i % 3 === 0 ? "warning" : "error", sheet));

describe("marks are safe to fail", () => {
  it("go out in requests under the payload budget, and all of them are made and cleared", async () => {
    const book = userWorkbook({ rows: 300 });
    const before = userSheets(book);
    const host = hostFor(book, 6000);
    book.resetSyncs();
    await host.markCells(manyFindings(300));
    const requests = book.syncs.map((s) => s.requestBytes);
    expect(requests.length).toBeGreaterThan(5);
    // A request may end with one cell past the plan, never more.
    expect(Math.max(...requests)).toBeLessThan(6000 + 2000);
    expect(Object.keys(book.snapshot("志愿活动").fills).filter((k) => /^F\d+$/.test(k))).toHaveLength(300);
    await host.clearMarks();
    expect(userSheets(book)).toEqual(before);
  });

  it("in cell-edit mode nothing is changed and the message says so", async () => {
    const book = userWorkbook();
    const names = book.sheetNames();
    const before = userSheets(book);
    book.cellEditMode = true;
    const error = await refusal(hostFor(book).markCells(CELLS.map((c) => finding(c))));
    expect(error.params.stage).toBe("nothing-changed");
    expect(errorText(error, "zh")).toContain("正在编辑某个单元格");
    expect(errorText(error, "en")).toContain("not changed");
    book.cellEditMode = false;
    expect(book.sheetNames()).toEqual(names);
    expect(userSheets(book)).toEqual(before);
  });

  it.each([
    ["a read-only workbook", (b: FakeWorkbook) => void (b.readOnly = true)],
    [
      "a protected workbook structure (the undo records cannot be kept)",
      (b: FakeWorkbook) => void (b.structureProtected = true),
    ],
  ])("in %s no cell is filled before its undo record is written", async (_, lock) => {
    const book = userWorkbook();
    const before = userSheets(book);
    lock(book);
    const error = await refusal(hostFor(book).markCells(CELLS.map((c) => finding(c))));
    expect(error.params.stage).toBe("nothing-changed");
    expect(errorText(error, "zh")).toContain("受保护");
    expect(userSheets(book)).toEqual(before);
  });

  it("a protected sheet part-way: the marks made are all recorded, and clearing restores the workbook exactly", async () => {
    const book = userWorkbook({ rows: 60 }).addSheet("名单", { rows: [["姓名"], ["甲"], ["乙"]] });
    book.protectSheet("名单");
    const before = userSheets(book);
    const host = hostFor(book, 3000);
    const findings = [
      ...manyFindings(40),
      finding("A2", "warning", "名单"),
      finding("A3", "warning", "名单"),
    ];
    const error = await refusal(host.markCells(findings));
    expect(error.params.stage).toBe("partly-marked");
    expect(errorText(error, "zh")).toContain("清除标记");
    expect(userSheets(book)).not.toEqual(before);
    await host.clearMarks();
    expect(userSheets(book)).toEqual(before);
  });

  it("a cell with a threaded comment part-way (no note allowed there): clearing restores everything", async () => {
    const book = userWorkbook({ rows: 60 }).setThreadedComment("志愿活动", "F20", "请核对时长");
    const before = userSheets(book);
    const host = hostFor(book, 3000);
    const error = await refusal(host.markCells(manyFindings(40)));
    expect(error.params.stage).toBe("partly-marked");
    expect(book.snapshot("志愿活动").fills.F2?.color).toBe(MARK_COLORS.warning);
    await host.clearMarks();
    expect(userSheets(book)).toEqual(before);
  });

  it("clearing refused part-way keeps the records, so clearing again finishes", async () => {
    const book = userWorkbook({ rows: 60 });
    const before = userSheets(book);
    const host = hostFor(book, 3000);
    await host.markCells(manyFindings(40));
    book.protectSheet("志愿活动");
    const error = await refusal(host.clearMarks());
    expect(error.params.stage).toBe("partly-cleared");
    book.sheetByName("志愿活动").protected = false;
    await host.clearMarks();
    expect(userSheets(book)).toEqual(before);
  });
});
