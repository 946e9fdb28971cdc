/**
 * Findings the way Excel's Accessibility Checker shows them: counts per severity, filters by
 * severity and sheet, and one collapsible group per rule with what is wrong, how to fix it, and a
 * button per cell that jumps there (click, Enter or Space).
 */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  Select,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import { RULE_IDS, catalogue, findingProblem, ruleBasis, ruleFix, ruleTitle } from "../engine";
import type { Finding, Report, RuleId, Severity } from "../engine";
import { useLang } from "./i18n";
import { plainList, visuallyHidden } from "./styles";

/** How many findings a group shows before its "show more" button. */
export const GROUP_PAGE_SIZE = 50;

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  countsNote: { color: tokens.colorNeutralForeground2, marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  filter: { flexGrow: 1, flexBasis: "120px", minWidth: 0 },
  // A native select is as wide as its longest option (a long sheet name) unless told otherwise.
  fill: { width: "100%", minWidth: 0, maxWidth: "100%" },
  headerText: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    flexWrap: "wrap",
  },
  title: { overflowWrap: "anywhere", textAlign: "start" },
  fix: {
    margin: `0 0 ${tokens.spacingVerticalS} 0`,
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground2,
  },
  list: plainList("2px"),
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
    width: "100%",
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    overflowWrap: "anywhere",
    minWidth: 0,
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  location: { color: tokens.colorBrandForeground1 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  visuallyHidden,
});

/** The icon of a severity (decorative: the severity is also said in words). */
export function SeverityIcon({ severity }: { readonly severity: Severity }): React.JSX.Element {
  const styles = useStyles();
  if (severity === "error") return <ErrorCircle16Filled aria-hidden className={styles.error} />;
  if (severity === "warning") return <Warning16Filled aria-hidden className={styles.warning} />;
  return <Info16Filled aria-hidden className={styles.info} />;
}

interface Group {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly findings: readonly Finding[];
}

function groupByRule(findings: readonly Finding[]): Group[] {
  const map = new Map<RuleId, Finding[]>();
  for (const f of findings) {
    const list = map.get(f.rule);
    if (list) list.push(f);
    else map.set(f.rule, [f]);
  }
  const worst = (fs: readonly Finding[]): Severity =>
    SEVERITIES.find((s) => fs.some((f) => f.severity === s)) ?? "info";
  return [...map.entries()]
    .map(([rule, fs]) => ({ rule, severity: worst(fs), findings: fs }))
    .sort(
      (a, b) =>
        SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
        RULE_IDS.indexOf(a.rule) - RULE_IDS.indexOf(b.rule),
    );
}

/** Props of {@link FindingsView}. */
export interface FindingsViewProps {
  readonly report: Report;
  /** Show a finding's cell in the workbook. */
  readonly onSelect: (finding: Finding) => void;
  /** The sheet filter changed ("" for all sheets). */
  readonly onSheetFilter?: (sheet: string) => void;
}

