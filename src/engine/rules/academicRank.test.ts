import { academicRank } from "./academicRank";
import { academicYearStart } from "../model";
import { bad, flat, makeRead, runRule, testSettings } from "./testing";

describe("staff.academic-rank", () => {
  it("passes a rank exactly at the limit (36/120 = 30%) and fails one just above (37/120)", () => {
    const read = makeRead({ roster: [{ rank: "36/120" }, { rank: "37/120" }] });
    expect(flat(runRule(academicRank, read), ["row", "value", "params.limit", "params.percent"])).toEqual([
      [3, "37/120", 30, 30.83],
    ]);
  });

  it("uses rankTopPercent from the settings", () => {
    const read = makeRead({ roster: [{ rank: 0.25 }] });
    expect(runRule(academicRank, read, testSettings({ rankTopPercent: 20 }))).toHaveLength(1);
    expect(runRule(academicRank, read, testSettings({ rankTopPercent: 30 }))).toHaveLength(0);
  });

  it("exempts first-years (enrolled in the academic year containing the assessment date)", () => {
    // Assessment 2022-12-09 → academic year 2022/23: grade 2022 is first-year, 2021 is not.
    const read = makeRead({
      roster: [
        { grade: 2022, rank: 0.9 },
        { grade: 2021, rank: 0.9 },
      ],
    });
    expect(flat(runRule(academicRank, read), ["row"])).toEqual([[3]]);
  });

  it("counts the academic year from 1 September", () => {
    expect(academicYearStart("2022-08-31")).toBe(2021);
    expect(academicYearStart("2022-09-01")).toBe(2022);
    const read = makeRead({ roster: [{ grade: 2022, rank: 0.9 }] });
    // Assessed in June 2023 the 2022 intake is still first-year; in September 2023 it no longer is.
    expect(runRule(academicRank, read, testSettings({ assessmentDate: "2023-06-30" }))).toHaveLength(0);
    expect(runRule(academicRank, read, testSettings({ assessmentDate: "2023-09-01" }))).toHaveLength(1);
  });

  it("exempts graduate students but not junior-college students", () => {
    const read = makeRead({
      roster: [
        { level: "master", rank: 0.9 },
        { level: "doctor", rank: 0.9 },
        { level: "junior", rank: 0.9 },
      ],
    });
    expect(flat(runRule(academicRank, read), ["row"])).toEqual([[4]]);
  });

  it("does not report an unreadable or blank rank a second time", () => {
    const read = makeRead({ roster: [{ rank: bad("前列") }, { rank: null }] });
    expect(runRule(academicRank, read)).toEqual([]);
  });
});
