/**
 * A language's catalogue derived from the rules: titles, fixes, bases and problem sentences are
 * each rule's own messages (`meta.messages`); the language adds only what no rule owns (how the
 * parts are joined, the words for a rule that failed, for an id this version does not know).
 */
import { ruleById } from "../rules";
import type { Finding, FindingValue, InternalFailure, Lang } from "../types";
import { str, type Catalogue } from "./catalogue";
import { FIELD_LABELS, KIND_LABELS } from "./labels";

/** What a language says that no rule owns. */
export interface LanguageWords {
  /** The problem sentence of a rule that failed on unexpected data. */
  internalProblem(title: string, detail: string): string;
  /** The fix for such a finding. */
  readonly internalFix: string;
  /** The sentence for a rule id this version does not know (e.g. from a newer report). */
  unknownProblem(rule: string): string;
  /** Joins problem, fix and basis into one message. */
  compose(problem: string, fix: string, basis: string): string;
}

function internal(params: Finding["params"]): InternalFailure | undefined {
  return params !== undefined && "reason" in params && params.reason === "internal"
    ? (params as InternalFailure)
    : undefined;
}

/** Build a language's catalogue from the rules' messages and the language's own words. */
export function catalogueFromRules(lang: Lang, words: LanguageWords): Catalogue {
  const messages = (rule: string) => ruleById(rule)?.meta.messages[lang];
  const title = (rule: string): string => messages(rule)?.title ?? rule;
  return {
    title,
    fix: (rule) => messages(rule)?.fix ?? "",
    basis: (rule) => messages(rule)?.basis ?? "",
    problem: (f) => {
      const m = messages(f.rule);
      if (m === undefined) return words.unknownProblem(f.rule);
      const failure = internal(f.params);
      if (failure) return words.internalProblem(title(f.rule), str(failure.detail));
      // The registry pairs each id with its own rule, so the finding's params are that rule's.
      return m.problem((f.params ?? {}) as Readonly<Record<string, FindingValue>> as never, f as never);
    },
    fixFor: (f) => {
      const m = messages(f.rule);
      if (m === undefined) return "";
      if (internal(f.params)) return words.internalFix;
      return m.fixFor?.((f.params ?? {}) as never, f as never) ?? m.fix;
    },
    compose: words.compose,
    fields: FIELD_LABELS[lang],
    kinds: KIND_LABELS[lang],
  };
}
