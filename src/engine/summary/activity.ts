/** 活动统计: activity totals, by category, by month (with a chart of hours) and by activity. */
import type { ActivityTotals, CheckResult, Lang, SummaryBlock, SummaryCell, SummarySheet } from "../types";
import { modelOf } from "../model";
import { noDataBlock, periodText } from "./common";
import { formatMonth } from "./format";
import { SUMMARY_SHEET_NAMES } from "./names";

const TEXT = {
  zh: {
    title: (period: string) => `活动统计（${period}）`,
    totals: "总体情况",
    byCategory: "按类别",
    byMonth: "按月份",
    byActivity: "按活动",
    sessions: "活动场次",
    personTimes: "参与人次",
    people: "参与人数",
    hours: "服务时长（小时）",
    first: "首次活动日期",
    last: "最近活动日期",
    category: "类别",
    month: "月份",
    activity: "活动名称",
    hoursShare: "时长占比",
    uncategorised: "（未分类）",
    chart: "各月服务时长（小时）",
    none: "未识别到活动记录，无法生成活动统计。",
    noneHeader: "说明",
  },
  en: {
    title: (period: string) => `Activity statistics (${period})`,
    totals: "Totals",
    byCategory: "By category",
    byMonth: "By month",
    byActivity: "By activity",
    sessions: "Sessions",
    personTimes: "Person-times",
    people: "Persons",
    hours: "Hours",
    first: "First date",
    last: "Last date",
    category: "Category",
    month: "Month",
    activity: "Activity",
    hoursShare: "Share of hours",
    uncategorised: "(no category)",
    chart: "Hours by month",
    none: "No activity log recognised; no activity statistics.",
    noneHeader: "Note",
  },
} as const;

function bySize(a: [string, ActivityTotals], b: [string, ActivityTotals]): number {
  return b[1].personTimes - a[1].personTimes || b[1].sessions - a[1].sessions || (a[0] < b[0] ? -1 : 1);
}

/** Build the 活动统计 sheet; the by-month block carries a column chart of hours. */
export function activitySheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const acts = result.report.stats.activities;
  const base = {
    id: "activity" as const,
    name: SUMMARY_SHEET_NAMES.activity[lang],
    title: t.title(periodText(result.settings, lang)),
  };
  if (!acts) return { ...base, blocks: [noDataBlock("activity", t.none, t.noneHeader)] };

  const facts = modelOf(result).activityFacts;
  // A breakdown: one row per group with its label, the three figures, then any further cells.
  const breakdown = (
    id: string,
    caption: string,
    labelHeader: string,
    rows: ReadonlyArray<readonly [string, ActivityTotals, ...SummaryCell[]]>,
    moreColumns: SummaryBlock["columns"] = [],
  ): SummaryBlock => ({
    id,
    caption,
    columns: [
      { header: labelHeader, width: 24, format: "text" },
      { header: t.sessions, width: 10, format: "integer" },
      { header: t.personTimes, width: 10, format: "integer" },
      { header: t.hours, width: 16, format: "decimal1" },
      ...moreColumns,
    ],
    rows: rows.map(([label, x, ...more]) => [label, x.sessions, x.personTimes, x.hours, ...more]),
  });

  const blocks: SummaryBlock[] = [
    {
      id: "totals",
      caption: t.totals,
      columns: [
        { header: t.sessions, width: 24, format: "integer" },
        { header: t.personTimes, width: 10, format: "integer" },
        { header: t.people, width: 10, format: "integer" },
        { header: t.hours, width: 16, format: "decimal1" },
        { header: t.first, width: 14, format: "date" },
        { header: t.last, width: 14, format: "date" },
      ],
      rows: [
        [acts.sessions, acts.personTimes, acts.distinctPeople, acts.hours, acts.firstDate, acts.lastDate],
      ],
    },
    breakdown(
      "by-category",
      t.byCategory,
      t.category,
      Object.entries(acts.byCategory)
        .sort(bySize)
        .map(([c, x]) => [c === "" ? t.uncategorised : c, x, acts.hours > 0 ? x.hours / acts.hours : null]),
      [{ header: t.hoursShare, width: 14, format: "percent" }],
    ),
    breakdown(
      "by-month",
      t.byMonth,
      t.month,
      // Months are listed in calendar order whatever order the figures hold them in.
      Object.entries(acts.byMonth)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .map(([m, x]) => [formatMonth(m, lang), x]),
    ),
    breakdown(
      "by-activity",
      t.byActivity,
      t.activity,
      Object.entries(acts.byActivity)
        .sort(bySize)
        .map(([a, x]) => [a, x, facts.get(a)?.category ?? null]),
      [{ header: t.category, width: 14, format: "text" }],
    ),
  ];
  return {
    ...base,
    blocks,
    charts: [{ kind: "column", title: t.chart, block: "by-month", categoryColumn: 0, valueColumn: 3 }],
  };
}
