/**
 * 报告要点: sentences for the self-assessment report in the style of the example report, every
 * figure computed from the run. A sentence whose data is missing is left out, never filled with a
 * placeholder; a requirement that is not met is written as such.
 */
import type { Settings } from "../settings";
import type { ActivityTotals, CheckResult, Lang, SummarySheet } from "../types";
import { modelOf, type ActivityFacts } from "../model";
import { unionName } from "./common";
import {
  formatDate,
  formatLimitPercent,
  formatMonth,
  formatNumber,
  formatPercent,
  formatTerm,
  joinList,
  plural,
} from "./format";
import { SUMMARY_SHEET_NAMES } from "./names";

/** Topics of the report sentences, in the order of the example report's sections. */
export const REPORT_TOPICS = [
  "volunteer",
  "meetings",
  "structure",
  "eligibility",
  "congress",
  "trainings",
  "reviews",
] as const;

/** A report topic id. */
export type ReportTopic = (typeof REPORT_TOPICS)[number];

/** One sentence (or a few) of the report, under its topic. */
export interface ReportSentence {
  readonly topic: ReportTopic;
  readonly text: string;
}

const TOPIC_LABELS: Readonly<Record<ReportTopic, Readonly<Record<Lang, string>>>> = {
  volunteer: { zh: "明确职能定位（志愿服务）", en: "Role: volunteer service" },
  meetings: { zh: "改革运行机制（主席例会）", en: "Operation: chairs' meetings" },
  structure: { zh: "坚持精简原则（组织架构）", en: "Lean structure" },
  eligibility: { zh: "明确遴选条件", en: "Selection criteria" },
  congress: { zh: "规范召开代表大会", en: "Student congress" },
  trainings: { zh: "坚持从严治会（全员培训）", en: "Discipline: staff training" },
  reviews: { zh: "建立述职评议制度", en: "Reviews" },
};

/** The heading of a report topic, after the section of the example report it belongs to. */
export function reportTopicLabel(topic: ReportTopic, lang: Lang): string {
  return TOPIC_LABELS[topic][lang];
}

const MAX_ACTIVITY_SENTENCES = 5;
/**
 * An activity counts as run "regularly" (常态化) when it ran in at least this many months, with
 * on average at least two sessions a month: a campaign, not a handful of events.
 */
const REGULAR_MONTHS = 3;
const REGULAR_SESSIONS_PER_MONTH = 2;

function n(x: number, lang: Lang): string {
  return formatNumber(x, lang);
}

function assessmentYear(settings: Settings): string {
  return settings.assessmentDate.slice(0, 4);
}

