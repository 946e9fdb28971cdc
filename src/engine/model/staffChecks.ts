/**
 * The eligibility of each staff member (status, rank, failed courses) as the findings decided it.
 * Nothing is re-judged here: a check fails exactly when a finding of its rule sits on that roster
 * row, and exemptions come from the rules' own roster view, so the 资格审查 sheet, indicator 8 and
 * the report sentence can never disagree with the 问题清单.
 */
import type { FieldName, Finding, ReadResult, RuleId, StaffRecord } from "../types";
import type { RosterView } from "./roster";

/** The outcome of one check of one person: passed, failed, exempt, or not decidable from the data. */
export type CheckState = "pass" | "fail" | "exempt" | "unknown";

/** One roster row with the outcome of each eligibility check. */
export interface StaffCheck {
  readonly staff: StaffRecord;
  readonly political: CheckState;
  readonly rank: CheckState;
  readonly failed: CheckState;
  /** `no` when any check failed, `unknown` when one could not be decided, else `yes`. */
  readonly eligible: "yes" | "no" | "unknown";
}

/** The key of a finding's or record's location: sheet and 1-based row. */
export function locationKey(sheet: string, row: number): string {
  return `${sheet}\u0000${row}`;
}

/** Findings grouped by their sheet and row (findings without a row are left out). */
export function findingsByLocation(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet === undefined || f.row === undefined) continue;
    const key = locationKey(f.sheet, f.row);
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

/** Findings grouped by rule id. */
export function findingsByRule(findings: readonly Finding[]): Map<RuleId, Finding[]> {
  const out = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.rule);
    if (list) list.push(f);
    else out.set(f.rule, [f]);
  }
  return out;
}

/**
 * A resolver from a finding to the field of its column: `params.field` when a rule gives it, else
 * the column letter of `cell`, else the header text, looked up in the recognised table of its sheet.
 */
export function fieldResolver(read: ReadResult): (f: Finding) => FieldName | undefined {
  const bySheet = new Map<string, { letters: Map<string, FieldName>; headers: Map<string, FieldName> }>();
  const known = new Set<string>();
  for (const t of read.tables) {
    if (bySheet.has(t.sheet)) continue;
    const letters = new Map<string, FieldName>();
    const headers = new Map<string, FieldName>();
    for (const c of t.columns) {
      letters.set(c.letter.toUpperCase(), c.field);
      headers.set(c.header, c.field);
      known.add(c.field);
    }
    bySheet.set(t.sheet, { letters, headers });
  }
  return (f) => {
    const given = f.params !== undefined && "field" in f.params ? f.params.field : undefined;
    if (typeof given === "string" && known.has(given)) return given as FieldName;
    const maps = f.sheet === undefined ? undefined : bySheet.get(f.sheet);
    if (!maps) return undefined;
    const letter = f.cell === undefined ? undefined : /^\$?([A-Za-z]+)\$?\d+$/.exec(f.cell)?.[1];
    if (letter !== undefined) {
      const field = maps.letters.get(letter.toUpperCase());
      if (field) return field;
    }
    return f.column === undefined ? undefined : maps.headers.get(f.column);
  };
}

const DATA_RULES: ReadonlySet<RuleId> = new Set<RuleId>(["staff.missing-value", "staff.invalid-value"]);

/**
 * Each roster row's checks: a finding of the check's rule → fail; a missing/invalid-value finding on
 * its column → unknown; an exemption (first-year, graduate student) → exempt; a readable value →
 * pass; otherwise unknown.
 */
export function staffChecks(
  read: ReadResult,
  roster: RosterView,
  findings: readonly Finding[],
): StaffCheck[] {
  const byLocation = findingsByLocation(findings);
  const fieldOf = fieldResolver(read);
  return roster.all.map((view) => {
    const staff = view.record;
    const here = byLocation.get(locationKey(staff.sheet, staff.row)) ?? [];
    const ruleHit = (rule: RuleId): boolean => here.some((f) => f.rule === rule);
    const dataHit = (fields: readonly FieldName[]): boolean =>
      here.some((f) => {
        if (!DATA_RULES.has(f.rule)) return false;
        const field = fieldOf(f);
        return field !== undefined && fields.includes(field);
      });

    const political: CheckState = ruleHit("staff.political-status")
      ? "fail"
      : dataHit(["political"]) || staff.political.state !== "ok"
        ? "unknown"
        : "pass";
    const rank: CheckState = ruleHit("staff.academic-rank")
      ? "fail"
      : dataHit(["rank", "majorSize"])
        ? "unknown"
        : view.rankExempt
          ? "exempt"
          : staff.rank.state === "ok"
            ? "pass"
            : "unknown";
    const failed: CheckState = ruleHit("staff.failed-courses")
      ? "fail"
      : dataHit(["failed"])
        ? "unknown"
        : view.failedExempt
          ? "exempt"
          : staff.failed.state === "ok"
            ? "pass"
            : "unknown";
    const states = [political, rank, failed];
    const eligible = states.includes("fail") ? "no" : states.includes("unknown") ? "unknown" : "yes";
    return { staff, political, rank, failed, eligible };
  });
}
