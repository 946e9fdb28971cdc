/**
 * The settings panel: one field per settings key, validated with the engine's schema on every
 * keystroke (a localised message under the field), saved in the workbook through the host.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import { describeSettingSource, type IsoDate, type SettingSourceEntry, type SettingsInput } from "../engine";
import { useLang, type UiStrings } from "./i18n";
import {
  SETTINGS_FIELDS,
  fallbackTexts,
  rangeKey,
  textsFromSettings,
  validateSettings,
  type FieldSpec,
  type SettingsTexts,
} from "./settingsForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    border: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
  },
  range: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  rangeField: { flexGrow: 1, flexBasis: "100px", minWidth: 0 },
  rangeLabel: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  // Controls shrink with a 320 px pane instead of keeping their intrinsic (size=20) width.
  fill: { width: "100%", minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
});

/** Props of {@link SettingsPanel}. */
export interface SettingsPanelProps {
  /** The settings saved in the workbook (the fields start from these). */
  readonly saved: SettingsInput;
  /** What the workbook's settings sheet says (placeholders and hints). */
  readonly sheetSettings: SettingsInput;
  readonly today: IsoDate;
  readonly busy: boolean;
  /** Whether the last save finished (shows the confirmation). */
  readonly savedNotice: boolean;
  readonly onSave: (settings: SettingsInput) => void;
  /** Settings-sheet rows ziping does not use (listed read-only). */
  readonly otherSettings?: ReadonlyArray<{ readonly key: string; readonly value: string }>;
  /** Every setting that differs from the default, with its source (listed read-only). */
  readonly sources?: readonly SettingSourceEntry[];
}

const GROUPS = ["school", "caps", "rules"] as const;

// Issue 13: a setting saved in the workbook must never change a verdict unseen.
const SOURCES_HEADING = {
  zh: "与默认值不同的设置及来源",
  en: "Settings that differ from the defaults, and their source",
};
const LOOSENED_NOTICE = {
  zh: "有规则限制比默认值宽松，问题可能因此变少。",
  en: "Some rule limits are looser than the defaults, so fewer problems may be found.",
};

function choiceLabel(spec: FieldSpec, value: string, t: UiStrings): string {
  if (spec.type === "level") return value === "school" || value === "college" ? t.levelNames[value] : value;
  if (spec.type === "boolean") return value === "true" ? t.yes : value === "false" ? t.no : value;
  return value;
}

