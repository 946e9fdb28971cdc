/** `structure.presidium-size`: the presidium is within `presidiumMax` (indicator 4). */
import { aggregateFinding, type Rule } from "./context";

/** Flags more presidium members (distinct student ids) than `presidiumMax`. */
export const presidiumSize: Rule = {
  ids: ["structure.presidium-size"],
  run(ctx) {
    const roster = ctx.model.roster;
    const actual = roster.unique.filter((v) => v.presidium).length;
    const { presidiumMax, level } = ctx.settings;
    if (actual <= presidiumMax) return [];
    return [
      aggregateFinding("structure.presidium-size", "error", roster.sheet, {
        actual,
        limit: presidiumMax,
        level,
      }),
    ];
  },
};
