/**
 * `staff.missing-value` / `staff.invalid-value`: the cells the eligibility and structure checks
 * need are filled in and readable. An unreadable rank, failed-course or status cell is reported
 * here once; the rules that use those cells skip it.
 */
import { valueText } from "../i18n/catalogue";
import { columnLabel, who } from "../i18n/labels";
import { STAFF_FIELDS, staffName, type StaffView } from "../model";
import type { FieldName, Finding, Parsed } from "../types";
import { cellFinding, type RuleContext } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "staff.missing-value": { readonly name: string | null; readonly field: FieldName };
    "staff.invalid-value": { readonly name: string | null; readonly field: FieldName };
  }
}

type StaffField = (typeof STAFF_FIELDS)[number];

/** Whether a blank cell of this field is a problem for this staff member. */
function required(field: StaffField, v: StaffView): boolean {
  switch (field) {
    case "name":
    case "studentId":
    case "title":
    case "political":
      return true;
    case "rank":
      return !v.rankExempt;
    case "failed":
      return !v.failedExempt;
    case "department":
      return !v.presidium;
    default:
      return false;
  }
}

/** Whether an unreadable cell of this field matters (an exempt rank or failed-course cell does not). */
function checked(field: StaffField, v: StaffView): boolean {
  if (field === "rank") return !v.rankExempt;
  if (field === "failed") return !v.failedExempt;
  return true;
}

/** The roster's blank (`blank`) or unreadable (`invalid`) cells that matter for each staff member. */
function staffCells(
  ctx: RuleContext,
  state: "blank" | "invalid",
  rule: "staff.missing-value" | "staff.invalid-value",
): Finding[] {
  const out: Finding[] = [];
  for (const v of ctx.model.roster.all) {
    for (const field of STAFF_FIELDS) {
      const p = v.record[field] as Parsed<unknown>;
      if (p.state !== state) continue;
      // A column the sheet lacks is reported once by the reader (table.missing-column), not per row.
      if (!ctx.hasColumn(v.record, field)) continue;
      if (state === "blank" ? !required(field, v) : !checked(field, v)) continue;
      out.push(cellFinding(ctx, rule, "error", v.record, field, p, { name: staffName(v.record), field }));
    }
  }
  return out;
}

/** Flags blank cells the rules need (rank and failed courses only where the person is not exempt). */
export const staffMissingValue: Rule<"staff.missing-value"> = {
  meta: {
    id: "staff.missing-value",
    severity: "error",
    indicators: ["7", "8"],
    params: {
      name: "the staff member's name, or null",
      field: "the blank cell's field",
    },
    messages: {
      zh: {
        title: "工作人员信息缺项",
        fix: "请补填该单元格。",
        basis: "自评表第6—8项（资格审查所需信息）",
        problem(p, f) {
          return `${who(p.name, "zh")}的“${columnLabel(f.column, p.field, "zh")}”未填写。`;
        },
      },
      en: {
        title: "Missing staff information",
        fix: "Fill in the cell.",
        basis: "self-assessment items 6–8 (eligibility data)",
        problem(p, f) {
          return `${who(p.name, "en")}: "${columnLabel(f.column, p.field, "en")}" is blank.`;
        },
      },
    },
  },
  run: (ctx) => staffCells(ctx, "blank", "staff.missing-value"),
};

/** Flags cells that cannot be read (an exempt rank or failed-course cell does not matter). */
export const staffInvalidValue: Rule<"staff.invalid-value"> = {
  meta: {
    id: "staff.invalid-value",
    severity: "error",
    indicators: ["7", "8"],
    params: {
      name: "the staff member's name, or null",
      field: "the unreadable cell's field",
    },
    messages: {
      zh: {
        title: "工作人员信息无法识别",
        fix: "请按常见格式改写该单元格，例如排名写作“5/120”或“前10%”，年级写作“2021级”。",
        basis: "自评表第6—8项（资格审查所需信息）",
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "zh")}的“${columnLabel(f.column, p.field, "zh")}”为“${v}”，无法识别。`;
        },
      },
      en: {
        title: "Unreadable staff information",
        fix: "Rewrite the cell in a usual form, e.g. a rank as 5/120 or 前10%, a year as 2021级.",
        basis: "self-assessment items 6–8 (eligibility data)",
        problem(p, f) {
          const v = valueText(f);
          return `${who(p.name, "en")}: "${columnLabel(f.column, p.field, "en")}" reads "${v}", which cannot be read.`;
        },
      },
    },
  },
  run: (ctx) => staffCells(ctx, "invalid", "staff.invalid-value"),
};