/** The findings of a report, grouped by rule, filterable, each cell one keystroke away. */
export function FindingsView({ report, onSelect, onSheetFilter }: FindingsViewProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  const [severity, setSeverity] = React.useState<Severity | "all">("all");
  const [sheet, setSheet] = React.useState<string>("");
  const [limits, setLimits] = React.useState<Readonly<Record<string, number>>>({});
  const [open, setOpen] = React.useState<readonly string[] | null>(null);
  const idBase = React.useId();

  const sheets = React.useMemo(
    () => [...new Set(report.findings.flatMap((f) => (f.sheet === undefined ? [] : [f.sheet])))],
    [report],
  );
  const visible = React.useMemo(
    () =>
      report.findings.filter(
        (f) => (severity === "all" || f.severity === severity) && (sheet === "" || f.sheet === sheet),
      ),
    [report, severity, sheet],
  );
  const groups = React.useMemo(() => groupByRule(visible), [visible]);
  // The first group starts open, like the checker's first category; the user's choice wins after that.
  const openItems = open ?? (groups[0] ? [groups[0].rule] : []);

  // The counts say what the list shows: the report's totals, or the filtered findings' counts.
  const filtered = severity !== "all" || sheet !== "";
  const counts: ReadonlyArray<[Severity, number]> = filtered
    ? SEVERITIES.map((s) => [s, visible.filter((f) => f.severity === s).length])
    : [
        ["error", report.summary.errors],
        ["warning", report.summary.warnings],
        ["info", report.summary.infos],
      ];

  return (
    <div className={styles.root}>
      <ul className={styles.counts} aria-label={t.countsLabel}>
        {counts.map(([s, n]) => (
          <li key={s}>
            <Badge
              appearance={n > 0 ? "tint" : "outline"}
              color={
                n === 0 ? "informative" : s === "error" ? "danger" : s === "warning" ? "warning" : "brand"
              }
              icon={<SeverityIcon severity={s} />}
              size="large"
            >
              {t.severityCount(n, s)}
            </Badge>
          </li>
        ))}
      </ul>

      {filtered && <Caption1 className={styles.countsNote}>{t.countsFiltered}</Caption1>}

      <div className={styles.filters}>
        <Field label={t.filterSeverity} className={styles.filter}>
          <Select
            className={styles.fill}
            select={{ className: styles.fill }}
            value={severity}
            onChange={(_, d) => setSeverity(d.value as Severity | "all")}
          >
            <option value="all">{t.filterAll}</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t.severityNames[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterSheet} className={styles.filter}>
          <Select
            className={styles.fill}
            select={{ className: styles.fill }}
            value={sheet}
            onChange={(_, d) => {
              setSheet(d.value);
              onSheetFilter?.(d.value);
            }}
          >
            <option value="">{t.filterAllSheets}</option>
            {sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      {report.findings.length === 0 ? (
        <Text role="status">{t.noFindings}</Text>
      ) : groups.length === 0 ? (
        <Text role="status">{t.noMatches}</Text>
      ) : (
        <Accordion
          multiple
          collapsible
          openItems={[...openItems]}
          onToggle={(_, d) => setOpen(d.openItems.map(String))}
          aria-label={t.findingsLabel}
        >
          {groups.map((g) => {
            const fixId = `${idBase}-fix-${g.rule}`;
            const limit = limits[g.rule] ?? GROUP_PAGE_SIZE;
            const shown = g.findings.slice(0, limit);
            const rest = g.findings.length - shown.length;
            return (
              <AccordionItem key={g.rule} value={g.rule}>
                <AccordionHeader
                  as="h3"
                  icon={<SeverityIcon severity={g.severity} />}
                  expandIconPosition="end"
                >
                  <span className={styles.headerText}>
                    <span className={styles.visuallyHidden}>{`${t.severityNames[g.severity]}: `}</span>
                    <span className={styles.title}>{ruleTitle(g.rule, lang)}</span>
                    <Badge appearance="ghost" color="informative">
                      {t.groupCount(g.findings.length)}
                    </Badge>
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <p id={fixId} className={styles.fix}>
                    <Text weight="semibold">{t.howToFix}</Text>
                    {ruleFix(g.rule, lang)}
                    {ruleBasis(g.rule, lang) !== "" && (
                      <>
                        <br />
                        <Text weight="semibold">{t.basis}</Text>
                        {ruleBasis(g.rule, lang)}
                      </>
                    )}
                  </p>
                  <ul className={styles.list}>
                    {shown.map((f, i) => (
                      <li key={`${f.sheet ?? ""}!${f.cell ?? ""}#${i}`}>
                        <FindingItem finding={f} fixId={fixId} onSelect={onSelect} />
                      </li>
                    ))}
                  </ul>
                  {rest > 0 && (
                    <Button
                      appearance="transparent"
                      onClick={() => setLimits({ ...limits, [g.rule]: limit + GROUP_PAGE_SIZE })}
                    >
                      {t.showMore(Math.min(rest, GROUP_PAGE_SIZE))}
                    </Button>
                  )}
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      )}
    </div>
  );
}

function FindingItem({
  finding,
  fixId,
  onSelect,
}: {
  readonly finding: Finding;
  readonly fixId: string;
  readonly onSelect: (f: Finding) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  // formatFinding's parts: the problem on the item; the fix once per group unless this one differs.
  const message = findingProblem(finding, lang);
  const ownFix = catalogue(lang).fixFor(finding);
  const extraFix = ownFix !== "" && ownFix !== ruleFix(finding.rule, lang) ? ownFix : null;
  const location =
    finding.sheet === undefined
      ? null
      : finding.cell === undefined
        ? finding.sheet
        : `${finding.sheet}!${finding.cell}`;
  // A finding about a whole sheet (no cell, no row) opens that sheet, not a cell of it.
  if (finding.sheet !== undefined && location !== null) {
    return (
      <button
        type="button"
        className={mergeClasses(styles.item, styles.clickable)}
        onClick={() => onSelect(finding)}
        {...(extraFix === null ? { "aria-describedby": fixId } : {})}
        title={t.goTo(location)}
      >
        <span>{message}</span>
        {extraFix !== null && <span>{`${t.howToFix}${extraFix}`}</span>}
        <Caption1 className={styles.location}>{location}</Caption1>
      </button>
    );
  }
  return (
    <div className={styles.item}>
      <span>{message}</span>
      {extraFix !== null && <span>{`${t.howToFix}${extraFix}`}</span>}
      {location !== null && <Caption1>{location}</Caption1>}
    </div>
  );
}
