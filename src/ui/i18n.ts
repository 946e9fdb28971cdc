/**
 * The pane's own strings (rule messages, indicator texts and verdicts come from the engine's
 * catalogue). Chinese is the reference; English must have exactly the same keys and signatures.
 */
import { createContext, useContext } from "react";
import type { Lang, Severity } from "../engine";

/** A count with thousands separators, as the pane shows numbers (200,000 行数据). */
function zhNumber(n: number): string {
  return n.toLocaleString("zh-CN");
}

/** The same for English (200,000 data rows). */
function enNumber(n: number): string {
  return n.toLocaleString("en-US");
}

const zhCN = {
  appTitle: "自评助手",
  appSubtitle: "学生会改革自评",
  starting: "正在启动…",
  langLabel: "语言",
  langNames: { zh: "中文", en: "English" } as Readonly<Record<Lang, string>>,
  mainTabsLabel: "自评助手的内容",

  // File mode: opening a workbook
  openHeading: "打开工作簿",
  openHint: "把 .xlsx 文件拖到这里，或选择文件。文件只在本机读取，不会上传到任何地方。",
  chooseFile: "选择 .xlsx 文件",
  openAnother: "打开其他工作簿",
  dropNow: "松开鼠标即可打开",
  opening: (name: string) => `正在打开“${name}”…`,
  openFailed: (name: string) => `无法打开“${name}”。`,
  currentFile: (name: string) => `当前工作簿：${name}`,
  noFileYet: "还没有打开工作簿。",
  previewHeading: "预览",
  diskChanged: (name: string) => `“${name}”在读取后已被修改。按“校验”读取新内容。`,
  diskReopen: (name: string) =>
    `“${name}”在读取后已被修改，或已无法读取。浏览器不能自行读取新内容：请重新打开这个文件，再校验。`,
  reopenButton: "重新打开",
  pickerPressAgain: "浏览器在这里不允许使用它的文件选择窗口，已改用普通的文件选择：请再按一次按钮选择文件。",

  // Workbook status
  statusHeading: "表格识别",
  statusEmpty: "工作簿中没有可读的工作表。",
  statusNotRead: "校验后在此显示每张工作表被识别成了什么。",
  kindAuto: "自动识别",
  kindIgnore: "忽略",
  kindUnrecognised: "未识别",
  kindFieldLabel: (sheet: string) => `“${sheet}”的类型`,
  sheetFacts: (headerRow: number, rows: number) => `表头在第 ${headerRow} 行，${zhNumber(rows)} 行数据`,
  sheetByUser: "已手动指定",
  sheetHidden: "隐藏",
  sheetIgnored: "不参与检查",
  sheetNoTable: "没有认出表头；如是需要的表，请选择类型",

  // Running
  checkButton: "校验",
  summaryButton: "生成汇总表",
  downloadButton: "下载汇总工作簿",
  stages: {
    reading: "正在读取工作簿…",
    checking: "正在检查…",
    writing: "正在写入汇总表…",
  } as Readonly<Record<"reading" | "checking" | "writing", string>>,
  progressLabel: "进度",
  runFailed: "出错了：",
  notCheckedYet: "点击“校验”检查工作簿。",
  summaryWritten: "已写入汇总表：",
  summaryRenamed: (wanted: string, used: string) =>
    `工作簿中已有用户自己的“${wanted}”表，没有改动它；汇总表写成了“${used}”。`,
  downloadDone: "汇总工作簿已下载。",
  highlightLabel: "标记问题单元格",
  highlightHint: "只改格式，关闭时恢复原样",
  dismiss: "关闭提示",

  // Results
  tabs: { problems: "问题", assessment: "自评表", summary: "汇总表", settings: "设置", report: "报告要点" },
  summaryBuilding: "正在生成汇总表…",
  summaryIntro: "下载的工作簿中包含以下汇总表（此处只读）。",
  severityNames: { error: "错误", warning: "警告", info: "提示" } as Readonly<Record<Severity, string>>,
  severityCount: (n: number, severity: Severity) =>
    `${zhNumber(n)} 个${({ error: "错误", warning: "警告", info: "提示" } as const)[severity]}`,
  countsLabel: "问题数量",
  countsFiltered: "以上为筛选后的数量",
  filterSeverity: "严重程度",
  filterSheet: "工作表",
  filterAll: "全部",
  filterAllSheets: "所有工作表",
  filterNoSheet: "（整体问题）",
  noFindings: "没有发现问题。",
  noMatches: "没有符合筛选条件的问题。",
  groupCount: (n: number) => `${zhNumber(n)} 条`,
  howToFix: "修改建议：",
  basis: "依据：",
  goTo: (location: string) => `跳到 ${location}`,
  showMore: (n: number) => `再显示 ${zhNumber(n)} 条`,
  findingsLabel: "按规则分组的问题",

  // Self-assessment table
  assessmentHeading: "自评表",
  assessmentEmpty: "校验后在此显示自评表各项指标。",
  markNames: { core: "★ 核心指标", observed: "▲ 观测指标" },
  notesLabel: "备注：",
  verdictLabel: "结论",

  // Settings
  settingsHeading: "设置",
  settingsIntro: "这里的设置保存在工作簿中，优先于工作簿里的设置表；留空则用设置表或默认值。",
  otherSettingsHeading: "设置表中的其他项（本工具不使用，原样保留）",
  keyValueSeparator: "：",
  settingsSave: "保存设置",
  settingsSaved: "设置已保存，已按新设置重新检查。",
  settingsHasErrors: "请先改正标出的设置。",
  settingsGroups: { school: "学校与日期", caps: "人数与结构", rules: "检查标准" },
  fromSheet: (value: string) => `基本信息表：${value}`,
  defaultValue: (value: string) => `默认：${value}`,
  // A placeholder must not look like a typed value: it says what an empty field stands for.
  blankMeans: (value: string) => `留空则用 ${value}`,
  choiceUnset: "（不设置）",
  yes: "是",
  no: "否",
  levelNames: { school: "校级", college: "院级" },
  headsMin: "下限",
  headsMax: "上限",
  fields: {
    schoolName: { label: "学校名称", hint: "用于报告要点的文字" },
    level: { label: "组织层级", hint: "校级或院级（二级）学生会" },
    enrollment: { label: "在校生总数", hint: "用于检查代表比例（不少于 1%）" },
    largeSchool: { label: "规模较大高校", hint: "学生多或校区多时，工作人员上限为 60 人" },
    assessmentDate: { label: "评估基准日", hint: "YYYY-MM-DD，默认今天" },
    periodStart: { label: "统计开始日期", hint: "YYYY-MM-DD，默认基准日前 12 个月" },
    periodEnd: { label: "统计截止日期", hint: "YYYY-MM-DD，默认基准日" },
    congressDate: { label: "学生代表大会召开日期", hint: "YYYY-MM-DD" },
    congressSession: { label: "学生代表大会届次", hint: "例如：第十五次" },
    staffMax: { label: "工作人员上限", hint: "校级默认 40，院级 30" },
    staffMaxLarge: { label: "规模较大高校的工作人员上限", hint: "默认 60" },
    presidiumMax: { label: "主席团成员上限", hint: "校级默认 5，院级 3" },
    departmentsMax: { label: "工作部门上限", hint: "默认 6" },
    departmentHeads: { label: "每个部门的负责人人数", hint: "上下限都填才检查，例如 2 到 3" },
    allowedTitles: { label: "允许的职务", hint: "用逗号或顿号分隔" },
    rankTopPercent: { label: "成绩排名要求（前百分之几）", hint: "默认 30" },
    delegateRatioMin: { label: "代表占学生总数的最低比例", hint: "0 到 1，或写成百分数，如 1%" },
    nonOfficerShareMin: { label: "非学生会工作人员代表的最低比例", hint: "0 到 1，或写成百分数，如 60%" },
    congressMaxMonths: { label: "学代会间隔（月）", hint: "距评估基准日不超过几个月，默认 12" },
    maxHoursPerRecord: { label: "单条活动记录的最长时长（小时）", hint: "默认 24" },
    trainingsPerYear: { label: "每年全员培训次数", hint: "默认 2" },
    reviewTerms: { label: "需要述职评议的学期", hint: "用逗号分隔；留空则取评议表中出现的学期" },
  },
  errors: {
    number: "请填写数字。",
    integer: "请填写整数。",
    dateFormat: "请按 YYYY-MM-DD 填写日期，如 2022-11-23。",
    dateReal: "没有这一天，请检查月和日。",
    tooSmall: (limit: number, inclusive: boolean) =>
      inclusive ? `不能小于 ${limit}。` : `必须大于 ${limit}。`,
    tooBig: (limit: number, inclusive: boolean) =>
      inclusive ? `不能大于 ${limit}。` : `必须小于 ${limit}。`,
    notEmpty: "不能只填空白。",
    listEmpty: "至少填写一项。",
    choice: "请从列表中选择。",
    headsOrder: "下限不能大于上限。",
    headsBoth: "请同时填写上限和下限。",
    invalid: "这个值不能使用。",
  },

  // Report sentences
  reportHeading: "报告要点",
  reportIntro: "根据本次校验的数字生成，可复制到自评报告中再修改。",
  reportEmpty: "校验后在此生成报告要点。",
  copy: "复制全部",
  copied: "已复制。",
  copyFailed: "无法访问剪贴板，请选中文字后手动复制。",
};

