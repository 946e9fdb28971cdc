/**
 * Batch mode (issue 5): `ziping check DIR/` checks every .xlsx in a folder — a provincial league
 * office checking a hundred schools in one go. Files are taken in name order (not recursive;
 * Office's `~$` lock files are skipped); each gets one line on the console and, with
 * `--json OUTDIR/`, its JSON report as `OUTDIR/<name>.json`; `--summary OUT.csv|OUT.json` writes
 * one row of key figures per school. A file that cannot be read is reported and the batch goes
 * on. The exit code is the worst of the files: 2 if any could not be used, else 1 if any has
 * errors, else 0. Reading uses the lean reader (`readWorkbookBytes`), so a folder of large logs
 * stays fast and small in memory.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import {
  describeSettingSource,
  toJsonReport,
  type CheckResult,
  type Lang,
  type SettingsInput,
} from "../engine";
import { readInputFile, writeFileAtomic } from "../adapters/xlsx/node";
import { createNodeFileHost } from "../adapters/xlsx/nodeHost";
import { checkWorkbook, type WorkbookCheck } from "../host/checkWorkbook";
import { errorText, HostFailure, hostFailureMessage, isHostFailure } from "../host/errors";
import { LOCAL_ENGINE } from "../host/localEngine";
import { jsonChunks } from "./json";
import { cliMessages } from "./messages";
import { printable, type Paint } from "./print";

/** What `ziping check DIR/` was asked to do. */
export interface BatchOptions {
  /** `--json`: a folder for one report per file. */
  readonly json?: string;
  /** `--summary`: a .csv or .json file for the key figures of every school. */
  readonly summary?: string;
  /** `--out`: not available for a folder (refused). */
  readonly out?: string;
  /** Settings from `--config` (they override each workbook's settings sheet). */
  readonly config: SettingsInput;
  readonly today: string;
  readonly lang: Lang;
  readonly force: boolean;
  readonly paint: Paint;
}

/** Where batch mode writes. */
export interface BatchIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** One school's row of the combined summary. */
export interface SchoolSummary {
  readonly file: string;
  /** "ok", or "unreadable" with the one-line reason. */
  readonly status: "ok" | "unreadable";
  readonly reason: string | null;
  readonly school: string | null;
  readonly staffTotal: number | null;
  readonly presidium: number | null;
  readonly departments: number | null;
  readonly eligible: number | null;
  readonly errors: number | null;
  readonly warnings: number | null;
  readonly infos: number | null;
  readonly sessions: number | null;
  readonly personTimes: number | null;
  readonly hours: number | null;
  readonly delegates: number | null;
  readonly ratio: number | null;
  readonly congressDate: string | null;
  /** Rule limits more permissive than the defaults, with their sources; null when none (or unreadable). */
  readonly loosened: string | null;
}

/** Columns of the summary, in order: key and header per language. */
export const SUMMARY_COLUMNS: ReadonlyArray<{
  readonly key: keyof SchoolSummary;
  readonly zh: string;
  readonly en: string;
}> = [
  { key: "school", zh: "学校名称", en: "School" },
  { key: "file", zh: "文件", en: "File" },
  { key: "staffTotal", zh: "工作人员总数", en: "Staff total" },
  { key: "presidium", zh: "主席团成员", en: "Presidium" },
  { key: "departments", zh: "工作部门数", en: "Departments" },
  { key: "eligible", zh: "资格符合人数", en: "Eligible staff" },
  { key: "errors", zh: "错误", en: "Errors" },
  { key: "warnings", zh: "警告", en: "Warnings" },
  { key: "sessions", zh: "活动场次", en: "Activity sessions" },
  { key: "personTimes", zh: "参与人次", en: "Person-times" },
  { key: "hours", zh: "服务时长（小时）", en: "Hours" },
  { key: "delegates", zh: "学代会代表人数", en: "Delegates" },
  { key: "ratio", zh: "代表占在校生比例", en: "Delegate ratio" },
  { key: "congressDate", zh: "学代会召开日期", en: "Congress date" },
  { key: "loosened", zh: "放宽的限制（来源）", en: "Loosened limits (source)" },
  { key: "status", zh: "状态", en: "Status" },
  { key: "reason", zh: "原因", en: "Reason" },
];

