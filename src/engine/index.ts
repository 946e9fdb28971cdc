/**
 * The engine's public surface: adapters, the CLI and the pane import from here only.
 */
export * from "./types";
export * from "./settings";
export * from "./state";
