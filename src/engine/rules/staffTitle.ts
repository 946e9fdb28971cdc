/** `staff.title`: only presidium and department posts (indicator 6). */
import type { Finding } from "../types";
import { cellFinding, okText, type Rule } from "./context";
import { staffName } from "../model";

/** Flags a title that is not exactly one of `allowedTitles` (after the reader's normalisation). */
export const staffTitle: Rule = {
  ids: ["staff.title"],
  run(ctx) {
    const allowed = new Set(ctx.settings.allowedTitles);
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      const title = okText(v.record.title);
      if (title === undefined || allowed.has(title)) continue;
      out.push(
        cellFinding(ctx, "staff.title", "error", v.record, "title", v.record.title, {
          name: staffName(v.record),
          allowed: ctx.settings.allowedTitles.join("、"),
        }),
      );
    }
    return out;
  },
};
