/**
 * The self-assessment table (自评表) as data: one row per indicator 1–11 of reform-rules.md plus the
 * rules without a table number, each with a verdict decided by the findings of its rules and notes
 * (facts from the data) as message keys. Texts live in `summary/indicatorText.ts`.
 */
import { buildModel, judgeModel, PARAM_LIST_SEPARATOR, type CheckModel, type CheckState } from "./model";
import type { Settings } from "./settings";
import type {
  FieldName,
  Finding,
  FindingValue,
  Indicator,
  ReadResult,
  RuleId,
  Stats,
  TableKind,
  Verdict,
} from "./types";

/** Every indicator id in the order of the table: 1–11, then the rules without a table number. */
export const INDICATOR_IDS = [
  "1",
  "2",
  "3",
  "4",
  "5",
  "6",
  "7",
  "8",
  "9",
  "10",
  "11",
  "congress.delegates",
  "congress.non-officers",
  "reviews",
  "trainings",
  "chairs-meetings",
] as const;

/** An indicator id. */
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** What the indicators are computed from. */
export interface IndicatorInput {
  readonly findings: readonly Finding[];
  readonly stats: Stats;
  readonly settings: Settings;
  readonly read: ReadResult;
  /** The check's model; built from the rest when absent (tests that hand-make a result). */
  readonly model?: CheckModel;
}

type Note = Indicator["notes"][number];
type Params = Readonly<Record<string, FindingValue>>;

function note(key: string, params?: Params): Note {
  return params ? { key, params } : { key };
}

/** Data the verdict needs: a table, or a column of it. */
type Need = { readonly table: Exclude<TableKind, "settings">; readonly field?: FieldName };

interface Context {
  readonly input: IndicatorInput;
  readonly byRule: ReadonlyMap<RuleId, readonly Finding[]>;
  readonly checks: CheckModel["staffChecks"];
}

/** The first missing need as a note (table or column), or undefined when all are there. */
function missingNeed(ctx: Context, needs: readonly Need[]): Note | undefined {
  const { tables } = ctx.input.read;
  for (const need of needs) {
    const ofKind = tables.filter((t) => t.kind === need.table);
    if (ofKind.length === 0) return note("data.no-table", { table: need.table });
    if (need.field !== undefined && !ofKind.some((t) => t.columns.some((c) => c.field === need.field))) {
      return note("data.no-column", { table: need.table, field: need.field });
    }
  }
  return undefined;
}

function ruleFindings(ctx: Context, rules: readonly RuleId[]): Finding[] {
  return rules.flatMap((r) => ctx.byRule.get(r) ?? []);
}

/**
 * The verdict from the findings of the deciding rules: blocked (the data it needs is absent) →
 * unknown; any error or warning → no; an info finding that says it cannot check, or incomplete
 * data → unknown; otherwise yes.
 */
function decide(
  ctx: Context,
  rules: readonly RuleId[],
  opts: { readonly blocked?: boolean; readonly incomplete?: boolean } = {},
): Verdict {
  if (opts.blocked) return "unknown";
  let unknown = opts.incomplete ?? false;
  for (const f of ruleFindings(ctx, rules)) {
    if (f.severity !== "info") return "no";
    if (reasonOf(f) !== undefined) unknown = true;
  }
  return unknown ? "unknown" : "yes";
}

/** Why a rule could not check (`params.reason`, e.g. `no-enrollment`), or undefined. */
function reasonOf(f: Finding): string | undefined {
  const p = f.params;
  return p !== undefined && "reason" in p && p.reason !== undefined ? p.reason : undefined;
}

/** Notes for info findings that say a rule could not check. */
function cannotCheckNotes(ctx: Context, rules: readonly RuleId[]): Note[] {
  const out: Note[] = [];
  for (const f of ruleFindings(ctx, rules)) {
    const reason = reasonOf(f);
    if (f.severity === "info" && reason !== undefined) {
      out.push(note("data.cannot-check", { rule: f.rule, reason }));
    }
  }
  return out;
}

function distinctValues(findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  for (const f of findings) {
    // Aggregate findings name the department (or title) in params rather than in value.
    const p = f.params;
    const v = f.value ?? (p && "department" in p ? p.department : p && "title" in p ? p.title : undefined);
    if (v !== undefined && v !== null && v !== "") seen.add(String(v));
  }
  return [...seen];
}

