/**
 * The activity family: each row of the activity / volunteer log has a readable date inside the
 * period, positive hours within `maxHoursPerRecord`, an activity and a participant, and is not a
 * repeat of an earlier row. These figures go into the report's volunteer-service sentence.
 * Every rule is one linear pass (a 200,000-row log must check in well under a second).
 */
import { str, valueText } from "../i18n/catalogue";
import { zhDate } from "../i18n/labels";
import type { ActivityRecord, Finding, IsoDate } from "../types";
import { SessionMembers } from "../model";
import { cellFinding, okText, periodTest, recordFindings } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "activity.hours": {
      readonly reason: "blank" | "invalid" | "not-positive" | "too-many";
      readonly limit: number;
    };
    "activity.date": { readonly reason: "blank" | "invalid" };
    "activity.out-of-period": { readonly start: IsoDate; readonly end: IsoDate };
    "activity.duplicate": { readonly firstRow: number; readonly activity: string; readonly date: IsoDate };
    "activity.missing-value": { readonly field: "activity" | "participant" };
  }
}

/** Why an hours cell fails, or undefined when it is fine. */
export function hoursProblem(
  r: ActivityRecord,
  maxHours: number,
): "blank" | "invalid" | "not-positive" | "too-many" | undefined {
  const h = r.hours;
  if (h.state === "blank") return "blank";
  if (h.state === "invalid" || !Number.isFinite(h.value)) return "invalid";
  if (h.value <= 0) return "not-positive";
  if (h.value > maxHours) return "too-many";
  return undefined;
}

/** Flags hours that are blank, unreadable, ≤ 0 or above `maxHoursPerRecord`. */
export const activityHours: Rule<"activity.hours"> = {
  meta: {
    id: "activity.hours",
    severity: "error",
    indicators: [],
    params: {
      reason: "blank, invalid, not-positive or too-many",
      limit: "the cap per row (setting maxHoursPerRecord)",
    },
    messages: {
      zh: {
        title: "活动时长有误",
        fix: "请填写大于0且不超过上限的时长（单位：小时）。",
        basis: "志愿服务时长统计（自评报告）",
        problem(p, f) {
          const v = valueText(f);
          switch (str(p.reason)) {
            case "blank":
              return "活动时长未填写。";
            case "not-positive":
              return `活动时长为${v}，应大于0。`;
            case "too-many":
              return `活动时长为${v}小时，超过单条记录上限${str(p.limit)}小时。`;
            default:
              return `活动时长“${v}”不是有效的数字。`;
          }
        },
      },
      en: {
        title: "Invalid hours",
        fix: "Enter hours greater than 0 and within the cap.",
        basis: "volunteer-service hours in the self-assessment report",
        problem(p, f) {
          const v = valueText(f);
          switch (str(p.reason)) {
            case "blank":
              return "The hours are blank.";
            case "not-positive":
              return `The hours are ${v}; they must be greater than 0.`;
            case "too-many":
              return `The hours are ${v}, over the per-row cap of ${str(p.limit)}.`;
            default:
              return `The hours "${v}" are not a number.`;
          }
        },
      },
    },
  },
  run(ctx) {
    const limit = ctx.settings.maxHoursPerRecord;
    return recordFindings(ctx, "activity.hours", "error", ctx.read.activities, "hours", (r) => {
      const reason = hoursProblem(r, limit);
      return reason === undefined ? undefined : { reason, limit };
    });
  },
};

/** Flags a blank or unreadable date. */
export const activityDate: Rule<"activity.date"> = {
  meta: {
    id: "activity.date",
    severity: "error",
    indicators: [],
    params: {
      reason: "blank or invalid",
    },
    messages: {
      zh: {
        title: "活动日期有误",
        fix: "请填写有效日期，如2022-03-08。",
        basis: "志愿服务统计（自评报告）",
        problem(p, f) {
          const v = valueText(f);
          return str(p.reason) === "blank"
            ? "活动日期未填写。"
            : `活动日期“${v}”无法识别（或不是真实存在的日期）。`;
        },
      },
      en: {
        title: "Invalid activity date",
        fix: "Enter a real date such as 2022-03-08.",
        basis: "volunteer-service figures in the self-assessment report",
        problem(p, f) {
          const v = valueText(f);
          return str(p.reason) === "blank"
            ? "The date is blank."
            : `The date "${v}" cannot be read (or does not exist).`;
        },
      },
    },
  },
  run(ctx) {
    return recordFindings(ctx, "activity.date", "error", ctx.read.activities, "date", (r) =>
      r.date.state === "ok" ? undefined : { reason: r.date.state },
    );
  },
};

