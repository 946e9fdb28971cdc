import { RULE_IDS } from "../rules";
import type { Finding, Lang } from "../types";
import { formatFinding, ruleBasis, ruleFix, ruleTitle } from "./index";

/** One realistic finding per rule, with the text its message must quote. */
const EXAMPLES: ReadonlyArray<{ f: Finding; zh: readonly string[]; en: readonly string[] }> = [
  {
    f: { rule: "staff.political-status", severity: "error", value: "群众", params: { name: "李四" } },
    zh: ["李四", "群众", "自评表第7项", "若干意见"],
    en: ["李四", "群众", "item 7"],
  },
  {
    f: {
      rule: "staff.academic-rank",
      severity: "error",
      value: "37/120",
      params: { name: "张三", limit: 30, percent: 30.83, position: 37, size: 120 },
    },
    zh: ["37/120", "前30.83%", "前30%", "自评表第8项"],
    en: ["37/120", "top 30%"],
  },
  {
    f: { rule: "staff.failed-courses", severity: "error", value: "2", params: { name: "张三", count: 2 } },
    zh: ["2门", "自评表第8项"],
    en: ["2 failed"],
  },
  {
    f: {
      rule: "staff.title",
      severity: "error",
      value: "部长助理",
      params: { name: "王五", allowed: "部长、干事" },
    },
    zh: ["部长助理", "部长、干事", "自评表第6项"],
    en: ["部长助理"],
  },
  {
    f: {
      rule: "staff.duplicate",
      severity: "error",
      value: "2021001",
      params: { name: "王五", firstRow: 3 },
    },
    zh: ["2021001", "第3行"],
    en: ["row 3"],
  },
  {
    f: {
      rule: "staff.missing-value",
      severity: "error",
      column: "政治面貌",
      params: { name: "王五", field: "political" },
    },
    zh: ["政治面貌", "未填写"],
    en: ["政治面貌", "blank"],
  },
  {
    f: {
      rule: "staff.invalid-value",
      severity: "error",
      column: "综合成绩排名",
      value: "前列",
      params: { name: null, field: "rank" },
    },
    zh: ["该工作人员", "前列", "无法识别"],
    en: ["前列"],
  },
  {
    f: {
      rule: "structure.staff-total",
      severity: "error",
      params: { actual: 51, limit: 40, level: "school", largeSchool: false },
    },
    zh: ["51人", "40人", "校级", "自评表第3项"],
    en: ["51", "40"],
  },
  {
    f: {
      rule: "structure.presidium-size",
      severity: "error",
      params: { actual: 4, limit: 3, level: "college" },
    },
    zh: ["4人", "院级", "3人", "自评表第4项"],
    en: ["4", "3", "college"],
  },
  {
    f: {
      rule: "structure.department-count",
      severity: "error",
      params: { actual: 7, limit: 6, departments: "甲部、乙部" },
    },
    zh: ["7个", "6个", "甲部、乙部", "自评表第5项"],
    en: ["7", "6"],
  },
  {
    f: {
      rule: "structure.department-heads",
      severity: "error",
      value: "学术部",
      params: { department: "学术部", actual: 1, min: 2, max: 3 },
    },
    zh: ["学术部", "1人", "2至3人"],
    en: ["2–3"],
  },
  {
    f: {
      rule: "structure.department-name",
      severity: "warning",
      value: "学生事务中心",
      params: { department: "学生事务中心", pattern: "中心" },
    },
    zh: ["学生事务中心", "“中心”", "自评表第2项"],
    en: ["中心"],
  },
  {
    f: {
      rule: "structure.admin-duty",
      severity: "warning",
      value: "宿管部",
      params: { department: "宿管部", pattern: "宿管" },
    },
    zh: ["宿管部", "宿管", "自评表第1项★"],
    en: ["宿管", "item 1★"],
  },
  {
    f: {
      rule: "congress.delegate-ratio",
      severity: "error",
      params: { actual: 120, enrollment: 13800, limit: 0.01, required: 138 },
    },
    zh: ["120名", "13800人", "1%", "138名", "高校学生代表大会工作规则"],
    en: ["120", "1%", "138"],
  },
  {
    f: {
      rule: "congress.non-officer-share",
      severity: "warning",
      params: { actual: 0.5, limit: 0.6, nonOfficers: 50, delegates: 100 },
    },
    zh: ["50名", "100名", "50%", "60%"],
    en: ["50%", "60%"],
  },
  {
    f: {
      rule: "congress.date-missing",
      severity: "error",
      params: { limit: 12, assessmentDate: "2022-12-09" },
    },
    zh: ["未填写学生代表大会召开日期", "2022年12月9日", "12个月"],
    en: ["No congress date", "12 months"],
  },
  {
    f: {
      rule: "congress.overdue",
      severity: "error",
      params: { date: "2021-10-15", limit: 12, earliest: "2021-12-09", assessmentDate: "2022-12-09" },
    },
    zh: ["2021年10月15日", "12个月", "自评表第11项★"],
    en: ["2021-10-15", "12 months"],
  },
  {
    f: {
      rule: "congress.duplicate",
      severity: "error",
      value: "2021001",
      params: { name: null, firstRow: 5 },
    },
    zh: ["2021001", "第5行"],
    en: ["row 5"],
  },
  {
    f: {
      rule: "congress.missing-value",
      severity: "error",
      column: "班级",
      params: { name: "赵六", field: "class" },
    },
    zh: ["赵六", "班级"],
    en: ["班级"],
  },
  {
    f: { rule: "activity.hours", severity: "error", value: "30", params: { reason: "too-many", limit: 24 } },
    zh: ["30小时", "24小时"],
    en: ["30", "24"],
  },
  {
    f: { rule: "activity.date", severity: "error", value: "2022-02-30", params: { reason: "invalid" } },
    zh: ["2022-02-30"],
    en: ["2022-02-30"],
  },
  {
    f: {
      rule: "activity.out-of-period",
      severity: "info",
      value: "2021-12-31",
      params: { start: "2022-01-01", end: "2022-12-09" },
    },
    zh: ["2021年12月31日", "2022年1月1日至2022年12月9日", "不计入"],
    en: ["2021-12-31", "left out"],
  },
  {
    f: {
      rule: "activity.duplicate",
      severity: "warning",
      value: "2021001",
      params: { firstRow: 7, activity: "迎新", date: "2022-09-01" },
    },
    zh: ["第7行", "迎新", "只计一次"],
    en: ["row 7"],
  },
  {
    f: { rule: "activity.missing-value", severity: "error", params: { field: "participant" } },
    zh: ["学号和姓名"],
    en: ["student id"],
  },
  {
    f: {
      rule: "review.missing",
      severity: "error",
      value: "张三",
      params: { name: "张三", title: "部长", term: "2022秋" },
    },
    zh: ["部长张三", "2022秋", "述职评议"],
    en: ["2022秋"],
  },
  {
    f: {
      rule: "review.score",
      severity: "error",
      column: "工作成效",
      value: "101",
      params: { name: null, reason: "out-of-range", field: "scoreWork", min: 0, max: 100 },
    },
    zh: ["工作成效", "101", "0至100"],
    en: ["0–100"],
  },
  {
    f: {
      rule: "meeting.training",
      severity: "warning",
      params: { actual: 1, limit: 2, perYear: 2, start: "2022-01-01", end: "2022-12-09" },
    },
    zh: ["1次", "2次", "全员培训"],
    en: ["1 full-staff", "2 required"],
  },
  {
    f: { rule: "meeting.monthly", severity: "warning", params: { month: "2022-07" } },
    zh: ["2022年7月", "主席例会"],
    en: ["2022-07"],
  },
  {
    f: { rule: "table.missing", severity: "error", params: { kind: "roster" } },
    zh: ["工作人员名单"],
    en: ["staff roster"],
  },
  {
    f: {
      rule: "table.missing-column",
      severity: "info",
      sheet: "志愿活动",
      params: { kind: "activities", field: "studentId", or: "name" },
    },
    zh: ["“学号”或“姓名”", "志愿活动"],
    en: ['"student id" or "name"'],
  },
  {
    f: {
      rule: "settings.invalid-value",
      severity: "error",
      value: "明年",
      params: { key: "评估基准日", setting: "assessmentDate" },
    },
    zh: ["评估基准日", "明年"],
    en: ["评估基准日", "明年"],
  },
];

