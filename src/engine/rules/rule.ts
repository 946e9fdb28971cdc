/**
 * What a rule is: its description (`meta`, the way an ESLint rule carries one: id, severity, the
 * indicator it decides, its messages in Chinese and English) next to its `run`. The registry
 * (`index.ts`), the id list and the message catalogues (`engine/i18n`) are derived from these.
 */
import type { IndicatorId } from "../indicators";
import type { FindingOf, Finding, Lang, RuleId, RuleParamsById, Severity } from "../types";
import type { RuleContext } from "./context";

/** A finding's params as its messages see them: every param may be absent (a report from an older version). */
export type MessageParams<Id extends RuleId> = Partial<RuleParamsById[Id]>;

/** What one language says about one rule. */
export interface RuleMessages<Id extends RuleId> {
  /** A short name of the rule, for headings and the problems sheet. */
  readonly title: string;
  /** How to fix a finding of this rule. */
  readonly fix: string;
  /** The indicator or governing text the rule enforces. */
  readonly basis: string;
  /** What is wrong, with the value found and the limit, from the finding's own params. */
  problem(p: MessageParams<Id>, f: FindingOf<Id>): string;
  /** A fix for this finding when it differs from the rule's (undefined: the rule's fix). */
  fixFor?(p: MessageParams<Id>, f: FindingOf<Id>): string | undefined;
}

/** A rule's description. */
export interface RuleMeta<Id extends RuleId> {
  /** The stable id (the public contract of the JSON report; never rename one). */
  readonly id: Id;
  /** The severity of a violation; a rule that cannot check says so as `info` with a `reason`. */
  readonly severity: Severity;
  /**
   * Every param the rule's findings carry, each with what it holds (the types are in
   * `RuleParamsById`; this list is checked against what the rules emit and the messages read).
   */
  readonly params: { readonly [K in keyof RuleParamsById[Id]]-?: string };
  /** The rows of the self-assessment table (自评表) this rule's findings help decide. */
  readonly indicators: readonly IndicatorId[];
  /** The messages, in every language. */
  readonly messages: Readonly<Record<Lang, RuleMessages<Id>>>;
}

/**
 * One rule: its description and a run that returns its findings. A rule without `run` describes
 * findings the reader makes (a missing table or column, an unreadable setting).
 */
export interface Rule<Id extends RuleId = RuleId> {
  readonly meta: RuleMeta<Id>;
  run?(ctx: RuleContext): Finding[];
}
