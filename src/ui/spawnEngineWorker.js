// Webpack-only glue, plain JS because `import.meta` is ES-module syntax that the CommonJS type
// check (tsconfig.json) and Jest do not accept; webpack turns this into a separate worker chunk.
/** Start the engine worker (check + summary sheets off the main thread). */
export function spawnEngineWorker() {
  return new Worker(new URL("./engineWorker.ts", import.meta.url), { name: "ziping-engine" });
}
