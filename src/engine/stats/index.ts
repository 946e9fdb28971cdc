/** The self-assessment figures: counts and sums computed from the read workbook. */
export { computeStats } from "./computeStats";
export { activityStats, roundHours, UNCATEGORISED } from "./activityStats";
