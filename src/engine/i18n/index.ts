/**
 * Messages: findings are plain data; their sentences come from one catalogue per language that
 * switches on the rule id (zod's locales, frictionless's error templates).
 */
import type { FieldName, Finding, Lang, RuleId, TableKind } from "../types";
import type { Catalogue } from "./catalogue";
import { en } from "./en";
import { zh } from "./zh";

export type { Catalogue } from "./catalogue";

const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { zh, en };

/** The catalogue of a language. */
export function catalogue(lang: Lang): Catalogue {
  return CATALOGUES[lang] ?? zh;
}

/** One finding as a sentence: what is wrong, the value and limit, how to fix it, and the rule's basis. */
export function formatFinding(f: Finding, lang: Lang): string {
  const c = catalogue(lang);
  return c.compose(c.problem(f), c.fixFor(f), c.basis(f.rule));
}

/** A finding's problem statement alone (what is wrong, the value and limit), without fix or basis. */
export function findingProblem(f: Finding, lang: Lang): string {
  return catalogue(lang).problem(f);
}

/** A short title of a rule, e.g. 政治面貌不符合要求. */
export function ruleTitle(rule: RuleId, lang: Lang): string {
  return catalogue(lang).title(rule);
}

/** How to fix a finding of a rule. */
export function ruleFix(rule: RuleId, lang: Lang): string {
  return catalogue(lang).fix(rule);
}

/** The indicator of the self-assessment table or the governing text a rule enforces. */
export function ruleBasis(rule: RuleId, lang: Lang): string {
  return catalogue(lang).basis(rule);
}

/** A canonical field's label, e.g. `studentId` → 学号. */
export function fieldLabel(field: FieldName, lang: Lang): string {
  return catalogue(lang).fields[field] ?? field;
}

/** A table kind's label, e.g. `roster` → 工作人员名单. */
export function tableLabel(kind: TableKind, lang: Lang): string {
  return catalogue(lang).kinds[kind] ?? kind;
}
