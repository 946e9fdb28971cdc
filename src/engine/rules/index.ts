/**
 * Every rule, run in one pass over the read workbook. A rule that throws on data it did not expect
 * becomes one info finding under its own id and the run goes on (frictionless's validate loop).
 */
import { buildModel, type RecordsModel } from "../model";
import type { Settings } from "../settings";
import type { Finding, ReadResult, RuleId } from "../types";
import { createContext } from "./context";
import type { Rule } from "./rule";
import { academicRank } from "./academicRank";
import {
  activityDate,
  activityDuplicate,
  activityHours,
  activityMissingValue,
  activityOutOfPeriod,
} from "./activities";
import {
  congressDateMissing,
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
import { settingsInvalidValue, tableMissing, tableMissingColumn } from "./reading";
import { reviewMissing, reviewScore } from "./reviews";
import { staffDuplicate } from "./staffDuplicate";
import { staffInvalidValue, staffMissingValue } from "./staffRequired";
import { staffTitle } from "./staffTitle";
import { staffTotal } from "./staffTotal";

export type { RuleContext, CellLocation } from "./context";
export type { MessageParams, Rule, RuleMessages, RuleMeta } from "./rule";
export { createContext } from "./context";

/**
 * The registry: every rule, one line each. The order is the rules' order everywhere (the id list,
 * ties in the findings' sort, the pane's grouping); a new rule goes where its family is.
 */
const REGISTRY = [
  politicalStatus,
  academicRank,
  failedCourses,
  staffTitle,
  staffDuplicate,
  staffMissingValue,
  staffInvalidValue,
  staffTotal,
  presidiumSize,
  departmentCount,
  departmentHeads,
  departmentName,
  adminDuty,
  delegateRatio,
  nonOfficerShare,
  congressDateMissing,
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
  tableMissing,
  tableMissingColumn,
  settingsInvalidValue,
] as const;

// Every id a rule file declares (RuleParamsById) must be registered: a rule file left out of the
// registry fails to compile here.
type Registered = (typeof REGISTRY)[number]["meta"]["id"];
const everyIdRegistered: [Exclude<RuleId, Registered>] extends [never] ? true : never = true;
void everyIdRegistered;

/** Every rule, in registry order (rules without `run` describe the reader's findings). */
export const RULES: readonly Rule[] = REGISTRY;

/** Every rule id, in registry order: derived from the rules. */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.meta.id);

/** Rule ids produced by the reader rather than by a rule's run. */
export const READER_RULE_IDS: readonly RuleId[] = RULES.filter((r) => r.run === undefined).map(
  (r) => r.meta.id,
);

const BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));

/** The rule of an id, or undefined for an id this version does not know (an old report). */
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** Run one rule, turning an unexpected exception into an info finding under the rule's own id. */
export function runOne(rule: Rule, ctx: ReturnType<typeof createContext>): Finding[] {
  if (rule.run === undefined) return [];
  try {
    return rule.run(ctx);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // The id is the rule's own, so the finding fits it; TypeScript cannot pair a union id with its params.
    return [{ rule: rule.meta.id, severity: "info", params: { reason: "internal", detail } } as Finding];
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
