/**
 * The CLI's own words (help, refusals, figure labels) in Chinese and English. Findings are worded by
 * the engine's catalogue; failures of files and hosts by the host catalogue (src/host/errors.ts).
 */
import type { Lang } from "../engine";

/** Help of `ziping` (all commands). */
export function mainHelp(lang: Lang): string {
  const zh = `ziping 自评助手 —— 按学生会深化改革要求检查 Excel 记录，生成自评数据和汇总表

用法：
  ziping check 文件.xlsx [选项]     检查一个工作簿（详见 ziping check --help）
  ziping check 文件夹/ [选项]       检查文件夹中的每个工作簿，并汇总各校关键数据（--summary）
  ziping --help                      显示本帮助
  ziping --version                   显示版本

所有数据只在本机处理，不联网，不修改原文件。`;
  const en = `ziping — checks a student union's Excel records against the reform rules and writes the
self-assessment figures and summary sheets

Usage:
  ziping check FILE.xlsx [options]   check one workbook (see ziping check --help)
  ziping check FOLDER/ [options]     check every workbook in a folder, with a per-school summary (--summary)
  ziping --help                      show this help
  ziping --version                   show the version

Everything runs on this machine: no network, and the input file is never modified.`;
  return `${lang === "zh" ? `${zh}\n\n${en}` : `${en}\n\n${zh}`}\n\n${checkHelp(lang)}`;
}

/** Help of `ziping check`: every option, exit codes, environment and config keys. */
export function checkHelp(lang: Lang): string {
  const zh = `用法：ziping check 文件.xlsx [--config 设置.json] [--json 报告.json] [--out 汇总.xlsx] [--report 自评报告.docx] [--lang zh|en] [--force]

选项：
  --config 文件.json  JSON 格式的设置（英文键名，见下），覆盖工作簿“基本信息”表中的同名设置；
                      未知键名或类型错误会报错并说明是哪一项（退出码 2）
  --json 文件.json    把检查报告写成 JSON（字段说明见 docs/report-format.md）
  --out 文件.xlsx     写出工作簿副本，在用户工作表之后加入 自评表、问题清单、资格审查、组织架构、
                      活动统计、报告要点 六张表（再次运行会替换上次加入的表）；原文件不会被修改
  --report 文件.docx  写出自评报告初稿（Word 文档）：改革措施各部分、下一步推进计划、自评表；
                      由数据生成的句子标有【请核对】，表格无法给出的部分标有【待填写】
  --lang zh|en        输出语言（消息、汇总表、JSON 中的 message）；默认 zh，环境变量 LANG 以 en 开头时为 en
  --force             允许覆盖已存在的 --out / --json / --report 文件（输入文件本身永远不会被覆盖）
  -h, --help          显示帮助

退出码：0 = 没有错误（可能仍有警告或提示）；1 = 发现错误；2 = 文件或设置无法使用（附一行原因）

环境变量：
  ZIPING_TODAY=YYYY-MM-DD  视为“今天”的日期（未设置评估基准日时以它为准），便于重复运行得到相同结果
  NO_COLOR                 不输出颜色（输出不是终端时也不使用颜色）

--config 可用的键（均可省略）：
  schoolName 学校名称 · level "school"|"college" 组织层级 · enrollment 在校生总数 · largeSchool 是否规模较大高校
  assessmentDate / periodStart / periodEnd / congressDate 日期 "YYYY-MM-DD" · congressSession 学代会届次
  staffMax (40) · staffMaxLarge (60) · presidiumMax (5；院级 3) · departmentsMax (6)
  departmentHeads {"min":2,"max":3}（默认不检查） · allowedTitles ["主席", …] · rankTopPercent (30)
  delegateRatioMin (0.01) · nonOfficerShareMin (0.6) · congressMaxMonths (12) · maxHoursPerRecord (24)
  trainingsPerYear (2) · reviewTerms ["2021-2022学年第二学期", …]（默认：述职评议表中出现的学期）

示例：
  ziping check 学生会2022.xlsx --out out/学生会2022-自评.xlsx
  ziping check samples/sample-2022.xlsx --json out/report.json --config 设置.json`;
  const en = `Usage: ziping check FILE.xlsx [--config SETTINGS.json] [--json REPORT.json] [--out SUMMARY.xlsx] [--report REPORT.docx] [--lang zh|en] [--force]

Options:
  --config FILE.json  settings as JSON (English keys, below); they override the workbook's settings
                      sheet. An unknown key or a wrong type is an error naming the key (exit 2)
  --json FILE.json    write the report as JSON (fields documented in docs/report-format.md)
  --out FILE.xlsx     write a copy of the workbook with six sheets added after the user's sheets:
                      自评表, 问题清单, 资格审查, 组织架构, 活动统计, 报告要点 (English names with
                      --lang en); a re-run replaces them. The input file is never modified
  --report FILE.docx  write the self-assessment report draft as a Word document: the reform
                      measures, next steps and the self-assessment table; generated sentences are
                      marked [check], parts the sheets cannot give are marked [to write]
  --lang zh|en        language of messages, summary sheets and JSON messages; default zh, or en
                      when the LANG environment variable starts with "en"
  --force             overwrite existing --out / --json / --report files (the input file is never overwritten)
  -h, --help          show this help

Exit codes: 0 = no errors (warnings or notes may remain); 1 = errors found; 2 = the file or the
settings could not be used (with a one-line reason)

Environment:
  ZIPING_TODAY=YYYY-MM-DD  the date taken as today (the assessment date unless one is set), so runs
                           are reproducible
  NO_COLOR                 no colours (there are none either when output is not a terminal)

--config keys (all optional):
  schoolName · level "school"|"college" · enrollment · largeSchool true|false
  assessmentDate / periodStart / periodEnd / congressDate "YYYY-MM-DD" · congressSession
  staffMax (40) · staffMaxLarge (60) · presidiumMax (5; college 3) · departmentsMax (6)
  departmentHeads {"min":2,"max":3} (not checked by default) · allowedTitles ["主席", …] · rankTopPercent (30)
  delegateRatioMin (0.01) · nonOfficerShareMin (0.6) · congressMaxMonths (12) · maxHoursPerRecord (24)
  trainingsPerYear (2) · reviewTerms ["2021-2022学年第二学期", …] (default: the terms in the review sheet)

Examples:
  ziping check union-2022.xlsx --out out/union-2022-summary.xlsx --lang en
  ziping check samples/sample-2022.xlsx --json out/report.json --config settings.json`;
  return lang === "zh" ? `${zh}\n\n${en}` : `${en}\n\n${zh}`;
}

