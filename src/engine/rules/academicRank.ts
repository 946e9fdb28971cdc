/** `staff.academic-rank`: rank within the top `rankTopPercent`% of the major (indicator 8). */
import type { Finding } from "../types";
import { cellFinding, type Rule } from "./context";
import { rankPasses, staffName } from "../model";

/** Flags a readable rank outside the limit; first-years and graduate students are exempt. */
export const academicRank: Rule = {
  ids: ["staff.academic-rank"],
  run(ctx) {
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      const r = v.record.rank;
      if (v.rankExempt || r.state !== "ok" || rankPasses(r.value.fraction, ctx.settings)) continue;
      out.push(
        cellFinding(ctx, "staff.academic-rank", "error", v.record, "rank", r, {
          name: staffName(v.record),
          limit: ctx.settings.rankTopPercent,
          // Rounded for the message; the comparison used the exact fraction.
          percent: Math.round(r.value.fraction * 10000) / 100,
          position: r.value.position ?? null,
          size: r.value.size ?? null,
        }),
      );
    }
    return out;
  },
};
