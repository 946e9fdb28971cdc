/**
 * The workbook status: every sheet with what it was recognised as (kind, header row, row count)
 * and a dropdown to correct it — another kind, or 忽略 — including sheets nothing matched.
 */
import * as React from "react";
import { Badge, Caption1, Dropdown, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TABLE_KINDS, tableLabel } from "../engine";
import type { KindOverride, Lang, TableKind } from "../engine";
import { useLang } from "./i18n";
import type { KindChoice, SheetStatus } from "./sheetStatus";
import { plainList } from "./styles";

const useStyles = makeStyles({
  list: plainList(tokens.spacingVerticalS),
  item: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  info: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1, flexBasis: "140px" },
  name: {
    overflowWrap: "anywhere",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
  },
  facts: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  dropdown: { minWidth: "140px", maxWidth: "100%", flexGrow: 1, flexBasis: "140px" },
});

/** A table kind's name for the pane (the engine's label, capitalised in English). */
export function kindName(kind: TableKind, lang: Lang): string {
  const label = tableLabel(kind, lang);
  return lang === "en" ? label.charAt(0).toUpperCase() + label.slice(1) : label;
}

/** Props of {@link WorkbookStatus}. */
export interface WorkbookStatusProps {
  readonly statuses: readonly SheetStatus[];
  readonly busy: boolean;
  /** Save a correction (`"auto"` removes it). */
  readonly onChange: (sheet: string, kind: KindOverride["kind"] | "auto") => void;
}

/** The list of sheets with their recognised kinds and correction dropdowns. */
export function WorkbookStatus({ statuses, busy, onChange }: WorkbookStatusProps): React.JSX.Element {
  const styles = useStyles();
  const { lang, t } = useLang();
  if (statuses.length === 0) return <Text>{t.statusEmpty}</Text>;
  const label = (choice: KindChoice): string =>
    choice === "ignore" ? t.kindIgnore : choice === "auto" ? t.kindUnrecognised : kindName(choice, lang);
  return (
    <ul className={styles.list}>
      {statuses.map((s) => {
        const facts = s.table
          ? t.sheetFacts(s.table.headerRow, s.table.rows)
          : s.choice === "ignore"
            ? t.sheetIgnored
            : t.sheetNoTable;
        return (
          <li key={s.sheet} className={styles.item}>
            <div className={styles.info}>
              <Text weight="semibold" className={styles.name}>
                {s.sheet}
                {s.hidden && (
                  <Badge appearance="outline" color="informative" size="small">
                    {t.sheetHidden}
                  </Badge>
                )}
                {s.override && (
                  <Badge appearance="tint" color="brand" size="small">
                    {t.sheetByUser}
                  </Badge>
                )}
              </Text>
              <Caption1 className={styles.facts}>{facts}</Caption1>
            </div>
            <Dropdown
              className={styles.dropdown}
              aria-label={t.kindFieldLabel(s.sheet)}
              value={label(s.choice)}
              selectedOptions={[s.choice]}
              onOptionSelect={(_, d) => {
                // Not disabled while busy (focus would be lost); a change then is simply not taken.
                const v = d.optionValue as KindChoice | undefined;
                if (busy || v === undefined || v === s.choice || (v === "auto" && !s.override)) return;
                onChange(s.sheet, v === "ignore" ? null : v);
              }}
            >
              <Option value="auto">{t.kindAuto}</Option>
              {TABLE_KINDS.map((k) => (
                <Option key={k} value={k}>
                  {kindName(k, lang)}
                </Option>
              ))}
              <Option value="ignore">{t.kindIgnore}</Option>
            </Dropdown>
          </li>
        );
      })}
    </ul>
  );
}
