/** Small pieces shared by the summary sheets: the union's name in texts, cell text, no-data blocks. */
import type { Settings } from "../settings";
import type { Lang, RawCell, SummaryBlock } from "../types";
import { formatDate } from "./format";

/** The union as the report names it: 校学生会 / 院学生会, the school / college student union. */
export function unionName(settings: Settings, lang: Lang, capital = false): string {
  if (lang === "zh") return settings.level === "school" ? "校学生会" : "院学生会";
  const name = settings.level === "school" ? "the school student union" : "the college student union";
  return capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

/** The statistics period as text: 2022年1月1日至2022年12月9日 / 1 January 2022 – 9 December 2022. */
export function periodText(settings: Settings, lang: Lang): string {
  const from = formatDate(settings.periodStart, lang);
  const to = formatDate(settings.periodEnd, lang);
  return lang === "zh" ? `${from}至${to}` : `${from} – ${to}`;
}

/** A raw cell as the text the user sees (dates as YYYY-MM-DD, errors as `#N/A`), or null when blank. */
export function rawText(raw: RawCell | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === "string") return raw.trim() === "" ? null : raw.trim();
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  return raw.error;
}

/** A one-cell block that says why a sheet has no content. */
export function noDataBlock(id: string, text: string, header: string): SummaryBlock {
  return { id, columns: [{ header, width: 60, format: "text" }], rows: [[text]] };
}