interface BatchMessages {
  noWorkbooks(dir: string): string;
  notFolder(option: string, file: string): string;
  outWithFolder: string;
  summaryNeedsFolder: string;
  summaryFormat(file: string): string;
  outExists(file: string): string;
  cannotRead(file: string, reason: string): string;
  line(index: number, total: number, file: string, school: string, counts: string): string;
  unreadable(index: number, total: number, file: string, reason: string): string;
  total(files: number, checked: number, unreadable: number, withErrors: number, seconds: number): string;
  wroteReports(dir: string, n: number): string;
  wroteSummary(file: string): string;
  settings(list: string): string;
  status: { ok: string; unreadable: string };
}

const ZH: BatchMessages = {
  noWorkbooks: (d) => `文件夹 ${d} 中没有 .xlsx 文件。`,
  notFolder: (o, f) => `检查文件夹时，${o} 应指定一个文件夹（每个工作簿一份报告），但 ${f} 是文件。`,
  outWithFolder: "检查文件夹时不能用 --out（汇总工作簿只能逐个文件生成）；可用 --summary 汇总.csv。",
  summaryNeedsFolder: "--summary 用于检查文件夹（ziping check 文件夹/ --summary 汇总.csv）。",
  summaryFormat: (f) => `--summary 的文件名应以 .csv 或 .json 结尾：${f}`,
  outExists: (f) => `要写出的文件已存在：${f}。如需覆盖，请加 --force。`,
  cannotRead: (f, r) => `无法读取 ${f}：${r}`,
  line: (i, n, f, s, c) => `[${i}/${n}] ${f}${s ? `（${s}）` : ""}：${c}`,
  unreadable: (i, n, f, r) => `[${i}/${n}] ${f}：无法使用 —— ${r}`,
  total: (f, c, u, e, s) =>
    `合计：${f} 个文件，检查了 ${c} 个，无法读取 ${u} 个；有错误的 ${e} 个。用时 ${s.toFixed(1)} 秒。`,
  wroteReports: (d, n) => `已写出 ${n} 份 JSON 报告到：${d}`,
  wroteSummary: (f) => `已写出汇总：${f}`,
  settings: (l) => `    设置：${l}`,
  status: { ok: "已检查", unreadable: "无法读取" },
};

const EN: BatchMessages = {
  noWorkbooks: (d) => `There is no .xlsx file in the folder ${d}.`,
  notFolder: (o, f) =>
    `When checking a folder, ${o} names a folder (one report per workbook), but ${f} is a file.`,
  outWithFolder:
    "--out cannot be used when checking a folder (summary workbooks are written one file at a time); use --summary summary.csv.",
  summaryNeedsFolder: "--summary is for checking a folder (ziping check FOLDER/ --summary summary.csv).",
  summaryFormat: (f) => `The --summary file name must end in .csv or .json: ${f}`,
  outExists: (f) => `The file to write already exists: ${f}. Add --force to overwrite it.`,
  cannotRead: (f, r) => `Cannot read ${f}: ${r}`,
  line: (i, n, f, s, c) => `[${i}/${n}] ${f}${s ? ` (${s})` : ""}: ${c}`,
  unreadable: (i, n, f, r) => `[${i}/${n}] ${f}: cannot be used — ${r}`,
  total: (f, c, u, e, s) =>
    `Total: ${f} files, ${c} checked, ${u} unreadable; ${e} with errors. ${s.toFixed(1)} s.`,
  wroteReports: (d, n) => `Wrote ${n} JSON reports to: ${d}`,
  wroteSummary: (f) => `Wrote the summary: ${f}`,
  settings: (l) => `    settings: ${l}`,
  status: { ok: "checked", unreadable: "unreadable" },
};

