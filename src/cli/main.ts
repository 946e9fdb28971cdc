/**
 * The `ziping` command: `ziping check FILE.xlsx [--config F.json] [--json OUT.json] [--out OUT.xlsx]
 * [--lang zh|en] [--force]`. Exit 0 = no errors, 1 = errors found, 2 = the file or the settings
 * could not be used (one line on stderr, never a stack trace).
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  reportDocument,
  ENGINE_VERSION,
  parseSettingsInput,
  settingsSheetEntries,
  toJsonReport,
  type Lang,
  type SettingsError,
  type SettingsInput,
} from "../engine";
import { createNodeFileHost } from "../adapters/xlsx/nodeHost";
import { checkWorkbook, localToday } from "../host/checkWorkbook";
import { errorText, HostFailure } from "../host/errors";
import { LOCAL_ENGINE } from "../host/localEngine";
import { readInputFile, samePath, writeFileAtomic } from "../adapters/xlsx/node";
// Issue 5 (scale): the lean streaming reader instead of ExcelJS's whole-workbook reader, and batch mode.
import { renderReportDocx } from "../adapters/docx";
import { batchHelp, batchMessages, isFolder, runBatch } from "./batch";
import { jsonChunks } from "./json";
import { checkHelp, cliMessages, isJsonType, mainHelp, type CliMessages } from "./messages";
import { formatReport, paint, terminalSafe } from "./print";

/** Where the CLI writes and what it knows about its environment (injected by tests). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colour allowed unless NO_COLOR). */
  readonly isTTY: boolean;
  /** Today's date when ZIPING_TODAY is not set (defaults to the local calendar date). */
  readonly now?: () => Date;
}

function processIo(): CliIo {
  return {
    // Every line passes the terminal gate, in single-file and batch mode alike.
    stdout: (t) => process.stdout.write(terminalSafe(t)),
    stderr: (t) => process.stderr.write(terminalSafe(t)),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/** Exit codes. */
export const EXIT = { ok: 0, errors: 1, unusable: 2 } as const;

/** A refusal: the one line to print and exit code 2. */
class Refusal extends Error {
  override readonly name = "Refusal";
}

/** The language: `--lang` if given (even before it is validated), else LANG starting with "en", else zh. */
export function detectLang(argv: readonly string[], env: CliIo["env"]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (value === "zh" || value === "en") return value;
  }
  return (env.LANG ?? "").toLowerCase().startsWith("en") ? "en" : "zh";
}

const OPTIONS = {
  config: { type: "string" },
  json: { type: "string" },
  out: { type: "string" },
  report: { type: "string" },
  summary: { type: "string" }, // batch mode only (src/cli/batch.ts)
  lang: { type: "string" },
  force: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

/** Run the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const lang = detectLang(argv, io.env);
  const m = cliMessages(lang);
  try {
    return await runCommand(argv, io, lang, m);
  } catch (err) {
    const line = refusalLine(err, lang);
    if (line === null) {
      io.stderr(`${m.internal(err instanceof Error ? err.message : String(err))}\n`);
      if (io.env.ZIPING_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    } else {
      io.stderr(`ziping: ${line}\n`);
    }
    return EXIT.unusable;
  }
}

/** The one line for an expected failure (worded here, at the edge), or null for an internal error. */
function refusalLine(err: unknown, lang: Lang): string | null {
  if (err instanceof Refusal) return err.message;
  if (err instanceof HostFailure) return errorText(err, lang);
  return null;
}

async function runCommand(argv: string[], io: CliIo, lang: Lang, m: CliMessages): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new Refusal(m.badOption(describeParseError(err, lang)));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.version) {
    io.stdout(`ziping ${ENGINE_VERSION}\n`);
    return EXIT.ok;
  }
  if (command === undefined) {
    io.stdout(`${mainHelp(lang)}\n`);
    return values.help ? EXIT.ok : EXIT.unusable;
  }
  if (command !== "check") {
    if (values.help) {
      io.stdout(`${mainHelp(lang)}\n`);
      return EXIT.ok;
    }
    throw new Refusal(m.unknownCommand(command));
  }
  if (values.help) {
    io.stdout(`${checkHelp(lang)}\n\n${batchHelp(lang)}\n`);
    return EXIT.ok;
  }
  if (values.lang !== undefined && values.lang !== "zh" && values.lang !== "en")
    throw new Refusal(m.badLang(values.lang));
  if (files.length !== 1) throw new Refusal(m.oneFile(files.length));
  const input = files[0] as string;
  const force = values.force === true;
  const today = todayOf(io, m);

  // Batch mode (issue 5): a folder checks every .xlsx in it, one report each — src/cli/batch.ts.
  if (await isFolder(input)) {
    const config = values.config !== undefined ? await readConfig(values.config, lang, m) : {};
    const color = io.isTTY && !io.env.NO_COLOR;
    return runBatch(input, { ...values, config, today, lang, force, paint: paint(color) }, io);
  }
  if (values.summary !== undefined) throw new Refusal(batchMessages(lang).summaryNeedsFolder);

  // Refuse bad outputs before doing any work.
  if (values.out !== undefined) {
    if (!/\.xlsx$/i.test(values.out)) throw new Refusal(m.outNotXlsx(values.out));
    await checkOutput("--out", values.out, input, force);
  }
  if (values.json !== undefined) await checkOutput("--json", values.json, input, force);
  if (values.out !== undefined && values.json !== undefined && (await samePath(values.out, values.json))) {
    throw new Refusal(m.outSame(values.out));
  }
  if (values.report !== undefined) {
    if (!/\.docx$/i.test(values.report)) throw new Refusal(m.reportNotDocx(values.report));
    await checkOutput("--report", values.report, input, force);
    for (const [option, other] of [
      ["--out", values.out],
      ["--json", values.json],
    ] as const) {
      if (other !== undefined && (await samePath(values.report, other)))
        throw new Refusal(m.outputsSame(option, "--report", values.report));
    }
  }

  const config = values.config !== undefined ? await readConfig(values.config, lang, m) : {};
  const bytes = await readInput(input, m);
  // The one use case (src/host/checkWorkbook.ts) over the CLI's host: the lean reader, the state
  // saved by the task pane, then --config on top.
  const host = createNodeFileHost(bytes);
  const run = await checkWorkbook(host, {
    engine: LOCAL_ENGINE,
    today,
    file: path.basename(input),
    config,
    ...(values.out !== undefined ? { write: { lang } } : {}),
  });
  const result = run.result;
  if (run.saved.problem) io.stderr(`ziping: ${errorText(run.saved.problem, lang)}\n`);
  const otherSettings = settingsSheetEntries(result).filter((e) => e.setting === null);
  io.stdout(formatReport(result.report, lang, paint(io.isTTY && !io.env.NO_COLOR), otherSettings));

  if (values.json !== undefined) {
    const text = jsonChunks(toJsonReport(result, lang));
    await writeFileAtomic(values.json, text, { overwrite: force, protect: [input] });
    io.stdout(`${m.wrote("json", values.json)}\n`);
  }
  const out = host.written();
  if (values.out !== undefined && run.written && out) {
    await writeFileAtomic(values.out, out, { overwrite: force, protect: [input] });
    for (const r of run.written.outcome.renamed) io.stdout(`${m.renamed(r.wanted, r.used)}\n`);
    io.stdout(`${m.wrote("out", values.out)}\n`);
  }
  if (values.report !== undefined) {
    const docx = await renderReportDocx(reportDocument(result, lang));
    await writeFileAtomic(values.report, docx, { overwrite: force, protect: [input] });
    io.stdout(`${m.wrote("report", values.report)}\n`);
  }
  return result.report.summary.errors > 0 ? EXIT.errors : EXIT.ok;
}

