/**
 * Every rule, run in one pass over the read workbook. A rule that throws on data it did not expect
 * becomes one info finding under its own id and the run goes on (frictionless's validate loop).
 */
import { buildModel, type RecordsModel } from "../model";
import type { Settings } from "../settings";
import type { Finding, ReadResult, RuleId } from "../types";
import { createContext, type Rule } from "./context";
import { academicRank } from "./academicRank";
import {
  activityDate,
  activityDuplicate,
  activityHours,
  activityMissingValue,
  activityOutOfPeriod,
} from "./activities";
import {
  congressDuplicate,
  congressMissingValue,
  congressOverdue,
  delegateRatio,
  nonOfficerShare,
} from "./congress";
import { adminDuty, departmentCount, departmentHeads, departmentName } from "./departments";
import { failedCourses } from "./failedCourses";
import { meetingMonthly, meetingTraining } from "./meetings";
import { politicalStatus } from "./politicalStatus";
import { presidiumSize } from "./presidiumSize";
import { reviewMissing, reviewScore } from "./reviews";
import { staffDuplicate } from "./staffDuplicate";
import { staffRequired } from "./staffRequired";
import { staffTitle } from "./staffTitle";
import { staffTotal } from "./staffTotal";

export type { Rule, RuleContext, CellLocation } from "./context";
export { createContext } from "./context";

/** Every rule in the order they run (the report sorts findings by place, so order only matters for ties). */
export const RULES: readonly Rule[] = [
  staffRequired,
  politicalStatus,
  academicRank,
  failedCourses,
  staffTitle,
  staffDuplicate,
  staffTotal,
  presidiumSize,
  departmentCount,
  departmentHeads,
  departmentName,
  adminDuty,
  delegateRatio,
  nonOfficerShare,
  congressOverdue,
  congressDuplicate,
  congressMissingValue,
  activityHours,
  activityDate,
  activityOutOfPeriod,
  activityDuplicate,
  activityMissingValue,
  reviewMissing,
  reviewScore,
  meetingTraining,
  meetingMonthly,
];

/** Rule ids produced by the reader rather than by a rule here. */
export const READER_RULE_IDS: readonly RuleId[] = [
  "table.missing",
  "table.missing-column",
  "settings.invalid-value",
];

/** Run one rule, turning an unexpected exception into an info finding under the rule's own id. */
export function runOne(rule: Rule, ctx: ReturnType<typeof createContext>): Finding[] {
  try {
    return rule.run(ctx);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return [{ rule: rule.ids[0], severity: "info", params: { reason: "internal", detail } }];
  }
}

/** Run every rule over the read workbook with the resolved settings and the check's model; never throws. */
export function runRules(
  read: ReadResult,
  settings: Settings,
  rules: readonly Rule[] = RULES,
  model: RecordsModel = buildModel(read, settings),
): Finding[] {
  const ctx = createContext(read, settings, model);
  const out: Finding[] = [];
  for (const rule of rules) for (const f of runOne(rule, ctx)) out.push(f);
  return out;
}