/** Batch mode's own words. */
export function batchMessages(lang: Lang): BatchMessages {
  return lang === "zh" ? ZH : EN;
}

/** Help text for batch mode, to print after `ziping check --help`. */
export function batchHelp(lang: Lang): string {
  const zh = `检查整个文件夹：ziping check 文件夹/ [--config 设置.json] [--json 报告文件夹/] [--summary 汇总.csv|汇总.json] [--lang zh|en] [--force]
  按文件名顺序检查文件夹中的每个 .xlsx（不含子文件夹），每个文件输出一行结果；无法读取的文件会报告原因并继续。
  --json 报告文件夹/     每个工作簿一份 JSON 报告：报告文件夹/<文件名>.json
  --summary 汇总.csv     每所学校一行关键数据（学校、文件、工作人员、主席团、部门、资格符合、错误、警告、
                         活动场次、人次、时长、代表人数、比例、学代会日期、放宽的限制及来源、状态），.csv（UTF-8，可用 Excel 打开）或 .json
  退出码取所有文件中最严重的：有文件无法使用为 2，否则有错误为 1，否则 0。`;
  const en = `Checking a folder: ziping check FOLDER/ [--config SETTINGS.json] [--json REPORTS/] [--summary SUMMARY.csv|SUMMARY.json] [--lang zh|en] [--force]
  Checks every .xlsx in the folder (not its subfolders) in name order, one line per file; a file that
  cannot be read is reported and the batch goes on.
  --json REPORTS/        one JSON report per workbook: REPORTS/<name>.json
  --summary SUMMARY.csv  one row of key figures per school (school, file, staff, presidium, departments,
                         eligible, errors, warnings, sessions, person-times, hours, delegates, ratio,
                         congress date, loosened limits with their source, status), as .csv (UTF-8, opens in Excel) or .json
  The exit code is the worst of the files: 2 if any could not be used, else 1 if any has errors, else 0.`;
  return lang === "zh" ? `${zh}\n\n${en}` : `${en}\n\n${zh}`;
}

/** True when `input` is a folder (batch mode). */
export async function isFolder(input: string): Promise<boolean> {
  try {
    return (await fs.stat(input)).isDirectory();
  } catch {
    return false;
  }
}

/** The workbooks of a folder: `*.xlsx` files (any case), not recursive, in name order, lock files skipped. */
export async function listWorkbooks(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) {
    if (!/\.xlsx$/i.test(e.name) || e.name.startsWith("~$")) continue;
    // Follow links to files; leave folders that happen to be named *.xlsx alone.
    const isFile =
      e.isFile() ||
      (e.isSymbolicLink() && (await fs.stat(path.join(dir, e.name)).catch(() => null))?.isFile());
    if (isFile) names.push(e.name);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => path.join(dir, n));
}

/** The report file for `workbook` in the `--json` folder. */
export function reportPath(jsonDir: string, workbook: string): string {
  return path.join(jsonDir, `${path.basename(workbook).replace(/\.xlsx$/i, "")}.json`);
}

/**
 * The report file of each workbook, distinct even on a case-insensitive file system: `x.xlsx` and
 * `x.XLSX` would both be `x.json`, so the later one gets `x (2).json` instead of overwriting it.
 */
