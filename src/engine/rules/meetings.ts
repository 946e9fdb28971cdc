/**
 * The meeting family: full-staff trainings (spring and autumn, example report (七)) and a chairs'
 * meeting every month (example report (二)), counted from the meeting/training log.
 */
import { aggregateFinding, type Rule, type RuleContext } from "./context";

function meetingsSheet(ctx: RuleContext): string | undefined {
  return ctx.table("meetings")?.sheet ?? ctx.read.meetings[0]?.sheet;
}

/** Warns when the period has fewer trainings than `trainingsPerYear` × its length in years. */
export const meetingTraining: Rule = {
  ids: ["meeting.training"],
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
export const meetingMonthly: Rule = {
  ids: ["meeting.monthly"],
  run(ctx) {
    if (!ctx.has("meetings")) return [];
    const sheet = meetingsSheet(ctx);
    return ctx.model.meetings.monthsWithoutChairsMeeting.map((month) =>
      aggregateFinding("meeting.monthly", "warning", sheet, { month }),
    );
  },
};