/** Parameterised one-line messages of the CLI. */
export interface CliMessages {
  readonly usage: string;
  unknownCommand(command: string): string;
  badOption(detail: string): string;
  badLang(value: string): string;
  oneFile(count: number): string;
  notFound(file: string): string;
  isFolder(file: string): string;
  cannotRead(file: string, reason: string): string;
  configNotJson(file: string, reason: string): string;
  configUnknownKey(file: string, key: string): string;
  configWrongType(file: string, key: string, detail: string): string;
  configInvalid(file: string, key: string, detail: string): string;
  /** What a setting of each JSON type should have been, for configWrongType. */
  readonly expectedType: Readonly<Record<JsonType, string>>;
  badToday(value: string): string;
  outNotXlsx(file: string): string;
  outSame(file: string): string;
  /** Two output options name the same file. */
  outputsSame(a: string, b: string, file: string): string;
  reportNotDocx(file: string): string;
  wrote(kind: "json" | "out" | "report", file: string): string;
  renamed(wanted: string, used: string): string;
  internal(reason: string): string;
  readonly heading: {
    readonly findings: string;
    readonly figures: string;
    readonly tables: string;
    readonly otherSettings: string;
    readonly settingSources: string;
  };
  noFindings: string;
  more(count: number): string;
  counts(errors: number, warnings: number, infos: number): string;
  verdict(errors: number): string;
  readonly severity: { readonly error: string; readonly warning: string; readonly info: string };
  readonly figure: Readonly<Record<FigureKey, string>>;
  people(n: number): string;
  units(n: number): string;
  sessions(n: number): string;
  personTimes(n: number): string;
  hours(n: number): string;
  headsMembers(heads: number, members: number): string;
  done(done: number, required: number): string;
  none: string;
  rows(n: number): string;
}

const JSON_TYPES = ["number", "string", "boolean", "array", "object"] as const;

/** The JSON types a setting can have (as the settings schema names them when one is wrong). */
export type JsonType = (typeof JSON_TYPES)[number];

/** Whether `name` is one of the JSON types a setting can have. */
export function isJsonType(name: string): name is JsonType {
  return (JSON_TYPES as readonly string[]).includes(name);
}

/** Labels of the key figures printed after the findings. */
export type FigureKey =
  | "blank"
  | "staff"
  | "presidium"
  | "departments"
  | "political"
  | "eligible"
  | "activities"
  | "byActivity"
  | "people"
  | "delegates"
  | "ratio"
  | "nonOfficer"
  | "congressDate"
  | "reviews"
  | "trainings"
  | "chairs"
  | "monthsWithout";

