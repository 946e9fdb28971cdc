/** `structure.staff-total`: the roster is within the staff cap (indicator 3). */
import { str } from "../i18n/catalogue";
import { OPINIONS, YIJIAN } from "../i18n/labels";
import { rosterOverCap } from "./context";
import type { MessageParams, Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "structure.staff-total": {
      readonly actual: number;
      readonly limit: number;
      readonly level: "school" | "college";
      readonly largeSchool: boolean;
    };
  }
}

/** Which of the three staff caps a finding was measured against (a college's, a large school's, a school's). */
function capKind(p: MessageParams<"structure.staff-total">): "college" | "large" | "school" {
  if (str(p.level) === "college") return "college";
  return p.largeSchool === true ? "large" : "school";
}

/** Flags a roster with more data rows than `staffMax` (already resolved for level and size). */
export const staffTotal: Rule<"structure.staff-total"> = {
  meta: {
    id: "structure.staff-total",
    severity: "error",
    indicators: ["3"],
    params: {
      actual: "rows on the roster",
      limit: "the cap (setting staffMax, resolved for level and size)",
      level: "school or college",
      largeSchool: "whether the school counts as large",
    },
    messages: {
      zh: {
        title: "工作人员总数超出上限",
        fix: "请精简工作人员至上限以内；学校学生规模较大或校区较多的，可在基本信息表中将“是否规模较大高校”填为“是”。",
        basis: `自评表第3项；${YIJIAN}`,
        problem(p) {
          const level = { college: "院级学生会", large: "规模较大高校的校级学生会", school: "校级学生会" };
          return `工作人员共${str(p.actual)}人，超过${level[capKind(p)]}的上限${str(p.limit)}人。`;
        },
      },
      en: {
        title: "Too many staff",
        fix: "Reduce the staff to the cap; a school with many students or campuses can set 是否规模较大高校 to 是 in the settings sheet.",
        basis: `self-assessment item 3; ${OPINIONS}`,
        problem(p) {
          const level = {
            college: "a college-level union",
            large: "a large school's union",
            school: "a school-level union",
          };
          return `The roster has ${str(p.actual)} staff, over the cap of ${str(p.limit)} for ${level[capKind(p)]}.`;
        },
      },
    },
  },
  run(ctx) {
    const { staffMax, level, largeSchool } = ctx.settings;
    const actual = ctx.model.roster.all.length;
    return rosterOverCap(ctx, "structure.staff-total", "error", actual, staffMax, { level, largeSchool });
  },
};
