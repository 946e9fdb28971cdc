/**
 * The activity family: each row of the activity / volunteer log has a readable date inside the
 * period, positive hours within `maxHoursPerRecord`, an activity and a participant, and is not a
 * repeat of an earlier row. These figures go into the report's volunteer-service sentence.
 * Every rule is one linear pass (a 200,000-row log must check in well under a second).
 */
import type { ActivityRecord, Finding } from "../types";
import { SessionMembers } from "../model";
import { cellFinding, okText, periodTest, type Rule } from "./context";

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
      // The cheap value tests come first: the column lookups only run for the rare blank cell.
      if (okText(r.activity) === undefined && ctx.hasColumn(r, "activity")) {
        out.push(
          cellFinding(ctx, "activity.missing-value", "error", r, "activity", r.activity, {
            field: "activity",
          }),
        );
      }
      // No participant: neither a student id nor a name (what personKey would call undefined).
      if (okText(r.studentId) !== undefined || okText(r.name) !== undefined) continue;
      if (ctx.hasColumn(r, "studentId") || ctx.hasColumn(r, "name")) {
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
    // Sessions (date + activity) and people are numbered once (shared with the figures), and each
    // session keeps a short list of who joined it: no string key and no Map per person per row,
    // which matters on a 200,000-row log. Rows outside the period get no session (the figures
    // leave them out anyway; flagging repeats there is noise).
    const activities = ctx.read.activities;
    const index = ctx.model.activityIndex;
    const members = new SessionMembers(index.sessionActivity.length);
    const out: Finding[] = [];
    for (let i = 0; i < activities.length; i++) {
      const session = index.session[i] as number;
      if (session < 0) continue;
      const r = activities[i] as ActivityRecord;
      const first = members.firstRow(session, index.person[i] as number, r.row);
      if (first === undefined) continue;
      const field = okText(r.studentId) !== undefined ? "studentId" : "name";
      out.push(
        cellFinding(ctx, "activity.duplicate", "warning", r, field, r[field], {
          firstRow: first,
          activity: index.sessionActivity[session] as string,
          date: index.sessionDate[session] as string,
        }),
      );
    }
    return out;
  },
};