describe("catalogues", () => {
  it("have an example here for every rule id", () => {
    expect(EXAMPLES.map((e) => e.f.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(["zh", "en"] as const)("give every rule a title, a fix and a basis (%s)", (lang: Lang) => {
    for (const rule of RULE_IDS) {
      expect(ruleTitle(rule, lang)).not.toBe(rule);
      expect(ruleFix(rule, lang).length).toBeGreaterThan(4);
      expect(ruleBasis(rule, lang).length).toBeGreaterThan(4);
    }
  });

  it.each(EXAMPLES.map((e) => [e.f.rule, e] as const))(
    "%s: quotes the value, the limit and the basis",
    (_rule, e) => {
      const zhText = formatFinding(e.f, "zh");
      const enText = formatFinding(e.f, "en");
      for (const part of e.zh) expect(zhText).toContain(part);
      for (const part of e.en) expect(enText).toContain(part);
      expect(zhText).toContain(ruleFix(e.f.rule, "zh").slice(0, 6));
      for (const t of [zhText, enText]) expect(t).not.toMatch(/undefined|NaN|\[object|null/);
    },
  );

  it("never throws and never prints undefined, even without params", () => {
    for (const rule of RULE_IDS) {
      for (const lang of ["zh", "en"] as const) {
        const t = formatFinding({ rule, severity: "error" } as Finding, lang);
        expect(t).not.toMatch(/undefined|\[object/);
      }
    }
  });

  it("explains a rule that could not check or failed internally", () => {
    const noEnrollment: Finding = {
      rule: "congress.delegate-ratio",
      severity: "info",
      params: { reason: "no-enrollment", actual: 138 },
    };
    expect(formatFinding(noEnrollment, "zh")).toContain("在校生总数");
    const internal: Finding = {
      rule: "activity.hours",
      severity: "info",
      params: { reason: "internal", detail: "boom" },
    };
    expect(formatFinding(internal, "zh")).toContain("活动时长有误");
    expect(formatFinding(internal, "zh")).toContain("boom");
    expect(formatFinding(internal, "en")).toContain("internal error");
  });

  it("reads a congress without a date as missing, not as a date", () => {
    const f: Finding = {
      rule: "congress.overdue",
      severity: "error",
      params: { date: null, limit: 12, earliest: "2021-12-09", assessmentDate: "2022-12-09" },
    };
    expect(formatFinding(f, "zh")).toMatch(/^未填写学生代表大会召开日期/);
  });
});
