/**
 * The tallies rules and figures share, each computed once per check by the model: departments
 * with their heads and members, delegates counted once, who was reviewed in which term, and the
 * period's trainings and chairs' meetings.
 */
import type { Settings } from "../settings";
import type { DelegateRecord, MeetingRecord, ReviewRecord, StaffRecord } from "../types";
import type { RosterView, StaffView } from "./roster";
import { inPeriod, okText, periodMonths, personKey } from "./values";

/** One department as the roster shows it (presidium members are not counted in any department). */
export interface DepartmentTally {
  readonly heads: number;
  readonly members: number;
  /** The first roster row naming this department, where findings about it point. */
  readonly first: StaffRecord;
}

/** Departments in order of first appearance, counting each student id once. */
export function departmentTally(roster: RosterView): Map<string, DepartmentTally> {
  const out = new Map<string, { heads: number; members: number; first: StaffRecord }>();
  for (const v of roster.unique) {
    if (v.presidium) continue;
    const name = okText(v.record.department);
    if (name === undefined) continue;
    let d = out.get(name);
    if (!d) {
      d = { heads: 0, members: 0, first: v.record };
      out.set(name, d);
    }
    if (v.head) d.heads++;
    else d.members++;
  }
  return out;
}

/** Delegates counted once by student id (or name when there is none), and how many are officers. */
export interface DelegateTally {
  /** First row of each delegate. */
  readonly counted: readonly DelegateRecord[];
  /** Later rows repeating a delegate, with the first row. */
  readonly duplicates: ReadonlyArray<{ readonly record: DelegateRecord; readonly firstRow: number }>;
  readonly officers: number;
}

/** Count delegates; an officer is on the roster by student id, or marked 是 in the officer column. */
export function delegateTally(
  delegates: readonly DelegateRecord[],
  rosterIds: ReadonlySet<string>,
): DelegateTally {
  const firstRow = new Map<string, number>();
  const counted: DelegateRecord[] = [];
  const duplicates: Array<{ record: DelegateRecord; firstRow: number }> = [];
  let officers = 0;
  for (const d of delegates) {
    const key = personKey(d.studentId, d.name);
    if (key === undefined) continue;
    const first = firstRow.get(key);
    if (first !== undefined) {
      duplicates.push({ record: d, firstRow: first });
      continue;
    }
    firstRow.set(key, d.row);
    counted.push(d);
    const id = okText(d.studentId);
    if ((id !== undefined && rosterIds.has(id)) || (d.isOfficer.state === "ok" && d.isOfficer.value))
      officers++;
  }
  return { counted, duplicates, officers };
}

/** Who must be reviewed in which terms, and who is missing a review. */
export interface ReviewCoverage {
  readonly terms: readonly string[];
  /** Presidium members and heads, each student id once. */
  readonly people: readonly StaffView[];
  readonly required: number;
  readonly done: number;
  readonly missing: ReadonlyArray<{ readonly person: StaffView; readonly term: string }>;
}

/**
 * Match reviews to people by student id, else by name: a review with an id counts for that id;
 * a review without an id counts for anyone of that name, as does any review for a person with no id.
 */
export function reviewCoverage(
  people: readonly StaffView[],
  reviews: readonly ReviewRecord[],
  reviewTerms: readonly string[] | null,
): ReviewCoverage {
  const presentTerms: string[] = [];
  const seenTerms = new Set<string>();
  const byId = new Set<string>();
  const byNameWithoutId = new Set<string>();
  const byName = new Set<string>();
  for (const r of reviews) {
    const term = okText(r.term);
    if (term === undefined) continue;
    if (!seenTerms.has(term)) {
      seenTerms.add(term);
      presentTerms.push(term);
    }
    const id = okText(r.studentId);
    const name = okText(r.name);
    if (id !== undefined) byId.add(`${id}\u0001${term}`);
    if (name !== undefined) {
      byName.add(`${name}\u0001${term}`);
      if (id === undefined) byNameWithoutId.add(`${name}\u0001${term}`);
    }
  }
  const terms = reviewTerms ?? presentTerms;
  const missing: Array<{ person: StaffView; term: string }> = [];
  let done = 0;
  for (const person of people) {
    const id = okText(person.record.studentId);
    const name = okText(person.record.name);
    for (const term of terms) {
      const found =
        (id !== undefined && byId.has(`${id}\u0001${term}`)) ||
        (name !== undefined && (id !== undefined ? byNameWithoutId : byName).has(`${name}\u0001${term}`));
      if (found) done++;
      else missing.push({ person, term });
    }
  }
  return { terms, people, required: people.length * terms.length, done, missing };
}

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
