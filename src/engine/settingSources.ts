/**
 * Where each setting came from: the workbook's settings sheet, the state the pane saved in the
 * workbook (`_ziping_state`), or settings given from outside (`--config`). A setting that differs
 * from the default is listed with its source, and a rule limit made more permissive than the
 * default is flagged as loosened, so a saved state can never change a verdict unseen.
 */
import { DEFAULT_ALLOWED_TITLES, type SettingsInput } from "./settings";
import type { Lang, SettingSourceEntry } from "./types";

/** A layer of settings, from the lowest (the settings sheet) to the highest (`--config`). */
export type SettingSourceKind = SettingSourceEntry["source"];

/** The layers in the order they apply (later wins). */
export const SETTING_SOURCE_KINDS: readonly SettingSourceKind[] = ["sheet", "state", "config"];

/** One setting that differs from the default, with the layer it came from. */
export interface SettingSource extends SettingSourceEntry {
  readonly key: keyof SettingsInput;
}

type Direction = "higher" | "lower";

/** The rule limits, their default (by level where it differs) and which way is more permissive. */
const LIMITS: Partial<
  Record<keyof SettingsInput, { readonly loose: Direction; readonly def: (college: boolean) => number }>
> = {
  staffMax: { loose: "higher", def: (college) => (college ? 30 : 40) },
  staffMaxLarge: { loose: "higher", def: () => 60 },
  presidiumMax: { loose: "higher", def: (college) => (college ? 3 : 5) },
  departmentsMax: { loose: "higher", def: () => 6 },
  rankTopPercent: { loose: "higher", def: () => 30 },
  congressMaxMonths: { loose: "higher", def: () => 12 },
  maxHoursPerRecord: { loose: "higher", def: () => 24 },
  delegateRatioMin: { loose: "lower", def: () => 0.01 },
  nonOfficerShareMin: { loose: "lower", def: () => 0.6 },
  trainingsPerYear: { loose: "lower", def: () => 2 },
};

/** True when `value` of `key` is the default (so it need not be listed). */
function isDefault(key: keyof SettingsInput, value: unknown, college: boolean): boolean {
  const limit = LIMITS[key];
  if (limit) return value === limit.def(college);
  if (key === "level") return value === "school";
  if (key === "largeSchool") return value === false;
  if (key === "allowedTitles")
    return (
      Array.isArray(value) &&
      value.length === DEFAULT_ALLOWED_TITLES.length &&
      value.every((t, i) => t === DEFAULT_ALLOWED_TITLES[i])
    );
  return false;
}

/** True when `value` of `key` lets more through than the default does. */
function isLoosened(key: keyof SettingsInput, value: unknown, college: boolean): boolean {
  const limit = LIMITS[key];
  if (limit && typeof value === "number") {
    const def = limit.def(college);
    return limit.loose === "higher" ? value > def : value < def;
  }
  // Titles beyond the default list are accepted as staff titles.
  if (key === "allowedTitles" && Array.isArray(value))
    return value.some((t) => !DEFAULT_ALLOWED_TITLES.includes(String(t)));
  return false;
}

/**
 * Every setting that differs from the default, with the layer it came from (the highest that sets
 * it), in the settings' key order.
 */
export function settingSources(
  layers: Partial<Readonly<Record<SettingSourceKind, SettingsInput>>>,
): SettingSource[] {
  const merged: SettingsInput = Object.assign({}, ...SETTING_SOURCE_KINDS.map((k) => layers[k] ?? {}));
  const college = merged.level === "college";
  const out: SettingSource[] = [];
  for (const key of Object.keys(merged) as Array<keyof SettingsInput>) {
    const value = merged[key];
    if (value === undefined || isDefault(key, value, college)) continue;
    const source =
      [...SETTING_SOURCE_KINDS].reverse().find((k) => layers[k]?.[key] !== undefined) ?? "config";
    out.push({ key, value, source, loosened: isLoosened(key, value, college) });
  }
  return out;
}

/** What each source is called, for the console, the pane and batch output. */
export const SETTING_SOURCE_LABELS: Readonly<Record<SettingSourceKind, Readonly<Record<Lang, string>>>> = {
  sheet: { zh: "基本信息表", en: "the workbook's settings sheet" },
  state: {
    zh: "工作簿中保存的助手设置（_ziping_state）",
    en: "settings saved in the workbook (_ziping_state)",
  },
  config: { zh: "--config 设置文件", en: "the --config file" },
};

/** The words that flag a loosened limit. */
export const LOOSENED_LABEL: Readonly<Record<Lang, string>> = { zh: "放宽了限制", en: "loosens a limit" };

/** One setting as a short line: `presidiumMax = 9（工作簿中保存的助手设置（_ziping_state），放宽了限制）`. */
export function describeSettingSource(s: SettingSourceEntry, lang: Lang): string {
  const value = typeof s.value === "string" ? s.value : JSON.stringify(s.value);
  const why = [SETTING_SOURCE_LABELS[s.source][lang], ...(s.loosened ? [LOOSENED_LABEL[lang]] : [])];
  return lang === "zh"
    ? `${s.key} = ${value}（${why.join("，")}）`
    : `${s.key} = ${value} (${why.join(", ")})`;
}