const ZH: CliMessages = {
  usage:
    "用法：ziping check 文件.xlsx [--config 设置.json] [--json 报告.json] [--out 汇总.xlsx] [--report 自评报告.docx] [--lang zh|en] [--force]（ziping --help 查看说明）",
  unknownCommand: (c) =>
    `未知的命令“${c}”：目前只有 check，例如 ziping check 文件.xlsx（ziping --help 查看说明）。`,
  badOption: (d) => `命令行参数有误：${d}（ziping check --help 查看说明）。`,
  badLang: (v) => `--lang 只能是 zh 或 en，而不是“${v}”。`,
  oneFile: (n) =>
    n === 0
      ? "请指定要检查的 .xlsx 文件，例如 ziping check 文件.xlsx。"
      : `一次只能检查一个文件，但给出了 ${n} 个。`,
  notFound: (f) => `找不到文件：${f}`,
  isFolder: (f) => `${f} 是文件夹，请指定一个 .xlsx 文件。`,
  cannotRead: (f, r) => `无法读取 ${f}：${r}`,
  configNotJson: (f, r) => `设置文件 ${f} 不是有效的 JSON：${r}`,
  configUnknownKey: (f, k) =>
    `设置文件 ${f} 中有未知的设置项“${k}”（ziping check --help 列出所有可用的键）。`,
  configWrongType: (f, k, d) => `设置文件 ${f} 中“${k}”的类型不对：${d}`,
  configInvalid: (f, k, d) => `设置文件 ${f} 中“${k}”的值无效：${d}`,
  expectedType: {
    number: "应为数字",
    string: "应为文字（加引号）",
    boolean: "应为 true 或 false",
    array: "应为列表 [ … ]",
    object: "应为对象 { … }",
  },
  badToday: (v) => `环境变量 ZIPING_TODAY 应为 YYYY-MM-DD 格式的日期，而不是“${v}”。`,
  outNotXlsx: (f) => `--out 的文件名应以 .xlsx 结尾：${f}`,
  outSame: (f) => `--out 和 --json 不能是同一个文件：${f}`,
  outputsSame: (a, b, f) => `${a} 和 ${b} 不能是同一个文件：${f}`,
  reportNotDocx: (f) => `--report 的文件名应以 .docx 结尾：${f}`,
  wrote: (k, f) =>
    k === "json"
      ? `已写出 JSON 报告：${f}`
      : k === "report"
        ? `已写出自评报告初稿：${f}`
        : `已写出汇总工作簿：${f}`,
  renamed: (w, u) => `工作簿中已有名为“${w}”的用户工作表，汇总表改名为“${u}”。`,
  internal: (r) => `ziping 内部错误：${r}。请把这行信息和出错的文件（可删去个人信息）报告给维护者。`,
  heading: {
    findings: "发现的问题",
    figures: "关键数据",
    tables: "识别到的表格",
    otherSettings: "基本信息表中的其他项（本工具不使用，原样保留）",
    settingSources: "与默认值不同的设置及来源",
  },
  noFindings: "没有发现问题。",
  more: (n) => `……还有 ${n} 条，见 --json 报告或 --out 工作簿的“问题清单”。`,
  counts: (e, w, i) => `${e} 个错误，${w} 个警告，${i} 条提示`,
  verdict: (e) => (e === 0 ? "结论：没有错误。" : `结论：有 ${e} 个错误需要处理。`),
  severity: { error: "错误", warning: "警告", info: "提示" },
  figure: {
    blank: "",
    staff: "工作人员总数",
    presidium: "主席团成员",
    departments: "工作部门",
    political: "政治面貌",
    eligible: "符合遴选条件",
    activities: "志愿服务活动",
    byActivity: "  其中",
    people: "参与学生",
    delegates: "学代会代表",
    ratio: "代表占在校生比例",
    nonOfficer: "非学生会工作人员代表占比",
    congressDate: "学代会召开日期",
    reviews: "述职评议",
    trainings: "全员培训",
    chairs: "主席例会",
    monthsWithout: "无例会的月份",
  },
  people: (n) => `${n}人`,
  units: (n) => `${n}个`,
  sessions: (n) => `${n}次`,
  personTimes: (n) => `${n}人次`,
  hours: (n) => `${n}小时`,
  headsMembers: (h, m) => `负责人${h}人、干事${m}人`,
  done: (d, r) => `已评议 ${d} / 应评议 ${r} 人次`,
  none: "无",
  rows: (n) => `${n}行`,
};

