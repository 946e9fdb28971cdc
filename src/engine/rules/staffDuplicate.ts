/** `staff.duplicate`: one roster row per student id, so the staff count is honest (indicator 3). */
import { str, valueText } from "../i18n/catalogue";
import { who } from "../i18n/labels";
import { staffFindings } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "staff.duplicate": { readonly name: string | null; readonly firstRow: number };
  }
}

/** Flags each later row that repeats a student id, naming the first row. */
export const staffDuplicate: Rule<"staff.duplicate"> = {
  meta: {
    id: "staff.duplicate",
    severity: "error",
    indicators: [],
    params: {
      name: "the staff member's name, or null",
      firstRow: "the row that first lists this student id",
    },
    messages: {
      zh: {
        title: "工作人员重复登记",
        fix: "请删除重复的行，或更正学号。",
        basis: "自评表第3项（工作人员人数）",
        problem(p, f) {
          const v = valueText(f);
          return `学号“${v}”已在第${str(p.firstRow)}行登记，本行重复（${who(p.name, "zh")}），只计一人。`;
        },
      },
      en: {
        title: "Staff member listed twice",
        fix: "Delete the repeated row or correct the student id.",
        basis: "self-assessment item 3 (staff count)",
        problem(p, f) {
          const v = valueText(f);
          return `Student id ${v} is already listed in row ${str(p.firstRow)}; this row (${who(p.name, "en")}) repeats it and counts once.`;
        },
      },
    },
  },
  run(ctx) {
    return staffFindings(ctx, "staff.duplicate", "error", "studentId", (v) =>
      v.duplicateOf === null ? undefined : { firstRow: v.duplicateOf },
    );
  },
};
