/**
 * Test helpers for the summary sheets and indicators: a hand-made CheckResult whose figures are
 * computed from the records given (so a test changes the data, not the expected numbers), and the
 * example school of the 2022 report as data. Only tests import this file.
 */
import { buildIndicators } from "../indicators";
import { makeRead, type ActivityInput, type StaffInput, type TestWorkbook } from "../rules/testing";
import {
  HEAD_TITLES,
  PRESIDIUM_TITLES,
  resolveSettings,
  type Settings,
  type SettingsInput,
} from "../settings";
import { politicalFigures } from "../stats/political";
import { checkCounts } from "../stats/computeStats";
import { buildRosterView } from "../model/roster";
import { staffChecks } from "../model/staffChecks";
import { activityExtras } from "../stats/activityStats";
import { activityFacts } from "../model/activityFacts";
import type { ActivityTotals, CheckResult, Finding, ReadResult, Stats } from "../types";

/** The example school's settings (赣南医学院, 2022), with overrides. */
export function exampleSettings(overrides: SettingsInput = {}): Settings {
  return resolveSettings(
    [
      {
        schoolName: "赣南医学院",
        enrollment: 13750,
        largeSchool: true,
        assessmentDate: "2022-12-09",
        periodStart: "2022-01-01",
        periodEnd: "2022-12-09",
        congressDate: "2022-11-23",
        congressSession: "第二十三次",
      },
      overrides,
    ],
    "2022-12-09",
  );
}

/** The example school's five departments. */
export const EXAMPLE_DEPARTMENTS = [
  "综合办公室",
  "素质拓展与权益部",
  "组织宣传部",
  "学术创新部",
  "文体艺术部",
] as const;

/**
 * A roster of `presidium` presidium members (one 执行主席, the rest 轮值主席) and the given
 * departments, each with its number of heads (one 部长, the rest 副部长) and members (干事).
 */
export function roster(
  presidium: number,
  departments: ReadonlyArray<readonly [name: string, heads: number, members: number]>,
): StaffInput[] {
  const out: StaffInput[] = [];
  let n = 0;
  const person = (title: string, department: string | null): StaffInput => {
    n++;
    return {
      name: `成员${n}`,
      studentId: `2020${String(n).padStart(6, "0")}`,
      title,
      department,
      political: n % 5 === 0 ? "中共党员" : "共青团员",
      rank: `${(n % 30) + 1}/120`,
      failed: 0,
      grade: 2020,
    };
  };
  for (let i = 0; i < presidium; i++) out.push(person(i === 0 ? "执行主席" : "轮值主席", null));
  for (const [name, heads, members] of departments) {
    for (let i = 0; i < heads; i++) out.push(person(i === 0 ? "部长" : "副部长", name));
    for (let i = 0; i < members; i++) out.push(person("干事", name));
  }
  return out;
}

