/**
 * The meeting family: full-staff trainings (spring and autumn, example report (七)) and a chairs'
 * meeting every month (example report (二)), counted from the meeting/training log.
 */
import { str } from "../i18n/catalogue";
import { zhDate } from "../i18n/labels";
import { aggregateFinding, type RuleContext } from "./context";
import type { Rule } from "./rule";

import type { IsoDate } from "../types";

declare module "../types" {
  interface RuleParamsById {
    "meeting.training": {
      readonly actual: number;
      readonly limit: number;
      readonly perYear: number;
      readonly start: IsoDate;
      readonly end: IsoDate;
    };
    "meeting.monthly": { readonly month: string };
  }
}

function meetingsSheet(ctx: RuleContext): string | undefined {
  return ctx.table("meetings")?.sheet ?? ctx.read.meetings[0]?.sheet;
}

/** Warns when the period has fewer trainings than `trainingsPerYear` × its length in years. */
export const meetingTraining: Rule<"meeting.training"> = {
  meta: {
    id: "meeting.training",
    severity: "warning",
    indicators: ["trainings"],
    params: {
      actual: "trainings in the period",
      limit: "trainings required for the period",
      perYear: "trainings a year (setting trainingsPerYear)",
      start: "the period's first day",
      end: "the period's last day",
    },
    messages: {
      zh: {
        title: "全员培训次数不足",
        fix: "请组织全员培训，并在会议记录中登记（会议类型写明“培训”）。",
        basis: "春、秋季工作人员全员培训（自评报告第（七）部分）",
        problem(p) {
          return `统计期（${zhDate(str(p.start))}至${zhDate(str(p.end))}）内开展全员培训${str(p.actual)}次，少于应有的${str(p.limit)}次（每年${str(p.perYear)}次）。`;
        },
      },
      en: {
        title: "Too few trainings",
        fix: "Hold a full-staff training and record it in the meeting log (type containing 培训).",
        basis: "spring and autumn full-staff training (report section 七)",
        problem(p) {
          return `${str(p.actual)} full-staff training(s) from ${str(p.start)} to ${str(p.end)}, fewer than the ${str(p.limit)} required (${str(p.perYear)} a year).`;
        },
      },
    },
  },
  run(ctx) {
    if (!ctx.has("meetings")) return [];
    const t = ctx.model.meetings;
    if (t.trainings >= t.trainingsRequired) return [];
    return [
      aggregateFinding("meeting.training", "warning", meetingsSheet(ctx), {
        actual: t.trainings,
        limit: t.trainingsRequired,
        perYear: ctx.settings.trainingsPerYear,
        start: ctx.settings.periodStart,
        end: ctx.settings.periodEnd,
      }),
    ];
  },
};

/** Warns once for each month of the period without a chairs' meeting. */
export const meetingMonthly: Rule<"meeting.monthly"> = {
  meta: {
    id: "meeting.monthly",
    severity: "warning",
    indicators: ["chairs-meetings"],
    params: {
      month: "the month (YYYY-MM) without a chairs' meeting",
    },
    messages: {
      zh: {
        title: "当月未召开主席例会",
        fix: "请按月召开主席例会，并在会议记录中登记（会议类型写明“例会”）。",
        basis: "每月召开学生会组织主席工作例会（自评报告第（二）部分）",
        problem(p) {
          return `${zhDate(str(p.month))}没有召开主席例会的记录。`;
        },
      },
      en: {
        title: "Month without a chairs' meeting",
        fix: "Hold the monthly chairs' meeting and record it in the meeting log (type containing 例会).",
        basis: "monthly meeting of union chairs (report section 二)",
        problem(p) {
          return `No chairs' meeting is recorded in ${str(p.month)}.`;
        },
      },
    },
  },
  run(ctx) {
    if (!ctx.has("meetings")) return [];
    const sheet = meetingsSheet(ctx);
    return ctx.model.meetings.monthsWithoutChairsMeeting.map((month) =>
      aggregateFinding("meeting.monthly", "warning", sheet, { month }),
    );
  },
};
