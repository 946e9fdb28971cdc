/** The pane's own strings: numbers read as numbers do in 团委 documents (200,000 行数据). */
import { UI_STRINGS } from "./i18n";

test("counts carry thousands separators in both languages", () => {
  expect(UI_STRINGS.zh.sheetFacts(1, 200000)).toBe("表头在第 1 行，200,000 行数据");
  expect(UI_STRINGS.en.sheetFacts(1, 200000)).toBe("header on row 1, 200,000 data rows");
  expect(UI_STRINGS.zh.severityCount(1234, "error")).toBe("1,234 个错误");
  expect(UI_STRINGS.zh.groupCount(12)).toBe("12 条");
});

test("a placeholder says what an empty field stands for, so it cannot pass for a typed value", () => {
  expect(UI_STRINGS.zh.blankMeans("某某大学")).not.toBe("某某大学");
  expect(UI_STRINGS.zh.blankMeans("某某大学")).toContain("某某大学");
});
