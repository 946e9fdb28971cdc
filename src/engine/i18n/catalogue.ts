/**
 * The shape of a message catalogue (one per language) and small helpers the catalogues share to
 * read a finding's params and print numbers, percents and dates.
 */
import type { FieldName, Finding, RuleId, TableKind } from "../types";

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

/** A param as text ("" when absent). */
export function text(f: Finding, key: string): string {
  const v = f.params?.[key];
  return v === undefined || v === null ? "" : String(v);
}

/** A param as a number (NaN when absent or not numeric). */
export function num(f: Finding, key: string): number {
  const v = f.params?.[key];
  return typeof v === "number" ? v : Number(v ?? Number.NaN);
}

/** True when a param is present and not null. */
export function has(f: Finding, key: string): boolean {
  const v = f.params?.[key];
  return v !== undefined && v !== null && v !== "";
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

/**
 * Exhaustiveness guard for a switch over rule ids: a new rule id without a case fails to compile;
 * at run time (a rule id from an old JSON file) the fallback text is used instead of throwing.
 */
export function exhaustive(_rule: never, fallback: string): string {
  return fallback;
}
