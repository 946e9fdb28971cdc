/** `structure.presidium-size`: the presidium is within `presidiumMax` (indicator 4). */
import { str } from "../i18n/catalogue";
import { OPINIONS, YIJIAN } from "../i18n/labels";
import { rosterOverCap } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "structure.presidium-size": {
      readonly actual: number;
      readonly limit: number;
      readonly level: "school" | "college";
    };
  }
}

/** Flags more presidium members (distinct student ids) than `presidiumMax`. */
export const presidiumSize: Rule<"structure.presidium-size"> = {
  meta: {
    id: "structure.presidium-size",
    severity: "error",
    indicators: ["4"],
    params: {
      actual: "presidium members (distinct student ids)",
      limit: "the cap (setting presidiumMax)",
      level: "school or college",
    },
    messages: {
      zh: {
        title: "主席团成员超出上限",
        fix: "请精简主席团成员至上限以内。",
        basis: `自评表第4项；${YIJIAN}`,
        problem(p) {
          const level = str(p.level) === "college" ? "院级学生会" : "校级学生会";
          return `主席团成员共${str(p.actual)}人，超过${level}的上限${str(p.limit)}人。`;
        },
      },
      en: {
        title: "Presidium too large",
        fix: "Reduce the presidium to the cap.",
        basis: `self-assessment item 4; ${OPINIONS}`,
        problem(p) {
          const level = str(p.level) === "college" ? "a college-level union" : "a school-level union";
          return `The presidium has ${str(p.actual)} members, over the cap of ${str(p.limit)} for ${level}.`;
        },
      },
    },
  },
  run(ctx) {
    const { presidiumMax, level } = ctx.settings;
    const actual = ctx.model.roster.unique.filter((v) => v.presidium).length;
    return rosterOverCap(ctx, "structure.presidium-size", "error", actual, presidiumMax, { level });
  },
};
