/**
 * The engine's public surface: adapters, the CLI and the pane import from here only.
 */
export * from "./types";
export * from "./settings";
export * from "./settingSources";
export * from "./state";
export * from "./workbook";
export * from "./read";
export * from "./summary";
export * from "./summary/render";
export { MAX_ROWS_PER_RULE } from "./summary/problems";
export * from "./indicators";
export * from "./check";
export * from "./report";
export * from "./i18n";
export * from "./stats";
export { RULE_IDS, RULES, ruleById } from "./rules";
export type { MessageParams, Rule, RuleMessages, RuleMeta } from "./rules";
