/**
 * The congress family: delegates are listed once and completely, number at least
 * `delegateRatioMin` of the students, are mostly not union officers, and the congress was held
 * within `congressMaxMonths` (indicator 11★, 《高校学生代表大会工作规则》).
 */
import { percent, present, str, valueText } from "../i18n/catalogue";
import { CONGRESS_RULES, GUIZE, columnLabel, zhDate } from "../i18n/labels";
import { addMonths, type Settings } from "../settings";
import type { Finding, FieldName, IsoDate } from "../types";
import { aggregateFinding, cellFinding, okText, type RuleContext } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "congress.delegate-ratio": {
      readonly actual: number;
      /** Set when the ratio cannot be checked (an info finding). */
      readonly reason?: "no-enrollment";
      readonly enrollment?: number;
      readonly limit?: number;
      readonly required?: number;
    };
    "congress.non-officer-share": {
      readonly actual: number;
      readonly limit: number;
      readonly nonOfficers: number;
      readonly delegates: number;
    };
    "congress.overdue": {
      readonly date: IsoDate | null;
      readonly limit: number;
      readonly earliest: IsoDate;
      readonly assessmentDate: IsoDate;
    };
    "congress.date-missing": { readonly limit: number; readonly assessmentDate: IsoDate };
    "congress.duplicate": { readonly name: string | null; readonly firstRow: number };
    "congress.missing-value": { readonly name: string | null; readonly field: FieldName };
  }
}

function congressSheet(ctx: RuleContext): string | undefined {
  return ctx.table("congress")?.sheet ?? ctx.read.delegates[0]?.sheet;
}

/** The earliest congress date that is still on time for the assessment date. */
export function congressDeadline(settings: Settings): string {
  return addMonths(settings.assessmentDate, -settings.congressMaxMonths);
}