function structureSentence(result: CheckResult, lang: Lang): string | undefined {
  const staff = result.report.stats.staff;
  if (!staff || staff.total === 0) return undefined;
  const { settings, read } = result;
  const zh = lang === "zh";
  const departments = Object.entries(staff.departments).filter(([name]) => name.trim() !== "");
  const names = departments.map(([name]) => name);
  const heads = departments.map(([, d]) => d.heads);
  const minHeads = heads.length > 0 ? Math.min(...heads) : 0;
  const maxHeads = heads.length > 0 ? Math.max(...heads) : 0;
  const hasColumn = (field: string): boolean =>
    read.tables.some((t) => t.kind === "roster" && t.columns.some((c) => c.field === field));

  const titleFindings = result.report.findings.filter((f) => f.rule === "staff.title");
  const order = new Map(settings.allowedTitles.map((t, i) => [t, i]));
  const titles = Object.keys(staff.titles)
    .filter((t) => t.trim() !== "")
    .sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
  const badTitleRows = new Set(titleFindings.map((f) => `${f.sheet ?? ""}\u0000${f.row ?? ""}`)).size;

  // From the figures (roster rows, as 自评表 item 7): a blank status is not a claim either way.
  const politicalPass = staff.partyOrLeague;
  const politicalKnown = hasColumn("political") && staff.politicalMissing === 0;

  const union = unionName(settings, lang, true);
  const parts: string[] = [];
  if (zh) {
    let first = "";
    if (staff.presidium > 0) first = `${union}实行主席团制，设立主席团成员${n(staff.presidium, lang)}名`;
    if (names.length > 0) {
      // 共 keeps the count apart from the names: "部门1、…、部门45共45个", never "部门4545个".
      first += `${first ? "，" : union}下设${joinList(names, lang)}共${n(names.length, lang)}个工作部门`;
    }
    if (first) parts.push(`${first}。`);
    const clauses: string[] = [];
    let second = "";
    if (names.length > 0) {
      const range = minHeads === maxHeads ? n(minHeads, lang) : `${n(minHeads, lang)}-${n(maxHeads, lang)}`;
      second = `每个部门设负责人${range}人`;
      if (departments.some(([, d]) => d.members > 0)) second += "；其余为学生会工作人员";
    }
    if (hasColumn("title") && titles.length > 0) {
      clauses.push(
        titleFindings.length === 0
          ? `除${joinList(titles, lang)}外未设其他职务`
          : `有${n(badTitleRows, lang)}人的职务不在规定范围内`,
      );
    }
    clauses.push(`总人数为${n(staff.total, lang)}人`);
    if (politicalKnown) {
      clauses.push(
        politicalPass === staff.total
          ? "学生会工作人员均为共产党员或共青团员"
          : `其中共产党员或共青团员${n(politicalPass, lang)}人`,
      );
    }
    parts.push(`${second ? `${second}，` : ""}${clauses.join("，")}。`);
    return parts.join("");
  }

  let first = "";
  if (staff.presidium > 0) {
    first = `${union} has a presidium system with ${plural(staff.presidium, "presidium member")}`;
  }
  if (names.length > 0) {
    first += `${first ? " and " : `${union} has `}${plural(names.length, "department")}: ${joinList(names, lang)}`;
  }
  if (first) parts.push(`${first}.`);
  if (names.length > 0) {
    const range = minHeads === maxHeads ? n(minHeads, lang) : `${n(minHeads, lang)}–${n(maxHeads, lang)}`;
    parts.push(
      `Each department has ${range} ${maxHeads === 1 ? "head" : "heads"}` +
        `${departments.some(([, d]) => d.members > 0) ? "; the others are staff members" : ""}.`,
    );
  }
  if (hasColumn("title") && titles.length > 0) {
    parts.push(
      titleFindings.length === 0
        ? `No titles other than ${joinList(titles, lang)} are used.`
        : `${plural(badTitleRows, "person", "persons")} hold a title outside the allowed list.`,
    );
  }
  let total = `The union has ${plural(staff.total, "staff member")} in total`;
  if (politicalKnown) {
    total +=
      politicalPass === staff.total
        ? ", all of them Party or League members"
        : `, of whom ${n(politicalPass, lang)} are Party or League members`;
  }
  parts.push(`${total}.`);
  return parts.join(" ");
}

function eligibilitySentence(result: CheckResult, lang: Lang): string | undefined {
  const staff = result.report.stats.staff;
  if (!staff || staff.total === 0) return undefined;
  // The figures' check counts: what 资格审查 shows per row and 自评表 item 8 notes.
  const { rank, failed } = staff.checks;
  if (rank.unknown === staff.total && failed.unknown === staff.total) return undefined;
  const percent = `${result.settings.rankTopPercent}%`;
  const zh = lang === "zh";

  if (rank.fail + failed.fail + rank.unknown + failed.unknown === 0) {
    if (zh) {
      const exempt =
        rank.exempt === failed.exempt
          ? rank.exempt > 0
            ? `（${n(rank.exempt, lang)}名新生或研究生按规定免于相应审查）`
            : ""
          : `（${[
              rank.exempt > 0 ? `${n(rank.exempt, lang)}名新生或研究生按规定免于排名审查` : "",
              failed.exempt > 0 ? `${n(failed.exempt, lang)}名新生按规定免于不及格审查` : "",
            ]
              .filter(Boolean)
              .join("，")}）`;
      return `新一届学生会工作人员的综合成绩排名均位于本专业前${percent}，且无课程不及格情况${exempt}。`;
    }
    const exempt = Math.max(rank.exempt, failed.exempt);
    return (
      `All staff of the new term rank within the top ${percent} of their major and have no failed course` +
      `${exempt > 0 ? ` (${plural(exempt, "first-year or graduate student")} exempt as the rules allow)` : ""}.`
    );
  }
  const parts: string[] = [];
  if (zh) {
    if (rank.fail > 0) parts.push(`有${n(rank.fail, lang)}人综合成绩排名未位于本专业前${percent}`);
    if (failed.fail > 0) parts.push(`${n(failed.fail, lang)}人有课程不及格情况`);
    if (rank.unknown > 0) parts.push(`${n(rank.unknown, lang)}人的排名信息缺失或无法识别`);
    if (failed.unknown > 0) parts.push(`${n(failed.unknown, lang)}人的不及格信息缺失或无法识别`);
    return `新一届学生会工作人员中，${parts.join("，")}。`;
  }
  if (rank.fail > 0)
    parts.push(`${plural(rank.fail, "person", "persons")} rank outside the top ${percent} of their major`);
  if (failed.fail > 0) parts.push(`${plural(failed.fail, "person", "persons")} have a failed course`);
  if (rank.unknown > 0)
    parts.push(`the rank of ${plural(rank.unknown, "person", "persons")} is missing or unreadable`);
  if (failed.unknown > 0)
    parts.push(
      `the failed-course record of ${plural(failed.unknown, "person", "persons")} is missing or unreadable`,
    );
  return `Among the staff of the new term, ${joinList(parts, lang)}.`;
}

