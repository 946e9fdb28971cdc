/**
 * The self-assessment report draft as plain data, in the structure of the example report
 * (../shared/domain/example-self-assessment-report.zh.txt): title and date, 一、改革措施 with the
 * sections (一)…(十一), 二、下一步推进计划, and the 自评表 as a table. Sentences come from
 * {@link reportSentences} (so the Word draft says what 报告要点 says); every generated sentence is
 * marked for a person to confirm, and sections the sheets cannot know are headed placeholders.
 * The docx adapter (src/adapters/docx) lays it out; nothing here knows about Word.
 */
import type { CheckResult, Indicator, Lang } from "../types";
import { formatDate } from "./format";
import { formatIndicatorNotes, indicatorText, markSymbol, verdictText } from "./indicatorText";
import { reportSentences, type ReportTopic } from "./reportSentences";

/** One paragraph: generated text a person must confirm, or a placeholder a person must write. */
export interface ReportParagraph {
  readonly text: string;
  /** "confirm": generated from the data, check before use; "fill": a placeholder to write. */
  readonly mark: "confirm" | "fill";
}

/** One numbered section of 一、改革措施. */
export interface ReportSection {
  readonly heading: string;
  readonly paragraphs: readonly ReportParagraph[];
}

/** The whole draft. */
export interface ReportDocument {
  readonly title: string;
  /** "时间：2022年12月9日". */
  readonly dateLine: string;
  /** Opening paragraph(s): a placeholder, the sheets cannot know them. */
  readonly intro: readonly ReportParagraph[];
  readonly measuresHeading: string;
  readonly sections: readonly ReportSection[];
  readonly planHeading: string;
  /** Numbered open problems (and what remains to confirm). */
  readonly plan: readonly ReportParagraph[];
  readonly tableHeading: string;
  readonly tableHeaders: readonly [string, string, string];
  /** 指标 | 结论 | 备注 per indicator, numbered ones first. */
  readonly tableRows: ReadonlyArray<readonly [string, string, string]>;
  /** What the marks mean, printed under the title. */
  readonly legend: string;
  /** The marks themselves, as printed after a paragraph. */
  readonly marks: { readonly confirm: string; readonly fill: string };
}

/** A section of the example report: its heading and the sentence topics that belong to it. */
interface SectionSpec {
  readonly heading: Readonly<Record<Lang, string>>;
  readonly topics: readonly ReportTopic[];
  /** Indicators whose verdicts speak to the section when no sentence does. */
  readonly indicators?: readonly string[];
}

const SECTIONS: readonly SectionSpec[] = [
  { heading: { zh: "（一）明确职能定位方面", en: "(1) Role" }, topics: ["volunteer"], indicators: ["1"] },
  { heading: { zh: "（二）改革运行机制方面", en: "(2) Operation" }, topics: ["meetings"], indicators: ["2"] },
  { heading: { zh: "（三）坚持精简原则方面", en: "(3) Lean structure" }, topics: ["structure"] },
  { heading: { zh: "（四）明确遴选条件方面", en: "(4) Selection criteria" }, topics: ["eligibility"] },
  {
    heading: { zh: "（五）严格遴选程序方面", en: "(5) Selection procedure" },
    topics: [],
    indicators: ["9", "10"],
  },
  { heading: { zh: "（六）规范召开代表大会方面", en: "(6) Student congress" }, topics: ["congress"] },
  { heading: { zh: "（七）坚持从严治会方面", en: "(7) Discipline" }, topics: ["trainings"] },
  { heading: { zh: "（八）建立述职评议制度方面", en: "(8) Reviews" }, topics: ["reviews"] },
  {
    heading: { zh: "（九）落实党委的全面领导方面", en: "(9) Leadership of the Party committee" },
    topics: [],
  },
  {
    heading: { zh: "（十）加强团委的具体指导方面", en: "(10) Guidance of the League committee" },
    topics: [],
  },
  {
    heading: { zh: "（十一）规范临时团支部的组织方面", en: "(11) The union's provisional League branch" },
    topics: [],
  },
];

