/**
 * Volunteer-service figures from the activity log: sessions (distinct date + activity),
 * person-times, distinct people and hours, in total and by category, month and activity.
 * One linear pass with Maps and numbered sessions; rows the rules flagged are left out of the
 * figures they spoil.
 */
import type { Settings } from "../settings";
import type { ActivityRecord, ActivityTotals, Finding, RuleId, Stats } from "../types";
import { fastPersonKey, okText, PairIds, periodTest } from "../rules/context";
import { hoursProblem } from "../rules/activities";

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
): NonNullable<Stats["activities"]> {
  const excluded = flaggedRows(findings, EXCLUDING);
  const badHours = flaggedRows(findings, new Set<RuleId>(["activity.hours"]));
  const inPeriod = periodTest(settings);
  const sessions = new PairIds();
  const total = new Totals();
  const people = new Set<string>();
  const byCategory = new Map<string, SetTotals>();
  const byMonth = new Map<string, Totals>();
  // Month totals cached per date so a row costs no string slicing.
  const monthOfDate = new Map<string, Totals>();
  const byActivity = new Map<string, Totals>();
  let firstDate: string | null = null;
  let lastDate: string | null = null;

  let sheet: string | undefined;
  let excludedRows: Set<number> | undefined;
  let badHourRows: Set<number> | undefined;
  for (const r of activities) {
    if (r.sheet !== sheet) {
      sheet = r.sheet;
      excludedRows = excluded.get(sheet);
      badHourRows = badHours.get(sheet);
    }
    if (excludedRows?.has(r.row)) continue;
    // The guards repeat the rules' conditions so the figures stay right even if a rule failed.
    if (r.date.state !== "ok" || !inPeriod(r.date.value)) continue;
    const activity = okText(r.activity);
    const person = fastPersonKey(r.studentId, r.name);
    if (activity === undefined || person === undefined) continue;

    const date = r.date.value;
    const hours =
      r.hours.state === "ok" &&
      !badHourRows?.has(r.row) &&
      hoursProblem(r, settings.maxHoursPerRecord) === undefined
        ? r.hours.value
        : 0;
    // Plain lookups rather than helpers with closures: this loop runs once per row of the log.
    let month = monthOfDate.get(date);
    if (month === undefined) {
      const key = date.slice(0, 7);
      month = byMonth.get(key);
      if (month === undefined) {
        month = new Totals();
        byMonth.set(key, month);
      }
      monthOfDate.set(date, month);
      // Only a date not seen before can move the first or last date.
      if (firstDate === null || date < firstDate) firstDate = date;
      if (lastDate === null || date > lastDate) lastDate = date;
    }
    let perActivity = byActivity.get(activity);
    if (perActivity === undefined) {
      perActivity = new Totals();
      byActivity.set(activity, perActivity);
    }
    const category = okText(r.category) ?? UNCATEGORISED;
    let perCategory = byCategory.get(category);
    if (perCategory === undefined) {
      perCategory = new SetTotals();
      byCategory.set(category, perCategory);
    }
    // A session belongs to one date and one activity, so its first row is its only entry into
    // the total, its month and its activity; a category needs its own set of sessions.
    const known = sessions.size;
    const session = sessions.id(date, activity);
    const added = sessions.size !== known;
    total.add(added, hours);
    month.add(added, hours);
    perActivity.add(added, hours);
    perCategory.addSession(session, hours);
    people.add(person);
  }

  return {
    ...total.done(),
    distinctPeople: people.size,
    firstDate,
    lastDate,
    byCategory: finish(byCategory, byCategory.keys()),
    // Only the distinct months are sorted, never the rows.
    byMonth: finish(byMonth, [...byMonth.keys()].sort()),
    byActivity: finish(byActivity, byActivity.keys()),
  };
}
