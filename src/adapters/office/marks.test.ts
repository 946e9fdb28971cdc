import { STATE_SHEET_NAME } from "../../engine/state";
import type { Finding } from "../../engine/types";
import { createOfficeHost } from "./host";
import { MARK_COLORS } from "./marks";
import { FakeWorkbook } from "./testing/fakeExcel";
import { userWorkbook } from "./testing/fixtures";

const hostFor = (book: FakeWorkbook) =>
  createOfficeHost({
    run: (b) => book.run(b),
    isSetSupported: (v) => book.isSetSupported(v),
    noteText: (f) => `问题：${f.rule}`,
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