function ordinal(x: number): string {
  const s =
    x % 100 >= 11 && x % 100 <= 13
      ? "th"
      : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[x % 10] ?? "th");
  return `${x}${s}`;
}

function congressName(session: string | null, lang: Lang): string {
  const s = session?.trim() ?? "";
  if (lang === "zh") {
    if (s === "") return "学生代表大会";
    if (/^\d+$/.test(s)) return `第${s}次学生代表大会`;
    return s.includes("代表大会") ? s : `${s}学生代表大会`;
  }
  if (s === "") return "the student congress";
  if (/^\d+$/.test(s)) return `the ${ordinal(Number(s))} student congress`;
  return `the student congress (${s})`;
}

function congressSentence(result: CheckResult, lang: Lang): string | undefined {
  const { settings } = result;
  const congress = result.report.stats.congress;
  const date = congress?.date ?? settings.congressDate;
  const session = congress?.session ?? settings.congressSession;
  const delegates = congress && congress.delegates > 0 ? congress.delegates : null;
  if (date === null && delegates === null) return undefined;
  const zh = lang === "zh";
  const name = congressName(session, lang);
  const min = settings.delegateRatioMin;
  const ratio = congress?.ratio ?? null;
  // The rule allows the same epsilon: 138 of 13,800 is exactly 1%, not below it.
  const atLimit = ratio !== null && Math.abs(ratio - min) <= 1e-9;

  if (zh) {
    let s = date !== null ? `于${formatDate(date, lang)}召开${name}` : "";
    if (delegates !== null) {
      s += `${s ? "，本次大会" : "本届学生代表大会"}学生代表${n(delegates, lang)}名`;
      if (ratio !== null) {
        // 1.00% rounds 1.0036%; compare the exact ratio with the limit, not the rounded text.
        s += atLimit
          ? `，达到在校生总数的${formatLimitPercent(min)}`
          : ratio > min
            ? `，超过在校生总数的${formatLimitPercent(min)}`
            : `，占在校生总数的${formatPercent(ratio)}，低于${formatLimitPercent(min)}的要求`;
      }
    }
    return `${s}。`;
  }
  let s =
    date !== null
      ? `${name.charAt(0).toUpperCase()}${name.slice(1)} was held on ${formatDate(date, lang)}`
      : "";
  if (delegates !== null) {
    s += s
      ? ` with ${plural(delegates, "delegate")}`
      : `The student congress has ${plural(delegates, "delegate")}`;
    if (ratio !== null) {
      s += atLimit
        ? `, exactly ${formatLimitPercent(min)} of the enrolled students`
        : ratio > min
          ? `, more than ${formatLimitPercent(min)} of the enrolled students`
          : `, ${formatPercent(ratio)} of the enrolled students, below the required ${formatLimitPercent(min)}`;
    }
  }
  return `${s}.`;
}

interface ActivityEntry {
  readonly name: string;
  readonly totals: ActivityTotals;
  readonly facts: ActivityFacts | undefined;
}

/**
 * 今年 only when the whole statistics period lies in the assessment date's calendar year: a period
 * that began the year before makes "this year" ambiguous, so the date is written with its year.
 */
function withinOneYear(settings: Settings): boolean {
  const year = assessmentYear(settings);
  return settings.periodStart.slice(0, 4) === year && settings.periodEnd.slice(0, 4) === year;
}

