/**
 * Words of the self-assessment table: each indicator's wording (a paraphrase of the 自评表 item or
 * rule, naming its source text), the verdict words, and the 备注 notes rendered from their keys.
 */
import { fieldLabel, tableLabel } from "../i18n";
import type { Settings } from "../settings";
import type { FieldName, FindingValue, Indicator, Lang, TableKind, Verdict } from "../types";
import {
  formatDate,
  formatLimitPercent,
  formatMonth,
  formatNumber,
  formatPercent,
  joinList,
  plural,
  splitListParam,
} from "./format";

const SELF_ASSESSMENT = { zh: "校级学生会组织改革自评表", en: "self-assessment table" } as const;
const CONGRESS_RULES = { zh: "《高校学生代表大会工作规则》", en: "Rules for student congresses" } as const;
const LOCAL_RULES = { zh: "校内工作制度", en: "local union rules" } as const;

function source(lang: Lang, text: string, item?: number): string {
  if (lang === "zh") return `（依据：${text}${item !== undefined ? `第${item}项` : ""}）`;
  return ` (source: ${text}${item !== undefined ? `, item ${item}` : ""})`;
}

/** Limits as text, from the settings when given, else the national defaults of reform-rules.md. */
function limits(lang: Lang, settings?: Settings) {
  // A head-count cap: the school's own number, or without settings the rule's caps by level.
  const headCount = (cap: number | undefined, byLevel: Readonly<Record<Lang, string>>): string =>
    cap === undefined ? byLevel[lang] : lang === "zh" ? `${cap}人` : `${cap}`;
  return {
    staff: headCount(settings?.staffMax, {
      zh: "规定人数（校级40人，规模较大高校60人，院级30人）",
      en: "the cap (school 40, large schools 60, college 30)",
    }),
    presidium: headCount(settings?.presidiumMax, {
      zh: "规定人数（校级5人，院级3人）",
      en: "the cap (school 5, college 3)",
    }),
    departments: String(settings?.departmentsMax ?? 6),
    rank: `${settings?.rankTopPercent ?? 30}%`,
    months: settings?.congressMaxMonths ?? 12,
    delegates: formatLimitPercent(settings?.delegateRatioMin ?? 0.01),
    nonOfficers: formatLimitPercent(settings?.nonOfficerShareMin ?? 0.6),
    trainings: settings?.trainingsPerYear ?? 2,
  };
}

/**
 * The 指标 wording of an indicator, naming its source; with settings, the limits are the school's.
 * Unknown ids return the id itself.
 */