/** The shape of a UI catalogue: the Chinese one's keys with the same parameter lists. */
export type UiStrings = Widen<typeof zhCN>;

type Widen<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : T[K] extends string
      ? string
      : Widen<T[K]>;
};

const enUS: UiStrings = {
  appTitle: "ziping",
  appSubtitle: "Student union reform self-assessment",
  starting: "Starting…",
  langLabel: "Language",
  langNames: { zh: "中文", en: "English" },
  mainTabsLabel: "ziping sections",

  openHeading: "Open workbook",
  openHint: "Drop an .xlsx file here or choose one. It is read on this computer only and never uploaded.",
  chooseFile: "Choose an .xlsx file",
  openAnother: "Open another workbook",
  dropNow: "Release to open",
  opening: (name) => `Opening “${name}”…`,
  openFailed: (name) => `Cannot open “${name}”.`,
  currentFile: (name) => `Workbook: ${name}`,
  noFileYet: "No workbook is open yet.",
  previewHeading: "Preview",
  diskChanged: (name) => `“${name}” has changed since it was read. Press Check to read it again.`,
  diskReopen: (name) =>
    `“${name}” has changed since it was read, or can no longer be read. The browser cannot read the new contents by itself: open the file again, then check.`,
  reopenButton: "Open again",
  pickerPressAgain:
    "The browser does not allow its file picker here, so the plain file chooser is used instead: press the button once more to choose the file.",

  statusHeading: "Table recognition",
  statusEmpty: "The workbook has no readable sheets.",
  statusNotRead: "After a check, this shows what each sheet was recognised as.",
  kindAuto: "Automatic",
  kindIgnore: "Ignore",
  kindUnrecognised: "Not recognised",
  kindFieldLabel: (sheet) => `Kind of “${sheet}”`,
  sheetFacts: (headerRow, rows) => `header on row ${headerRow}, ${enNumber(rows)} data rows`,
  sheetByUser: "set by you",
  sheetHidden: "hidden",
  sheetIgnored: "left out of the check",
  sheetNoTable: "no header recognised; choose a kind if this sheet is needed",

  checkButton: "Check",
  summaryButton: "Write summary sheets",
  downloadButton: "Download summary workbook",
  stages: {
    reading: "Reading the workbook…",
    checking: "Checking…",
    writing: "Writing the summary sheets…",
  },
  progressLabel: "Progress",
  runFailed: "Something went wrong: ",
  notCheckedYet: "Press “Check” to check the workbook.",
  summaryWritten: "Summary sheets written: ",
  summaryRenamed: (wanted, used) =>
    `The workbook already has a sheet of yours named “${wanted}”; it was left alone and ours is “${used}”.`,
  downloadDone: "The summary workbook was downloaded.",
  highlightLabel: "Highlight problem cells",
  highlightHint: "Formatting only; restored when switched off",
  dismiss: "Dismiss",

  tabs: {
    problems: "Problems",
    assessment: "Self-assessment",
    summary: "Summary sheets",
    settings: "Settings",
    report: "Report",
  },
  summaryBuilding: "Building the summary sheets…",
  summaryIntro: "The downloaded workbook holds these summary sheets (read-only here).",
  severityNames: { error: "Error", warning: "Warning", info: "Info" },
  severityCount: (n, severity) =>
    `${enNumber(n)} ${({ error: ["error", "errors"], warning: ["warning", "warnings"], info: ["info", "info"] } as const)[severity][n === 1 ? 0 : 1]}`,
  countsLabel: "Problem counts",
  countsFiltered: "Counts of the filtered problems",
  filterSeverity: "Severity",
  filterSheet: "Sheet",
  filterAll: "All",
  filterAllSheets: "All sheets",
  filterNoSheet: "(whole workbook)",
  noFindings: "No problems found.",
  noMatches: "No problems match the filters.",
  groupCount: (n) => `${enNumber(n)} ${n === 1 ? "item" : "items"}`,
  howToFix: "Suggested fix: ",
  basis: "Basis: ",
  goTo: (location) => `Go to ${location}`,
  showMore: (n) => `Show ${enNumber(n)} more`,
  findingsLabel: "Problems grouped by rule",

  assessmentHeading: "Self-assessment",
  assessmentEmpty: "After a check, this shows the self-assessment indicators.",
  markNames: { core: "★ core indicator", observed: "▲ observed indicator" },
  notesLabel: "Notes: ",
  verdictLabel: "Verdict",

  settingsHeading: "Settings",
  settingsIntro:
    "Saved in the workbook and used before the workbook's settings sheet; leave a field empty to use the sheet or the default.",
  otherSettingsHeading: "Other entries of the settings sheet (not used by ziping, kept as they are)",
  keyValueSeparator: ": ",
  settingsSave: "Save settings",
  settingsSaved: "Settings saved and the workbook checked again.",
  settingsHasErrors: "Correct the marked settings first.",
  settingsGroups: { school: "School and dates", caps: "Sizes and structure", rules: "Check thresholds" },
  fromSheet: (value) => `Settings sheet: ${value}`,
  defaultValue: (value) => `Default: ${value}`,
  blankMeans: (value) => `Blank: ${value}`,
  choiceUnset: "(not set)",
  yes: "Yes",
  no: "No",
  levelNames: { school: "School level", college: "College level" },
  headsMin: "Minimum",
  headsMax: "Maximum",
  fields: {
    schoolName: { label: "School name", hint: "Used in the report sentences" },
    level: { label: "Union level", hint: "School or college (second-level) union" },
    enrollment: { label: "Students enrolled", hint: "For the delegate ratio (at least 1%)" },
    largeSchool: { label: "Large school", hint: "Many students or campuses: staff cap 60" },
    assessmentDate: { label: "Assessment date", hint: "YYYY-MM-DD, default today" },
    periodStart: { label: "Period start", hint: "YYYY-MM-DD, default 12 months before the assessment date" },
    periodEnd: { label: "Period end", hint: "YYYY-MM-DD, default the assessment date" },
    congressDate: { label: "Student congress date", hint: "YYYY-MM-DD" },
    congressSession: { label: "Student congress session", hint: "e.g. 15th" },
    staffMax: { label: "Staff cap", hint: "Default 40 at school level, 30 at college level" },
    staffMaxLarge: { label: "Staff cap for a large school", hint: "Default 60" },
    presidiumMax: { label: "Presidium cap", hint: "Default 5 at school level, 3 at college level" },
    departmentsMax: { label: "Department cap", hint: "Default 6" },
    departmentHeads: { label: "Heads per department", hint: "Checked only with both bounds, e.g. 2 to 3" },
    allowedTitles: { label: "Allowed titles", hint: "Separated by commas" },
    rankTopPercent: { label: "Rank within the top … percent", hint: "Default 30" },
    delegateRatioMin: { label: "Minimum delegates per student", hint: "0 to 1, or a percentage such as 1%" },
    nonOfficerShareMin: {
      label: "Minimum share of delegates who are not officers",
      hint: "0 to 1, or a percentage such as 60%",
    },
    congressMaxMonths: {
      label: "Congress interval (months)",
      hint: "At most this long before the assessment date; default 12",
    },
    maxHoursPerRecord: { label: "Longest hours per activity record", hint: "Default 24" },
    trainingsPerYear: { label: "Full-staff trainings per year", hint: "Default 2" },
    reviewTerms: {
      label: "Terms that need reviews",
      hint: "Separated by commas; empty = the terms in the review sheet",
    },
  },
  errors: {
    number: "Enter a number.",
    integer: "Enter a whole number.",
    dateFormat: "Enter a date as YYYY-MM-DD, e.g. 2022-11-23.",
    dateReal: "That day does not exist; check the month and day.",
    tooSmall: (limit, inclusive) =>
      inclusive ? `Must be at least ${limit}.` : `Must be more than ${limit}.`,
    tooBig: (limit, inclusive) => (inclusive ? `Must be at most ${limit}.` : `Must be less than ${limit}.`),
    notEmpty: "Must not be blank.",
    listEmpty: "Enter at least one item.",
    choice: "Choose from the list.",
    headsOrder: "The minimum must not exceed the maximum.",
    headsBoth: "Enter both the minimum and the maximum.",
    invalid: "This value cannot be used.",
  },

  reportHeading: "Report",
  reportIntro: "Generated from this check's figures; copy them into the self-assessment report and edit.",
  reportEmpty: "After a check, the report sentences appear here.",
  copy: "Copy all",
  copied: "Copied.",
  copyFailed: "The clipboard is not available; select the text and copy it by hand.",
};

