/**
 * Volunteer-service figures from the activity log: sessions (distinct date + activity),
 * person-times, distinct people and hours, in total and by category, month and activity.
 * One linear pass over numbered sessions and people (model/activityIndex.ts); rows the rules flagged are left out of the
 * figures they spoil.
 */
import type { Settings } from "../settings";
import type { ActivityRecord, ActivityTotals, Finding, Parsed, RuleId, Stats } from "../types";
import { okText } from "../rules/context";
import { hoursProblem } from "../rules/activities";
import { buildActivityIndex, type ActivityIndex } from "../model";

/** The category used for rows whose category cell is blank. */
export const UNCATEGORISED = "未分类";

/** Rules whose finding on a row keeps that row out of every activity figure. */
const EXCLUDING: ReadonlySet<RuleId> = new Set<RuleId>([
  "activity.date",
  "activity.out-of-period",
  "activity.duplicate",
  "activity.missing-value",
]);

/** Round to two decimals so a sum of halves prints as 2034.5, not 2034.4999999. */
export function roundHours(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** Running totals of one slice; `sessions` counts distinct sessions seen in the slice. */
class Totals {
  sessions = 0;
  personTimes = 0;
  hours = 0;
  add(newSession: boolean, hours: number): void {
    if (newSession) this.sessions++;
    this.personTimes++;
    this.hours += hours;
  }
  done(): ActivityTotals {
    return { sessions: this.sessions, personTimes: this.personTimes, hours: roundHours(this.hours) };
  }
}

/** Totals of a slice that a session may enter more than once (a category), so it keeps the session ids. */
class SetTotals extends Totals {
  private readonly seen = new Set<number>();
  addSession(session: number, hours: number): void {
    const before = this.seen.size;
    this.seen.add(session);
    this.add(this.seen.size !== before, hours);
  }
}

function get<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

function finish(map: Map<string, Totals>, keys: Iterable<string>): Record<string, ActivityTotals> {
  // fromEntries defines own properties, so a category named "__proto__" is data, not a prototype.
  return Object.fromEntries([...keys].map((k) => [k, (map.get(k) as Totals).done()]));
}

/** Sheet → rows carrying a finding of one of the given rules. */
function flaggedRows(findings: readonly Finding[], rules: ReadonlySet<RuleId>): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const f of findings) {
    if (!rules.has(f.rule) || f.sheet === undefined || f.row === undefined) continue;
    get(out, f.sheet, () => new Set<number>()).add(f.row);
  }
  return out;
}

/**
 * The activity figures. A row counts when its date is readable and in the period, it names an
 * activity and a participant, and it repeats no earlier row; its hours count only when they are
 * valid too (a bad hours cell does not erase the person-time).
 */
