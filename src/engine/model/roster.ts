/**
 * The roster as the staff rules and the figures see it: who is presidium, head, first-year or a
 * graduate student, which rows repeat an earlier student id, and who passes the eligibility checks.
 * Computed once per check by the model and shared, so rules and figures can never disagree.
 */
import { HEAD_TITLES, PRESIDIUM_TITLES, type Settings } from "../settings";
import type { RecordOrigin, StaffRecord } from "../types";
import { ok, okText } from "./values";

/** Every roster field, in the order a roster usually lists them. */
export const STAFF_FIELDS = [
  "name",
  "studentId",
  "college",
  "major",
  "grade",
  "level",
  "title",
  "department",
  "political",
  "rank",
  "failed",
  "route",
] as const satisfies ReadonlyArray<Exclude<keyof StaffRecord, keyof RecordOrigin>>;

/** One roster row with the facts the rules derive from it. */
export interface StaffView {
  readonly record: StaffRecord;
  /** Row of the earlier record with the same student id, or null. */
  readonly duplicateOf: number | null;
  readonly presidium: boolean;
  readonly head: boolean;
  readonly firstYear: boolean;
  readonly graduate: boolean;
  /** First-years and graduate students need no rank. */
  readonly rankExempt: boolean;
  /** First-years need no failed-course record. */
  readonly failedExempt: boolean;
}

/** The whole roster: every row, the rows that count (first of each student id), and the ids. */
export interface RosterView {
  readonly all: readonly StaffView[];
  readonly unique: readonly StaffView[];
  readonly ids: ReadonlySet<string>;
  /** The roster's sheet (the first staff record's), for aggregate findings. */
  readonly sheet: string | undefined;
}

const presidiumTitles = new Set(PRESIDIUM_TITLES);
const headTitles = new Set(HEAD_TITLES);

/** True when the title makes its holder part of the presidium. */
export function isPresidiumTitle(title: string | undefined): boolean {
  return title !== undefined && presidiumTitles.has(title);
}

/** True when the title makes its holder a department head. */
export function isHeadTitle(title: string | undefined): boolean {
  return title !== undefined && headTitles.has(title);
}

/**
 * The first year of the academic year (from 1 September) that contains a date: 2022-03-08 → 2021,
 * 2022-09-01 → 2022. Students enrolled in it or later are first-years.
 */
export function academicYearStart(date: string): number {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}

/** True when a rank is within the top `rankTopPercent`% (exactly at the limit passes). */
export function rankPasses(fraction: number, settings: Settings): boolean {
  // The epsilon absorbs binary fractions such as 36/120 ≠ 0.3 exactly.
  return fraction <= settings.rankTopPercent / 100 + 1e-9;
}

/** Derive the facts of one roster row. */
export function viewStaff(record: StaffRecord, settings: Settings, duplicateOf: number | null): StaffView {
  const title = okText(record.title);
  const grade = ok(record.grade);
  const level = ok(record.level);
  const firstYear = grade !== undefined && grade >= academicYearStart(settings.assessmentDate);
  const graduate = level === "master" || level === "doctor";
  return {
    record,
    duplicateOf,
    presidium: isPresidiumTitle(title),
    head: isHeadTitle(title),
    firstYear,
    graduate,
    rankExempt: firstYear || graduate,
    failedExempt: firstYear,
  };
}

/** Build the roster view from staff records. */
export function buildRosterView(staff: readonly StaffRecord[], settings: Settings): RosterView {
  const firstRowById = new Map<string, number>();
  const all: StaffView[] = [];
  const unique: StaffView[] = [];
  for (const record of staff) {
    const id = okText(record.studentId);
    const first = id === undefined ? undefined : firstRowById.get(id);
    if (id !== undefined && first === undefined) firstRowById.set(id, record.row);
    const v = viewStaff(record, settings, first ?? null);
    all.push(v);
    if (first === undefined) unique.push(v);
  }
  return { all, unique, ids: new Set(firstRowById.keys()), sheet: staff[0]?.sheet };
}

/** True when a staff member passes status, rank and failed-course checks (exemptions applied). */
export function isEligible(v: StaffView, settings: Settings): boolean {
  const political = ok(v.record.political);
  if (political === undefined || political.status === "other") return false;
  if (!v.rankExempt) {
    const rank = ok(v.record.rank);
    if (rank === undefined || !rankPasses(rank.fraction, settings)) return false;
  }
  if (!v.failedExempt) {
    const failed = ok(v.record.failed);
    if (failed === undefined || failed > 0) return false;
  }
  return true;
}

/** The person's name for messages, or null. */
export function staffName(record: StaffRecord): string | null {
  return okText(record.name) ?? null;
}
