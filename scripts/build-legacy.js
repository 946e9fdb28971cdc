#!/usr/bin/env node
// Builds only the ES5 entries (ribbon commands, result dialog, pane bootstrap) into a folder, with
// the project's webpack.config.js, unminified and with a filesystem cache. The build tests
// (test/build) run it so `npm test` on a fresh clone needs no earlier `npm run build`.
// Usage: node scripts/build-legacy.js OUT_DIR
"use strict";
const path = require("node:path");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "..");

async function main() {
  const out = path.resolve(process.argv[2] || path.join(ROOT, "node_modules/.cache/ziping-legacy-build"));
  process.env.ZIPING_ENTRIES = "commands,dialog,bootstrap";
  const config = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "production" });
  const compiler = webpack({
    ...config,
    context: ROOT,
    output: { ...config.output, path: out, filename: "[name].js" },
    // Unminified: faster, and a failure points at readable code; the syntax is the same.
    optimization: { ...config.optimization, minimize: false },
    devtool: false,
    cache: {
      type: "filesystem",
      cacheDirectory: path.join(ROOT, "node_modules/.cache/ziping-legacy-webpack"),
    },
  });
  const stats = await new Promise((resolve, reject) =>
    compiler.run((error, result) => (error ? reject(error) : resolve(result))),
  );
  await new Promise((resolve) => compiler.close(resolve));
  if (stats.hasErrors()) {
    process.stderr.write(stats.toString({ all: false, errors: true }) + "\n");
    process.exit(1);
  }
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
