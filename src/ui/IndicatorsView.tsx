/**
 * The 自评表 at a glance: each indicator with its verdict as a badge that says 是 / 否 / 待确认 in
 * words (and an icon), its ★/▲ mark and the facts for the 备注 column.
 */
import * as React from "react";
import { Badge, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  DismissCircle16Filled,
  QuestionCircle16Filled,
} from "@fluentui/react-icons";
import { formatIndicatorNote, indicatorText, verdictText } from "../engine";
import type { Indicator, Settings, Verdict } from "../engine";
import { useLang } from "./i18n";
import { plainList } from "./styles";

const useStyles = makeStyles({
  summary: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalM} 0`,
  },
  list: plainList(tokens.spacingVerticalM),
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  head: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, minWidth: 0 },
  badge: { flexShrink: 0 },
  text: { overflowWrap: "anywhere", minWidth: 0 },
  notes: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
});

const VERDICTS: readonly Verdict[] = ["yes", "no", "unknown"];

/** A verdict as a badge with its word and an icon, so colour is never the only signal. */
export function VerdictBadge({ verdict }: { readonly verdict: Verdict }): React.JSX.Element {
  const { lang } = useLang();
  const styles = useStyles();
  const icon =
    verdict === "yes" ? (
      <CheckmarkCircle16Filled aria-hidden />
    ) : verdict === "no" ? (
      <DismissCircle16Filled aria-hidden />
    ) : (
      <QuestionCircle16Filled aria-hidden />
    );
  return (
    <Badge
      className={styles.badge}
      appearance="filled"
      color={verdict === "yes" ? "success" : verdict === "no" ? "danger" : "warning"}
      icon={icon}
    >
      {verdictText(verdict, lang)}
    </Badge>
  );
}

/** Props of {@link IndicatorsView}. */
export interface IndicatorsViewProps {
  readonly indicators: readonly Indicator[];
  /** The settings of the check, so limits in the wording are the school's. */
  readonly settings: Settings;
}

/** The self-assessment indicators with their verdicts and notes. */
export function IndicatorsView({ indicators, settings }: IndicatorsViewProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  return (
    <div>
      <div className={styles.summary}>
        {VERDICTS.map((v) => (
          <span key={v}>
            <VerdictBadge verdict={v} /> <Text>{indicators.filter((i) => i.verdict === v).length}</Text>
          </span>
        ))}
      </div>
      <ul className={styles.list}>
        {indicators.map((ind) => (
          <li key={ind.id} className={styles.item}>
            <div className={styles.head}>
              <VerdictBadge verdict={ind.verdict} />
              <Text className={styles.text} weight="semibold">
                {indicatorText(ind.id, lang, settings)}
              </Text>
            </div>
            {ind.mark !== null && <Caption1>{t.markNames[ind.mark]}</Caption1>}
            {ind.notes.length > 0 && (
              <Caption1 className={styles.notes}>
                {t.notesLabel}
                {ind.notes.map((n) => formatIndicatorNote(n, lang)).join(lang === "zh" ? "；" : "; ")}
              </Caption1>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
