/**
 * The congress family: delegates are listed once and completely, number at least
 * `delegateRatioMin` of the students, are mostly not union officers, and the congress was held
 * within `congressMaxMonths` (indicator 11★, 《高校学生代表大会工作规则》).
 */
import { addMonths, type Settings } from "../settings";
import type { DelegateRecord, Finding } from "../types";
import { aggregateFinding, cellFinding, okText, personKey, type Rule, type RuleContext } from "./context";
import { rosterView } from "./roster";

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

const cache = new WeakMap<RuleContext, DelegateTally>();

function tally(ctx: RuleContext): DelegateTally {
  let t = cache.get(ctx);
  if (!t) {
    t = delegateTally(ctx.read.delegates, rosterView(ctx).ids);
    cache.set(ctx, t);
  }
  return t;
}

function congressSheet(ctx: RuleContext): string | undefined {
  return ctx.table("congress")?.sheet ?? ctx.read.delegates[0]?.sheet;
}

/** The earliest congress date that is still on time for the assessment date. */
export function congressDeadline(settings: Settings): string {
  return addMonths(settings.assessmentDate, -settings.congressMaxMonths);
}

/** Flags a delegate listed twice (by student id, or name without one), on the later row. */
export const congressDuplicate: Rule = {
  ids: ["congress.duplicate"],
  run(ctx) {
    return tally(ctx).duplicates.map(({ record, firstRow }) => {
      const field = okText(record.studentId) !== undefined ? "studentId" : "name";
      return cellFinding(ctx, "congress.duplicate", "error", record, field, record[field], {
        name: okText(record.name) ?? null,
        firstRow,
      });
    });
  },
};

const REQUIRED_DELEGATE_FIELDS = ["name", "studentId", "college", "class"] as const;

/** Flags a blank name, student id, college or class (when the sheet has that column). */
export const congressMissingValue: Rule = {
  ids: ["congress.missing-value"],
  run(ctx) {
    const out: Finding[] = [];
    for (const d of ctx.read.delegates) {
      for (const field of REQUIRED_DELEGATE_FIELDS) {
        if (d[field].state !== "blank" || !ctx.hasColumn(d, field)) continue;
        out.push(
          cellFinding(ctx, "congress.missing-value", "error", d, field, d[field], {
            name: okText(d.name) ?? null,
            field,
          }),
        );
      }
    }
    return out;
  },
};

/** Flags too few delegates for the enrollment; without an enrollment, says it cannot check (info). */
export const delegateRatio: Rule = {
  ids: ["congress.delegate-ratio"],
  run(ctx) {
    if (!ctx.has("congress")) return [];
    const actual = tally(ctx).counted.length;
    const { enrollment, delegateRatioMin } = ctx.settings;
    const sheet = congressSheet(ctx);
    if (enrollment === null) {
      return [
        aggregateFinding("congress.delegate-ratio", "info", sheet, { reason: "no-enrollment", actual }),
      ];
    }
    // The epsilon keeps 138 delegates of 13,800 students at exactly 1% from failing on rounding.
    const needed = delegateRatioMin * enrollment;
    if (actual >= needed - 1e-9) return [];
    return [
      aggregateFinding("congress.delegate-ratio", "error", sheet, {
        actual,
        enrollment,
        limit: delegateRatioMin,
        required: Math.ceil(needed - 1e-9),
      }),
    ];
  },
};

/** Warns when the share of delegates who are not union officers is below `nonOfficerShareMin`. */
export const nonOfficerShare: Rule = {
  ids: ["congress.non-officer-share"],
  run(ctx) {
    const t = tally(ctx);
    const delegates = t.counted.length;
    if (delegates === 0) return [];
    const nonOfficers = delegates - t.officers;
    const actual = nonOfficers / delegates;
    const limit = ctx.settings.nonOfficerShareMin;
    if (actual >= limit - 1e-9) return [];
    return [
      aggregateFinding("congress.non-officer-share", "warning", congressSheet(ctx), {
        actual,
        limit,
        nonOfficers,
        delegates,
      }),
    ];
  },
};

/** Flags a missing congress date, or one more than `congressMaxMonths` before the assessment date. */
export const congressOverdue: Rule = {
  ids: ["congress.overdue"],
  run(ctx) {
    const { congressDate, congressMaxMonths, assessmentDate } = ctx.settings;
    const earliest = congressDeadline(ctx.settings);
    if (congressDate !== null && congressDate >= earliest) return [];
    // The date is a setting, so point at the settings sheet when there is one.
    const sheet = ctx.table("settings")?.sheet ?? congressSheet(ctx);
    return [
      aggregateFinding("congress.overdue", "error", sheet, {
        date: congressDate,
        limit: congressMaxMonths,
        earliest,
        assessmentDate,
      }),
    ];
  },
};
