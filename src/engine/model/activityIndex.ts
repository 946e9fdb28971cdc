/**
 * The activity log's rows numbered once for the duplicate rule and the figures: which session
 * (distinct date + activity) and which person each counted row belongs to. Both used to key Maps
 * by strings per row, twice over; on a 200,000-row log that (and the garbage of per-person Maps)
 * was most of the rules' time. Numbers let them use plain typed arrays instead.
 */
import type { Settings } from "../settings";
import type { ActivityRecord, Parsed } from "../types";
import { fastPersonKey, okText, PairIds, periodTest } from "./values";

/** Session and person numbers of an activity log's rows. */
export interface ActivityIndex {
  /**
   * Per record (the activities' order): its session number, or -1 when the row counts nowhere
   * (the date is unreadable or outside the period, or it names no activity or no participant).
   */
  readonly session: Int32Array;
  /** Per record: its person number ({@link fastPersonKey}), meaningful where `session` ≥ 0. */
  readonly person: Int32Array;
  /** The session's activity text, by session number. */
  readonly sessionActivity: readonly string[];
  /** The session's ISO date, by session number. */
  readonly sessionDate: readonly string[];
  /** How many people are numbered. */
  readonly people: number;
}

/** Number the sessions and people of an activity log in one linear pass (the model does it once per check). */
export function buildActivityIndex(activities: readonly ActivityRecord[], settings: Settings): ActivityIndex {
  const n = activities.length;
  const session = new Int32Array(n);
  const person = new Int32Array(n);
  const sessionActivity: string[] = [];
  const sessionDate: string[] = [];
  const pairs = new PairIds();
  const people = new Map<string, number>();
  const inPeriod = periodTest(settings);
  // The reader shares one frozen Parsed per repeated cell value, and a session's rows usually
  // follow each other: when a row holds the very same date and activity objects as the row
  // before, it is the same session, with no string lookups at all.
  let lastDate: Parsed<string> | undefined;
  let lastActivity: Parsed<string> | undefined;
  let lastSession = -1;
  for (let i = 0; i < n; i++) {
    const r = activities[i] as ActivityRecord;
    session[i] = -1;
    const p = fastPersonKey(r.studentId, r.name);
    if (p === undefined) continue;
    let s: number;
    if (r.date === lastDate && r.activity === lastActivity) {
      s = lastSession;
    } else {
      const date = r.date.state === "ok" && inPeriod(r.date.value) ? r.date.value : undefined;
      const activity = okText(r.activity);
      s = -1;
      if (date !== undefined && activity !== undefined) {
        const before = pairs.size;
        s = pairs.id(date, activity);
        if (pairs.size !== before) {
          sessionActivity.push(activity);
          sessionDate.push(date);
        }
      }
      lastDate = r.date;
      lastActivity = r.activity;
      lastSession = s;
    }
    if (s < 0) continue;
    let id = people.get(p);
    if (id === undefined) {
      id = people.size;
      people.set(p, id);
    }
    session[i] = s;
    person[i] = id;
  }
  return { session, person, sessionActivity, sessionDate, people: people.size };
}

/**
 * Who joined each session, and at which row first: a flat [person, row, …] list per session.
 * Sessions have a handful of participants, so a linear scan beats a Map and allocates far less;
 * a session grown past {@link SMALL} (one huge day of service) switches to a Map.
 */
export class SessionMembers {
  private static readonly SMALL = 32;
  private readonly lists: Array<number[] | Map<number, number> | undefined>;
  constructor(sessions: number) {
    this.lists = new Array<number[] | Map<number, number> | undefined>(sessions);
  }
  /** The first row this person joined the session at, or undefined (and `row` remembered) when new. */
  firstRow(session: number, person: number, row: number): number | undefined {
    const list = this.lists[session];
    if (list === undefined) {
      this.lists[session] = [person, row];
      return undefined;
    }
    if (list instanceof Map) {
      const first = list.get(person);
      if (first === undefined) list.set(person, row);
      return first;
    }
    for (let k = 0; k < list.length; k += 2) if (list[k] === person) return list[k + 1];
    if (list.length < SessionMembers.SMALL * 2) {
      list.push(person, row);
    } else {
      const map = new Map<number, number>();
      for (let k = 0; k < list.length; k += 2) map.set(list[k] as number, list[k + 1] as number);
      map.set(person, row);
      this.lists[session] = map;
    }
    return undefined;
  }
}
