/**
 * The model step: every shared view of a check's records (roster, tallies, activity numbering and
 * facts) and of its findings (by rule, each staff member's eligibility checks), built once per
 * check and read by the rules, the figures, the indicators and the summary sheets alike, so they
 * can never disagree. Views are computed on first use: a check that never asks for one (a
 * workbook without an activity log) pays nothing for it.
 */
import type { Settings } from "../settings";
import type { Finding, ReadResult, RuleId } from "../types";
import { activityFacts, type ActivityFacts } from "./activityFacts";
import { buildActivityIndex, type ActivityIndex } from "./activityIndex";
import { buildRosterView, type RosterView } from "./roster";
import { findingsByRule, staffChecks, type StaffCheck } from "./staffChecks";
import {
  delegateTally,
  departmentTally,
  meetingTally,
  reviewCoverage,
  type DelegateTally,
  type DepartmentTally,
  type MeetingTally,
  type ReviewCoverage,
} from "./tallies";

export type { ActivityFacts } from "./activityFacts";
export { buildActivityIndex, SessionMembers, type ActivityIndex } from "./activityIndex";
export type { CheckState, StaffCheck } from "./staffChecks";
export * from "./roster";
export * from "./tallies";
export * from "./values";

/** Views of the records and settings, before any rule has run. */
export interface RecordsModel {
  readonly read: ReadResult;
  readonly settings: Settings;
  /** Every roster row with the facts derived from it, the rows that count, the student ids. */
  readonly roster: RosterView;
  /** Departments in order of first appearance, with heads and members. */
  readonly departments: ReadonlyMap<string, DepartmentTally>;
  /** Delegates counted once, the repeats, and how many are officers. */
  readonly delegates: DelegateTally;
  /** Presidium members and heads against the required review terms. */
  readonly reviewCoverage: ReviewCoverage;
  /** The period's trainings and chairs' meetings. */
  readonly meetings: MeetingTally;
  /** The activity log's sessions and people, numbered. */
  readonly activityIndex: ActivityIndex;
  /** Per activity name: dates, months, category, volunteer or not (in-period rows). */
  readonly activityFacts: ReadonlyMap<string, ActivityFacts>;
}

/** The records model plus the views of a check's findings. */
export interface CheckModel extends RecordsModel {
  readonly findings: readonly Finding[];
  /** Findings grouped by rule id. */
  readonly byRule: ReadonlyMap<RuleId, readonly Finding[]>;
  /** Each roster row's eligibility checks as the findings decided them (roster order). */
  readonly staffChecks: readonly StaffCheck[];
}

/** A getter that computes its value on first use and keeps it. */
function lazy<T>(compute: () => T): () => T {
  let done = false;
  let value: T | undefined;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** `base` with one getter per view, each computed on first use and kept. */
function withLazyViews<Base extends object, Views extends object>(
  base: Base,
  views: { readonly [K in keyof Views]: () => Views[K] },
): Base & Views {
  const props: PropertyDescriptorMap = {};
  for (const [key, compute] of Object.entries(views) as Array<[string, () => unknown]>) {
    props[key] = { get: lazy(compute), enumerable: true, configurable: true };
  }
  return Object.defineProperties(base, props) as Base & Views;
}

/** Build the records model of one check (each view computed at most once, on first use). */
export function buildModel(read: ReadResult, settings: Settings): RecordsModel {
  const model: RecordsModel = withLazyViews(
    { read, settings },
    {
      roster: () => buildRosterView(read.staff, settings),
      departments: () => departmentTally(model.roster),
      delegates: () => delegateTally(read.delegates, model.roster.ids),
      reviewCoverage: () =>
        reviewCoverage(
          model.roster.unique.filter((v) => v.presidium || v.head),
          read.reviews,
          settings.reviewTerms,
        ),
      meetings: () => meetingTally(read.meetings, settings),
      activityIndex: () => buildActivityIndex(read.activities, settings),
      activityFacts: () => activityFacts(read, settings),
    },
  );
  return model;
}

// The model of each check, so the summary sheets and the report reuse what the check built; keyed
// weakly by the read result, and only valid for the same settings and findings.
const models = new WeakMap<ReadResult, CheckModel>();

/** Add the views of a check's findings to its records model (and remember it for {@link modelOf}). */
export function judgeModel(model: RecordsModel, findings: readonly Finding[]): CheckModel {
  // A prototype link keeps the records model's lazy getters (a spread would compute them all now).
  const judged: CheckModel = withLazyViews(Object.create(model) as RecordsModel, {
    findings: () => findings,
    byRule: () => findingsByRule(findings),
    staffChecks: () => staffChecks(model.read, model.roster, findings),
  });
  models.set(model.read, judged);
  return judged;
}

/**
 * The model of a check result: the one `check` built, or, for a result made another way (a test,
 * a result with its read result replaced), one built now from the result's own data.
 */
export function modelOf(result: {
  readonly read: ReadResult;
  readonly settings: Settings;
  readonly report: { readonly findings: readonly Finding[] };
}): CheckModel {
  const known = models.get(result.read);
  if (known && known.settings === result.settings && known.findings === result.report.findings) return known;
  return judgeModel(buildModel(result.read, result.settings), result.report.findings);
}