/** Notes a date outside the period; the row is left out of the figures. */
export const activityOutOfPeriod: Rule<"activity.out-of-period"> = {
  meta: {
    id: "activity.out-of-period",
    severity: "info",
    indicators: [],
    params: {
      start: "the period's first day",
      end: "the period's last day",
    },
    messages: {
      zh: {
        title: "活动不在统计期内",
        fix: "无需处理；如统计期有误，请修改基本信息表中的“统计开始日期”“统计截止日期”。",
        basis: "志愿服务统计（自评报告）",
        problem(p, f) {
          const v = valueText(f);
          return `活动日期${zhDate(v)}不在统计期（${zhDate(str(p.start))}至${zhDate(str(p.end))}）内，本行不计入统计。`;
        },
      },
      en: {
        title: "Activity outside the period",
        fix: "Nothing to do; if the period is wrong, change 统计开始日期 / 统计截止日期 in the settings sheet.",
        basis: "volunteer-service figures in the self-assessment report",
        problem(p, f) {
          const v = valueText(f);
          return `The date ${v} is outside the period ${str(p.start)} to ${str(p.end)}; the row is left out of the figures.`;
        },
      },
    },
  },
  run(ctx) {
    const { periodStart: start, periodEnd: end } = ctx.settings;
    const inPeriod = periodTest(ctx.settings);
    return recordFindings(ctx, "activity.out-of-period", "info", ctx.read.activities, "date", (r) =>
      r.date.state !== "ok" || inPeriod(r.date.value) ? undefined : { start, end },
    );
  },
};

/** Flags a blank activity name, and a row with neither student id nor name. */
export const activityMissingValue: Rule<"activity.missing-value"> = {
  meta: {
    id: "activity.missing-value",
    severity: "error",
    indicators: [],
    params: {
      field: "activity (no name) or participant (neither id nor name)",
    },
    messages: {
      zh: {
        title: "活动记录缺项",
        fix: "请补填活动名称，以及参加人的学号或姓名。",
        basis: "志愿服务统计（自评报告）",
        problem(p) {
          return str(p.field) === "participant" ? "参加人的学号和姓名均未填写。" : "活动名称未填写。";
        },
      },
      en: {
        title: "Missing activity information",
        fix: "Fill in the activity name and the participant's student id or name.",
        basis: "volunteer-service figures in the self-assessment report",
        problem(p) {
          return str(p.field) === "participant"
            ? "Neither the participant's student id nor name is given."
            : "The activity name is blank.";
        },
      },
    },
  },
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.read.activities) {
      // The cheap value tests come first: the column lookups only run for the rare blank cell.
      if (okText(r.activity) === undefined && ctx.hasColumn(r, "activity")) {
        out.push(
          cellFinding(ctx, "activity.missing-value", "error", r, "activity", r.activity, {
            field: "activity",
          }),
        );
      }
      // No participant: neither a student id nor a name (what personKey would call undefined).
      if (okText(r.studentId) !== undefined || okText(r.name) !== undefined) continue;
      if (ctx.hasColumn(r, "studentId") || ctx.hasColumn(r, "name")) {
        // Point at the student id column when the sheet has one, else at the name column.
        const field = ctx.hasColumn(r, "studentId") ? "studentId" : "name";
        out.push(
          cellFinding(ctx, "activity.missing-value", "error", r, field, r[field], { field: "participant" }),
        );
      }
    }
    return out;
  },
};

/** Warns about a row repeating an earlier row's person, activity and date (it counts once). */
export const activityDuplicate: Rule<"activity.duplicate"> = {
  meta: {
    id: "activity.duplicate",
    severity: "warning",
    indicators: [],
    params: {
      firstRow: "the row this one repeats",
      activity: "the activity's name",
      date: "the session's date",
    },
    messages: {
      zh: {
        title: "活动记录重复",
        fix: "请删除重复的行；如确为两次活动，请在活动名称或日期上加以区分。",
        basis: "志愿服务人次统计（自评报告）",
        problem(p) {
          return `与第${str(p.firstRow)}行为同一人、同一活动（${str(p.activity)}）、同一日期（${zhDate(str(p.date))}），重复记录只计一次。`;
        },
      },
      en: {
        title: "Repeated activity row",
        fix: "Delete the repeated row; if these were two sessions, tell them apart by name or date.",
        basis: "volunteer-service person-times in the self-assessment report",
        problem(p) {
          return `Same person, activity (${str(p.activity)}) and date (${str(p.date)}) as row ${str(p.firstRow)}; counted once.`;
        },
      },
    },
  },
  run(ctx) {
    // Sessions (date + activity) and people are numbered once (shared with the figures), and each
    // session keeps a short list of who joined it: no string key and no Map per person per row,
    // which matters on a 200,000-row log. Rows outside the period get no session (the figures
    // leave them out anyway; flagging repeats there is noise).
    const activities = ctx.read.activities;
    const index = ctx.model.activityIndex;
    const members = new SessionMembers(index.sessionActivity.length);
    const out: Finding[] = [];
    for (let i = 0; i < activities.length; i++) {
      const session = index.session[i] as number;
      if (session < 0) continue;
      const r = activities[i] as ActivityRecord;
      const first = members.firstRow(session, index.person[i] as number, r.row);
      if (first === undefined) continue;
      const field = okText(r.studentId) !== undefined ? "studentId" : "name";
      out.push(
        cellFinding(ctx, "activity.duplicate", "warning", r, field, r[field], {
          firstRow: first,
          activity: index.sessionActivity[session] as string,
          date: index.sessionDate[session] as string,
        }),
      );
    }
    return out;
  },
};
