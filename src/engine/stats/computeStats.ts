/**
 * Every figure of the self-assessment, computed from the read workbook with the rules' own views
 * (roster, delegate tally, review coverage, meeting tally), so figures and findings agree.
 */
import type { Settings } from "../settings";
import type { Finding, ReadResult, Stats, TableKind } from "../types";
import { buildModel, okText, type CheckState, type RecordsModel, type StaffCheck } from "../model";
import { staffChecks } from "../model/staffChecks";
import { activityExtras, activityStats } from "./activityStats";
import { politicalFigures } from "./political";

function present(read: ReadResult, kind: TableKind, records: readonly unknown[]): boolean {
  return records.length > 0 || read.tables.some((t) => t.kind === kind);
}

function countBy(out: Map<string, number>, key: string | undefined): void {
  if (key !== undefined) out.set(key, (out.get(key) ?? 0) + 1);
}

/** Rows by check state: what 资格审查 shows per row, summed. */
export function checkCounts(checks: readonly StaffCheck[]): NonNullable<Stats["staff"]>["checks"] {
  const zero = (): Record<CheckState, number> => ({ pass: 0, fail: 0, exempt: 0, unknown: 0 });
  const out = { political: zero(), rank: zero(), failed: zero() };
  for (const c of checks) {
    out.political[c.political]++;
    out.rank[c.rank]++;
    out.failed[c.failed]++;
  }
  return out;
}

function staffStats(model: RecordsModel, findings: readonly Finding[]): NonNullable<Stats["staff"]> {
  const roster = model.roster;
  const titles = new Map<string, number>();
  let presidium = 0;
  for (const v of roster.unique) {
    if (v.presidium) presidium++;
    countBy(titles, okText(v.record.title));
  }
  // Per row, as rules 7 and 8 judge rows (the same checks 资格审查 and 自评表 items 7–8 show).
  const checks = staffChecks(model.read, roster, findings);
  const eligible = checks.filter((c) => c.eligible === "yes").length;
  const political = politicalFigures(roster.all.map((v) => v.record));
  const departments = model.departments;
  return {
    total: roster.all.length,
    people: roster.unique.length,
    presidium,
    departmentCount: departments.size,
    departments: Object.fromEntries(
      [...departments].map(([name, d]) => [name, { heads: d.heads, members: d.members }]),
    ),
    ...political,
    eligible,
    checks: checkCounts(checks),
    titles: Object.fromEntries(titles),
  };
}

/**
 * Compute the figures. A section is null when its table is absent; rows with an error in the
 * field a figure uses are left out of it; repeated people and rows count once; `staff.total` is
 * the roster's number of data rows.
 */
export function computeStats(
  read: ReadResult,
  settings: Settings,
  findings: readonly Finding[],
  model: RecordsModel = buildModel(read, settings),
): Stats {
  const staff = present(read, "roster", read.staff) ? staffStats(model, findings) : null;

  let activities: Stats["activities"] = null;
  if (present(read, "activities", read.activities)) {
    const base = activityStats(read.activities, settings, findings, model.activityIndex);
    const facts = model.activityFacts;
    const volunteer = (name: string): boolean => facts.get(name)?.volunteer === true;
    activities = { ...base, ...activityExtras(base.byActivity, volunteer, read.activities) };
  }

  let congress: Stats["congress"] = null;
  const hasCongress = present(read, "congress", read.delegates);
  if (hasCongress || settings.congressDate !== null || settings.congressSession !== null) {
    const t = model.delegates;
    const delegates = t.counted.length;
    congress = {
      delegates,
      enrollment: settings.enrollment,
      ratio: settings.enrollment !== null && hasCongress ? delegates / settings.enrollment : null,
      nonOfficerShare: delegates > 0 ? (delegates - t.officers) / delegates : null,
      date: settings.congressDate,
      session: settings.congressSession,
    };
  }

  let reviews: Stats["reviews"] = null;
  if (present(read, "reviews", read.reviews)) {
    const c = model.reviewCoverage;
    reviews = { required: c.required, done: c.done, terms: [...c.terms] };
  }

  let meetings: Stats["meetings"] = null;
  if (present(read, "meetings", read.meetings)) {
    const m = model.meetings;
    meetings = {
      trainings: m.trainings,
      chairsMeetings: m.chairsMeetings,
      monthsWithoutChairsMeeting: [...m.monthsWithoutChairsMeeting],
    };
  }

  return { staff, activities, congress, reviews, meetings };
}
