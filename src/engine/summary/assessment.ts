/** 自评表: the self-assessment table (指标 | 结论 | 备注) and the facts it is judged on. */
import type {
  CheckResult,
  ColumnFormat,
  Indicator,
  Lang,
  SummaryBlock,
  SummaryCell,
  SummarySheet,
} from "../types";
import { periodText } from "./common";
import { formatDate, formatNumber } from "./format";
import { formatIndicatorNotes, indicatorText, markSymbol, verdictText } from "./indicatorText";
import { SUMMARY_SHEET_NAMES } from "./names";

const TEXT = {
  zh: {
    title: (school: string) => `${school}学生会组织改革自评表`,
    item: "项目",
    value: "内容",
    school: "学校名称",
    level: "组织层级",
    levels: { school: "校级", college: "院级" },
    assessmentDate: "评估基准日",
    period: "统计期间",
    enrollment: "在校生总数",
    number: "序号",
    indicator: "指标",
    verdict: "结论",
    notes: "备注",
    others: "其他改革要求",
  },
  en: {
    title: (school: string) => `${school ? `${school}: ` : ""}Student union reform self-assessment`,
    item: "Item",
    value: "Value",
    school: "School",
    level: "Level",
    levels: { school: "school", college: "college" },
    assessmentDate: "Assessment date",
    period: "Period",
    enrollment: "Enrollment",
    number: "No.",
    indicator: "Indicator",
    verdict: "Verdict",
    notes: "Notes",
    others: "Other reform requirements",
  },
} as const;

/**
 * One column grid for every block of the sheet, chosen so the sheet fits A4 portrait: 序号/项目,
 * 指标/内容, 结论, 备注. Each block states these widths, so none forces its own on another.
 */
const GRID = { first: 12, text: 46, verdict: 8, notes: 30 } as const;

function indicatorCell(ind: Indicator, result: CheckResult, lang: Lang): string {
  const mark = markSymbol(ind.mark);
  return `${mark}${indicatorText(ind.id, lang, result.settings)}`;
}

/** Build the 自评表 sheet: a facts block, the numbered indicators 1–11 and the other requirements. */
export function assessmentSheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const { settings } = result;
  const facts: SummaryCell[][] = [];
  if (settings.schoolName !== null) facts.push([t.school, settings.schoolName]);
  facts.push([t.level, t.levels[settings.level]]);
  facts.push([t.assessmentDate, formatDate(settings.assessmentDate, lang)]);
  facts.push([t.period, periodText(settings, lang)]);
  if (settings.enrollment !== null) facts.push([t.enrollment, formatNumber(settings.enrollment, lang)]);

  const indicatorBlock = (
    id: string,
    indicators: readonly Indicator[],
    numberFormat: ColumnFormat,
    number: (ind: Indicator) => SummaryCell,
  ): SummaryBlock => ({
    id,
    columns: [
      { header: t.number, width: GRID.first, format: numberFormat },
      { header: t.indicator, width: GRID.text, format: "text" },
      { header: t.verdict, width: GRID.verdict, format: "text" },
      { header: t.notes, width: GRID.notes, format: "text" },
    ],
    rows: indicators.map((ind) => [
      number(ind),
      indicatorCell(ind, result, lang),
      verdictText(ind.verdict, lang),
      formatIndicatorNotes(ind.notes, lang),
    ]),
  });
  const numbered = result.report.indicators.filter((i) => /^\d+$/.test(i.id));
  const others = result.report.indicators.filter((i) => !/^\d+$/.test(i.id));
  const blocks: SummaryBlock[] = [
    {
      id: "facts",
      columns: [
        { header: t.item, width: GRID.first, format: "text" },
        { header: t.value, width: GRID.text, format: "text" },
      ],
      rows: facts,
    },
    indicatorBlock("indicators", numbered, "integer", (ind) => Number(ind.id)),
  ];
  if (others.length > 0) {
    // The same grid as the numbered table, so its text sits under 指标 and not under 序号.
    blocks.push({ ...indicatorBlock("other-rules", others, "text", () => null), caption: t.others });
  }
  return {
    id: "assessment",
    name: SUMMARY_SHEET_NAMES.assessment[lang],
    title: t.title(settings.schoolName ?? ""),
    blocks,
  };
}
