/** `staff.failed-courses`: no failed course (indicator 8). */
import type { Finding } from "../types";
import { cellFinding, type Rule } from "./context";
import { staffName } from "../model";

/** Flags staff with one or more failed courses; first-years are exempt (they have no record yet). */
export const failedCourses: Rule = {
  ids: ["staff.failed-courses"],
  run(ctx) {
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      const f = v.record.failed;
      if (v.failedExempt || f.state !== "ok" || f.value <= 0) continue;
      out.push(
        cellFinding(ctx, "staff.failed-courses", "error", v.record, "failed", f, {
          name: staffName(v.record),
          count: f.value,
        }),
      );
    }
    return out;
  },
};
