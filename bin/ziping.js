#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build:cli` (run by `npm run demo`).
"use strict";
const path = require("node:path");
const entry = path.join(__dirname, "..", "dist", "src", "cli", "main.js");
let main;
try {
  main = require(entry);
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(entry)) {
    process.stderr.write("ziping: not built yet — run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw err;
}
main.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
