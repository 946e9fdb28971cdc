/**
 * Every figure of the self-assessment, computed from the read workbook with the rules' own views
 * (roster, delegate tally, review coverage, meeting tally), so figures and findings agree.
 */
import type { Settings } from "../settings";
import type { Finding, ReadResult, Stats, TableKind } from "../types";
import { buildModel, isEligible, okText, type RecordsModel } from "../model";
import { activityStats } from "./activityStats";

function present(read: ReadResult, kind: TableKind, records: readonly unknown[]): boolean {
  return records.length > 0 || read.tables.some((t) => t.kind === kind);
}

function countBy(out: Map<string, number>, key: string | undefined): void {
  if (key !== undefined) out.set(key, (out.get(key) ?? 0) + 1);
}

function staffStats(model: RecordsModel, settings: Settings): NonNullable<Stats["staff"]> {
  const roster = model.roster;
  const political = new Map<string, number>();
  const titles = new Map<string, number>();
  let presidium = 0;
  let partyOrLeague = 0;
  let eligible = 0;
  for (const v of roster.unique) {
    if (v.presidium) presidium++;
    const p = v.record.political;
    if (p.state === "ok") {
      countBy(political, p.value.label);
      if (p.value.status !== "other") partyOrLeague++;
    }
    countBy(titles, okText(v.record.title));
    if (isEligible(v, settings)) eligible++;
  }
  const departments = model.departments;
  return {
    total: roster.all.length,
    presidium,
    departmentCount: departments.size,
    departments: Object.fromEntries(
      [...departments].map(([name, d]) => [name, { heads: d.heads, members: d.members }]),
    ),
    partyOrLeague,
    political: Object.fromEntries(political),
    eligible,
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
  const staff = present(read, "roster", read.staff) ? staffStats(model, settings) : null;

  const activities = present(read, "activities", read.activities)
    ? activityStats(read.activities, settings, findings, model.activityIndex)
    : null;

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
