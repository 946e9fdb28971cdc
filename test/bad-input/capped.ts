/**
 * Run the real CLI in a child process whose JavaScript heap is capped (`--max-old-space-size`), so
 * a test proves a memory bound instead of measuring one: a file that needs more dies with "heap out
 * of memory" and the test fails. The TypeScript sources are transpiled on require (TypeScript's
 * `transpileModule`, cached per file in the temp folder), so no build step is needed.
 */
import { spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";

const ROOT = resolve(__dirname, "..", "..");

/** What a capped run produced. */
export interface CappedRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

// The child: a require hook for .ts files, then `run(argv)` of src/cli/main.ts.
const CHILD = `
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const ts = require(${JSON.stringify(require.resolve("typescript"))});
const cache = ${JSON.stringify(join(tmpdir(), "ziping-capped-ts"))};
fs.mkdirSync(cache, { recursive: true });
require.extensions[".ts"] = (module, file) => {
  const source = fs.readFileSync(file, "utf8");
  const key = crypto.createHash("sha1").update(file + "\\0" + source).digest("hex");
  const cached = path.join(cache, key + ".js");
  let code;
  try { code = fs.readFileSync(cached, "utf8"); } catch {
    code = ts.transpileModule(source, { fileName: file, compilerOptions: {
      module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, jsx: ts.JsxEmit.ReactJSX,
    } }).outputText;
    fs.writeFileSync(cached + "." + process.pid, code);
    fs.renameSync(cached + "." + process.pid, cached);
  }
  module._compile(code, file);
};
require(${JSON.stringify(join(ROOT, "src", "cli", "main.ts"))})
  .run(JSON.parse(process.env.ZIPING_ARGV))
  .then((code) => { process.exitCode = code; });
`;

/** Run `ziping <argv>` in a child with at most `heapMiB` of old-space heap; today's date fixed. */
export function runCapped(argv: readonly string[], heapMiB: number, timeoutMs = 60_000): Promise<CappedRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMiB}`, "-e", CHILD], {
      cwd: ROOT,
      env: { ...process.env, ZIPING_ARGV: JSON.stringify(argv), ZIPING_TODAY: "2022-12-01", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({
        code,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}