export function activityStats(
  activities: readonly ActivityRecord[],
  settings: Settings,
  findings: readonly Finding[],
  index: ActivityIndex = buildActivityIndex(activities, settings),
): Omit<NonNullable<Stats["activities"]>, "volunteer" | "hoursRecorded"> {
  const excluded = flaggedRows(findings, EXCLUDING);
  const badHours = flaggedRows(findings, new Set<RuleId>(["activity.hours"]));
  // Sessions and people numbered once, shared with the duplicate rule: a row's session number is
  // -1 exactly when the guards below (the rules' own conditions) leave it out, so the figures stay
  // right even if a rule failed; seen-flags per number replace string Sets and Maps per row.
  const sessionCount = index.sessionActivity.length;
  const sessionSeen = new Uint8Array(sessionCount);
  const personSeen = new Uint8Array(index.people);
  let distinctPeople = 0;
  // A session has one date and one activity, so its month and activity totals are looked up
  // once, on its first counted row, and kept by session number.
  const monthOfSession = new Array<Totals | undefined>(sessionCount);
  const activityOfSession = new Array<Totals | undefined>(sessionCount);
  const total = new Totals();
  const byCategory = new Map<string, SetTotals>();
  const byMonth = new Map<string, Totals>();
  const byActivity = new Map<string, Totals>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  // The reader shares one Parsed per repeated cell value: the same category object as the row
  // before means the same category totals, without trimming or a Map lookup.
  let lastCategory: Parsed<string> | undefined;
  let perCategory: SetTotals | undefined;

  let sheet: string | undefined;
  let excludedRows: Set<number> | undefined;
  let badHourRows: Set<number> | undefined;
  for (let i = 0; i < activities.length; i++) {
    const session = index.session[i] as number;
    if (session < 0) continue;
    const r = activities[i] as ActivityRecord;
    if (r.sheet !== sheet) {
      sheet = r.sheet;
      excludedRows = excluded.get(sheet);
      badHourRows = badHours.get(sheet);
    }
    if (excludedRows?.has(r.row)) continue;

    const hours =
      r.hours.state === "ok" &&
      !badHourRows?.has(r.row) &&
      hoursProblem(r, settings.maxHoursPerRecord) === undefined
        ? r.hours.value
        : 0;
    let month = monthOfSession[session];
    let perActivity = activityOfSession[session];
    const added = sessionSeen[session] === 0;
    if (added) {
      sessionSeen[session] = 1;
      const date = index.sessionDate[session] as string;
      const activity = index.sessionActivity[session] as string;
      const key = date.slice(0, 7);
      month = byMonth.get(key);
      if (month === undefined) {
        month = new Totals();
        byMonth.set(key, month);
      }
      perActivity = byActivity.get(activity);
      if (perActivity === undefined) {
        perActivity = new Totals();
        byActivity.set(activity, perActivity);
      }
      monthOfSession[session] = month;
      activityOfSession[session] = perActivity;
      // Every counted date opens a session, so checking new sessions finds the first and last date.
      if (firstDate === null || date < firstDate) firstDate = date;
      if (lastDate === null || date > lastDate) lastDate = date;
    }
    if (r.category !== lastCategory || perCategory === undefined) {
      lastCategory = r.category;
      const category = okText(r.category) ?? UNCATEGORISED;
      perCategory = byCategory.get(category);
      if (perCategory === undefined) {
        perCategory = new SetTotals();
        byCategory.set(category, perCategory);
      }
    }
    // A session belongs to one date and one activity, so its first row is its only entry into
    // the total, its month and its activity; a category needs its own set of sessions.
    total.add(added, hours);
    (month as Totals).add(added, hours);
    (perActivity as Totals).add(added, hours);
    perCategory.addSession(session, hours);
    const person = index.person[i] as number;
    if (personSeen[person] === 0) {
      personSeen[person] = 1;
      distinctPeople++;
    }
  }

  return {
    ...total.done(),
    distinctPeople,
    firstDate,
    lastDate,
    byCategory: finish(byCategory, byCategory.keys()),
    // Only the distinct months are sorted, never the rows.
    byMonth: finish(byMonth, [...byMonth.keys()].sort()),
    byActivity: finish(byActivity, byActivity.keys()),
  };
}

/**
 * The figures `activityStats` leaves to the caller: volunteer totals (activities whose facts say
 * volunteer service, summed over their per-activity totals) and whether any hours are recorded.
 */
export function activityExtras(
  byActivity: Readonly<Record<string, ActivityTotals>>,
  isVolunteer: (activity: string) => boolean,
  activities: readonly ActivityRecord[],
): Pick<NonNullable<Stats["activities"]>, "volunteer" | "hoursRecorded"> {
  let count = 0;
  let sessions = 0;
  let personTimes = 0;
  let hours = 0;
  for (const [name, t] of Object.entries(byActivity)) {
    if (t.sessions === 0 || !isVolunteer(name)) continue;
    count++;
    sessions += t.sessions;
    personTimes += t.personTimes;
    hours += t.hours;
  }
  return {
    volunteer: count > 0 ? { activities: count, sessions, personTimes, hours: roundHours(hours) } : null,
    hoursRecorded: activities.some((r) => r.hours.state === "ok"),
  };
}
