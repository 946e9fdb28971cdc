import { INDICATOR_IDS } from "./indicators";
import { RULES } from "./rules";
import { formatIndicatorNote } from "./summary/indicatorText";
import { exampleResult, exampleRoster, makeResult } from "./summary/testing";
import type { CheckResult, Finding, FindingOf, Indicator, RuleId, Severity } from "./types";

const ROSTER = "工作人员名单";

function finding<Id extends RuleId>(
  rule: Id,
  severity: Severity,
  extra: Omit<FindingOf<Id>, "rule" | "severity"> = {},
): Finding {
  return { rule, severity, ...extra } as FindingOf<RuleId> as Finding;
}

function indicator(result: CheckResult, id: string): Indicator {
  const found = result.report.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

function verdicts(result: CheckResult): Record<string, string> {
  return Object.fromEntries(result.report.indicators.map((i) => [i.id, i.verdict]));
}

function notes(result: CheckResult, id: string): string[] {
  return indicator(result, id).notes.map((n) => formatIndicatorNote(n, "zh"));
}

describe("buildIndicators on the example union", () => {
  const result = exampleResult();

  it("lists 1–11 then the rules without a table number, with ★ on 1 and 11", () => {
    expect(result.report.indicators.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    expect(result.report.indicators.filter((i) => i.mark === "core").map((i) => i.id)).toEqual(["1", "11"]);
    expect(result.report.indicators.some((i) => i.mark === "observed")).toBe(false);
  });

  it("says yes wherever the data decides and nothing fails; 9 and 10 stay to confirm", () => {
    expect(verdicts(result)).toEqual({
      "1": "yes",
      "2": "yes",
      "3": "yes",
      "4": "yes",
      "5": "yes",
      "6": "yes",
      "7": "yes",
      "8": "yes",
      "9": "unknown",
      "10": "unknown",
      "11": "yes",
      "congress.delegates": "yes",
      "congress.non-officers": "yes",
      reviews: "yes",
      trainings: "yes",
      "chairs-meetings": "yes",
    });
  });

  it("writes the facts of the data into the notes", () => {
    expect(notes(result, "3")).toEqual(["实有60人（上限60人）", "按规模较大高校标准"]);
    expect(notes(result, "4")).toEqual(["实有5人（上限5人）"]);
    expect(notes(result, "5")).toEqual(["实有5个（上限6个）", "每个部门负责人2-3人"]);
    expect(notes(result, "7")).toEqual(["60人均为党员或团员"]);
    expect(notes(result, "11")).toEqual([
      "召开日期为2022年11月23日",
      "届次：第二十三次",
      "在评估基准日前12个月内",
    ]);
    expect(notes(result, "congress.delegates")).toEqual(["代表138名，占在校生1.00%（不低于1%）"]);
    expect(notes(result, "congress.non-officers")).toEqual(["非学生会工作人员代表占78.26%（不低于60%）"]);
    expect(notes(result, "reviews")[0]).toBe("应述职26人次，已述职26人次");
  });

  it("follows the data: 4 departments of 4 heads give other notes", () => {
    const other = makeResult({
      roster: exampleRoster().filter((s) => s.department !== "文体艺术部"),
      settings: { largeSchool: false },
    });
    expect(notes(other, "3")).toEqual(["实有49人（上限40人）"]);
    expect(notes(other, "5")[0]).toBe("实有4个（上限6个）");
  });
});

describe("verdicts from findings", () => {
  it("an error of the deciding rule gives no", () => {
    const r = exampleResult({
      ruleFindings: [
        finding("structure.staff-total", "error", {
          sheet: ROSTER,
          params: { actual: 60, limit: 40, level: "school", largeSchool: false },
        }),
      ],
    });
    expect(indicator(r, "3").verdict).toBe("no");
    expect(indicator(r, "4").verdict).toBe("yes");
  });

  it("1 and 2 are no only through their department-name warnings, naming the departments", () => {
    const r = exampleResult({
      ruleFindings: [
        finding("structure.admin-duty", "warning", { sheet: ROSTER, row: 9, value: "宿管部" }),
        finding("structure.admin-duty", "warning", { sheet: ROSTER, row: 10, value: "宿管部" }),
      ],
    });
    expect(indicator(r, "1").verdict).toBe("no");
    expect(notes(r, "1")).toEqual(["需核实的部门名称：宿管部"]);
    expect(indicator(r, "2").verdict).toBe("yes");
    const r2 = exampleResult({
      ruleFindings: [
        finding("structure.department-name", "warning", {
          sheet: ROSTER,
          params: { department: "新媒体中心", pattern: "中心" },
        }),
      ],
    });
    expect(indicator(r2, "2").verdict).toBe("no");
    expect(notes(r2, "2")).toEqual(["需核实的部门名称：新媒体中心"]);
  });

  it("an info finding with a reason gives to confirm; one without a reason does not", () => {
    const withReason = exampleResult({
      ruleFindings: [
        finding("congress.delegate-ratio", "info", { params: { reason: "no-enrollment", actual: 138 } }),
      ],
    });
    expect(indicator(withReason, "congress.delegates").verdict).toBe("unknown");
    expect(notes(withReason, "congress.delegates")).toContain("数据不足，无法自动核查");
    const plain = exampleResult({
      ruleFindings: [
        finding("meeting.training", "info", {
          params: { actual: 2, limit: 2, perYear: 2, start: "2022-01-01", end: "2022-12-09" },
        }),
      ],
    });
    expect(indicator(plain, "trainings").verdict).toBe("yes");
  });
});

describe("missing data gives to confirm", () => {
  it("without a roster, indicators 1–8 cannot be decided and say why", () => {
    const r = makeResult({ congress: [{}] });
    for (const id of ["1", "2", "3", "4", "5", "6", "7", "8"])
      expect(indicator(r, id).verdict).toBe("unknown");
    expect(notes(r, "3")).toEqual(["未找到工作人员名单，无法自动核查", "按规模较大高校标准"]);
  });

  it("a roster without a political-status column leaves 7 to confirm", () => {
    const r = makeResult({ roster: exampleRoster(), without: { roster: ["political"] } });
    expect(indicator(r, "7").verdict).toBe("unknown");
    expect(notes(r, "7")).toEqual(["工作人员名单缺少“政治面貌”列，无法自动核查"]);
    expect(indicator(r, "3").verdict).toBe("yes");
  });

  it.each([
    [
      "enrollment",
      "congress.delegate-ratio",
      "congress.delegates",
      ["代表138名", "未填写在校生总数，无法计算比例"],
    ],
    ["congressDate", "congress.date-missing", "11", ["未填写学生代表大会召开日期"]],
  ] as const)(
    "without the setting %s, its row is to confirm even though %s fires",
    (setting, rule, id, expected) => {
      const r = exampleResult({
        settings: { [setting]: undefined },
        ruleFindings: [finding(rule, "error", {})],
      });
      expect(indicator(r, id).verdict).toBe("unknown");
      expect(notes(r, id)).toEqual(expected);
    },
  );

  it("without tables for congress, reviews and meetings those rows are to confirm", () => {
    const r = makeResult({ roster: exampleRoster() });
    for (const id of [
      "congress.delegates",
      "congress.non-officers",
      "reviews",
      "trainings",
      "chairs-meetings",
    ]) {
      expect(indicator(r, id).verdict).toBe("unknown");
    }
    expect(notes(r, "reviews")).toEqual(["未找到述职评议表，无法自动核查"]);
  });
});

describe("indicator 7: political status", () => {
  it("a political-status error gives no and counts who passes", () => {
    const staff = exampleRoster();
    staff[3] = { ...staff[3], political: "群众" };
    const r = makeResult({
      roster: staff,
      ruleFindings: [
        finding("staff.political-status", "error", { sheet: ROSTER, row: 5, cell: "I5", value: "群众" }),
      ],
    });
    expect(indicator(r, "7").verdict).toBe("no");
    expect(notes(r, "7")).toEqual(["60人中59人为党员或团员"]);
  });

  it("a blank status reported as missing leaves 7 to confirm", () => {
    const staff = exampleRoster();
    staff[0] = { ...staff[0], political: null };
    const r = makeResult({
      roster: staff,
      ruleFindings: [
        finding("staff.missing-value", "error", { sheet: ROSTER, row: 2, cell: "I2", column: "政治面貌" }),
      ],
    });
    expect(indicator(r, "7").verdict).toBe("unknown");
    expect(notes(r, "7")).toEqual(["60人中59人为党员或团员", "1人政治面貌缺失或无法识别"]);
  });
});

describe("indicator 8: rank and failed courses", () => {
  it("a rank or failed-course error gives no with counts", () => {
    const r = exampleResult({
      ruleFindings: [
        finding("staff.academic-rank", "error", { sheet: ROSTER, row: 7, cell: "J7", value: "100/120" }),
        finding("staff.failed-courses", "error", { sheet: ROSTER, row: 8, cell: "K8", value: 2 }),
      ],
    });
    expect(indicator(r, "8").verdict).toBe("no");
    expect(notes(r, "8")).toEqual(["1人排名不在本专业前30%", "1人有不及格课程"]);
  });

  it("a missing rank makes 8 to confirm unless something fails", () => {
    const missing = finding("staff.missing-value", "error", {
      sheet: ROSTER,
      row: 4,
      cell: "J4",
      column: "综合成绩排名",
    });
    const r = exampleResult({ ruleFindings: [missing] });
    expect(indicator(r, "8").verdict).toBe("unknown");
    expect(notes(r, "8")).toContain("1人排名缺失或无法识别");
    const r2 = exampleResult({
      ruleFindings: [
        missing,
        finding("staff.failed-courses", "error", { sheet: ROSTER, row: 8, cell: "K8" }),
      ],
    });
    expect(indicator(r2, "8").verdict).toBe("no");
  });

  it("first-years are counted as exempt, not as passing", () => {
    const staff = exampleRoster().map((s, i) =>
      i < 4 ? { ...s, grade: 2022, rank: null, failed: null } : s,
    );
    const r = makeResult({ roster: staff });
    expect(indicator(r, "8").verdict).toBe("yes");
    expect(notes(r, "8")).toEqual([
      "56人排名均在本专业前30%",
      "4人免于排名审查（新生或研究生）",
      "56人均无不及格课程",
      "4人免于不及格审查（新生）",
    ]);
  });
});

describe("indicators 9 and 10", () => {
  it("9 is yes only when every staff member has a route", () => {
    const all = makeResult({ roster: exampleRoster().map((s) => ({ ...s, route: "学院团组织推荐" })) });
    expect(indicator(all, "9").verdict).toBe("yes");
    expect(notes(all, "9")).toEqual(["60人均记录了遴选途径，请核对"]);
    const some = makeResult({
      roster: exampleRoster().map((s, i) => ({ ...s, route: i === 0 ? null : "学院团组织推荐" })),
    });
    expect(indicator(some, "9").verdict).toBe("unknown");
    expect(notes(some, "9")).toEqual(["60人中1人未记录遴选途径"]);
    const blank = makeResult({ roster: exampleRoster() });
    expect(notes(blank, "9")).toEqual(["名单未记录遴选途径，需人工确认"]);
    const noColumn = makeResult({ roster: exampleRoster(), without: { roster: ["route"] } });
    expect(notes(noColumn, "9")).toEqual(["名单未记录遴选途径，需人工确认"]);
  });

  it("10 is always to confirm by hand", () => {
    const r = makeResult({ roster: exampleRoster().map((s) => ({ ...s, route: "推荐" })) });
    expect(indicator(r, "10").verdict).toBe("unknown");
    expect(indicator(r, "10").rules).toEqual([]);
  });
});

describe("congress, reviews, meetings", () => {
  it("11 is no when congress.overdue fires with a date", () => {
    const r = exampleResult({
      settings: { congressDate: "2021-06-01" },
      ruleFindings: [
        finding("congress.overdue", "error", {
          params: { date: "2021-06-01", limit: 12, earliest: "2021-12-09", assessmentDate: "2022-12-09" },
        }),
      ],
    });
    expect(indicator(r, "11").verdict).toBe("no");
    expect(notes(r, "11")).toEqual([
      "召开日期为2021年6月1日",
      "届次：第二十三次",
      "距评估基准日已超过12个月",
    ]);
  });

  it("review.missing gives no; meeting.monthly gives no with the months", () => {
    const r = exampleResult({
      ruleFindings: [
        finding("review.missing", "error", { sheet: ROSTER, row: 2 }),
        finding("meeting.monthly", "warning", { params: { month: "2022-07" } }),
      ],
      stats: {
        meetings: { trainings: 1, chairsMeetings: 10, monthsWithoutChairsMeeting: ["2022-07", "2022-08"] },
      },
    });
    expect(indicator(r, "reviews").verdict).toBe("no");
    expect(indicator(r, "chairs-meetings").verdict).toBe("no");
    expect(notes(r, "chairs-meetings")).toEqual(["主席例会10次", "未召开例会的月份：2022年7月、2022年8月"]);
    expect(notes(r, "trainings")).toEqual(["全员培训1次（每年不少于2次）"]);
  });
});

describe("the rules' own indicators", () => {
  it("match the rules each row of the table is decided by", () => {
    for (const row of exampleResult().report.indicators) {
      const declared = RULES.filter((r) => (r.meta.indicators as readonly string[]).includes(row.id));
      expect([row.id, declared.map((r) => r.meta.id).sort()]).toEqual([row.id, [...row.rules].sort()]);
    }
  });
});
