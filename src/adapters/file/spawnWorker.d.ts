/** Start the file-mode worker (reads and writes .xlsx off the main thread); see spawnWorker.js. */
export function spawnFileWorker(): Worker;
