/** `staff.duplicate`: one roster row per student id, so the staff count is honest (indicator 3). */
import type { Finding } from "../types";
import { cellFinding, type Rule } from "./context";
import { staffName } from "../model";

/** Flags each later row that repeats a student id, naming the first row. */
export const staffDuplicate: Rule = {
  ids: ["staff.duplicate"],
  run(ctx) {
    const out: Finding[] = [];
    for (const v of ctx.model.roster.all) {
      if (v.duplicateOf === null) continue;
      out.push(
        cellFinding(ctx, "staff.duplicate", "error", v.record, "studentId", v.record.studentId, {
          name: staffName(v.record),
          firstRow: v.duplicateOf,
        }),
      );
    }
    return out;
  },
};
