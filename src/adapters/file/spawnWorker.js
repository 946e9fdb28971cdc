// Webpack-only glue (plain JS because `import.meta` is ESM syntax that the CommonJS type check and
// Jest do not accept): webpack turns this `new Worker(new URL(...))` into a separate worker chunk.
/** Start the file-mode worker (reads and writes .xlsx off the main thread). */
export function spawnFileWorker() {
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "ziping-file" });
}