/** Flags a delegate listed twice (by student id, or name without one), on the later row. */
export const congressDuplicate: Rule<"congress.duplicate"> = {
  meta: {
    id: "congress.duplicate",
    severity: "error",
    indicators: [],
    params: {
      name: "the delegate's name, or null",
      firstRow: "the row that first lists this delegate",
    },
    messages: {
      zh: {
        title: "代表重复登记",
        fix: "请删除重复的代表行，或更正学号。",
        basis: `学代会代表人数统计；${GUIZE}`,
        problem(p, f) {
          const v = valueText(f);
          return `代表“${v}”已在第${str(p.firstRow)}行登记，本行重复，只计一名。`;
        },
      },
      en: {
        title: "Delegate listed twice",
        fix: "Delete the repeated delegate row or correct the student id.",
        basis: `delegate count; ${CONGRESS_RULES}`,
        problem(p, f) {
          const v = valueText(f);
          return `Delegate ${v} is already listed in row ${str(p.firstRow)}; this row repeats it and counts once.`;
        },
      },
    },
  },
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
export const congressMissingValue: Rule<"congress.missing-value"> = {
  meta: {
    id: "congress.missing-value",
    severity: "error",
    indicators: [],
    params: {
      name: "the delegate's name, or null",
      field: "the blank cell's field",
    },
    messages: {
      zh: {
        title: "代表信息缺项",
        fix: "请补填代表信息。",
        basis: `学代会代表人数统计；${GUIZE}`,
        problem(p, f) {
          return `代表${present(p.name) ? `“${str(p.name)}”` : ""}的“${columnLabel(f.column, p.field, "zh")}”未填写。`;
        },
      },
      en: {
        title: "Missing delegate information",
        fix: "Fill in the delegate's details.",
        basis: `delegate count; ${CONGRESS_RULES}`,
        problem(p, f) {
          return `Delegate${present(p.name) ? ` ${str(p.name)}` : ""}: "${columnLabel(f.column, p.field, "en")}" is blank.`;
        },
      },
    },
  },
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
export const delegateRatio: Rule<"congress.delegate-ratio"> = {
  meta: {
    id: "congress.delegate-ratio",
    severity: "error",
    indicators: ["congress.delegates"],
    params: {
      actual: "delegates counted once",
      reason: "no-enrollment when the ratio cannot be checked",
      enrollment: "students (setting enrollment)",
      limit: "the smallest ratio (setting delegateRatioMin)",
      required: "the fewest delegates that meet it",
    },
    messages: {
      zh: {
        title: "学代会代表人数不足",
        fix: "请增加学代会代表名额，或核实基本信息表中的“在校生总数”。",
        basis: `${GUIZE}及学校学生会章程`,
        fixFor: (p) => (p.reason === "no-enrollment" ? "请在基本信息表中填写“在校生总数”。" : undefined),
        problem(p) {
          if (str(p.reason) === "no-enrollment") {
            return `学代会代表共${str(p.actual)}名，但未填写在校生总数，无法核对代表人数是否达到在校生的规定比例。`;
          }
          return `学代会代表共${str(p.actual)}名，少于在校生${str(p.enrollment)}人的${percent(Number(p.limit))}（应不少于${str(p.required)}名）。`;
        },
      },
      en: {
        title: "Too few congress delegates",
        fix: "Add delegate seats, or check 在校生总数 (enrollment) in the settings sheet.",
        basis: `${CONGRESS_RULES} and the union's charter`,
        fixFor: (p) =>
          p.reason === "no-enrollment" ? "Enter 在校生总数 (enrollment) in the settings sheet." : undefined,
        problem(p) {
          if (str(p.reason) === "no-enrollment") {
            return `There are ${str(p.actual)} delegates, but no enrollment is given, so the delegate ratio cannot be checked.`;
          }
          return `There are ${str(p.actual)} delegates, fewer than ${percent(Number(p.limit))} of ${str(p.enrollment)} students (at least ${str(p.required)} needed).`;
        },
      },
    },
  },
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
export const nonOfficerShare: Rule<"congress.non-officer-share"> = {
  meta: {
    id: "congress.non-officer-share",
    severity: "warning",
    indicators: ["congress.non-officers"],
    params: {
      actual: "the share of delegates who are not officers",
      limit: "the smallest share (setting nonOfficerShareMin)",
      nonOfficers: "delegates who are not officers",
      delegates: "delegates counted once",
    },
    messages: {
      zh: {
        title: "非学生会工作人员代表比例不足",
        fix: "请提高非学生会工作人员代表的比例。",
        basis: `${GUIZE}及学校学生会章程`,
        problem(p) {
          return `非学生会工作人员代表${str(p.nonOfficers)}名，占代表总数${str(p.delegates)}名的${percent(Number(p.actual))}，低于${percent(Number(p.limit))}。`;
        },
      },
      en: {
        title: "Too few delegates who are not officers",
        fix: "Raise the share of delegates who are not union officers.",
        basis: `${CONGRESS_RULES} and the union's charter`,
        problem(p) {
          return `${str(p.nonOfficers)} of ${str(p.delegates)} delegates (${percent(Number(p.actual))}) are not union officers, below ${percent(Number(p.limit))}.`;
        },
      },
    },
  },
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

/**
 * Flags a missing congress date. Apart from `congress.overdue` so the title claims only what is
 * known: without a date the congress may well have been held on time (未填写, not 未按期召开).
 */
export const congressDateMissing: Rule<"congress.date-missing"> = {
  meta: {
    id: "congress.date-missing",
    severity: "error",
    indicators: ["11"],
    params: {
      limit: "months allowed (setting congressMaxMonths)",
      assessmentDate: "the assessment date",
    },
    messages: {
      zh: {
        title: "未填写学代会召开日期",
        fix: "请在基本信息表中填写“学生代表大会召开日期”。",
        basis: `自评表第11项★；${GUIZE}`,
        problem: (p) =>
          `未填写学生代表大会召开日期，无法确认是否在评估基准日（${zhDate(str(p.assessmentDate))}）前${str(p.limit)}个月内召开。`,
      },
      en: {
        title: "Congress date not given",
        fix: "Enter 学生代表大会召开日期 (the congress date) in the settings sheet.",
        basis: `self-assessment item 11★; ${CONGRESS_RULES}`,
        problem: (p) =>
          `No congress date is given, so it cannot be shown that a congress was held within ${str(p.limit)} months before ${str(p.assessmentDate)}.`,
      },
    },
  },
  run(ctx) {
    const { congressDate, congressMaxMonths, assessmentDate } = ctx.settings;
    if (congressDate !== null) return [];
    const sheet = ctx.table("settings")?.sheet ?? congressSheet(ctx);
    return [
      aggregateFinding("congress.date-missing", "error", sheet, { limit: congressMaxMonths, assessmentDate }),
    ];
  },
};

/** Flags a congress date more than `congressMaxMonths` before the assessment date. */
export const congressOverdue: Rule<"congress.overdue"> = {
  meta: {
    id: "congress.overdue",
    severity: "error",
    indicators: ["11"],
    params: {
      date: "the congress date, or null when none is given",
      limit: "months allowed (setting congressMaxMonths)",
      earliest: "the earliest date still on time",
      assessmentDate: "the assessment date",
    },
    messages: {
      zh: {
        title: "学生代表大会未按期召开",
        fix: "请按期召开学生代表大会，并在基本信息表中填写“学生代表大会召开日期”。",
        basis: `自评表第11项★；${GUIZE}`,
        problem(p) {
          if (!present(p.date)) {
            return `未填写学生代表大会召开日期，无法确认是否在评估基准日（${zhDate(str(p.assessmentDate))}）前${str(p.limit)}个月内召开。`;
          }
          return `学生代表大会召开日期为${zhDate(str(p.date))}，早于${zhDate(str(p.earliest))}，距评估基准日（${zhDate(str(p.assessmentDate))}）已超过${str(p.limit)}个月。`;
        },
      },
      en: {
        title: "Student congress overdue",
        fix: "Hold the student congress on schedule and enter 学生代表大会召开日期 in the settings sheet.",
        basis: `self-assessment item 11★; ${CONGRESS_RULES}`,
        problem(p) {
          if (!present(p.date)) {
            return `No congress date is given, so it cannot be shown that a congress was held within ${str(p.limit)} months before ${str(p.assessmentDate)}.`;
          }
          return `The congress was held on ${str(p.date)}, before ${str(p.earliest)}: more than ${str(p.limit)} months before the assessment date ${str(p.assessmentDate)}.`;
        },
      },
    },
  },
  run(ctx) {
    const { congressDate, congressMaxMonths, assessmentDate } = ctx.settings;
    const earliest = congressDeadline(ctx.settings);
    // A missing date is congress.date-missing: this finding claims a date too early.
    if (congressDate === null || congressDate >= earliest) return [];
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
