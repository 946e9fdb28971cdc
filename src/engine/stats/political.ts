/**
 * Political status in the four official categories of the 自评表 (中共党员, 中共预备党员, 共青团员,
 * 群众), with the raw spellings the reader understands mapped onto them (预备党员 → 中共预备党员,
 * 团员 → 共青团员 …), values that are none of them listed as written, and blank or unreadable cells
 * counted apart. Population: roster rows, as rule 7 judges them, so the counts add up to `total`.
 */
import type { PoliticalCategory, StaffRecord } from "../types";

/** Spellings of 群众 (non-member); the reader folds only Party and League spellings. */
const NON_MEMBER = /^(普通)?群众$|^(the\s*)?masses$|^non-?member$/i;

/** Political-status figures of a roster. */
export interface PoliticalFigures {
  /** Rows per official category (all four keys, zeros included). */
  readonly political: Readonly<Record<PoliticalCategory, number>>;
  /** Values that are none of the four, as written → rows. */
  readonly politicalUnrecognised: Readonly<Record<string, number>>;
  /** Rows whose political status is blank or unreadable. */
  readonly politicalMissing: number;
  /** Rows of Party (incl. probationary) or League members. */
  readonly partyOrLeague: number;
}

/** Count the rows of `records` by official political category. */
export function politicalFigures(records: readonly StaffRecord[]): PoliticalFigures {
  const political: Record<PoliticalCategory, number> = { 中共党员: 0, 中共预备党员: 0, 共青团员: 0, 群众: 0 };
  const unrecognised: Record<string, number> = {};
  let missing = 0;
  for (const r of records) {
    const p = r.political;
    if (p.state !== "ok") {
      missing++;
      continue;
    }
    const { status, label } = p.value;
    if (status === "party") political.中共党员++;
    else if (status === "probationary") political.中共预备党员++;
    else if (status === "league") political.共青团员++;
    else if (NON_MEMBER.test(label.trim())) political.群众++;
    else unrecognised[label] = (unrecognised[label] ?? 0) + 1;
  }
  return {
    political,
    politicalUnrecognised: unrecognised,
    politicalMissing: missing,
    partyOrLeague: political.中共党员 + political.中共预备党员 + political.共青团员,
  };
}