const TEXT = {
  zh: {
    title: (school: string) => `${school}学生会深化改革评估自评报告`,
    date: (d: string) => `时间：${d}`,
    intro: "开篇概述：学习贯彻的精神、改革的总体情况（表格数据无法给出，请撰写）。",
    measures: "一、改革措施",
    plan: "二、下一步推进计划",
    table: "附：校级学生会组织改革自评表",
    headers: ["指标", "结论", "备注"] as const,
    fill: (heading: string) =>
      `${heading.replace(/^（[^）]+）|方面$/g, "")}的具体做法（表格数据无法给出，请撰写）。`,
    indicator: (id: string, text: string, verdict: string, notes: string) =>
      `自评表第${id}项“${text}”，自评结论为“${verdict}”${notes ? `（${notes}）` : ""}。`,
    no: (id: string, text: string, notes: string) =>
      `整改自评表第${id}项：${text}${notes ? `（${notes}）` : ""}。`,
    unknown: (id: string, text: string, notes: string) =>
      `核实自评表第${id}项：${text}${notes ? `（${notes}）` : ""}。`,
    findings: (errors: number, warnings: number) =>
      `逐项处理问题清单所列的${errors}项错误${warnings > 0 ? `和${warnings}项警告` : ""}，补齐并更正原始记录。`,
    noProblems: "数据未显示需整改的问题；请结合实际填写下一步工作计划。",
    legend:
      "本稿由自评助手根据工作簿数据生成。标有【请核对】的内容须逐项核对后使用，标有【待填写】的部分须人工撰写。",
    confirm: "【请核对】",
    fillMark: "【待填写】",
  },
  en: {
    title: (school: string) => `${school ? `${school}: ` : ""}Student union reform self-assessment report`,
    date: (d: string) => `Date: ${d}`,
    intro:
      "Opening: the guidance followed and the reform overall (the sheets cannot give this; please write it).",
    measures: "1. Reform measures",
    plan: "2. Next steps",
    table: "Annex: self-assessment table",
    headers: ["Indicator", "Verdict", "Notes"] as const,
    fill: (heading: string) =>
      `What was done for ${heading.replace(/^\(\d+\)\s*/, "")} (the sheets cannot give this; please write it).`,
    indicator: (id: string, text: string, verdict: string, notes: string) =>
      `Self-assessment item ${id} "${text}": ${verdict}${notes ? ` (${notes})` : ""}.`,
    no: (id: string, text: string, notes: string) =>
      `Remedy item ${id}: ${text}${notes ? ` (${notes})` : ""}.`,
    unknown: (id: string, text: string, notes: string) =>
      `Confirm item ${id}: ${text}${notes ? ` (${notes})` : ""}.`,
    findings: (errors: number, warnings: number) =>
      `Resolve the ${errors} errors${warnings > 0 ? ` and ${warnings} warnings` : ""} listed in the problem list and correct the records.`,
    noProblems: "The data shows nothing to remedy; please write the next steps.",
    legend:
      "Drafted by ziping from the workbook. Text marked [check] must be checked before use; parts marked [to write] must be written by a person.",
    confirm: "[check]",
    fillMark: "[to write]",
  },
} as const;

/** The indicator's wording without its source note, for running text. */
function shortText(ind: Indicator, result: CheckResult, lang: Lang): string {
  return indicatorText(ind.id, lang, result.settings).replace(/（依据：[^）]*）$| \(source: [^)]*\)$/u, "");
}

/** Build the report draft of a check. */
export function reportDocument(result: CheckResult, lang: Lang): ReportDocument {
  const t = TEXT[lang];
  const { settings, report } = result;
  const sentences = reportSentences(result, lang);
  const byId = new Map(report.indicators.map((i) => [i.id, i]));
  const confirm = (text: string): ReportParagraph => ({ text, mark: "confirm" });
  const fill = (text: string): ReportParagraph => ({ text, mark: "fill" });

  const sections: ReportSection[] = SECTIONS.map((spec) => {
    const heading = spec.heading[lang];
    const paragraphs: ReportParagraph[] = sentences
      .filter((s) => spec.topics.includes(s.topic))
      .map((s) => confirm(s.text));
    for (const id of spec.indicators ?? []) {
      const ind = byId.get(id);
      if (!ind) continue;
      const notes = formatIndicatorNotes(ind.notes, lang);
      paragraphs.push(
        confirm(t.indicator(id, shortText(ind, result, lang), verdictText(ind.verdict, lang), notes)),
      );
    }
    // Every section also asks for what only people know; a section without data is only that.
    paragraphs.push(fill(t.fill(heading)));
    return { heading, paragraphs };
  });

  const plan: ReportParagraph[] = [];
  const numbered = report.indicators.filter((i) => /^\d+$/.test(i.id));
  for (const ind of numbered.filter((i) => i.verdict === "no"))
    plan.push(confirm(t.no(ind.id, shortText(ind, result, lang), formatIndicatorNotes(ind.notes, lang))));
  for (const ind of numbered.filter((i) => i.verdict === "unknown"))
    plan.push(
      confirm(t.unknown(ind.id, shortText(ind, result, lang), formatIndicatorNotes(ind.notes, lang))),
    );
  const { errors, warnings } = report.summary;
  if (errors + warnings > 0) plan.push(confirm(t.findings(errors, warnings)));
  if (plan.length === 0) plan.push(fill(t.noProblems));
  const numberedPlan = plan.map((p, i) => ({ ...p, text: `${i + 1}.${lang === "zh" ? "" : " "}${p.text}` }));

  const ordered = [...numbered, ...report.indicators.filter((i) => !/^\d+$/.test(i.id))];
  const tableRows = ordered.map(
    (ind) =>
      [
        `${/^\d+$/.test(ind.id) ? `${ind.id}. ` : ""}${markSymbol(ind.mark)}${indicatorText(ind.id, lang, settings)}`,
        verdictText(ind.verdict, lang),
        formatIndicatorNotes(ind.notes, lang),
      ] as const,
  );

  return {
    title: t.title(settings.schoolName ?? ""),
    dateLine: t.date(formatDate(settings.assessmentDate, lang)),
    intro: [fill(t.intro)],
    measuresHeading: t.measures,
    sections,
    planHeading: t.plan,
    plan: numberedPlan,
    tableHeading: t.table,
    tableHeaders: t.headers,
    tableRows,
    legend: t.legend,
    marks: { confirm: t.confirm, fill: t.fillMark },
  };
}
