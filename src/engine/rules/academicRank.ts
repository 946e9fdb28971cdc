/** `staff.academic-rank`: rank within the top `rankTopPercent`% of the major (indicator 8). */
import { present, str, valueText } from "../i18n/catalogue";
import { OPINIONS, YIJIAN, who } from "../i18n/labels";
import { staffFindings } from "./context";
import type { Rule } from "./rule";
import { rankPasses } from "../model";

declare module "../types" {
  interface RuleParamsById {
    "staff.academic-rank": {
      readonly name: string | null;
      /** The setting: top percent of the major. */
      readonly limit: number;
      /** The rank as a percent, rounded for the message. */
      readonly percent: number;
      readonly position: number | null;
      readonly size: number | null;
    };
  }
}

/** Flags a readable rank outside the limit; first-years and graduate students are exempt. */
export const academicRank: Rule<"staff.academic-rank"> = {
  meta: {
    id: "staff.academic-rank",
    severity: "error",
    indicators: ["8"],
    params: {
      name: "the staff member's name, or null",
      limit: "the top percent allowed (setting rankTopPercent)",
      percent: "the rank as a percent of the major, rounded for the message",
      position: "the position in the major, when the cell gave one",
      size: "the size of the major, when the cell gave one",
    },
    messages: {
      zh: {
        title: "成绩排名不在规定范围内",
        fix: "请核实排名；综合成绩排名未进入本专业规定比例的同学不应担任工作人员，应调整人选或更正登记（一年级新生和研究生不要求排名）。",
        basis: `自评表第8项；${YIJIAN}`,
        problem(p, f) {
          const v = valueText(f);
          const at = present(p.percent) ? `，即前${str(p.percent)}%` : "";
          return `${who(p.name, "zh")}的综合成绩排名为“${v}”${at}，未进入本专业前${str(p.limit)}%。`;
        },
      },
      en: {
        title: "Rank outside the required top share",
        fix: "Check the rank; students outside the required top share of their major may not serve, so replace this member or correct the entry (first-years and graduate students need no rank).",
        basis: `self-assessment item 8; ${OPINIONS}`,
        problem(p, f) {
          const v = valueText(f);
          const at = present(p.percent) ? ` (top ${str(p.percent)}%)` : "";
          return `${who(p.name, "en")}'s rank is ${v}${at}, outside the top ${str(p.limit)}% of the major.`;
        },
      },
    },
  },
  run(ctx) {
    return staffFindings(ctx, "staff.academic-rank", "error", "rank", (v) => {
      const r = v.record.rank;
      if (v.rankExempt || r.state !== "ok" || rankPasses(r.value.fraction, ctx.settings)) return undefined;
      return {
        limit: ctx.settings.rankTopPercent,
        // Rounded for the message; the comparison used the exact fraction.
        percent: Math.round(r.value.fraction * 10000) / 100,
        position: r.value.position ?? null,
        size: r.value.size ?? null,
      };
    });
  },
};