/** Every setting as a validated field, saved with one button (or Enter). */
export function SettingsPanel(props: SettingsPanelProps): React.JSX.Element {
  const { saved, sheetSettings, today, busy, savedNotice, onSave } = props;
  const styles = useStyles();
  const { t, lang } = useLang();
  const [texts, setTexts] = React.useState<SettingsTexts>(() => textsFromSettings(saved));
  const [submitted, setSubmitted] = React.useState(false);
  const formRef = React.useRef<HTMLFormElement>(null);
  const idBase = React.useId();

  // Settings loaded or saved anew (another workbook, or our own save): show exactly those.
  React.useEffect(() => {
    setTexts(textsFromSettings(saved));
    setSubmitted(false);
  }, [saved]);

  const validation = React.useMemo(() => validateSettings(texts, t.errors), [texts, t]);
  const fallback = React.useMemo(() => fallbackTexts(sheetSettings, today), [sheetSettings, today]);
  const fromSheet = React.useMemo(() => textsFromSettings(sheetSettings), [sheetSettings]);

  const setText = (key: string, value: string): void => {
    setTexts((prev) => ({ ...prev, [key]: value }));
    setSubmitted(false);
  };
  // Every control edits one text of the form: its value and its change handler, wired the same way.
  const bound = (key: string) => ({
    value: texts[key] ?? "",
    onChange: (_: unknown, d: { value: string }) => setText(key, d.value),
  });

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    setSubmitted(true);
    if (validation.value) {
      onSave(validation.value);
      return;
    }
    // Take the keyboard to the first field that needs fixing.
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  };

  const hintFor = (spec: FieldSpec, key: string = spec.key): string => {
    const base = t.fields[spec.key].hint;
    const sheetText = fromSheet[key] ?? "";
    return sheetText !== "" ? `${base} · ${t.fromSheet(choiceLabel(spec, sheetText, t))}` : base;
  };

  const renderField = (spec: FieldSpec): React.JSX.Element => {
    const error = validation.errors[spec.key];
    const state = error ? "error" : "none";
    const label = t.fields[spec.key].label;
    const fallbackText = fallback[spec.key] ?? "";
    const placeholder = fallbackText === "" ? "" : t.blankMeans(fallbackText);
    if (spec.type === "range") {
      const minKey = rangeKey(spec.key, "min");
      const maxKey = rangeKey(spec.key, "max");
      const labelId = `${idBase}-${spec.key}`;
      return (
        <div key={spec.key} role="group" aria-labelledby={labelId}>
          <span id={labelId} className={styles.rangeLabel}>
            {label}
          </span>
          <div className={styles.range}>
            {(
              [
                [minKey, t.headsMin],
                [maxKey, t.headsMax],
              ] as const
            ).map(([key, boundLabel], i) => (
              <Field
                key={key}
                className={styles.rangeField}
                label={boundLabel}
                validationState={state}
                {...(error && i === 0 ? { validationMessage: error } : {})}
                {...(i === 1 ? { hint: hintFor(spec, key) } : {})}
              >
                <Input
                  className={styles.fill}
                  input={{ className: styles.fill }}
                  {...bound(key)}
                  inputMode="numeric"
                  placeholder={fallback[key] ? t.blankMeans(fallback[key]) : ""}
                />
              </Field>
            ))}
          </div>
        </div>
      );
    }
    const common = {
      label,
      hint: hintFor(spec),
      validationState: state,
      ...(error ? { validationMessage: error } : {}),
    } as const;
    if (spec.type === "level" || spec.type === "boolean") {
      const options = spec.type === "level" ? ["school", "college"] : ["true", "false"];
      const unset =
        fallbackText !== "" ? `${t.choiceUnset} · ${choiceLabel(spec, fallbackText, t)}` : t.choiceUnset;
      return (
        <Field key={spec.key} {...common}>
          <Select className={styles.fill} select={{ className: styles.fill }} {...bound(spec.key)}>
            <option value="">{unset}</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {choiceLabel(spec, o, t)}
              </option>
            ))}
          </Select>
        </Field>
      );
    }
    if (spec.type === "list") {
      return (
        <Field key={spec.key} {...common}>
          <Textarea
            className={styles.fill}
            {...bound(spec.key)}
            placeholder={placeholder}
            resize="vertical"
            rows={2}
          />
        </Field>
      );
    }
    const inputMode = spec.type === "integer" ? "numeric" : spec.type === "text" ? "text" : "decimal";
    return (
      <Field key={spec.key} {...common}>
        <Input
          className={styles.fill}
          input={{ className: styles.fill }}
          {...bound(spec.key)}
          placeholder={placeholder}
          inputMode={spec.type === "date" ? "numeric" : inputMode}
        />
      </Field>
    );
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate>
      <p className={styles.intro}>{t.settingsIntro}</p>
      {GROUPS.map((g) => (
        <fieldset key={g} className={styles.group}>
          <legend className={styles.legend}>{t.settingsGroups[g]}</legend>
          {SETTINGS_FIELDS.filter((f) => f.group === g).map(renderField)}
        </fieldset>
      ))}
      {props.otherSettings && props.otherSettings.length > 0 && (
        <section aria-label={t.otherSettingsHeading} className={styles.group}>
          <h4 className={styles.legend}>{t.otherSettingsHeading}</h4>
          <ul>
            {props.otherSettings.map((e, i) => (
              <li key={`${i}-${e.key}`}>
                {e.key}
                {t.keyValueSeparator}
                {e.value}
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.sources && props.sources.length > 0 && (
        <section aria-label={SOURCES_HEADING[lang]} className={styles.group}>
          <h4 className={styles.legend}>{SOURCES_HEADING[lang]}</h4>
          {props.sources.some((s) => s.loosened) && (
            <MessageBar intent="warning">
              <MessageBarBody>{LOOSENED_NOTICE[lang]}</MessageBarBody>
            </MessageBar>
          )}
          <ul>
            {props.sources.map((s) => (
              <li key={s.key}>{describeSettingSource(s, lang)}</li>
            ))}
          </ul>
        </section>
      )}
      <div role="status">
        {submitted && !validation.value && (
          <MessageBar intent="error">
            <MessageBarBody>{t.settingsHasErrors}</MessageBarBody>
          </MessageBar>
        )}
        {savedNotice && (
          <MessageBar intent="success">
            <MessageBarBody>{t.settingsSaved}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" icon={<SaveRegular />} disabledFocusable={busy}>
          {t.settingsSave}
        </Button>
      </div>
    </form>
  );
}
