/**
 * Per-activity facts the figures do not carry: the first and last date, how many months it ran in,
 * its category and whether it is volunteer service. One pass over the activity log, counting only
 * in-period rows with a readable date and activity name (the rows the figures count).
 */
import type { Settings } from "../settings";
import type { IsoDate, ReadResult } from "../types";

/** Facts about one activity (by name). */
export interface ActivityFacts {
  readonly firstDate: IsoDate;
  readonly lastDate: IsoDate;
  /** Distinct `YYYY-MM` months with a session. */
  readonly months: number;
  /** The category written most often for this activity, or null. */
  readonly category: string | null;
  /** Volunteer service (志愿服务): see {@link activityFacts} for how it is decided. */
  readonly volunteer: boolean;
}

const VOLUNTEER = /志愿|volunteer/i;

interface Acc {
  firstDate: IsoDate;
  lastDate: IsoDate;
  months: Set<string>;
  categories: Map<string, number>;
  onVolunteerSheet: boolean;
}

/**
 * Facts per activity name, from one pass over the log (the model computes it once per check). An
 * activity is volunteer service when its category says 志愿; in a log whose categories never say
 * so (e.g. 环境保护, 公益服务), when its sheet is a volunteer log (志愿服务活动记录), else by its name.
 */
export function activityFacts(read: ReadResult, settings: Settings): Map<string, ActivityFacts> {
  const acc = new Map<string, Acc>();
  for (const r of read.activities) {
    if (r.date.state !== "ok" || r.activity.state !== "ok") continue;
    const date = r.date.value;
    if (date < settings.periodStart || date > settings.periodEnd) continue;
    const name = r.activity.value.trim();
    if (name === "") continue;
    let a = acc.get(name);
    if (!a) {
      a = {
        firstDate: date,
        lastDate: date,
        months: new Set(),
        categories: new Map(),
        onVolunteerSheet: false,
      };
      acc.set(name, a);
    }
    if (!a.onVolunteerSheet && VOLUNTEER.test(r.sheet)) a.onVolunteerSheet = true;
    if (date < a.firstDate) a.firstDate = date;
    if (date > a.lastDate) a.lastDate = date;
    a.months.add(date.slice(0, 7));
    if (r.category.state === "ok" && r.category.value.trim() !== "") {
      const c = r.category.value.trim();
      a.categories.set(c, (a.categories.get(c) ?? 0) + 1);
    }
  }
  let categoriesSayVolunteer = false;
  for (const a of acc.values()) {
    for (const c of a.categories.keys()) if (VOLUNTEER.test(c)) categoriesSayVolunteer = true;
  }
  const out = new Map<string, ActivityFacts>();
  for (const [name, a] of acc) {
    let category: string | null = null;
    let best = 0;
    for (const [c, n] of a.categories) {
      if (n > best) {
        best = n;
        category = c;
      }
    }
    const volunteer = categoriesSayVolunteer
      ? category !== null && VOLUNTEER.test(category)
      : a.onVolunteerSheet || VOLUNTEER.test(name);
    out.set(name, {
      firstDate: a.firstDate,
      lastDate: a.lastDate,
      months: a.months.size,
      category,
      volunteer,
    });
  }
  return out;
}
