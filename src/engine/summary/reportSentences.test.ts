import { reportSentences, reportSheet } from "./reportSentences";
import { blockOf, exampleActivities, exampleResult, exampleRoster, makeResult, roster } from "./testing";
import type { CheckResult } from "../types";

/** The same result with its activity log on another sheet. */
function onSheet(r: CheckResult, sheet: string): CheckResult {
  const read = {
    ...r.read,
    activities: r.read.activities.map((a) => ({ ...a, sheet })),
    tables: r.read.tables.map((t) => (t.kind === "activities" ? { ...t, sheet } : t)),
  };
  return { ...r, read };
}

function topic(result: CheckResult, name: string, lang: "zh" | "en" = "zh"): string[] {
  return reportSentences(result, lang)
    .filter((s) => s.topic === name)
    .map((s) => s.text);
}

describe("报告要点 on the example union", () => {
  const result = exampleResult();

  it("writes the structure sentence of the example report from the roster", () => {
    expect(topic(result, "structure")).toEqual([
      "校学生会实行主席团制，设立主席团成员5名，下设综合办公室、素质拓展与权益部、组织宣传部、学术创新部、文体艺术部共5个工作部门。" +
        "每个部门设负责人2-3人；其余为学生会工作人员，除执行主席、轮值主席、部长、副部长、干事外未设其他职务，" +
        "总人数为60人，学生会工作人员均为共产党员或共青团员。",
    ]);
  });

  it("writes the eligibility, congress and volunteer sentences", () => {
    expect(topic(result, "eligibility")).toEqual([
      "新一届学生会工作人员的综合成绩排名均位于本专业前30%，且无课程不及格情况。",
    ]);
    expect(topic(result, "congress")).toEqual([
      "于2022年11月23日召开第二十三次学生代表大会，本次大会学生代表138名，超过在校生总数的1%。",
    ]);
    expect(topic(result, "volunteer")).toEqual([
      "自今年3月8日启动以来，常态化开展“绿色校园 有我守护”志愿服务活动233次，共计1995人次，累计志愿服务时长2034.5小时。",
    ]);
  });

  it("formats numbers the English way for en", () => {
    const [volunteer] = topic(result, "volunteer", "en");
    expect(volunteer).toBe(
      "Since 8 March this year, the “绿色校园 有我守护” volunteer service has been run regularly: " +
        "233 sessions, 1,995 person-times and 2,034.5 volunteer hours in total.",
    );
    expect(topic(result, "structure", "en")[0]).toContain("The union has 60 staff members in total");
  });

  it("puts the sentences on the report sheet", () => {
    const sheet = reportSheet(result, "zh");
    const rows = blockOf(sheet, "sentences").rows;
    expect(rows.map((r) => r[2])).toEqual(reportSentences(result, "zh").map((s) => s.text));
    expect(rows[0]?.[0]).toBe(1);
  });
});

describe("报告要点 follows the data", () => {
  it("another roster gives another structure sentence", () => {
    const r = makeResult({
      roster: roster(3, [
        ["宣传部", 2, 4],
        ["学习部", 2, 3],
      ]),
    });
    const [text] = topic(r, "structure");
    expect(text).toContain("设立主席团成员3名，下设宣传部、学习部共2个工作部门。");
    expect(text).toContain("每个部门设负责人2人；");
    expect(text).toContain("总人数为14人");
  });

  it("says how many do not meet the grade rule, instead of the positive sentence", () => {
    const r = exampleResult({
      ruleFindings: [
        { rule: "staff.academic-rank", severity: "error", sheet: "工作人员名单", row: 7, cell: "J7" },
        { rule: "staff.academic-rank", severity: "error", sheet: "工作人员名单", row: 8, cell: "J8" },
        { rule: "staff.failed-courses", severity: "error", sheet: "工作人员名单", row: 9, cell: "K9" },
      ],
    });
    expect(topic(r, "eligibility")).toEqual([
      "新一届学生会工作人员中，有2人综合成绩排名未位于本专业前30%，1人有课程不及格情况。",
    ]);
  });

  it("writes a congress below the share as such", () => {
    const r = exampleResult({ settings: { enrollment: 20000 } });
    expect(topic(r, "congress")).toEqual([
      "于2022年11月23日召开第二十三次学生代表大会，本次大会学生代表138名，占在校生总数的0.69%，低于1%的要求。",
    ]);
  });

  it("writes the largest activity when no activity is volunteer service", () => {
    const acts = exampleActivities().map((a) => ({ ...a, category: "文体活动" }));
    const r = onSheet(
      makeResult({ activities: acts, settings: { assessmentDate: "2023-01-05", periodEnd: "2022-12-31" } }),
      "活动记录",
    );
    expect(topic(r, "volunteer")).toEqual([
      "自2022年3月8日启动以来，常态化开展“绿色校园 有我守护”活动233次，共计1995人次，累计活动时长2034.5小时。",
    ]);
  });

  it("on a volunteer log whose categories never say 志愿, every activity is volunteer service", () => {
    const acts = exampleActivities().map((a) => ({
      ...a,
      category: a.activity === "新生杯" ? "文体服务" : "环境保护",
    }));
    const r = onSheet(makeResult({ activities: acts }), "志愿服务活动记录");
    expect(topic(r, "volunteer")).toEqual([
      "自今年3月8日启动以来，常态化开展“绿色校园 有我守护”志愿服务活动233次，共计1995人次，累计志愿服务时长2034.5小时。",
      "自今年10月10日启动以来，开展“新生杯”志愿服务活动2次，共计20人次，累计志愿服务时长40小时。",
      "统计期间共开展志愿服务活动2项235次，共计2015人次，累计志愿服务时长2074.5小时。",
    ]);
  });
});

