/**
 * Measurement 6: the task pane's download, from a production webpack build (the project's
 * webpack.config.js, written to bench/.work/web so the e2e tests' dist/web is left alone) and its
 * stats: JavaScript and CSS bytes after gzip (node:zlib, default level 6, as a web server sends
 * them), per chunk group:
 * - Office mode, initial: the `taskpane` entry's initial chunks (no lazily loaded chunk) — budget;
 * - Office mode, start-up: also the chunks it loads at once when it finds Excel (the pane, the
 *   Office adapter) — everything before the pane can show;
 * - file mode: the entry, the pane, the file-mode chunks and the reader and writer that the engine
 *   worker loads when a file is opened (ExcelJS is in none);
 * - the engine worker, loaded in both modes on the first check.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { log, ROOT, WORK } from "./util";

/** The built web app. */
export const WEB_DIR = path.join(WORK, "web");

/** Bytes of a set of files, raw and gzip. */
export interface Download {
  readonly files: readonly string[];
  readonly jsBytes: number;
  readonly jsGzip: number;
  readonly cssBytes: number;
  readonly cssGzip: number;
}

/** The download of each mode. */
export interface BundleResult {
  readonly buildMs: number;
  readonly officeInitial: Download;
  readonly officeStartup: Download;
  readonly fileMode: Download;
  readonly engineWorker: Download;
  /** Whether any emitted file contains ExcelJS (it must not be in the pane's initial chunks). */
  readonly exceljsIn: readonly string[];
}

interface Stats {
  readonly errors: ReadonlyArray<{ message: string }>;
  readonly entrypoints: Readonly<Record<string, { assets: ReadonlyArray<{ name: string }> }>>;
  readonly namedChunkGroups: Readonly<Record<string, { assets: ReadonlyArray<{ name: string }> }>>;
}

interface Webpack {
  (config: unknown, callback: (err: Error | null, stats?: { toJson(options: unknown): Stats }) => void): void;
}

/** Build the web app for production into bench/.work/web; resolves to its stats. */
async function build(): Promise<Stats> {
  // Plain-Node build tools of the project, loaded at run time (no types needed here).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's Node API and the project's CommonJS config
  const webpack = require(require.resolve("webpack", { paths: [ROOT] })) as Webpack;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's webpack.config.js is CommonJS
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: unknown,
    options: { mode: string },
  ) => Promise<{ mode?: string; output: { path: string } }>;
  const config = await makeConfig({}, { mode: "production" });
  config.mode = "production";
  config.output.path = WEB_DIR;
  return new Promise((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err || !stats) return reject(err ?? new Error("webpack gave no stats"));
      const json = stats.toJson({ all: false, entrypoints: true, chunkGroups: true, errors: true });
      if (json.errors.length > 0) return reject(new Error(`webpack: ${json.errors[0]?.message ?? "error"}`));
      resolve(json);
    });
  });
}

function download(files: Iterable<string>): Download {
  const unique = [...new Set(files)].filter((f) => /\.(js|css)$/.test(f)).sort();
  let jsBytes = 0;
  let jsGzip = 0;
  let cssBytes = 0;
  let cssGzip = 0;
  for (const f of unique) {
    const data = readFileSync(path.join(WEB_DIR, f));
    const gz = gzipSync(data).length;
    if (f.endsWith(".css")) {
      cssBytes += data.length;
      cssGzip += gz;
    } else {
      jsBytes += data.length;
      jsGzip += gz;
    }
  }
  return { files: unique, jsBytes, jsGzip, cssBytes, cssGzip };
}

/** Build and measure. */
export async function measureBundle(): Promise<BundleResult> {
  log("building the web app (production) into bench/.work/web …");
  const t = performance.now();
  const stats = await build();
  const buildMs = performance.now() - t;
  const group = (name: string): string[] => {
    const g = stats.namedChunkGroups[name] ?? stats.entrypoints[name];
    if (!g) throw new Error(`no chunk group ${name} in the webpack stats`);
    return g.assets.map((a) => a.name);
  };
  const entry = (stats.entrypoints.taskpane?.assets ?? []).map((a) => a.name);
  const exceljsIn = readdirSync(WEB_DIR).filter(
    (f) => f.endsWith(".js") && /ExcelJS|exceljs/.test(readFileSync(path.join(WEB_DIR, f), "utf8")),
  );
  return {
    buildMs,
    officeInitial: download(entry),
    officeStartup: download([...entry, ...group("pane"), ...group("office")]),
    fileMode: download([...entry, ...group("pane"), ...group("file-mode"), ...group("file-work")]),
    engineWorker: download(group("ziping-engine")),
    exceljsIn,
  };
}
