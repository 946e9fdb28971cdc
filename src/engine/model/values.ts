/**
 * Small pure helpers over parsed values that the record views and the rules share: present values,
 * the key a person is counted by, pair numbering and the settings' period.
 */
import type { Settings } from "../settings";
import type { Parsed } from "../types";

/** Separator for lists carried inside a note's parameters (department names, months, titles). */
export const PARAM_LIST_SEPARATOR = "、";

/** The value of a parsed cell, or undefined when it is blank or unreadable. */
export function ok<T>(p: Parsed<T>): T | undefined {
  return p.state === "ok" ? p.value : undefined;
}

/** A parsed text that is present and non-empty. */
export function okText(p: Parsed<string>): string | undefined {
  if (p.state !== "ok") return undefined;
  const t = p.value.trim();
  return t === "" ? undefined : t;
}

/**
 * The key one person is counted by: the student id, else the name (so a list without ids still
 * counts people once); undefined when neither is present.
 */
export function personKey(studentId: Parsed<string>, name: Parsed<string>): string | undefined {
  const id = okText(studentId);
  if (id !== undefined) return `id:${id}`;
  const n = okText(name);
  return n !== undefined ? `name:${n}` : undefined;
}

/**
 * The same person key as {@link personKey} but cheaper for hot loops: the bare student id, or the
 * name behind a NUL (which no id contains), so most rows build no new string.
 */
export function fastPersonKey(studentId: Parsed<string>, name: Parsed<string>): string | undefined {
  const id = okText(studentId);
  if (id !== undefined) return id;
  const n = okText(name);
  return n !== undefined ? `\u0000${n}` : undefined;
}

/**
 * Numbers pairs of strings (e.g. date + activity) without building a joined key per row: a Map of
 * Maps, so a 200,000-row log interns in one linear pass.
 */
export class PairIds {
  private readonly ids = new Map<string, Map<string, number>>();
  /** How many distinct pairs have been seen. */
  size = 0;
  /** The pair's number; a new pair gets the next number, so `size` grows exactly when it is new. */
  id(a: string, b: string): number {
    let inner = this.ids.get(a);
    if (!inner) {
      inner = new Map();
      this.ids.set(a, inner);
    }
    const known = inner.get(b);
    if (known !== undefined) return known;
    const id = this.size++;
    inner.set(b, id);
    return id;
  }
}

/** True when an ISO date lies within the settings' period (inclusive). */
export function inPeriod(date: string, settings: Settings): boolean {
  return date >= settings.periodStart && date <= settings.periodEnd;
}

/**
 * {@link inPeriod} remembered per distinct date: a log has a few hundred dates but hundreds of
 * thousands of rows, and a Map lookup is cheaper than two string comparisons.
 */
export function periodTest(settings: Settings): (date: string) => boolean {
  const known = new Map<string, boolean>();
  return (date) => {
    let v = known.get(date);
    if (v === undefined) {
      v = inPeriod(date, settings);
      known.set(date, v);
    }
    return v;
  };
}

/** The `YYYY-MM` months from the period's start month to its end month, in order. */
export function periodMonths(settings: Settings): string[] {
  const [sy, sm] = settings.periodStart.split("-").map(Number) as [number, number];
  const [ey, em] = settings.periodEnd.split("-").map(Number) as [number, number];
  const months: string[] = [];
  const first = sy * 12 + sm - 1;
  const last = ey * 12 + em - 1;
  // Guard against absurd periods so a typo in a setting cannot stall the run.
  for (let m = first; m <= last && months.length < 1200; m++) {
    months.push(`${String(Math.floor(m / 12)).padStart(4, "0")}-${String((m % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}
