/** `staff.political-status`: every staff member is a Party (incl. probationary) or League member (indicator 7). */
import { valueText } from "../i18n/catalogue";
import { OPINIONS, YIJIAN, who } from "../i18n/labels";
import { staffFindings } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "staff.political-status": { readonly name: string | null };
  }
}

/** Flags staff whose political status reads as neither Party nor League (blank/unreadable: see staffRequired). */
export const politicalStatus: Rule<"staff.political-status"> = {
  meta: {
    id: "staff.political-status",
    severity: "error",
    indicators: ["7"],
    params: {
      name: "the staff member's name, or null",
    },
    messages: {
      zh: {
        title: "政治面貌不符合要求",
        fix: "请核实政治面貌；学生会工作人员应为中共党员（含预备党员）或共青团员，不符合的应调整人选。",
        basis: `自评表第7项；${YIJIAN}`,
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "zh")}的政治面貌为“${v}”，不是中共党员（含预备党员）或共青团员。`;
        },
      },
      en: {
        title: "Political status not allowed",
        fix: "Check the status; staff must be Party members (probationary included) or League members, so replace this member or correct the entry.",
        basis: `self-assessment item 7; ${OPINIONS}`,
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "en")}'s political status is "${v}", neither Party (incl. probationary) nor League member.`;
        },
      },
    },
  },
  run(ctx) {
    return staffFindings(ctx, "staff.political-status", "error", "political", (v) => {
      const p = v.record.political;
      return p.state === "ok" && p.value.status === "other" ? {} : undefined;
    });
  },
};
