/**
 * Builds the ES5 entries (ribbon commands, result dialog, pane bootstrap) once per test file for the
 * build tests, with scripts/build-legacy.js (webpack's API and the project's own config, in a child
 * process), so `npm test` on a fresh clone needs no earlier `npm run build`. A filesystem cache
 * keeps later runs fast.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Where the test build goes (outside dist/, so it never mixes with a real build). */
export const LEGACY_OUT = path.join(ROOT, "node_modules/.cache/ziping-legacy-build");

/** The entries compiled for Internet Explorer 11 (browserslist env `legacy`). */
export const LEGACY_ENTRIES = ["commands", "dialog", "bootstrap"] as const;

/** One of the ES5 entries. */
export type LegacyEntry = (typeof LEGACY_ENTRIES)[number];

let built: Promise<Record<LegacyEntry, string>> | undefined;

async function build(): Promise<Record<LegacyEntry, string>> {
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      [path.join(ROOT, "scripts/build-legacy.js"), LEGACY_OUT],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()),
    ),
  );
  const out = {} as Record<LegacyEntry, string>;
  for (const entry of LEGACY_ENTRIES)
    out[entry] = fs.readFileSync(path.join(LEGACY_OUT, `${entry}.js`), "utf8");
  return out;
}

/** The built code of each ES5 entry (built on first use in this test file). */
export function legacyBundles(): Promise<Record<LegacyEntry, string>> {
  built ??= build();
  return built;
}
