/**
 * What the download holds, in the pane (file mode): 资格审查, 组织架构 and 活动统计 as read-only
 * tables and the monthly chart as bars — in Excel these are sheets the officer opens; in a
 * browser they were only seen after downloading. Built from the same summary sheets the writer
 * writes, so the pane and the file cannot disagree.
 */
import * as React from "react";
import { Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SummaryBlock, SummaryCell, SummaryChart, SummarySheet, SummarySheetId } from "../engine";
import { useLang } from "./i18n";

/** The summary sheets the pane shows (the others have their own tabs: 自评表, 问题, 报告要点). */
export const SHOWN_SHEETS: readonly SummarySheetId[] = ["eligibility", "structure", "activity"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `2px ${tokens.spacingHorizontalXS}`,
      textAlign: "start",
      verticalAlign: "top",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  caption: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  chart: { display: "flex", flexDirection: "column", gap: "2px", maxWidth: "480px" },
  bar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  barLabel: { flexShrink: 0, width: "72px", fontSize: tokens.fontSizeBase200 },
  barTrack: { flexGrow: 1, minWidth: 0 },
  barFill: {
    height: "14px",
    backgroundColor: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
  },
  barValue: { width: "48px", textAlign: "end", fontSize: tokens.fontSizeBase200 },
});

function cellText(cell: SummaryCell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.text;
  return typeof cell === "number" ? cell.toLocaleString("zh-CN") : cell;
}

function BlockTable({
  block,
  label,
}: {
  readonly block: SummaryBlock;
  readonly label: string;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    // A wide table scrolls sideways: the keyboard must be able to reach and scroll it too.
    <div className={styles.scroll} role="region" aria-label={block.caption ?? label} tabIndex={0}>
      <table className={styles.table}>
        {block.caption && <caption className={styles.caption}>{block.caption}</caption>}
        <thead>
          <tr>
            {block.columns.map((c, i) => (
              <th key={i} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i} className={typeof cell === "number" ? styles.number : undefined}>
                  {cellText(cell)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart as labelled bars (read-only; the download has the real Excel chart). */
function ChartBars({
  chart,
  block,
}: {
  readonly chart: SummaryChart;
  readonly block: SummaryBlock;
}): React.JSX.Element {
  const styles = useStyles();
  const points = block.rows.map((row) => ({
    label: cellText(row[chart.categoryColumn] ?? null),
    value: typeof row[chart.valueColumn] === "number" ? (row[chart.valueColumn] as number) : 0,
  }));
  const max = Math.max(1, ...points.map((p) => p.value));
  return (
    <figure className={styles.chart} aria-label={chart.title} role="group" style={{ margin: 0 }}>
      <figcaption className={styles.caption}>{chart.title}</figcaption>
      {points.map((p, i) => (
        <div key={i} className={styles.bar}>
          <span className={styles.barLabel}>{p.label}</span>
          <span className={styles.barTrack} aria-hidden>
            <div className={styles.barFill} style={{ width: `${(p.value / max) * 100}%` }} />
          </span>
          <span className={styles.barValue}>{p.value.toLocaleString("zh-CN")}</span>
        </div>
      ))}
    </figure>
  );
}

/** Props of {@link SummaryView}. */
export interface SummaryViewProps {
  /** The summary sheets of the last check in the pane's language; null while they are built. */
  readonly sheets: readonly SummarySheet[] | null;
}

/** 资格审查, 组织架构 and 活动统计 with its monthly chart, read-only. */
export function SummaryView({ sheets }: SummaryViewProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  if (sheets === null) return <Spinner size="small" label={t.summaryBuilding} />;
  const shown = sheets.filter((s) => SHOWN_SHEETS.includes(s.id));
  return (
    <div className={styles.root}>
      <Caption1>{t.summaryIntro}</Caption1>
      {shown.map((sheet) => (
        <section key={sheet.id} className={styles.sheet} aria-label={sheet.name}>
          <h3 className={styles.h3}>{sheet.name}</h3>
          {sheet.title !== sheet.name && <Text>{sheet.title}</Text>}
          {(sheet.charts ?? []).map((chart) => {
            const block = sheet.blocks.find((b) => b.id === chart.block);
            return block ? <ChartBars key={chart.block} chart={chart} block={block} /> : null;
          })}
          {sheet.blocks.map((block) => (
            <BlockTable key={block.id} block={block} label={sheet.title} />
          ))}
        </section>
      ))}
    </div>
  );
}