const EN: CliMessages = {
  usage:
    "Usage: ziping check FILE.xlsx [--config SETTINGS.json] [--json REPORT.json] [--out SUMMARY.xlsx] [--report REPORT.docx] [--lang zh|en] [--force] (see ziping --help)",
  unknownCommand: (c) =>
    `Unknown command "${c}": the only command is check, e.g. ziping check FILE.xlsx (see ziping --help).`,
  badOption: (d) => `Bad command line: ${d} (see ziping check --help).`,
  badLang: (v) => `--lang must be zh or en, not "${v}".`,
  oneFile: (n) =>
    n === 0
      ? "Name the .xlsx file to check, e.g. ziping check FILE.xlsx."
      : `Only one file can be checked at a time, but ${n} were given.`,
  notFound: (f) => `File not found: ${f}`,
  isFolder: (f) => `${f} is a folder; name one .xlsx file.`,
  cannotRead: (f, r) => `Cannot read ${f}: ${r}`,
  configNotJson: (f, r) => `The settings file ${f} is not valid JSON: ${r}`,
  configUnknownKey: (f, k) =>
    `The settings file ${f} has an unknown key "${k}" (ziping check --help lists the keys).`,
  configWrongType: (f, k, d) => `In the settings file ${f}, "${k}" has the wrong type: ${d}`,
  configInvalid: (f, k, d) => `In the settings file ${f}, "${k}" is invalid: ${d}`,
  expectedType: {
    number: "expected a number",
    string: "expected text (in quotes)",
    boolean: "expected true or false",
    array: "expected a list [ … ]",
    object: "expected an object { … }",
  },
  badToday: (v) => `ZIPING_TODAY must be a date as YYYY-MM-DD, not "${v}".`,
  outNotXlsx: (f) => `The --out file name should end in .xlsx: ${f}`,
  outSame: (f) => `--out and --json cannot be the same file: ${f}`,
  outputsSame: (a, b, f) => `${a} and ${b} cannot be the same file: ${f}`,
  reportNotDocx: (f) => `The --report file name should end in .docx: ${f}`,
  wrote: (k, f) =>
    k === "json"
      ? `Wrote the JSON report: ${f}`
      : k === "report"
        ? `Wrote the report draft: ${f}`
        : `Wrote the summary workbook: ${f}`,
  renamed: (w, u) =>
    `The workbook already has a user sheet named "${w}"; the summary sheet is named "${u}" instead.`,
  internal: (r) =>
    `ziping internal error: ${r}. Please report this line and the file (personal data removed) to the maintainers.`,
  heading: {
    findings: "Findings",
    figures: "Key figures",
    tables: "Tables recognised",
    otherSettings: "Other entries of the settings sheet (not used by ziping, kept as they are)",
    settingSources: "Settings that differ from the defaults, and where they come from",
  },
  noFindings: "No problems found.",
  more: (n) => `… and ${n} more: see the --json report or the Problems sheet of the --out workbook.`,
  counts: (e, w, i) =>
    `${e} error${e === 1 ? "" : "s"}, ${w} warning${w === 1 ? "" : "s"}, ${i} note${i === 1 ? "" : "s"}`,
  verdict: (e) => (e === 0 ? "Result: no errors." : `Result: ${e} error${e === 1 ? "" : "s"} to fix.`),
  severity: { error: "error", warning: "warning", info: "note" },
  figure: {
    blank: "",
    staff: "Staff",
    presidium: "Presidium",
    departments: "Departments",
    political: "Political status",
    eligible: "Meet the selection criteria",
    activities: "Volunteer activities",
    byActivity: "  of which",
    people: "Students taking part",
    delegates: "Congress delegates",
    ratio: "Delegates / enrolled students",
    nonOfficer: "Delegates who are not union staff",
    congressDate: "Congress held on",
    reviews: "Term reviews",
    trainings: "Full-staff trainings",
    chairs: "Chairs' meetings",
    monthsWithout: "Months without one",
  },
  people: (n) => `${n} ${n === 1 ? "person" : "people"}`,
  units: (n) => `${n}`,
  sessions: (n) => `${n} session${n === 1 ? "" : "s"}`,
  personTimes: (n) => `${n} person-time${n === 1 ? "" : "s"}`,
  hours: (n) => `${n} hour${n === 1 ? "" : "s"}`,
  headsMembers: (h, m) => `${h} head${h === 1 ? "" : "s"}, ${m} member${m === 1 ? "" : "s"}`,
  done: (d, r) => `${d} of ${r} person-terms reviewed`,
  none: "none",
  rows: (n) => `${n} row${n === 1 ? "" : "s"}`,
};

/** The CLI messages of a language. */
export function cliMessages(lang: Lang): CliMessages {
  return lang === "en" ? EN : ZH;
}
