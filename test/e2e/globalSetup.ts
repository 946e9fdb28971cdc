/**
 * Before the e2e suite: the web app and the CLI must be built (`npm run test:e2e` builds both) and
 * the bundled samples must exist (made here when missing, with the project's own generator).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { spawnSync } from "node:child_process";

/** Check the builds and make the samples if they are missing. */
export default function globalSetup(): void {
  const root = path.resolve(__dirname, "..", "..");
  const need = (file: string, hint: string) => {
    if (!fs.existsSync(path.join(root, file))) throw new Error(`${file} is missing: ${hint}`);
  };
  const web = process.env.E2E_WEB_ROOT
    ? path.resolve(process.env.E2E_WEB_ROOT)
    : path.join(root, "dist", "web");
  if (!fs.existsSync(path.join(web, "taskpane.html")))
    throw new Error(`${web}/taskpane.html is missing: run \`npm run test:e2e\` (it builds the web app)`);
  need("dist/src/cli/main.js", "run `npm run build:cli`");
  const samples = ["samples/sample-2022.xlsx", "samples/sample-problems.xlsx"];
  if (samples.some((s) => !fs.existsSync(path.join(root, s)))) {
    const made = spawnSync(process.execPath, [path.join(root, "dist", "scripts", "make-samples.js")], {
      cwd: root,
      stdio: "inherit",
    });
    if (made.status !== 0) throw new Error("could not make the samples (npm run samples)");
  }
  for (const s of samples) need(s, "run `npm run samples`");
}
