/**
 * `staff.missing-value` / `staff.invalid-value`: the cells the eligibility and structure checks
 * need are filled in and readable. An unreadable rank, failed-course or status cell is reported
 * here once; the rules that use those cells skip it.
 */
import type { Finding, Parsed, StaffRecord } from "../types";
import { cellFinding, type Rule } from "./context";
import { staffName, type StaffView } from "../model";

type StaffField = Exclude<keyof StaffRecord, "sheet" | "row">;

/** Every roster field, in the order a roster usually lists them. */
const STAFF_FIELDS: readonly StaffField[] = [
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
];

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

/** Flags blank required cells and unreadable cells on the roster. */
export const staffRequired: Rule = {
  ids: ["staff.missing-value", "staff.invalid-value"],
  run(ctx) {
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      for (const field of STAFF_FIELDS) {
        const p = v.record[field] as Parsed<unknown>;
        if (p.state === "ok") continue;
        // A column the sheet lacks is reported once by the reader (table.missing-column), not per row.
        if (!ctx.hasColumn(v.record, field)) continue;
        const params = { name: staffName(v.record), field };
        if (p.state === "blank" && required(field, v)) {
          out.push(cellFinding(ctx, "staff.missing-value", "error", v.record, field, p, params));
        } else if (p.state === "invalid" && checked(field, v)) {
          out.push(cellFinding(ctx, "staff.invalid-value", "error", v.record, field, p, params));
        }
      }
    }
    return out;
  },
};
