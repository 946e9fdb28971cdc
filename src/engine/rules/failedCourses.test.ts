import { failedCourses } from "./failedCourses";
import { flat, makeRead, runRule } from "./testing";

describe("staff.failed-courses", () => {
  it("passes zero failed courses and fails any positive count", () => {
    const read = makeRead({ roster: [{ failed: 0 }, { failed: 2 }] });
    expect(flat(runRule(failedCourses, read), ["rule", "row", "column", "params.count"])).toEqual([
      ["staff.failed-courses", 3, "不及格门数", 2],
    ]);
  });

  it("exempts first-years but not graduate students", () => {
    const read = makeRead({
      roster: [
        { grade: 2022, failed: 1 },
        { level: "master", failed: 1 },
      ],
    });
    expect(flat(runRule(failedCourses, read), ["row"])).toEqual([[3]]);
  });
});