function distinctRows(findings: readonly Finding[]): number {
  return new Set(findings.map((f) => `${f.sheet ?? ""}\u0000${f.row ?? ""}\u0000${f.value ?? ""}`)).size;
}

function list(items: readonly string[], max = 8): string {
  return items.slice(0, max).join(PARAM_LIST_SEPARATOR);
}

function row(
  id: IndicatorId,
  verdict: Verdict,
  rules: readonly RuleId[],
  notes: readonly (Note | undefined)[],
): Indicator {
  return {
    id,
    mark: id === "1" || id === "11" ? "core" : null,
    verdict,
    notes: notes.filter((n): n is Note => n !== undefined),
    rules,
  };
}

/**
 * A row decided by its rules from one section of the figures: to confirm when a table or column it
 * needs or the section is missing. Its notes: what is missing, else the section's facts; then why
 * a rule could not check.
 */
function figuresRow<S>(
  ctx: Context,
  id: IndicatorId,
  rules: readonly RuleId[],
  needs: readonly Need[],
  section: S | null | undefined,
  facts: (section: S) => readonly (Note | undefined)[],
): Indicator {
  const missing = missingNeed(ctx, needs);
  const notes = [missing];
  if (missing === undefined && section !== null && section !== undefined) notes.push(...facts(section));
  notes.push(...cannotCheckNotes(ctx, rules));
  const blocked = missing !== undefined || section === null || section === undefined;
  return row(id, decide(ctx, rules, { blocked }), rules, notes);
}

/** Indicators 1 and 2: "no" only through the department-name warnings. */
function departmentNameIndicator(ctx: Context, id: "1" | "2", rule: RuleId): Indicator {
  const rules = [rule];
  const missing = missingNeed(ctx, [{ table: "roster", field: "department" }]);
  const flagged = ctx.byRule.get(rule) ?? [];
  const staff = ctx.input.stats.staff;
  const notes: (Note | undefined)[] = [missing];
  if (flagged.length > 0) notes.push(note("departments.flagged", { names: list(distinctValues(flagged)) }));
  else if (!missing && staff) {
    notes.push(
      id === "1"
        ? note("departments.checked", { count: staff.departmentCount })
        : note("structure.model", { presidium: staff.presidium, departments: staff.departmentCount }),
    );
  }
  return row(id, decide(ctx, rules, { blocked: missing !== undefined || !staff }), rules, notes);
}

function staffTotal(ctx: Context): Indicator {
  const rules: RuleId[] = ["structure.staff-total"];
  const { stats, settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "roster" }]);
  const staff = stats.staff;
  const blocked = missing !== undefined || !staff || staff.total === 0;
  return row("3", decide(ctx, rules, { blocked }), rules, [
    missing,
    staff && !missing ? note("staff.actual", { count: staff.total, limit: settings.staffMax }) : undefined,
    settings.level === "school" && settings.largeSchool ? note("staff.large-school") : undefined,
  ]);
}

function presidiumSize(ctx: Context): Indicator {
  const rules: RuleId[] = ["structure.presidium-size"];
  const { stats, settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "roster", field: "title" }]);
  const staff = stats.staff;
  return row("4", decide(ctx, rules, { blocked: missing !== undefined || !staff }), rules, [
    missing,
    staff && !missing
      ? note("presidium.actual", { count: staff.presidium, limit: settings.presidiumMax })
      : undefined,
  ]);
}

function departmentCount(ctx: Context): Indicator {
  const rules: RuleId[] = ["structure.department-count"];
  const { stats, settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "roster", field: "department" }]);
  const staff = stats.staff;
  const heads = staff ? Object.values(staff.departments).map((d) => d.heads) : [];
  return row("5", decide(ctx, rules, { blocked: missing !== undefined || !staff }), rules, [
    missing,
    staff && !missing
      ? note("departments.actual", { count: staff.departmentCount, limit: settings.departmentsMax })
      : undefined,
    !missing && heads.length > 0
      ? note("departments.heads", { min: Math.min(...heads), max: Math.max(...heads) })
      : undefined,
    settings.level === "college" ? note("level.school-only") : undefined,
  ]);
}

