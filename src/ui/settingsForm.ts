/**
 * The settings panel's model: one field per key of `settingsInputSchema`, the text the user types
 * in it, and the conversion of those texts to a SettingsInput validated by the schema itself, with
 * every zod issue turned into a localised message on its field.
 */
import { resolveSettings, settingsInputSchema, type IsoDate, type SettingsInput } from "../engine";
import type { UiStrings } from "./i18n";

/** A settings key (the English JSON key). */
export type SettingsKey = keyof SettingsInput;

/** How a field is edited and its text converted. */
export type FieldType =
  "text" | "integer" | "number" | "ratio" | "date" | "level" | "boolean" | "list" | "range";

/** One field of the settings panel. */
export interface FieldSpec {
  readonly key: SettingsKey;
  readonly type: FieldType;
  readonly group: "school" | "caps" | "rules";
}

/** Every settings field in panel order (a test proves it covers every key of the schema). */
export const SETTINGS_FIELDS: readonly FieldSpec[] = [
  { key: "schoolName", type: "text", group: "school" },
  { key: "level", type: "level", group: "school" },
  { key: "enrollment", type: "integer", group: "school" },
  { key: "largeSchool", type: "boolean", group: "school" },
  { key: "assessmentDate", type: "date", group: "school" },
  { key: "periodStart", type: "date", group: "school" },
  { key: "periodEnd", type: "date", group: "school" },
  { key: "congressDate", type: "date", group: "school" },
  { key: "congressSession", type: "text", group: "school" },
  { key: "staffMax", type: "integer", group: "caps" },
  { key: "staffMaxLarge", type: "integer", group: "caps" },
  { key: "presidiumMax", type: "integer", group: "caps" },
  { key: "departmentsMax", type: "integer", group: "caps" },
  { key: "departmentHeads", type: "range", group: "caps" },
  { key: "allowedTitles", type: "list", group: "caps" },
  { key: "rankTopPercent", type: "number", group: "rules" },
  { key: "delegateRatioMin", type: "ratio", group: "rules" },
  { key: "nonOfficerShareMin", type: "ratio", group: "rules" },
  { key: "congressMaxMonths", type: "integer", group: "rules" },
  { key: "maxHoursPerRecord", type: "number", group: "rules" },
  { key: "trainingsPerYear", type: "integer", group: "rules" },
  { key: "reviewTerms", type: "list", group: "rules" },
];

/** The text in each field; a range field keeps its bounds under `key.min` and `key.max`. */
export type SettingsTexts = Readonly<Record<string, string>>;

/** The text-state key of a range field's bound. */
export function rangeKey(key: SettingsKey, bound: "min" | "max"): string {
  return `${key}.${bound}`;
}

/** Split a list typed with commas, enumeration commas, semicolons or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、;；\n\r]+/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A typed number (full-width digits and thousands separators allowed), or the text itself when it is not one. */
function parseNumberText(text: string, percentAllowed: boolean): number | string {
  let s = text
    .normalize("NFKC")
    .trim()
    .replace(/(?<=\d),(?=\d{3}\b)/g, "");
  let scale = 1;
  if (percentAllowed && s.endsWith("%")) {
    s = s.slice(0, -1).trim();
    scale = 100;
  }
  if (!NUMBER_RE.test(s)) return text;
  return Number(s) / scale;
}

/** A typed date in the usual forms (2022-3-8, 2022/3/8, 2022.3.8, 2022年3月8日) as YYYY-MM-DD when it has that shape. */
function parseDateText(text: string): string {
  const s = text.normalize("NFKC").trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(s);
  if (!m) return s;
  return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
}

/** A field's value as the text shown in its input. */
export function textFromValue(spec: FieldSpec, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (spec.type === "list" && Array.isArray(value)) return value.join(", ");
  if (spec.type === "boolean") return value ? "true" : "false";
  return String(value);
}

/** The texts for a saved SettingsInput (what the panel shows on mount). */
export function textsFromSettings(settings: SettingsInput): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const spec of SETTINGS_FIELDS) {
    if (spec.type === "range") {
      const r = settings.departmentHeads;
      texts[rangeKey(spec.key, "min")] = r ? String(r.min) : "";
      texts[rangeKey(spec.key, "max")] = r ? String(r.max) : "";
    } else {
      texts[spec.key] = textFromValue(spec, settings[spec.key]);
    }
  }
  return texts;
}

/** The outcome of validating the panel: the settings when every field is good, else messages per field. */
export interface SettingsValidation {
  readonly value: SettingsInput | null;
  readonly errors: Readonly<Partial<Record<SettingsKey, string>>>;
}

type Issue = {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: unknown;
};

