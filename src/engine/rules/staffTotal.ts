/** `structure.staff-total`: the roster is within the staff cap (indicator 3). */
import { aggregateFinding, type Rule } from "./context";

/** Flags a roster with more data rows than `staffMax` (already resolved for level and size). */
export const staffTotal: Rule = {
  ids: ["structure.staff-total"],
  run(ctx) {
    const roster = ctx.model.roster;
    const actual = roster.all.length;
    const { staffMax, level, largeSchool } = ctx.settings;
    if (actual <= staffMax) return [];
    return [
      aggregateFinding("structure.staff-total", "error", roster.sheet, {
        actual,
        limit: staffMax,
        level,
        largeSchool,
      }),
    ];
  },
};
