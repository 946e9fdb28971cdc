/** `staff.political-status`: every staff member is a Party (incl. probationary) or League member (indicator 7). */
import type { Finding } from "../types";
import { cellFinding, type Rule } from "./context";
import { staffName } from "../model";

/** Flags staff whose political status reads as neither Party nor League (blank/unreadable: see staffRequired). */
export const politicalStatus: Rule = {
  ids: ["staff.political-status"],
  run(ctx) {
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      const p = v.record.political;
      if (p.state === "ok" && p.value.status === "other") {
        out.push(
          cellFinding(ctx, "staff.political-status", "error", v.record, "political", p, {
            name: staffName(v.record),
          }),
        );
      }
    }
    return out;
  },
};
