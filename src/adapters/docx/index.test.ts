import { reportDocument } from "../../engine";
import { exampleResult } from "../../engine/summary/testing";
import { FONTS, renderReportDocx, TYPE_SIZES } from "./index";
import { openDocx } from "./testing";

describe("the report draft as .docx", () => {
  const result = exampleResult();
  const doc = reportDocument(result, "zh");
  let opened: ReturnType<typeof openDocx>;
  beforeAll(async () => {
    opened = openDocx(await renderReportDocx(doc));
  });

  it("re-opens with the title, the two parts and every section heading in order", () => {
    const p = opened.paragraphs;
    expect(p[0]).toBe("赣南医学院学生会深化改革评估自评报告");
    const at = (text: string) => p.indexOf(text);
    const order = [
      doc.measuresHeading,
      ...doc.sections.map((s) => s.heading),
      doc.planHeading,
      doc.tableHeading,
    ];
    for (const h of order) expect(at(h)).toBeGreaterThan(0);
    expect(order.map(at)).toEqual([...order.map(at)].sort((a, b) => a - b));
  });

  it("holds the 自评表 as a real table: 指标 | 结论 | 备注, one row per indicator", () => {
    expect(opened.tables).toHaveLength(1);
    const [header, ...rows] = opened.tables[0] ?? [];
    expect(header).toEqual(["指标", "结论", "备注"]);
    expect(rows).toHaveLength(result.report.indicators.length);
    expect(rows.map((r) => r[1])).toEqual(doc.tableRows.map((r) => r[1]));
  });

  it("marks every generated sentence and every placeholder", () => {
    for (const s of doc.sections)
      for (const para of s.paragraphs) {
        const shown = opened.paragraphs.find((x) => x.includes(para.text));
        expect(shown).toBeDefined();
        expect(shown).toContain(para.mark === "fill" ? "【待填写】" : "【请核对】");
      }
  });

  it("uses CJK type: 仿宋 三号 body with a two-character first-line indent", () => {
    expect(opened.xml).toContain(`w:eastAsia="${FONTS.body}"`);
    expect(opened.xml).toContain(`<w:sz w:val="${TYPE_SIZES.sanhao}"/>`);
    expect(opened.xml).toMatch(/w:firstLineChars="200"/);
  });
});