/** One zod issue as a localised message for the field it belongs to. */
export function issueMessage(issue: Issue, spec: FieldSpec | undefined, t: UiStrings["errors"]): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return t.integer;
      if (issue.expected === "number") return t.number;
      return spec?.type === "level" || spec?.type === "boolean" ? t.choice : t.invalid;
    case "too_small":
      if (issue.origin === "array") return t.listEmpty;
      if (issue.origin === "string") return t.notEmpty;
      return t.tooSmall(Number(issue.minimum), issue.inclusive === true);
    case "too_big":
      return t.tooBig(Number(issue.maximum), issue.inclusive === true);
    case "invalid_format":
      return spec?.type === "date" ? t.dateFormat : t.invalid;
    case "invalid_value":
      return t.choice;
    case "custom":
      if (spec?.type === "range") return t.headsOrder;
      if (spec?.type === "date") return t.dateReal;
      return t.invalid;
    default:
      return t.invalid;
  }
}

/** Convert the texts to a SettingsInput and validate it with `settingsInputSchema`. */
export function validateSettings(texts: SettingsTexts, t: UiStrings["errors"]): SettingsValidation {
  const raw: Record<string, unknown> = {};
  const errors: Partial<Record<SettingsKey, string>> = {};
  for (const spec of SETTINGS_FIELDS) {
    if (spec.type === "range") {
      const min = (texts[rangeKey(spec.key, "min")] ?? "").trim();
      const max = (texts[rangeKey(spec.key, "max")] ?? "").trim();
      if (min === "" && max === "") continue;
      if (min === "" || max === "") {
        errors[spec.key] = t.headsBoth;
        continue;
      }
      raw[spec.key] = { min: parseNumberText(min, false), max: parseNumberText(max, false) };
      continue;
    }
    const text = texts[spec.key] ?? "";
    if (text.trim() === "" && spec.type !== "text") continue;
    if (text === "") continue;
    switch (spec.type) {
      case "text":
        raw[spec.key] = text.trim();
        break;
      case "integer":
      case "number":
        raw[spec.key] = parseNumberText(text, false);
        break;
      case "ratio":
        raw[spec.key] = parseNumberText(text, true);
        break;
      case "date":
        raw[spec.key] = parseDateText(text);
        break;
      case "level":
        raw[spec.key] = text;
        break;
      case "boolean":
        raw[spec.key] = text === "true" ? true : text === "false" ? false : text;
        break;
      case "list": {
        const items = splitList(text);
        if (items.length > 0) raw[spec.key] = items;
        break;
      }
    }
  }
  const parsed = settingsInputSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const spec = SETTINGS_FIELDS.find((f) => f.key === key);
      if (spec && errors[spec.key] === undefined) errors[spec.key] = issueMessage(issue, spec, t);
    }
  }
  const hasErrors = Object.keys(errors).length > 0;
  return { value: !hasErrors && parsed.success ? parsed.data : null, errors };
}

/**
 * What applies to each field when it is left empty: the workbook's settings sheet, else the
 * default, as field text (empty when there is no value at all).
 */
export function fallbackTexts(sheetSettings: SettingsInput, today: IsoDate): Record<string, string> {
  const resolved = resolveSettings([sheetSettings], today);
  const values: Partial<Record<SettingsKey, unknown>> = {
    schoolName: resolved.schoolName,
    level: resolved.level,
    enrollment: resolved.enrollment,
    largeSchool: resolved.largeSchool,
    assessmentDate: resolved.assessmentDate,
    periodStart: resolved.periodStart,
    periodEnd: resolved.periodEnd,
    congressDate: resolved.congressDate,
    congressSession: resolved.congressSession,
    staffMax:
      sheetSettings.staffMax ?? resolveSettings([sheetSettings, { largeSchool: false }], today).staffMax,
    staffMaxLarge:
      sheetSettings.staffMaxLarge ??
      resolveSettings([{ level: "school", largeSchool: true }], today).staffMax,
    presidiumMax: resolved.presidiumMax,
    departmentsMax: resolved.departmentsMax,
    departmentHeads: resolved.departmentHeads,
    allowedTitles: resolved.allowedTitles,
    rankTopPercent: resolved.rankTopPercent,
    delegateRatioMin: resolved.delegateRatioMin,
    nonOfficerShareMin: resolved.nonOfficerShareMin,
    congressMaxMonths: resolved.congressMaxMonths,
    maxHoursPerRecord: resolved.maxHoursPerRecord,
    trainingsPerYear: resolved.trainingsPerYear,
    reviewTerms: resolved.reviewTerms,
  };
  const texts: Record<string, string> = {};
  for (const spec of SETTINGS_FIELDS) {
    const v = values[spec.key];
    if (spec.type === "range") {
      const r = v as { min: number; max: number } | null | undefined;
      texts[rangeKey(spec.key, "min")] = r ? String(r.min) : "";
      texts[rangeKey(spec.key, "max")] = r ? String(r.max) : "";
    } else {
      texts[spec.key] = textFromValue(spec, v);
    }
  }
  return texts;
}
