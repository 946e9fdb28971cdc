/**
 * The review family (述职评议): every presidium member and department head is reviewed in every
 * required term, and scores are numbers from 0 to 100 (example report, section (八)).
 */
import { REVIEW_SCORES, type Finding, type ReviewRecord } from "../types";
import { cellFinding, okText, type Rule, type RuleContext } from "./context";
import { rosterView, staffName, type StaffView } from "./roster";

/** Who must be reviewed in which terms, and who is missing a review. */
export interface ReviewCoverage {
  readonly terms: readonly string[];
  /** Presidium members and heads, each student id once. */
  readonly people: readonly StaffView[];
  readonly required: number;
  readonly done: number;
  readonly missing: ReadonlyArray<{ readonly person: StaffView; readonly term: string }>;
}

/**
 * Match reviews to people by student id, else by name: a review with an id counts for that id;
 * a review without an id counts for anyone of that name, as does any review for a person with no id.
 */
export function reviewCoverage(
  people: readonly StaffView[],
  reviews: readonly ReviewRecord[],
  reviewTerms: readonly string[] | null,
): ReviewCoverage {
  const presentTerms: string[] = [];
  const seenTerms = new Set<string>();
  const byId = new Set<string>();
  const byNameWithoutId = new Set<string>();
  const byName = new Set<string>();
  for (const r of reviews) {
    const term = okText(r.term);
    if (term === undefined) continue;
    if (!seenTerms.has(term)) {
      seenTerms.add(term);
      presentTerms.push(term);
    }
    const id = okText(r.studentId);
    const name = okText(r.name);
    if (id !== undefined) byId.add(`${id}\u0001${term}`);
    if (name !== undefined) {
      byName.add(`${name}\u0001${term}`);
      if (id === undefined) byNameWithoutId.add(`${name}\u0001${term}`);
    }
  }
  const terms = reviewTerms ?? presentTerms;
  const missing: Array<{ person: StaffView; term: string }> = [];
  let done = 0;
  for (const person of people) {
    const id = okText(person.record.studentId);
    const name = okText(person.record.name);
    for (const term of terms) {
      const found =
        (id !== undefined && byId.has(`${id}\u0001${term}`)) ||
        (name !== undefined && (id !== undefined ? byNameWithoutId : byName).has(`${name}\u0001${term}`));
      if (found) done++;
      else missing.push({ person, term });
    }
  }
  return { terms, people, required: people.length * terms.length, done, missing };
}

/** The review coverage of a run's roster. */
export function coverageOf(ctx: RuleContext): ReviewCoverage {
  const people = rosterView(ctx).unique.filter((v) => v.presidium || v.head);
  return reviewCoverage(people, ctx.read.reviews, ctx.settings.reviewTerms);
}

/** Flags, on the person's roster row, each required term without a review (needs a review sheet). */
export const reviewMissing: Rule = {
  ids: ["review.missing"],
  run(ctx) {
    // Without a review sheet table.missing already says so; one finding per person would be noise.
    if (!ctx.has("reviews")) return [];
    return coverageOf(ctx).missing.map(({ person, term }) =>
      cellFinding(ctx, "review.missing", "error", person.record, "name", person.record.name, {
        name: staffName(person.record),
        title: okText(person.record.title) ?? null,
        term,
      }),
    );
  },
};

const SCORE_FIELDS = [...REVIEW_SCORES, "total"] as const;

/** Flags a score or total that is not a number or lies outside 0–100. */
export const reviewScore: Rule = {
  ids: ["review.score"],
  run(ctx) {
    const out: Finding[] = [];
    for (const r of ctx.read.reviews) {
      for (const field of SCORE_FIELDS) {
        const p = r[field];
        let reason: "not-a-number" | "out-of-range" | undefined;
        if (p.state === "invalid" || (p.state === "ok" && !Number.isFinite(p.value))) reason = "not-a-number";
        else if (p.state === "ok" && (p.value < 0 || p.value > 100)) reason = "out-of-range";
        if (reason === undefined) continue;
        out.push(
          cellFinding(ctx, "review.score", "error", r, field, p, {
            name: okText(r.name) ?? null,
            field,
            reason,
            min: 0,
            max: 100,
          }),
        );
      }
    }
    return out;
  },
};
