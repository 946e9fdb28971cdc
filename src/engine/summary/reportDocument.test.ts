import { reportDocument } from "./reportDocument";
import { reportSentences } from "./reportSentences";
import { exampleResult } from "./testing";

describe("the report draft as data", () => {
  it("follows the example report: (一)…(十一), the data's sentences under their sections", () => {
    const result = exampleResult();
    const doc = reportDocument(result, "zh");
    expect(doc.title).toBe("赣南医学院学生会深化改革评估自评报告");
    expect(doc.dateLine).toBe("时间：2022年12月9日");
    expect(doc.sections.map((s) => s.heading.slice(0, 4))).toEqual([
      "（一）明",
      "（二）改",
      "（三）坚",
      "（四）明",
      "（五）严",
      "（六）规",
      "（七）坚",
      "（八）建",
      "（九）落",
      "（十）加",
      "（十一）",
    ]);
    // Every sentence of 报告要点 is in the draft, marked for a person to confirm.
    const confirmed = doc.sections.flatMap((s) =>
      s.paragraphs.filter((p) => p.mark === "confirm").map((p) => p.text),
    );
    for (const s of reportSentences(result, "zh")) expect(confirmed).toContain(s.text);
    const structure = doc.sections[2]?.paragraphs[0]?.text ?? "";
    expect(structure).toContain("设立主席团成员5名");
  });

  it("leaves what the sheets cannot know as headed placeholders marked 待填写", () => {
    const doc = reportDocument(exampleResult(), "zh");
    for (const s of doc.sections.slice(8)) {
      expect(s.paragraphs).toHaveLength(1);
      expect(s.paragraphs[0]?.mark).toBe("fill");
    }
    expect(doc.intro.every((p) => p.mark === "fill")).toBe(true);
  });

  it("lists the open problems under 二、下一步推进计划", () => {
    const failing = exampleResult({
      ruleFindings: [
        {
          rule: "structure.staff-total",
          severity: "error",
          params: { actual: 61, limit: 60, level: "school", largeSchool: false },
        },
      ],
    });
    const plan = reportDocument(failing, "zh").plan.map((p) => p.text);
    expect(plan[0]).toMatch(/^1\.整改自评表第3项：工作人员总数不超过60人（实有/);
    expect(plan.some((p) => p.includes("逐项处理问题清单所列的1项错误"))).toBe(true);
    const unknown = reportDocument(exampleResult(), "zh").plan.map((p) => p.text);
    expect(unknown.some((p) => /核实自评表第9项/.test(p))).toBe(true);
  });
});