export function indicatorText(id: string, lang: Lang, settings?: Settings): string {
  const l = limits(lang, settings);
  const sa = SELF_ASSESSMENT[lang];
  if (lang === "zh") {
    switch (id) {
      case "1":
        return `学生会组织不承担宿舍管理、校园文明纠察、安全保卫等行政管理职能${source(lang, sa, 1)}`;
      case "2":
        return `组织架构为“主席团+工作部门”模式，未设常设性的中心、项目办公室等机构${source(lang, sa, 2)}`;
      case "3":
        return `工作人员总数不超过${l.staff}${source(lang, sa, 3)}`;
      case "4":
        return `主席团成员不超过${l.presidium}${source(lang, sa, 4)}`;
      case "5":
        return `工作部门不超过${l.departments}个${source(lang, sa, 5)}`;
      case "6":
        return `仅设主席团成员（主席、副主席、执行主席、轮值主席等）、部门负责人和干事等规定职务，未设部长助理、主任、秘书长等其他职务${source(lang, sa, 6)}`;
      case "7":
        return `工作人员均为中共党员（含预备党员）或共青团员${source(lang, sa, 7)}`;
      case "8":
        return `工作人员综合成绩排名位于本专业前${l.rank}，且无课程不及格（新生免查，研究生只查不及格）${source(lang, sa, 8)}`;
      case "9":
        return `主席团候选人由学院团组织推荐、学院党组织同意，经校党委学生工作部门和校团委联合审查后报校党委确定；工作部门成员由学院团组织推荐，经校党委学生工作部门和校团委审核后确定${source(lang, sa, 9)}`;
      case "10":
        return `主席团成员由学生代表大会直接选举产生，不由常设机构选举${source(lang, sa, 10)}`;
      case "11":
        return `按期召开学生代表大会（评估基准日前${l.months}个月内）${source(lang, sa, 11)}`;
      case "congress.delegates":
        return `学生代表大会代表人数不少于在校学生总数的${l.delegates}${source(lang, CONGRESS_RULES.zh)}`;
      case "congress.non-officers":
        return `非学生会工作人员代表不少于代表总数的${l.nonOfficers}${source(lang, CONGRESS_RULES.zh)}`;
      case "reviews":
        return `主席团成员和工作部门负责人每学期向评议会述职，接受政治学习、道德品行、学习情况、工作成效、纪律作风等方面的评议${source(lang, LOCAL_RULES.zh)}`;
      case "trainings":
        return `每年春、秋季开展学生会组织工作人员全员培训（每年不少于${l.trainings}次）${source(lang, LOCAL_RULES.zh)}`;
      case "chairs-meetings":
        return `每月召开全校学生会组织主席工作例会${source(lang, LOCAL_RULES.zh)}`;
      default:
        return id;
    }
  }
  switch (id) {
    case "1":
      return `The union takes on no administrative duty such as dormitory management, campus discipline patrols or security${source(lang, sa, 1)}`;
    case "2":
      return `The structure is "presidium + departments", with no standing centre or project-office layer${source(lang, sa, 2)}`;
    case "3":
      return `Staff total does not exceed ${l.staff}${source(lang, sa, 3)}`;
    case "4":
      return `Presidium members do not exceed ${l.presidium}${source(lang, sa, 4)}`;
    case "5":
      return `Departments do not exceed ${l.departments}${source(lang, sa, 5)}`;
    case "6":
      return `Only presidium posts, department heads and staff members; no other titles such as assistant head, director or secretary-general${source(lang, sa, 6)}`;
    case "7":
      return `Every staff member is a Party member (incl. probationary) or a League member${source(lang, sa, 7)}`;
    case "8":
      return `Every staff member ranks within the top ${l.rank} of the major and has no failed course (first-years exempt; graduate students: failed courses only)${source(lang, sa, 8)}`;
    case "9":
      return `Presidium candidates are nominated by the college League branch, approved by the college Party organisation, reviewed jointly by the Party student-work office and the League committee and confirmed by the Party committee; department staff are nominated by the college League branch and reviewed by the same two offices${source(lang, sa, 9)}`;
    case "10":
      return `The presidium is elected by the student congress itself, not by a standing body${source(lang, sa, 10)}`;
    case "11":
      return `The student congress is held on schedule (within ${l.months} months before the assessment date)${source(lang, sa, 11)}`;
    case "congress.delegates":
      return `Congress delegates are at least ${l.delegates} of all students${source(lang, CONGRESS_RULES.en)}`;
    case "congress.non-officers":
      return `Delegates who are not union officers are at least ${l.nonOfficers} of all delegates${source(lang, CONGRESS_RULES.en)}`;
    case "reviews":
      return `Presidium members and department heads report to the review panel every term (political study, conduct, studies, work results, discipline)${source(lang, LOCAL_RULES.en)}`;
    case "trainings":
      return `Full-staff training every spring and autumn (at least ${l.trainings} a year)${source(lang, LOCAL_RULES.en)}`;
    case "chairs-meetings":
      return `A monthly meeting of the union chairs${source(lang, LOCAL_RULES.en)}`;
    default:
      return id;
  }
}

/** The verdict word: 是 / 否 / 待确认, or yes / no / to confirm. */
export function verdictText(verdict: Verdict, lang: Lang): string {
  const words = {
    zh: { yes: "是", no: "否", unknown: "待确认" },
    en: { yes: "yes", no: "no", unknown: "to confirm" },
  };
  return words[lang][verdict];
}

/** The mark shown before an indicator's text: ★ core, ▲ observed, or nothing. */
export function markSymbol(mark: Indicator["mark"]): string {
  return mark === "core" ? "★" : mark === "observed" ? "▲" : "";
}

/** A table kind's name for texts (工作人员名单 / staff roster), as the message catalogue names it. */
export function tableName(kind: TableKind, lang: Lang): string {
  return tableLabel(kind, lang);
}