export function reportPaths(jsonDir: string, workbooks: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const out = new Map<string, string>();
  for (const w of workbooks) {
    const stem = path.basename(w).replace(/\.xlsx$/i, "");
    let name = `${stem}.json`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n}).json`;
    taken.add(name.toLowerCase());
    out.set(w, path.join(jsonDir, name));
  }
  return out;
}

class BatchRefusal extends Error {
  override readonly name = "BatchRefusal";
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** A checked workbook's row of the batch summary (one row per school). */
export function schoolRowOf(file: string, result: CheckResult, lang: Lang = "zh"): SchoolSummary {
  const { stats, summary } = result.report;
  return {
    file,
    status: "ok",
    reason: null,
    school: result.settings.schoolName,
    staffTotal: stats.staff?.total ?? null,
    presidium: stats.staff?.presidium ?? null,
    departments: stats.staff?.departmentCount ?? null,
    eligible: stats.staff?.eligible ?? null,
    errors: summary.errors,
    warnings: summary.warnings,
    infos: summary.infos,
    sessions: stats.activities?.sessions ?? null,
    personTimes: stats.activities?.personTimes ?? null,
    hours: stats.activities?.hours ?? null,
    delegates: stats.congress?.delegates ?? null,
    ratio: stats.congress?.ratio ?? null,
    congressDate: stats.congress?.date ?? null,
    loosened: loosenedOf(result, lang),
  };
}

/** The loosened limits of a check with their sources, e.g. `presidiumMax = 9（工作簿中保存的…）`; null when none. */
export function loosenedOf(result: CheckResult, lang: Lang): string | null {
  const loose = (result.report.settingSources ?? []).filter((s) => s.loosened);
  return loose.length === 0
    ? null
    : loose.map((s) => describeSettingSource(s, lang)).join(lang === "zh" ? "；" : "; ");
}

function unreadableRow(file: string, reason: string): SchoolSummary {
  return {
    file,
    status: "unreadable",
    reason,
    school: null,
    staffTotal: null,
    presidium: null,
    departments: null,
    eligible: null,
    errors: null,
    warnings: null,
    infos: null,
    sessions: null,
    personTimes: null,
    hours: null,
    delegates: null,
    ratio: null,
    congressDate: null,
    loosened: null,
  };
}

/** A CSV field: quoted when needed; text a spreadsheet would run as a formula gets a leading `'`. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The combined summary as CSV (UTF-8 with a BOM so Excel reads Chinese, CRLF line ends). */
export function summaryCsv(rows: readonly SchoolSummary[], lang: Lang): string {
  const m = batchMessages(lang);
  const lines = [SUMMARY_COLUMNS.map((c) => csvField(c[lang])).join(",")];
  for (const row of rows) {
    lines.push(
      SUMMARY_COLUMNS.map((c) => {
        const v = row[c.key];
        if (c.key === "status") return csvField(m.status[row.status]);
        if (c.key === "ratio" && typeof v === "number") return csvField(Math.round(v * 1e6) / 1e6);
        return csvField(v as string | number | null);
      }).join(","),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The combined summary as JSON. */
export function summaryJson(rows: readonly SchoolSummary[]): string {
  return `${JSON.stringify({ schools: rows }, null, 2)}\n`;
}

/**
 * Check every workbook in `dir`; resolves to the exit code. Refusals (a bad option for a folder,
 * an output that exists without `--force`, no workbooks) print one line and give 2 before any
 * file is checked.
 */
export async function runBatch(dir: string, options: BatchOptions, io: BatchIo): Promise<number> {
  const bm = batchMessages(options.lang);
  try {
    return await batch(dir, options, io);
  } catch (err) {
    if (err instanceof BatchRefusal) io.stderr(`ziping: ${err.message}\n`);
    else if (isHostFailure(err, "output-exists")) io.stderr(`ziping: ${bm.outExists(err.params.file)}\n`);
    else if (err instanceof HostFailure) io.stderr(`ziping: ${errorText(err, options.lang)}\n`);
    else throw err;
    return 2;
  }
}

async function batch(dir: string, options: BatchOptions, io: BatchIo): Promise<number> {
  const { lang, force, paint: p } = options;
  const bm = batchMessages(lang);
  const m = cliMessages(lang);
  const started = Date.now();
  if (options.out !== undefined) throw new BatchRefusal(bm.outWithFolder);
  if (options.summary !== undefined && !/\.(csv|json)$/i.test(options.summary)) {
    throw new BatchRefusal(bm.summaryFormat(options.summary));
  }
  const files = await listWorkbooks(dir);
  if (files.length === 0) throw new BatchRefusal(bm.noWorkbooks(dir));

  // Refuse bad outputs before checking anything (as for one file).
  const reports = reportPaths(options.json ?? "", files);
  if (options.json !== undefined) {
    const stat = await fs.stat(options.json).catch(() => null);
    if (stat && !stat.isDirectory()) throw new BatchRefusal(bm.notFolder("--json", options.json));
    if (!force) {
      for (const f of files) {
        const target = reports.get(f) as string;
        if (await exists(target)) throw new BatchRefusal(bm.outExists(target));
      }
    }
  }
  if (options.summary !== undefined && !force && (await exists(options.summary))) {
    throw new BatchRefusal(bm.outExists(options.summary));
  }

  const rows: SchoolSummary[] = [];
  let worst = 0;
  let withErrors = 0;
  let unreadable = 0;
  let written = 0;
  for (const [i, file] of files.entries()) {
    const name = path.basename(file);
    let run: WorkbookCheck<CheckResult>;
    try {
      run = await checkFile(file, options, io);
    } catch (err) {
      // The file's name as printed in the table, not the path the failure carries.
      const reason = isHostFailure(err, "input-not-regular")
        ? hostFailureMessage("input-not-regular", { file: printable(name) }, lang)
        : err instanceof HostFailure
          ? errorText(err, lang)
          : bm.cannotRead(
              printable(name),
              (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message : String(err)),
            );
      io.stdout(`${p.red(bm.unreadable(i + 1, files.length, printable(name), reason))}\n`);
      rows.push(unreadableRow(name, reason));
      unreadable++;
      worst = 2;
      continue;
    }
    const result = run.result;
    const { errors, warnings, infos } = result.report.summary;
    const counts = m.counts(errors, warnings, infos);
    const school = printable(result.settings.schoolName ?? "");
    const line = bm.line(i + 1, files.length, printable(name), school, counts);
    io.stdout(`${errors > 0 ? p.red(line) : warnings > 0 ? p.yellow(line) : line}\n`);
    // Settings from the saved state or --config are named, so a loosened verdict is never silent.
    const layered = (result.report.settingSources ?? []).filter((s) => s.source !== "sheet");
    if (layered.length > 0) {
      const text = printable(
        layered.map((s) => describeSettingSource(s, lang)).join(lang === "zh" ? "；" : "; "),
      );
      const said = bm.settings(text);
      io.stdout(`${layered.some((s) => s.loosened) ? p.yellow(said) : said}\n`);
    }
    rows.push(schoolRowOf(name, result, lang));
    if (errors > 0) {
      withErrors++;
      worst = Math.max(worst, 1);
    }
    if (options.json !== undefined) {
      const text = jsonChunks(toJsonReport(result, lang));
      await writeFileAtomic(reports.get(file) as string, text, { overwrite: force, protect: files });
      written++;
    }
  }

  if (options.summary !== undefined) {
    const text = /\.json$/i.test(options.summary) ? summaryJson(rows) : summaryCsv(rows, lang);
    await writeFileAtomic(options.summary, text, { overwrite: force, protect: files });
  }
  const seconds = (Date.now() - started) / 1000;
  io.stdout(
    `${p.bold(bm.total(files.length, files.length - unreadable, unreadable, withErrors, seconds))}\n`,
  );
  if (options.json !== undefined) io.stdout(`${bm.wroteReports(options.json, written)}\n`);
  if (options.summary !== undefined) io.stdout(`${bm.wroteSummary(options.summary)}\n`);
  return worst;
}

/** Read and check one workbook: the same use case as `ziping check FILE` (saved state, then --config). */
async function checkFile(
  file: string,
  options: BatchOptions,
  io: BatchIo,
): Promise<WorkbookCheck<CheckResult>> {
  const host = createNodeFileHost(await readInputFile(file));
  const run = await checkWorkbook(host, {
    engine: LOCAL_ENGINE,
    today: options.today,
    file: path.basename(file),
    config: options.config,
  });
  if (run.saved.problem) {
    const said = errorText(run.saved.problem, options.lang);
    io.stderr(`ziping: ${printable(path.basename(file))}: ${printable(said)}\n`);
  }
  return run;
}
