/**
 * The meeting family: full-staff trainings (spring and autumn, example report (七)) and a chairs'
 * meeting every month (example report (二)), counted from the meeting/training log.
 */
import type { Settings } from "../settings";
import type { MeetingRecord } from "../types";
import { aggregateFinding, inPeriod, okText, periodMonths, type Rule, type RuleContext } from "./context";

/** True when a meeting type names a training. */
export function isTraining(type: string): boolean {
  return type.includes("培训") || /training/iu.test(type);
}

/** True when a meeting type names a chairs' meeting. */
export function isChairsMeeting(type: string): boolean {
  return type.includes("例会") || /chairs/iu.test(type);
}

/** Trainings and chairs' meetings of the period, and what the settings ask for. */
export interface MeetingTally {
  readonly trainings: number;
  readonly trainingsRequired: number;
  readonly chairsMeetings: number;
  readonly months: readonly string[];
  readonly monthsWithoutChairsMeeting: readonly string[];
}

/**
 * The period's length in years, at least 1: days counted, rounded to whole months, so a 12-month
 * period (365 or 366 days) is exactly 1 and 18 months is 1.5.
 */
export function periodYears(settings: Settings): number {
  const days =
    (Date.parse(`${settings.periodEnd}T00:00:00Z`) - Date.parse(`${settings.periodStart}T00:00:00Z`)) /
      86400000 +
    1;
  const months = Math.round((days / 365.25) * 12);
  return Number.isFinite(months) ? Math.max(1, months / 12) : 1;
}

/** Count the period's trainings and chairs' meetings; a chairs' meeting counts for its calendar month. */
export function meetingTally(meetings: readonly MeetingRecord[], settings: Settings): MeetingTally {
  const months = periodMonths(settings);
  const monthSet = new Set(months);
  const monthsMet = new Set<string>();
  let trainings = 0;
  let chairsMeetings = 0;
  for (const m of meetings) {
    const type = okText(m.type);
    if (type === undefined || m.date.state !== "ok") continue;
    const date = m.date.value;
    if (isTraining(type) && inPeriod(date, settings)) trainings++;
    if (isChairsMeeting(type)) {
      if (inPeriod(date, settings)) chairsMeetings++;
      // A meeting early in the period's first month still covers that month.
      const month = date.slice(0, 7);
      if (monthSet.has(month)) monthsMet.add(month);
    }
  }
  const trainingsRequired = Math.ceil(settings.trainingsPerYear * periodYears(settings) - 1e-9);
  return {
    trainings,
    trainingsRequired,
    chairsMeetings,
    months,
    monthsWithoutChairsMeeting: months.filter((m) => !monthsMet.has(m)),
  };
}

function meetingsSheet(ctx: RuleContext): string | undefined {
  return ctx.table("meetings")?.sheet ?? ctx.read.meetings[0]?.sheet;
}

/** Warns when the period has fewer trainings than `trainingsPerYear` × its length in years. */
export const meetingTraining: Rule = {
  ids: ["meeting.training"],
  run(ctx) {
    if (!ctx.has("meetings")) return [];
    const t = meetingTally(ctx.read.meetings, ctx.settings);
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
export const meetingMonthly: Rule = {
  ids: ["meeting.monthly"],
  run(ctx) {
    if (!ctx.has("meetings")) return [];
    const sheet = meetingsSheet(ctx);
    return meetingTally(ctx.read.meetings, ctx.settings).monthsWithoutChairsMeeting.map((month) =>
      aggregateFinding("meeting.monthly", "warning", sheet, { month }),
    );
  },
};
