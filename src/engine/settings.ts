/**
 * Settings: every number a school may change. Read from the workbook's settings sheet (Chinese
 * keys), overridden by a JSON file or the pane (English keys), then defaults. Parsing returns a
 * result, never throws.
 */
import { z } from "zod";

// zod compiles fast paths with `new Function`; the pane's Content-Security-Policy forbids eval,
// so every entry point (pane, worker, CLI) runs zod without it.
z.config({ jitless: true });

/**
 * A calendar date without time zone, as `YYYY-MM-DD` (sorts and compares as a string). Declared
 * here, where the settings' dates need it, and re-exported by types.ts, so the data types import
 * the settings and never the other way round.
 */
export type IsoDate = string;

/** Titles that make a staff member part of the presidium (主席团). */
export const PRESIDIUM_TITLES: readonly string[] = [
  "主席",
  "副主席",
  "执行主席",
  "轮值主席",
  "轮值执行主席",
  "主席团成员",
];

/** Titles that make a staff member a department head (部门负责人). */
export const HEAD_TITLES: readonly string[] = ["部长", "副部长", "部门负责人"];

/** Titles allowed by indicator 6 (reform-rules.md): the presidium's, the heads' and 干事. */
export const DEFAULT_ALLOWED_TITLES: readonly string[] = [...PRESIDIUM_TITLES, ...HEAD_TITLES, "干事"];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((s) => {
    const [y, m, d] = s.split("-").map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, "not a real calendar date");

const count = z.number().int().nonnegative();
const ratio = z.number().min(0).max(1);

/** The JSON form of the settings (English keys); every key optional, unknown keys rejected. */
export const settingsInputSchema = z
  .object({
    schoolName: z.string().min(1),
    level: z.enum(["school", "college"]),
    enrollment: z.number().int().positive(),
    largeSchool: z.boolean(),
    assessmentDate: isoDate,
    periodStart: isoDate,
    periodEnd: isoDate,
    congressDate: isoDate,
    congressSession: z.string().min(1),
    staffMax: count,
    staffMaxLarge: count,
    presidiumMax: count,
    departmentsMax: count,
    departmentHeads: z
      .object({ min: count, max: count })
      .strict()
      .refine((h) => h.min <= h.max, "min must not exceed max"),
    allowedTitles: z.array(z.string().min(1)).min(1),
    rankTopPercent: z.number().gt(0).max(100),
    delegateRatioMin: ratio,
    nonOfficerShareMin: ratio,
    congressMaxMonths: z.number().int().positive(),
    maxHoursPerRecord: z.number().positive(),
    trainingsPerYear: count,
    reviewTerms: z.array(z.string().min(1)),
  })
  .partial()
  .strict();

/** Settings as given by a user (any subset of keys). */
export type SettingsInput = z.infer<typeof settingsInputSchema>;

/** Fully resolved settings the rules run with. */
export interface Settings {
  readonly schoolName: string | null;
  readonly level: "school" | "college";
  readonly enrollment: number | null;
  readonly largeSchool: boolean;
  readonly assessmentDate: IsoDate;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly congressDate: IsoDate | null;
  readonly congressSession: string | null;
  /** The staff cap that applies (level and largeSchool already taken into account). */
  readonly staffMax: number;
  readonly presidiumMax: number;
  readonly departmentsMax: number;
  readonly departmentHeads: { readonly min: number; readonly max: number } | null;
  readonly allowedTitles: readonly string[];
  readonly rankTopPercent: number;
  readonly delegateRatioMin: number;
  readonly nonOfficerShareMin: number;
  readonly congressMaxMonths: number;
  readonly maxHoursPerRecord: number;
  readonly trainingsPerYear: number;
  /** `null` means "the terms present in the review sheet". */
  readonly reviewTerms: readonly string[] | null;
}

/** A parse result: a value, or an error that names the offending key. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Why a JSON settings object was refused: the key (dotted path) and what was wrong. */
export interface SettingsError {
  readonly key: string;
  readonly problem: "unknown-key" | "wrong-type" | "invalid";
  readonly detail: string;
}

/** Validate a settings object from JSON (the `--config` file or the pane). */
export function parseSettingsInput(input: unknown): Result<SettingsInput, SettingsError[]> {
  const parsed = settingsInputSchema.safeParse(input);
  if (parsed.success) {
    const { periodStart, periodEnd } = parsed.data;
    // ISO dates compare as text; a period that ends before it starts would silently match nothing.
    if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
      const detail = `the period ends (${periodEnd}) before it starts (${periodStart})`;
      return { ok: false, error: [{ key: "periodEnd", problem: "invalid", detail }] };
    }
    return { ok: true, value: parsed.data };
  }
  const errors: SettingsError[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        errors.push({ key: [...issue.path, key].join("."), problem: "unknown-key", detail: issue.message });
      }
    } else {
      errors.push({
        key: issue.path.join(".") || "(root)",
        problem: issue.code === "invalid_type" ? "wrong-type" : "invalid",
        detail: issue.message,
      });
    }
  }
  return { ok: false, error: errors };
}

/** Add months to an ISO date, clamping to the month's last day (2022-03-31 − 1 month = 2022-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm + 1).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** Add days to an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Resolve settings from layers, later layers winning (sheet, then JSON/pane), then defaults.
 * `today` is injected so results are reproducible.
 */
export function resolveSettings(layers: readonly SettingsInput[], today: IsoDate): Settings {
  const s: SettingsInput = Object.assign({}, ...layers) as SettingsInput;
  const level = s.level ?? "school";
  const assessmentDate = s.assessmentDate ?? today;
  const periodEnd = s.periodEnd ?? assessmentDate;
  const periodStart = s.periodStart ?? addDays(addMonths(periodEnd, -12), 1);
  const largeSchool = s.largeSchool ?? false;
  const staffMax =
    level === "college" ? (s.staffMax ?? 30) : largeSchool ? (s.staffMaxLarge ?? 60) : (s.staffMax ?? 40);
  return {
    schoolName: s.schoolName ?? null,
    level,
    enrollment: s.enrollment ?? null,
    largeSchool,
    assessmentDate,
    periodStart,
    periodEnd,
    congressDate: s.congressDate ?? null,
    congressSession: s.congressSession ?? null,
    staffMax,
    presidiumMax: s.presidiumMax ?? (level === "college" ? 3 : 5),
    departmentsMax: s.departmentsMax ?? 6,
    departmentHeads: s.departmentHeads ?? null,
    allowedTitles: s.allowedTitles ?? DEFAULT_ALLOWED_TITLES,
    rankTopPercent: s.rankTopPercent ?? 30,
    delegateRatioMin: s.delegateRatioMin ?? 0.01,
    nonOfficerShareMin: s.nonOfficerShareMin ?? 0.6,
    congressMaxMonths: s.congressMaxMonths ?? 12,
    maxHoursPerRecord: s.maxHoursPerRecord ?? 24,
    trainingsPerYear: s.trainingsPerYear ?? 2,
    reviewTerms: s.reviewTerms ?? null,
  };
}

/** The settings sheet's Chinese keys and the JSON key each one sets. */
export const SHEET_SETTING_KEYS: Readonly<Record<string, keyof SettingsInput>> = {
  学校名称: "schoolName",
  组织层级: "level",
  在校生总数: "enrollment",
  是否规模较大高校: "largeSchool",
  评估基准日: "assessmentDate",
  统计开始日期: "periodStart",
  统计截止日期: "periodEnd",
  学生代表大会召开日期: "congressDate",
  学生代表大会届次: "congressSession",
};
