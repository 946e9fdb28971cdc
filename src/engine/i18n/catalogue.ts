/**
 * The shape of a message catalogue (one per language) and small helpers the rules' messages share
 * to print a finding's value, its typed params and percents.
 */
import type { FieldName, Finding, FindingValue, RuleId, TableKind } from "../types";

/** Everything a language must say: per rule a title, a fix and the text it enforces; per finding a sentence. */
export interface Catalogue {
  /** A short name of the rule, for headings and the problems sheet. */
  title(rule: RuleId): string;
  /** How to fix a finding of this rule. */
  fix(rule: RuleId): string;
  /** The indicator or governing text the rule enforces. */
  basis(rule: RuleId): string;
  /** What is wrong, with the value found and the limit. */
  problem(f: Finding): string;
  /** The fix for one finding (some findings need a different fix than their rule's). */
  fixFor(f: Finding): string;
  /** Joins problem, fix and basis into one message. */
  compose(problem: string, fix: string, basis: string): string;
  /** Labels of canonical fields and table kinds. */
  readonly fields: Readonly<Record<FieldName, string>>;
  readonly kinds: Readonly<Record<TableKind, string>>;
}

/** The finding's quoted value as text ("" when absent). */
export function valueText(f: Finding): string {
  return f.value === undefined || f.value === null ? "" : String(f.value);
}

/** A number without float noise: at most two decimals. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** A ratio 0..1 as a percent with at most two decimals: 0.01 → "1%", 0.6 → "60%". */
export function percent(ratio: number): string {
  return Number.isFinite(ratio) ? `${round2(ratio * 100)}%` : "?";
}

/** A typed param as message text ("" when absent or null). */
export function str(v: FindingValue | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}

/** True when a typed param is present, not null and not empty. */
export function present(v: FindingValue | undefined): boolean {
  return v !== undefined && v !== null && v !== "";
}
