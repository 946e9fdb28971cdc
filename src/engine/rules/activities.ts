/**
 * The activity family: each row of the activity / volunteer log has a readable date inside the
 * period, positive hours within `maxHoursPerRecord`, an activity and a participant, and is not a
 * repeat of an earlier row. These figures go into the report's volunteer-service sentence.
 * Every rule is one linear pass (a 200,000-row log must check in well under a second).
 */
import type { ActivityRecord, Finding } from "../types";
import { cellFinding, fastPersonKey, okText, PairIds, periodTest, personKey, type Rule } from "./context";

/** Why an hours cell fails, or undefined when it is fine. */
export function hoursProblem(
  r: ActivityRecord,
  maxHours: number,
): "blank" | "invalid" | "not-positive" | "too-many" | undefined {
  const h = r.hours;
  if (h.state === "blank") return "blank";
  if (h.state === "invalid" || !Number.isFinite(h.value)) return "invalid";
  if (h.value <= 0) return "not-positive";
  if (h.value > maxHours) return "too-many";
  return undefined;
}

/** Flags hours that are blank, unreadable, ≤ 0 or above `maxHoursPerRecord`. */
export const activityHours: Rule = {
  ids: ["activity.hours"],
  run(ctx) {
    const limit = ctx.settings.maxHoursPerRecord;
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      const reason = hoursProblem(r, limit);
      if (reason === undefined || !ctx.hasColumn(r, "hours")) continue;
      out.push(cellFinding(ctx, "activity.hours", "error", r, "hours", r.hours, { reason, limit }));
    }
    return out;
  },
};

/** Flags a blank or unreadable date. */
export const activityDate: Rule = {
  ids: ["activity.date"],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      if (r.date.state === "ok" || !ctx.hasColumn(r, "date")) continue;
      out.push(cellFinding(ctx, "activity.date", "error", r, "date", r.date, { reason: r.date.state }));
    }
    return out;
  },
};

/** Notes a date outside the period; the row is left out of the figures. */
export const activityOutOfPeriod: Rule = {
  ids: ["activity.out-of-period"],
  run(ctx) {
    const { periodStart: start, periodEnd: end } = ctx.settings;
    const inPeriod = periodTest(ctx.settings);
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      if (r.date.state !== "ok" || inPeriod(r.date.value)) continue;
      out.push(cellFinding(ctx, "activity.out-of-period", "info", r, "date", r.date, { start, end }));
    }
    return out;
  },
};

/** Flags a blank activity name, and a row with neither student id nor name. */
export const activityMissingValue: Rule = {
  ids: ["activity.missing-value"],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      if (okText(r.activity) === undefined && ctx.hasColumn(r, "activity")) {
        out.push(
          cellFinding(ctx, "activity.missing-value", "error", r, "activity", r.activity, {
            field: "activity",
          }),
        );
      }
      const participantColumn = ctx.hasColumn(r, "studentId") || ctx.hasColumn(r, "name");
      if (participantColumn && personKey(r.studentId, r.name) === undefined) {
        // Point at the student id column when the sheet has one, else at the name column.
        const field = ctx.hasColumn(r, "studentId") ? "studentId" : "name";
        out.push(
          cellFinding(ctx, "activity.missing-value", "error", r, field, r[field], { field: "participant" }),
        );
      }
    }
    return out;
  },
};

/** Warns about a row repeating an earlier row's person, activity and date (it counts once). */
export const activityDuplicate: Rule = {
  ids: ["activity.duplicate"],
  run(ctx) {
    // Sessions (date + activity) are numbered and each person keeps the sessions they joined:
    // no joined string key per row, which matters on a 200,000-row log.
    const inPeriod = periodTest(ctx.settings);
    const sessions = new PairIds();
    const firstRow = new Map<string, Map<number, number>>();
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      // Rows outside the period are left out of the figures anyway; flagging repeats there is noise.
      if (r.date.state !== "ok" || !inPeriod(r.date.value)) continue;
      const activity = okText(r.activity);
      const person = fastPersonKey(r.studentId, r.name);
      if (activity === undefined || person === undefined) continue;
      const session = sessions.id(r.date.value, activity);
      let joined = firstRow.get(person);
      if (!joined) {
        joined = new Map();
        firstRow.set(person, joined);
      }
      const first = joined.get(session);
      if (first === undefined) {
        joined.set(session, r.row);
        continue;
      }
      const field = okText(r.studentId) !== undefined ? "studentId" : "name";
      out.push(
        cellFinding(ctx, "activity.duplicate", "warning", r, field, r[field], {
          firstRow: first,
          activity,
          date: r.date.value,
        }),
      );
    }
    return out;
  },
};