describe("sentences without data are left out", () => {
  it("an empty result has no sentence and the sheet says so", () => {
    const r = makeResult({ settings: { congressDate: undefined } });
    expect(reportSentences(r, "zh")).toEqual([]);
    expect(blockOf(reportSheet(r, "zh"), "sentences").rows).toEqual([
      [null, null, "数据不足，未生成报告要点。"],
    ]);
  });

  it("no delegate list and no date: no congress sentence; only the roster: no volunteer sentence", () => {
    const r = makeResult({ roster: exampleRoster(), settings: { congressDate: undefined } });
    expect(reportSentences(r, "zh").map((s) => s.topic)).toEqual(["structure", "eligibility"]);
    for (const s of reportSentences(r, "zh")) expect(s.text).not.toMatch(/undefined|null|NaN/);
  });

  it("a date without a delegate list still gives the date, without a delegate count", () => {
    const r = makeResult({ roster: exampleRoster() });
    expect(topic(r, "congress")).toEqual(["于2022年11月23日召开第二十三次学生代表大会。"]);
  });
});

describe("golden sentences for the cases a 团委 sent back", () => {
  it("a log without an hours column: no 累计…0小时, the hours are listed as 待补充", () => {
    const acts = exampleActivities().map((a) => ({ ...a, hours: null }));
    // The figures as the engine gives them for such a log: sessions and person-times, 0 hours.
    const counted = exampleResult().report.stats.activities;
    if (!counted) throw new Error("the example has an activity log");
    const zero = <T extends { hours: number }>(x: T): T => ({ ...x, hours: 0 });
    const activities = {
      ...zero(counted),
      byActivity: Object.fromEntries(Object.entries(counted.byActivity).map(([k, v]) => [k, zero(v)])),
      hoursRecorded: false,
    };
    const r = makeResult({ activities: acts, stats: { activities } });
    expect(topic(r, "volunteer")[0]).toBe(
      "自今年3月8日启动以来，常态化开展“绿色校园 有我守护”志愿服务活动233次，共计1995人次（活动记录未登记志愿服务时长，待补充）。",
    );
    for (const s of reportSentences(r, "zh")) expect(s.text).not.toMatch(/0小时/);
  });

  it("a period that began the year before: the start date with its year, never 今年", () => {
    const r = makeResult({ activities: exampleActivities(), settings: { periodStart: "2021-09-01" } });
    expect(topic(r, "volunteer")[0]).toMatch(/^自2022年3月8日启动以来，常态化开展“绿色校园 有我守护”/);
  });

  it("numbered department names are kept apart from their count", () => {
    const departments = Array.from({ length: 45 }, (_, i) => [`部门${i + 1}`, 1, 0] as const);
    const [text] = topic(makeResult({ roster: roster(3, departments) }), "structure");
    expect(text).toContain("、部门44、部门45共45个工作部门。");
    expect(text).not.toContain("部门4545");
  });

  it("semester codes are written as 2021—2022学年第二学期", () => {
    const base = exampleResult();
    const stats = {
      ...base.report.stats,
      reviews: { required: 20, done: 20, terms: ["2021-2022-2", "2022-2023-1"] },
    };
    const r = { ...base, report: { ...base.report, stats } };
    expect(topic(r, "reviews")).toEqual([
      "主席团成员和工作部门负责人每学期向评议会述职，统计期间（2021—2022学年第二学期、2022—2023学年第一学期）应述职20人次，已述职20人次。",
    ]);
  });

  it("the delegate share is of 在校生总数, the figure it is computed from", () => {
    expect(topic(exampleResult(), "congress")[0]).toContain("超过在校生总数的1%");
  });
});
