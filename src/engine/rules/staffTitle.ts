/** `staff.title`: only presidium and department posts (indicator 6). */
import { str, valueText } from "../i18n/catalogue";
import { OPINIONS, YIJIAN, who } from "../i18n/labels";
import { okText, staffFindings } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "staff.title": { readonly name: string | null; readonly allowed: string };
  }
}

/** Flags a title that is not exactly one of `allowedTitles` (after the reader's normalisation). */
export const staffTitle: Rule<"staff.title"> = {
  meta: {
    id: "staff.title",
    severity: "error",
    indicators: ["6"],
    params: {
      name: "the staff member's name, or null",
      allowed: "the allowed titles, joined with 、",
    },
    messages: {
      zh: {
        title: "职务设置不规范",
        fix: "请改为主席团职务或部门职务（如部长、副部长、干事），或撤销该职务；学校另有规定的，可在设置中调整允许的职务。",
        basis: `自评表第6项；${YIJIAN}`,
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "zh")}的职务“${v}”不在允许的职务之内（允许：${str(p.allowed)}）。`;
        },
      },
      en: {
        title: "Title not allowed",
        fix: "Use a presidium or department title (e.g. 部长, 副部长, 干事) or drop the post; a school with its own list can change the allowed titles in the settings.",
        basis: `self-assessment item 6; ${OPINIONS}`,
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "en")}'s title "${v}" is not allowed (allowed: ${str(p.allowed)}).`;
        },
      },
    },
  },
  run(ctx) {
    const allowed = new Set(ctx.settings.allowedTitles);
    const list = ctx.settings.allowedTitles.join("、");
    return staffFindings(ctx, "staff.title", "error", "title", (v) => {
      const title = okText(v.record.title);
      return title === undefined || allowed.has(title) ? undefined : { allowed: list };
    });
  },
};
