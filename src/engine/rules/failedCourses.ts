/** `staff.failed-courses`: no failed course (indicator 8). */
import { str } from "../i18n/catalogue";
import { OPINIONS, YIJIAN, who } from "../i18n/labels";
import { staffFindings } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "staff.failed-courses": { readonly name: string | null; readonly count: number };
  }
}

/** Flags staff with one or more failed courses; first-years are exempt (they have no record yet). */
export const failedCourses: Rule<"staff.failed-courses"> = {
  meta: {
    id: "staff.failed-courses",
    severity: "error",
    indicators: ["8"],
    params: {
      name: "the staff member's name, or null",
      count: "how many failed courses",
    },
    messages: {
      zh: {
        title: "有课程不及格",
        fix: "请核实成绩；有课程不及格的同学不应担任工作人员，应调整人选或更正登记（一年级新生不作要求）。",
        basis: `自评表第8项；${YIJIAN}`,
        problem(p) {
          return `${who(p.name, "zh")}有${str(p.count)}门课程不及格（要求无不及格）。`;
        },
      },
      en: {
        title: "Failed course",
        fix: "Check the grades; students with a failed course may not serve, so replace this member or correct the entry (first-years are exempt).",
        basis: `self-assessment item 8; ${OPINIONS}`,
        problem(p) {
          return `${who(p.name, "en")} has ${str(p.count)} failed course(s); none are allowed.`;
        },
      },
    },
  },
  run(ctx) {
    return staffFindings(ctx, "staff.failed-courses", "error", "failed", (v) => {
      const f = v.record.failed;
      return v.failedExempt || f.state !== "ok" || f.value <= 0 ? undefined : { count: f.value };
    });
  },
};
