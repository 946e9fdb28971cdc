/**
 * The English catalogue, derived from the rules: each rule's title, fix, basis and problem
 * sentence are in its own file (`meta.messages.en`); here are only the words no rule owns.
 */
import { catalogueFromRules } from "./derive";

/** The English catalogue. */
export const en = catalogueFromRules("en", {
  internalProblem: (title, detail) =>
    `The check "${title}" failed with an internal error (${detail}) and did not finish.`,
  internalFix: "Please report this message with the workbook to the developers.",
  unknownProblem: (rule) => `Problem found (${rule}).`,
  compose: (p, fix, basis) => `${p} ${fix}${basis ? ` (Basis: ${basis}.)` : ""}`,
});
