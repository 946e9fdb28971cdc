/** The self-assessment figures: counts and sums computed from the read workbook. */
export { computeStats } from "./computeStats";
export { activityExtras, activityStats, roundHours, UNCATEGORISED } from "./activityStats";
export { politicalFigures } from "./political";
export type { PoliticalFigures } from "./political";
