/** Start the engine worker (check + summary sheets off the main thread); see spawnEngineWorker.js. */
export function spawnEngineWorker(): Worker;
