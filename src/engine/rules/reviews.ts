/**
 * The review family (述职评议): every presidium member and department head is reviewed in every
 * required term, and scores are numbers from 0 to 100 (example report, section (八)).
 */
import { REVIEW_SCORES, type Finding } from "../types";
import { cellFinding, okText, type Rule } from "./context";
import { staffName } from "../model";

/** Flags, on the person's roster row, each required term without a review (needs a review sheet). */
export const reviewMissing: Rule = {
  ids: ["review.missing"],
  run(ctx) {
    // Without a review sheet table.missing already says so; one finding per person would be noise.
    if (!ctx.has("reviews")) return [];
    return ctx.model.reviewCoverage.missing.map(({ person, term }) =>
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