function activitySentence(
  e: ActivityEntry,
  volunteer: boolean,
  hoursKnown: boolean,
  settings: Settings,
  lang: Lang,
): string {
  const { sessions, personTimes, hours } = e.totals;
  const first = e.facts?.firstDate;
  const months = e.facts?.months ?? 0;
  const regular = months >= REGULAR_MONTHS && sessions >= months * REGULAR_SESSIONS_PER_MONTH;
  const thisYear =
    first !== undefined && first.slice(0, 4) === assessmentYear(settings) && withinOneYear(settings);
  if (lang === "zh") {
    const since =
      first === undefined
        ? "统计期间"
        : thisYear
          ? `自今年${formatDate(first, lang, false)}启动以来，`
          : `自${formatDate(first, lang)}启动以来，`;
    const kind = volunteer ? (e.name.includes("志愿") ? "活动" : "志愿服务活动") : "活动";
    const hoursLabel = volunteer ? "志愿服务时长" : "活动时长";
    // Without recorded hours the sentence says so instead of "累计…0小时".
    const tail = hoursKnown
      ? `，累计${hoursLabel}${n(hours, lang)}小时。`
      : `（活动记录未登记${hoursLabel}，待补充）。`;
    return `${since}${regular ? "常态化" : ""}开展“${e.name}”${kind}${n(sessions, lang)}次，共计${n(personTimes, lang)}人次${tail}`;
  }
  const since =
    first === undefined
      ? "In the period"
      : thisYear
        ? `Since ${formatDate(first, lang, false)} this year`
        : `Since ${formatDate(first, lang)}`;
  const what = volunteer ? "volunteer service" : "activity";
  const figures = hoursKnown
    ? `${plural(sessions, "session")}, ${formatNumber(personTimes, lang)} person-times and ` +
      `${formatNumber(hours, lang)} ${volunteer ? "volunteer " : ""}hours in total.`
    : `${plural(sessions, "session")} and ${formatNumber(personTimes, lang)} person-times ` +
      `(the log records no hours: to be added).`;
  return `${since}, the “${e.name}” ${what} has been run${regular ? " regularly" : ""}: ${figures}`;
}

function activitySentences(result: CheckResult, lang: Lang): string[] {
  const acts = result.report.stats.activities;
  if (!acts) return [];
  const facts = modelOf(result).activityFacts;
  const entries: ActivityEntry[] = Object.entries(acts.byActivity)
    .filter(([, t]) => t.sessions > 0)
    .map(([name, totals]) => ({ name, totals, facts: facts.get(name) }))
    .sort(
      (a, b) =>
        b.totals.personTimes - a.totals.personTimes ||
        b.totals.sessions - a.totals.sessions ||
        (a.name < b.name ? -1 : 1),
    );
  const volunteer = entries.filter((e) => e.facts?.volunteer === true);
  const hoursKnown = acts.hoursRecorded;
  if (volunteer.length === 0) {
    const largest = entries[0];
    return largest ? [activitySentence(largest, false, hoursKnown, result.settings, lang)] : [];
  }
  const out = volunteer
    .slice(0, MAX_ACTIVITY_SENTENCES)
    .map((e) => activitySentence(e, true, hoursKnown, result.settings, lang));
  // The sum is a figure (stats.activities.volunteer), not added up here.
  const sum = acts.volunteer;
  if (sum && sum.activities > 1 && hoursKnown) {
    out.push(
      lang === "zh"
        ? `统计期间共开展志愿服务活动${n(sum.activities, lang)}项${n(sum.sessions, lang)}次，共计${n(sum.personTimes, lang)}人次，累计志愿服务时长${n(sum.hours, lang)}小时。`
        : `In the period, ${plural(sum.activities, "volunteer activity", "volunteer activities")} ran ${plural(sum.sessions, "session")} with ${formatNumber(sum.personTimes, lang)} person-times and ${formatNumber(sum.hours, lang)} volunteer hours in total.`,
    );
  }
  return out;
}

function meetingsSentence(result: CheckResult, lang: Lang): string | undefined {
  const m = result.report.stats.meetings;
  if (!m) return undefined;
  const count = m.chairsMeetings;
  const missing = m.monthsWithoutChairsMeeting.map((x) => formatMonth(x, lang));
  if (lang === "zh") {
    if (count === 0) return "统计期间未召开全校学生会组织主席工作例会。";
    if (missing.length === 0)
      return `定期每月召开全校学生会组织主席工作例会，统计期间共召开${n(count, lang)}次。`;
    return `统计期间召开全校学生会组织主席工作例会${n(count, lang)}次，${joinList(missing, lang)}未召开。`;
  }
  if (count === 0) return "No meeting of the union chairs was held in the period.";
  if (missing.length === 0) {
    return `A meeting of the union chairs is held every month: ${plural(count, "meeting")} in the period.`;
  }
  return `${plural(count, "meeting")} of the union chairs were held in the period; none in ${joinList(missing, lang)}.`;
}

