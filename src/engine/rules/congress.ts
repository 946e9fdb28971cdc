/**
 * The congress family: delegates are listed once and completely, number at least
 * `delegateRatioMin` of the students, are mostly not union officers, and the congress was held
 * within `congressMaxMonths` (indicator 11★, 《高校学生代表大会工作规则》).
 */
import { addMonths, type Settings } from "../settings";
import type { Finding } from "../types";
import { aggregateFinding, cellFinding, okText, type Rule, type RuleContext } from "./context";

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
    return ctx.model.delegates.duplicates.map(({ record, firstRow }) => {
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
    const actual = ctx.model.delegates.counted.length;
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
    const t = ctx.model.delegates;
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