/** Every UI catalogue by language. */
export const UI_STRINGS: Readonly<Record<Lang, UiStrings>> = { zh: zhCN, en: enUS };

/** The BCP 47 tag for the `lang` attribute of a language. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { zh: "zh-CN", en: "en-US" };

/** Fold a locale such as `zh-CN`, `zh-Hant-TW` or `en-GB` to a pane language (Chinese or English). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^zh\b/i.test((locale ?? "").trim()) ? "zh" : "en";
}

/** The key under which the user's language choice is kept in localStorage. */
export const LANG_STORAGE_KEY = "ziping.lang";

/** The language the user chose earlier in this browser, if any (storage may be unavailable). */
export function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return v === "zh" || v === "en" ? v : null;
  } catch {
    return null;
  }
}

/** Remember the user's language choice (silently skipped when storage is unavailable). */
export function storeLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Storage can be disabled in some Office webviews; the choice then lasts for this session.
  }
}

/** The current language and its catalogue, provided by the App. */
export interface LangContextValue {
  readonly lang: Lang;
  readonly t: UiStrings;
}

/** React context carrying the pane's language. */
export const LangContext = createContext<LangContextValue>({ lang: "zh", t: zhCN });

/** The current language and catalogue. */
export function useLang(): LangContextValue {
  return useContext(LangContext);
}