function titles(ctx: Context): Indicator {
  const rules: RuleId[] = ["staff.title"];
  const missing = missingNeed(ctx, [{ table: "roster", field: "title" }]);
  const flagged = ctx.byRule.get("staff.title") ?? [];
  const staff = ctx.input.stats.staff;
  const notes: (Note | undefined)[] = [missing];
  if (flagged.length > 0) {
    notes.push(
      note("titles.invalid", { count: distinctRows(flagged), titles: list(distinctValues(flagged)) }),
    );
  } else if (!missing && staff) {
    notes.push(note("titles.ok", { titles: list(Object.keys(staff.titles), 12) }));
  }
  return row("6", decide(ctx, rules, { blocked: missing !== undefined || !staff }), rules, notes);
}

function countStates(states: readonly CheckState[]): Record<CheckState, number> {
  const out: Record<CheckState, number> = { pass: 0, fail: 0, exempt: 0, unknown: 0 };
  for (const s of states) out[s]++;
  return out;
}

function politicalStatus(ctx: Context): Indicator {
  const rules: RuleId[] = ["staff.political-status", "staff.missing-value", "staff.invalid-value"];
  const missing = missingNeed(ctx, [{ table: "roster", field: "political" }]);
  const c = countStates(ctx.checks.map((s) => s.political));
  const total = ctx.checks.length;
  const notes: (Note | undefined)[] = [missing];
  if (!missing && total > 0) {
    if (c.pass === total) notes.push(note("political.all", { count: total }));
    else {
      notes.push(note("political.some", { count: c.pass, total }));
      if (c.unknown > 0) notes.push(note("political.unknown", { count: c.unknown }));
    }
  }
  const verdict = decide(ctx, ["staff.political-status"], {
    blocked: missing !== undefined || total === 0,
    incomplete: c.unknown > 0,
  });
  return row("7", verdict, rules, notes);
}

function grades(ctx: Context): Indicator {
  const rules: RuleId[] = [
    "staff.academic-rank",
    "staff.failed-courses",
    "staff.missing-value",
    "staff.invalid-value",
  ];
  const { settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "roster" }]);
  const rank = countStates(ctx.checks.map((s) => s.rank));
  const failed = countStates(ctx.checks.map((s) => s.failed));
  const percent = settings.rankTopPercent;
  const notes: (Note | undefined)[] = [missing];
  if (!missing && ctx.checks.length > 0) {
    if (rank.fail > 0) notes.push(note("rank.failed", { count: rank.fail, percent }));
    else if (rank.pass > 0 && rank.unknown === 0) notes.push(note("rank.ok", { count: rank.pass, percent }));
    if (rank.unknown > 0) notes.push(note("rank.unknown", { count: rank.unknown }));
    if (rank.exempt > 0) notes.push(note("rank.exempt", { count: rank.exempt }));
    if (failed.fail > 0) notes.push(note("failed.some", { count: failed.fail }));
    else if (failed.pass > 0 && failed.unknown === 0) notes.push(note("failed.none", { count: failed.pass }));
    if (failed.unknown > 0) notes.push(note("failed.unknown", { count: failed.unknown }));
    if (failed.exempt > 0) notes.push(note("failed.exempt", { count: failed.exempt }));
  }
  const verdict = decide(ctx, ["staff.academic-rank", "staff.failed-courses"], {
    blocked: missing !== undefined || ctx.checks.length === 0,
    incomplete: rank.unknown + failed.unknown > 0,
  });
  return row("8", verdict, rules, notes);
}

function selectionRoute(ctx: Context): Indicator {
  const { read, settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "roster", field: "route" }]);
  const total = read.staff.length;
  const recorded = read.staff.filter((s) => s.route.state === "ok" && s.route.value.trim() !== "").length;
  const complete = !missing && total > 0 && recorded === total;
  const notes: (Note | undefined)[] = [];
  if (missing || recorded === 0) notes.push(note("route.not-recorded"));
  else if (complete) notes.push(note("route.recorded", { count: total }));
  else if (total > 0) notes.push(note("route.missing", { count: total - recorded, total }));
  if (settings.level === "college") notes.push(note("level.school-only"));
  return row("9", complete ? "yes" : "unknown", [], notes);
}

function congressElection(ctx: Context): Indicator {
  return row(
    "10",
    "unknown",
    [],
    [
      note("manual.congress-election"),
      ctx.input.settings.level === "college" ? note("level.school-only") : undefined,
    ],
  );
}