function describeParseError(err: unknown, lang: Lang): string {
  const e = err as { code?: string; message?: string };
  const option = /'(-[^']*)'/.exec(e.message ?? "")?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return lang === "zh" ? `未知选项 ${option}` : `unknown option ${option}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = /^(--?[\w-]+)/.exec(option)?.[1] ?? option;
      return lang === "zh" ? `选项 ${name} 的值缺失或有误` : `option ${name} needs a value`;
    }
    default:
      return (e.message ?? String(err)).split("\n")[0] ?? "";
  }
}

function todayOf(io: CliIo, m: CliMessages): string {
  const fixed = io.env.ZIPING_TODAY;
  if (fixed !== undefined && fixed !== "") {
    const ok = parseSettingsInput({ assessmentDate: fixed }).ok;
    if (!ok) throw new Refusal(m.badToday(fixed));
    return fixed;
  }
  return localToday(io.now ? io.now() : new Date());
}

async function checkOutput(option: string, file: string, input: string, force: boolean): Promise<void> {
  if (await samePath(file, input)) throw new HostFailure("output-same-as-input", { option, file }, file);
  if (!force) {
    try {
      await fs.lstat(file);
    } catch {
      return;
    }
    throw new HostFailure("output-exists", { option, file }, file);
  }
}

async function readInput(file: string, m: CliMessages): Promise<Uint8Array> {
  try {
    if ((await fs.stat(file)).isDirectory()) throw new Refusal(m.isFolder(file));
    return await readInputFile(file);
  } catch (err) {
    if (err instanceof Refusal || err instanceof HostFailure) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new Refusal(
      code === "ENOENT" || code === "ENOTDIR" ? m.notFound(file) : m.cannotRead(file, String(code ?? err)),
    );
  }
}

async function readConfig(file: string, lang: Lang, m: CliMessages): Promise<SettingsInput> {
  let text: string;
  try {
    text = (await fs.readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Refusal(code === "ENOENT" ? m.notFound(file) : m.cannotRead(file, code ?? String(err)));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Refusal(m.configNotJson(file, err instanceof Error ? err.message : String(err)));
  }
  const parsed = parseSettingsInput(json);
  if (parsed.ok) return parsed.value;
  throw new Refusal(configErrorLine(file, parsed.error, lang, m));
}

/** One line naming the first offending key (and how many more there are). */
function configErrorLine(file: string, errors: readonly SettingsError[], lang: Lang, m: CliMessages): string {
  const first = errors[0] as SettingsError;
  const unknown = errors.filter((e) => e.problem === "unknown-key").map((e) => e.key);
  if (first.key === "(root)") return m.configWrongType(file, "(root)", m.expectedType.object);
  if (first.problem === "unknown-key")
    return m.configUnknownKey(file, unknown.join(lang === "zh" ? "、" : ", "));
  if (first.problem === "wrong-type") {
    const expected = /expected (\w+)/.exec(first.detail)?.[1] ?? "";
    const typeName = isJsonType(expected) ? m.expectedType[expected] : first.detail;
    return m.configWrongType(file, first.key, typeName);
  }
  return m.configInvalid(file, first.key, first.detail);
}