function num(v: FindingValue | undefined, lang: Lang): string {
  return typeof v === "number" ? formatNumber(v, lang) : String(v ?? "");
}

function str(v: FindingValue | undefined): string {
  return v === undefined || v === null ? "" : String(v);
}

/** Render one 备注 note from its key and parameters; unknown keys render as the key itself. */
export function formatIndicatorNote(n: Indicator["notes"][number], lang: Lang): string {
  const p = n.params ?? {};
  const zh = lang === "zh";
  const count = num(p["count"], lang);
  const countN = typeof p["count"] === "number" ? p["count"] : 0;
  const items = (key: string): string => joinList(splitListParam(p[key]), lang);
  switch (n.key) {
    case "data.no-table":
      return zh
        ? `未找到${tableName(str(p["table"]) as TableKind, lang)}，无法自动核查`
        : `no ${tableName(str(p["table"]) as TableKind, lang)} found; cannot check`;
    case "data.no-column": {
      const table = tableLabel(str(p["table"]) as TableKind, lang);
      const field = fieldLabel(str(p["field"]) as FieldName, lang);
      return zh
        ? `${table}缺少“${field}”列，无法自动核查`
        : `the ${table} has no "${field}" column; cannot check`;
    }
    case "data.cannot-check":
      return zh ? "数据不足，无法自动核查" : "not enough data to check automatically";
    case "data.no-enrollment":
      return zh ? "未填写在校生总数，无法计算比例" : "enrollment not given; the share cannot be computed";
    case "level.school-only":
      return zh ? "本项为校级学生会指标" : "a school-level indicator";
    case "departments.flagged":
      return zh ? `需核实的部门名称：${items("names")}` : `department names to verify: ${items("names")}`;
    case "departments.checked":
      return zh ? `已核对${count}个部门名称` : `${plural(countN, "department name")} checked`;
    case "structure.model":
      return zh
        ? `主席团${num(p["presidium"], lang)}人，工作部门${num(p["departments"], lang)}个`
        : `presidium of ${num(p["presidium"], lang)}, ${num(p["departments"], lang)} departments`;
    case "staff.actual":
      return zh
        ? `实有${count}人（上限${num(p["limit"], lang)}人）`
        : `${plural(countN, "staff member")} (limit ${num(p["limit"], lang)})`;
    case "staff.large-school":
      return zh ? "按规模较大高校标准" : "limit for large schools applies";
    case "presidium.actual":
      return zh
        ? `实有${count}人（上限${num(p["limit"], lang)}人）`
        : `${plural(countN, "member")} (limit ${num(p["limit"], lang)})`;
    case "departments.actual":
      return zh
        ? `实有${count}个（上限${num(p["limit"], lang)}个）`
        : `${plural(countN, "department")} (limit ${num(p["limit"], lang)})`;
    case "departments.heads": {
      const range =
        p["min"] === p["max"] ? num(p["min"], lang) : `${num(p["min"], lang)}-${num(p["max"], lang)}`;
      return zh ? `每个部门负责人${range}人` : `${range} heads per department`;
    }
    case "titles.ok":
      return zh ? `职务：${items("titles")}` : `titles: ${items("titles")}`;
    case "titles.invalid":
      return zh
        ? `${count}人的职务不在规定范围内：${items("titles")}`
        : `${plural(countN, "person", "persons")} with a title outside the list: ${items("titles")}`;
    case "political.all":
      return zh ? `${count}人均为党员或团员` : `all ${count} are Party or League members`;
    case "political.some":
      return zh
        ? `${num(p["total"], lang)}人中${count}人为党员或团员`
        : `${count} of ${num(p["total"], lang)} are Party or League members`;
    case "political.unknown":
      return zh ? `${count}人政治面貌缺失或无法识别` : `${count} with a missing or unreadable status`;
    case "rank.ok":
      return zh
        ? `${count}人排名均在本专业前${num(p["percent"], lang)}%`
        : `${count} rank within the top ${num(p["percent"], lang)}%`;
    case "rank.failed":
      return zh
        ? `${count}人排名不在本专业前${num(p["percent"], lang)}%`
        : `${count} rank outside the top ${num(p["percent"], lang)}%`;
    case "rank.unknown":
      return zh ? `${count}人排名缺失或无法识别` : `${count} with a missing or unreadable rank`;
    case "rank.exempt":
      return zh
        ? `${count}人免于排名审查（新生或研究生）`
        : `${count} exempt from the rank (first-years, graduate students)`;
    case "failed.none":
      return zh ? `${count}人均无不及格课程` : `${count} with no failed course`;
    case "failed.some":
      return zh ? `${count}人有不及格课程` : `${count} with a failed course`;
    case "failed.unknown":
      return zh ? `${count}人不及格情况缺失或无法识别` : `${count} with missing or unreadable failed courses`;
    case "failed.exempt":
      return zh ? `${count}人免于不及格审查（新生）` : `${count} exempt from failed courses (first-years)`;
    case "route.not-recorded":
      return zh
        ? "名单未记录遴选途径，需人工确认"
        : "the roster does not record the selection route; confirm by hand";
    case "route.recorded":
      return zh ? `${count}人均记录了遴选途径，请核对` : `route recorded for all ${count}; please review`;
    case "route.missing":
      return zh
        ? `${num(p["total"], lang)}人中${count}人未记录遴选途径`
        : `no route recorded for ${count} of ${num(p["total"], lang)}`;
    case "manual.congress-election":
      return zh
        ? "需人工确认主席团是否由学生代表大会直接选举产生"
        : "confirm by hand that the congress itself elected the presidium";
    case "congress.no-date":
      return zh ? "未填写学生代表大会召开日期" : "no congress date given";
    case "congress.date":
      return zh
        ? `召开日期为${formatDate(str(p["date"]), lang)}`
        : `held on ${formatDate(str(p["date"]), lang)}`;
    case "congress.session":
      return zh ? `届次：${str(p["session"])}` : `session: ${str(p["session"])}`;
    case "congress.within":
      return zh
        ? `在评估基准日前${num(p["months"], lang)}个月内`
        : `within ${num(p["months"], lang)} months before the assessment date`;
    case "congress.overdue":
      return zh
        ? `距评估基准日已超过${num(p["months"], lang)}个月`
        : `more than ${num(p["months"], lang)} months before the assessment date`;
    case "congress.delegates":
      return zh
        ? `代表${count}名，占在校生${formatPercent(Number(p["ratio"]))}（不低于${formatLimitPercent(Number(p["min"]))}）`
        : `${plural(countN, "delegate")}, ${formatPercent(Number(p["ratio"]))} of students (at least ${formatLimitPercent(Number(p["min"]))})`;
    case "congress.delegates-count":
      return zh ? `代表${count}名` : plural(countN, "delegate");
    case "congress.non-officers":
      return zh
        ? `非学生会工作人员代表占${formatPercent(Number(p["share"]))}（不低于${formatLimitPercent(Number(p["min"]))}）`
        : `non-officers are ${formatPercent(Number(p["share"]))} of delegates (at least ${formatLimitPercent(Number(p["min"]))})`;
    case "reviews.done":
      return zh
        ? `应述职${num(p["required"], lang)}人次，已述职${num(p["done"], lang)}人次`
        : `${num(p["done"], lang)} of ${num(p["required"], lang)} required reviews held`;
    case "reviews.terms":
      return zh ? `学期：${items("terms")}` : `terms: ${items("terms")}`;
    case "trainings.count":
      return zh
        ? `全员培训${count}次（每年不少于${num(p["required"], lang)}次）`
        : `${plural(countN, "training")} (at least ${num(p["required"], lang)} a year)`;
    case "meetings.count":
      return zh ? `主席例会${count}次` : plural(countN, "chairs' meeting");
    case "meetings.missing-months": {
      const months = joinList(
        splitListParam(p["months"]).map((m) => formatMonth(m, lang)),
        lang,
      );
      return zh ? `未召开例会的月份：${months}` : `months without a meeting: ${months}`;
    }
    default:
      return n.key;
  }
}

/** All notes of an indicator as one 备注 text (`；` / `; ` between notes). */
export function formatIndicatorNotes(notes: Indicator["notes"], lang: Lang): string {
  return notes.map((n) => formatIndicatorNote(n, lang)).join(lang === "zh" ? "；" : "; ");
}