function trainingsSentence(result: CheckResult, lang: Lang): string | undefined {
  const m = result.report.stats.meetings;
  if (!m) return undefined;
  const count = m.trainings;
  const required = result.settings.trainingsPerYear;
  const union = unionName(result.settings, lang, true);
  if (lang === "zh") {
    if (count === 0) return "统计期间未开展学生会组织工作人员全员培训。";
    const base = `${union}在统计期间开展学生会组织工作人员全员培训${n(count, lang)}次`;
    return count >= required ? `${base}。` : `${base}，少于每年${n(required, lang)}次的要求。`;
  }
  if (count === 0) return "No full-staff training was held in the period.";
  const base = `${union} held ${plural(count, "full-staff training")} in the period`;
  return count >= required ? `${base}.` : `${base}, fewer than the ${n(required, lang)} a year required.`;
}

function reviewsSentence(result: CheckResult, lang: Lang): string | undefined {
  const r = result.report.stats.reviews;
  if (!r || r.required === 0) return undefined;
  const terms =
    r.terms.length > 0
      ? joinList(
          r.terms.map((t) => formatTerm(t, lang)),
          lang,
        )
      : "";
  const done = Math.min(r.done, r.required);
  if (lang === "zh") {
    const period = terms ? `统计期间（${terms}）` : "统计期间";
    if (done >= r.required) {
      return `主席团成员和工作部门负责人每学期向评议会述职，${period}应述职${n(r.required, lang)}人次，已述职${n(r.done, lang)}人次。`;
    }
    return `${period}主席团成员和工作部门负责人应述职${n(r.required, lang)}人次，已述职${n(r.done, lang)}人次，尚有${n(r.required - done, lang)}人次未述职。`;
  }
  const period = terms ? `in the period (${terms})` : "in the period";
  if (done >= r.required) {
    return `Presidium members and department heads report to the review panel every term: all ${n(r.required, lang)} required reviews were held ${period}.`;
  }
  return `Presidium members and department heads had ${n(r.required, lang)} required reviews ${period}; ${n(r.done, lang)} were held and ${n(r.required - done, lang)} are missing.`;
}

/** The report sentences that the data supports, in the order of the example report's sections. */
export function reportSentences(result: CheckResult, lang: Lang): ReportSentence[] {
  const out: ReportSentence[] = [];
  const add = (topic: ReportTopic, text: string | undefined): void => {
    if (text !== undefined && text !== "") out.push({ topic, text });
  };
  for (const s of activitySentences(result, lang)) add("volunteer", s);
  add("meetings", meetingsSentence(result, lang));
  add("structure", structureSentence(result, lang));
  add("eligibility", eligibilitySentence(result, lang));
  add("congress", congressSentence(result, lang));
  add("trainings", trainingsSentence(result, lang));
  add("reviews", reviewsSentence(result, lang));
  return out;
}

const TEXT = {
  zh: {
    title: (school: string) => `${school}学生会改革自评报告要点（由数据生成，请核对后使用）`,
    headers: ["序号", "方面", "要点"],
    none: "数据不足，未生成报告要点。",
  },
  en: {
    title: (school: string) =>
      `${school ? `${school}: ` : ""}Points for the self-assessment report (generated from the data; check before use)`,
    headers: ["No.", "Topic", "Text"],
    none: "Not enough data to write any point of the report.",
  },
} as const;

/** Build the 报告要点 sheet: one row per sentence, with its topic. */
export function reportSheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const sentences = reportSentences(result, lang);
  const widths = [6, 20, 70];
  return {
    id: "report",
    name: SUMMARY_SHEET_NAMES.report[lang],
    title: t.title(result.settings.schoolName ?? ""),
    blocks: [
      {
        id: "sentences",
        columns: t.headers.map((header, i) => ({
          header,
          width: widths[i] ?? 12,
          format: i === 0 ? ("integer" as const) : ("text" as const),
        })),
        rows:
          sentences.length > 0
            ? sentences.map((s, i) => [i + 1, reportTopicLabel(s.topic, lang), s.text])
            : [[null, null, t.none]],
      },
    ],
  };
}
