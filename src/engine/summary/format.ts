/**
 * Number, percent, date and list formatting for summary text, per language. Chinese follows the
 * example report (1995人次, 2034.5小时, 2022年11月23日, 、 between items); English groups thousands.
 */
import type { IsoDate, Lang } from "../types";
import { PARAM_LIST_SEPARATOR } from "../model";

/** Round a figure to at most two decimals, dropping float noise such as 2034.4999999. */
export function roundFigure(n: number): number {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** A figure as text: `2034.5` in Chinese, `2,034.5` in English. */
export function formatNumber(n: number, lang: Lang): string {
  const r = roundFigure(n);
  if (lang === "zh") return String(r);
  const [int = "0", frac] = String(Math.abs(r)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${r < 0 ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A ratio (0..1) as a percent with fixed decimals, e.g. `1.00%`. */
export function formatPercent(ratio: number, digits = 2): string {
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A ratio (0..1) as a short percent for limits, e.g. 0.01 → `1%`, 0.125 → `12.5%`. */
export function formatLimitPercent(ratio: number): string {
  return `${roundFigure(ratio * 100)}%`;
}

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

function parts(iso: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), m[3] === undefined ? 0 : Number(m[3])];
}

/** A date as `2022年11月23日` / `23 November 2022` (without the year when `withYear` is false). */
export function formatDate(iso: IsoDate, lang: Lang, withYear = true): string {
  const p = parts(iso);
  if (!p) return iso;
  const [y, m, d] = p;
  if (lang === "zh") return `${withYear ? `${y}年` : ""}${m}月${d}日`;
  return `${d} ${EN_MONTHS[m - 1] ?? m}${withYear ? ` ${y}` : ""}`;
}

/** A `YYYY-MM` month as `2022年3月` / `Mar 2022`. */
export function formatMonth(month: string, lang: Lang): string {
  const p = parts(month);
  if (!p) return month;
  const [y, m] = p;
  return lang === "zh" ? `${y}年${m}月` : `${(EN_MONTHS[m - 1] ?? String(m)).slice(0, 3)} ${y}`;
}

/** A list joined the way each language writes one: `甲、乙、丙` / `a, b, c`. */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

export { PARAM_LIST_SEPARATOR };

/** Split a list parameter written with {@link PARAM_LIST_SEPARATOR} back into items. */
export function splitListParam(value: unknown): string[] {
  if (typeof value !== "string" || value === "") return [];
  return value.split(PARAM_LIST_SEPARATOR);
}

/** A count with its English noun, singular or plural: `1 person`, `2 persons`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(n, "en")} ${n === 1 ? singular : pluralForm}`;
}

const TERM =
  /^\s*(\d{4})\s*[-–—~～至]\s*(\d{4})\s*(?:学年)?\s*[-–—_ ]?\s*(?:第)?\s*([12一二上下])\s*(?:学期)?\s*$/u;
const TERM_NUMBER: Readonly<Record<string, 1 | 2>> = { "1": 1, "2": 2, 一: 1, 二: 2, 上: 1, 下: 2 };

/**
 * A semester code as a report writes it: `2021-2022-2` → `2021—2022学年第二学期` / `2021–2022,
 * second term`. Text that is not such a code is returned as written.
 */
export function formatTerm(term: string, lang: Lang): string {
  const m = TERM.exec(term);
  const n = m ? TERM_NUMBER[m[3] as string] : undefined;
  if (!m || n === undefined || Number(m[2]) !== Number(m[1]) + 1) return term;
  return lang === "zh"
    ? `${m[1]}—${m[2]}学年第${n === 1 ? "一" : "二"}学期`
    : `${m[1]}–${m[2]}, ${n === 1 ? "first" : "second"} term`;
}