/** The example union: 5 presidium members, 5 departments with 2–3 heads, 60 staff in all. */
export function exampleRoster(): StaffInput[] {
  return roster(5, [
    ["综合办公室", 2, 9],
    ["素质拓展与权益部", 3, 8],
    ["组织宣传部", 2, 9],
    ["学术创新部", 3, 8],
    ["文体艺术部", 2, 9],
  ]);
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The example volunteer campaign 绿色校园 有我守护: 233 sessions from 8 March 2022, 1,995
 * person-times, 2,034.5 hours; plus a small 文体活动 (新生杯, 2 sessions of 10).
 */
export function exampleActivities(): ActivityInput[] {
  const out: ActivityInput[] = [];
  let rows = 0;
  for (let s = 0; s < 233; s++) {
    const date = addDays("2022-03-08", s);
    const people = s < 131 ? 9 : 8;
    for (let p = 0; p < people; p++) {
      rows++;
      out.push({
        date,
        activity: "绿色校园 有我守护",
        category: "志愿服务",
        studentId: `V${(s * 7 + p) % 400}`,
        name: `志愿者${(s * 7 + p) % 400}`,
        hours: rows <= 79 ? 1.5 : 1,
      });
    }
  }
  for (const date of ["2022-10-10", "2022-10-17"]) {
    for (let p = 0; p < 10; p++) {
      out.push({
        date,
        activity: "新生杯",
        category: "文体活动",
        studentId: `F${p}`,
        name: `学生${p}`,
        hours: 2,
      });
    }
  }
  return out;
}

function add(
  map: Record<string, { sessions: Set<string>; personTimes: number; hours: number }>,
  key: string,
) {
  return (map[key] ??= { sessions: new Set(), personTimes: 0, hours: 0 });
}

function totals(
  map: Record<string, { sessions: Set<string>; personTimes: number; hours: number }>,
): Record<string, ActivityTotals> {
  const out: Record<string, ActivityTotals> = {};
  for (const [k, v] of Object.entries(map)) {
    out[k] = {
      sessions: v.sessions.size,
      personTimes: v.personTimes,
      hours: Math.round(v.hours * 100) / 100,
    };
  }
  return out;
}

/** Figures computed plainly from test records (the real ones come from engine/stats). */
export function statsOf(
  read: ReadResult,
  settings: Settings,
  extra: Partial<Stats> = {},
  findings: readonly Finding[] = [],
): Stats {
  const rosterTable = read.tables.some((t) => t.kind === "roster");
  const presidiumTitles = new Set(PRESIDIUM_TITLES);
  const headTitles = new Set(HEAD_TITLES);
  let staff: Stats["staff"] = null;
  if (rosterTable) {
    const departments: Record<string, { heads: number; members: number }> = {};
    const titles: Record<string, number> = {};
    let presidium = 0;
    for (const s of read.staff) {
      const title = s.title.state === "ok" ? s.title.value : "";
      if (title) titles[title] = (titles[title] ?? 0) + 1;
      if (presidiumTitles.has(title)) {
        presidium++;
        continue;
      }
      if (s.department.state !== "ok") continue;
      const d = (departments[s.department.value] ??= { heads: 0, members: 0 });
      if (headTitles.has(title)) d.heads++;
      else d.members++;
    }
    const checks = staffChecks(read, buildRosterView(read.staff, settings), findings);
    staff = {
      total: read.staff.length,
      people: read.staff.length,
      presidium,
      departmentCount: Object.keys(departments).length,
      departments,
      ...politicalFigures(read.staff),
      eligible: checks.filter((c) => c.eligible === "yes").length,
      checks: checkCounts(checks),
      titles,
    };
  }

  let activities: Stats["activities"] = null;
  if (read.tables.some((t) => t.kind === "activities")) {
    const all = add({}, "");
    const byCategory = {};
    const byMonth = {};
    const byActivity = {};
    const people = new Set<string>();
    let first: string | null = null;
    let last: string | null = null;
    for (const a of read.activities) {
      if (a.date.state !== "ok" || a.activity.state !== "ok" || a.hours.state !== "ok") continue;
      const date = a.date.value;
      if (date < settings.periodStart || date > settings.periodEnd) continue;
      const session = `${date}\u0000${a.activity.value}`;
      const category = a.category.state === "ok" ? a.category.value : "";
      for (const t of [
        all,
        add(byCategory, category),
        add(byMonth, date.slice(0, 7)),
        add(byActivity, a.activity.value),
      ]) {
        t.sessions.add(session);
        t.personTimes++;
        t.hours += a.hours.value;
      }
      if (a.studentId.state === "ok") people.add(a.studentId.value);
      if (first === null || date < first) first = date;
      if (last === null || date > last) last = date;
    }
    const base = {
      sessions: all.sessions.size,
      personTimes: all.personTimes,
      hours: Math.round(all.hours * 100) / 100,
      distinctPeople: people.size,
      firstDate: first,
      lastDate: last,
      byCategory: totals(byCategory),
      byMonth: totals(byMonth),
      byActivity: totals(byActivity),
    };
    const facts = activityFacts(read, settings);
    activities = {
      ...base,
      ...activityExtras(base.byActivity, (a) => facts.get(a)?.volunteer === true, read.activities),
    };
  }

  let congress: Stats["congress"] = null;
  if (read.tables.some((t) => t.kind === "congress")) {
    const delegates = read.delegates.length;
    const officers = read.delegates.filter((d) => d.isOfficer.state === "ok" && d.isOfficer.value).length;
    congress = {
      delegates,
      enrollment: settings.enrollment,
      ratio: settings.enrollment !== null ? delegates / settings.enrollment : null,
      nonOfficerShare: delegates > 0 ? (delegates - officers) / delegates : null,
      date: settings.congressDate,
      session: settings.congressSession,
    };
  }
  return {
    staff,
    activities,
    congress,
    reviews: read.tables.some((t) => t.kind === "reviews")
      ? { required: 26, done: 26, terms: ["2022春季学期", "2022秋季学期"] }
      : null,
    meetings: read.tables.some((t) => t.kind === "meetings")
      ? { trainings: 2, chairsMeetings: 12, monthsWithoutChairsMeeting: [] }
      : null,
    ...extra,
  };
}

/** What a test result is made of; every part optional. */
export interface TestResultInput extends TestWorkbook {
  readonly settings?: SettingsInput;
  /** Rule findings (hand-made, as the rules would report them). */
  readonly ruleFindings?: readonly Finding[];
  /** Figures to replace after computing them from the records. */
  readonly stats?: Partial<Stats>;
}

/** A CheckResult built from test records, hand-made findings and figures computed from the records. */
export function makeResult(input: TestResultInput = {}): CheckResult {
  const read = makeRead(input);
  const settings = exampleSettings(input.settings);
  const findings = [...read.findings, ...(input.ruleFindings ?? [])];
  const stats = statsOf(read, settings, input.stats, findings);
  const indicators = buildIndicators({ findings, stats, settings, read });
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings)
    summary[f.severity === "error" ? "errors" : f.severity === "warning" ? "warnings" : "infos"]++;
  return {
    report: { version: "test", tables: [], findings, stats, indicators, summary },
    read,
    settings,
  };
}

/** The example school's whole result: roster, activities, 138 delegates, reviews and meetings. */
export function exampleResult(overrides: Partial<TestResultInput> = {}): CheckResult {
  return makeResult({
    roster: exampleRoster(),
    activities: exampleActivities(),
    congress: Array.from({ length: 138 }, (_, i) => ({ isOfficer: i < 30 })),
    reviews: [{ studentId: "x", term: "2022春季学期" }],
    meetings: [{ date: "2022-03-01", type: "主席例会" }],
    ...overrides,
  });
}

/** Find a block of a sheet by id (throws in tests when it is missing). */
export function blockOf<S extends { blocks: readonly { id: string }[] }>(
  sheet: S,
  id: string,
): S["blocks"][number] {
  const b = sheet.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id}`);
  return b;
}