function congressOnSchedule(ctx: Context): Indicator {
  const rules: RuleId[] = ["congress.date-missing", "congress.overdue"];
  const { stats, settings } = ctx.input;
  const date = stats.congress?.date ?? settings.congressDate;
  const session = stats.congress?.session ?? settings.congressSession;
  const overdue = (ctx.byRule.get("congress.overdue") ?? []).some((f) => f.severity !== "info");
  return row("11", decide(ctx, rules, { blocked: date === null }), rules, [
    date === null ? note("congress.no-date") : note("congress.date", { date }),
    session !== null && date !== null ? note("congress.session", { session }) : undefined,
    date !== null
      ? note(overdue ? "congress.overdue" : "congress.within", { months: settings.congressMaxMonths })
      : undefined,
  ]);
}

function delegateRatio(ctx: Context): Indicator {
  const rules: RuleId[] = ["congress.delegate-ratio"];
  const { stats, settings } = ctx.input;
  const missing = missingNeed(ctx, [{ table: "congress" }]);
  const congress = stats.congress;
  const notes: (Note | undefined)[] = [missing];
  if (!missing && congress) {
    notes.push(
      congress.ratio !== null
        ? note("congress.delegates", {
            count: congress.delegates,
            ratio: congress.ratio,
            min: settings.delegateRatioMin,
          })
        : note("congress.delegates-count", { count: congress.delegates }),
    );
    if (congress.enrollment === null) notes.push(note("data.no-enrollment"));
  }
  notes.push(...cannotCheckNotes(ctx, rules));
  const blocked = missing !== undefined || !congress || congress.ratio === null;
  return row("congress.delegates", decide(ctx, rules, { blocked }), rules, notes);
}

function nonOfficerShare(ctx: Context): Indicator {
  const { stats, settings } = ctx.input;
  const rules: RuleId[] = ["congress.non-officer-share"];
  const share = stats.congress?.nonOfficerShare;
  return figuresRow(ctx, "congress.non-officers", rules, [{ table: "congress" }], share, (s) => [
    note("congress.non-officers", { share: s, min: settings.nonOfficerShareMin }),
  ]);
}

function reviews(ctx: Context): Indicator {
  const needs: Need[] = [{ table: "roster" }, { table: "reviews" }];
  return figuresRow(ctx, "reviews", ["review.missing"], needs, ctx.input.stats.reviews, (r) => [
    note("reviews.done", { required: r.required, done: r.done }),
    r.terms.length > 0 ? note("reviews.terms", { terms: list(r.terms, 12) }) : undefined,
  ]);
}

function trainings(ctx: Context): Indicator {
  const needs: Need[] = [{ table: "meetings" }];
  return figuresRow(ctx, "trainings", ["meeting.training"], needs, ctx.input.stats.meetings, (m) => [
    note("trainings.count", { count: m.trainings, required: ctx.input.settings.trainingsPerYear }),
  ]);
}

function chairsMeetings(ctx: Context): Indicator {
  const needs: Need[] = [{ table: "meetings" }];
  return figuresRow(ctx, "chairs-meetings", ["meeting.monthly"], needs, ctx.input.stats.meetings, (m) => [
    note("meetings.count", { count: m.chairsMeetings }),
    m.monthsWithoutChairsMeeting.length > 0
      ? note("meetings.missing-months", { months: list(m.monthsWithoutChairsMeeting, 12) })
      : undefined,
  ]);
}

/** Build the self-assessment rows (ids {@link INDICATOR_IDS}) from a run's findings, figures and records. */
export function buildIndicators(input: IndicatorInput): Indicator[] {
  const model = input.model ?? judgeModel(buildModel(input.read, input.settings), input.findings);
  const ctx: Context = { input, byRule: model.byRule, checks: model.staffChecks };
  return [
    departmentNameIndicator(ctx, "1", "structure.admin-duty"),
    departmentNameIndicator(ctx, "2", "structure.department-name"),
    staffTotal(ctx),
    presidiumSize(ctx),
    departmentCount(ctx),
    titles(ctx),
    politicalStatus(ctx),
    grades(ctx),
    selectionRoute(ctx),
    congressElection(ctx),
    congressOnSchedule(ctx),
    delegateRatio(ctx),
    nonOfficerShare(ctx),
    reviews(ctx),
    trainings(ctx),
    chairsMeetings(ctx),
  ];
}
