import { staffDuplicate } from "./staffDuplicate";
import { flat, makeRead, runRule } from "./testing";

describe("staff.duplicate", () => {
  it("passes distinct student ids and ignores blank ids", () => {
    const read = makeRead({
      roster: [{ studentId: "1" }, { studentId: "2" }, { studentId: null }, { studentId: null }],
    });
    expect(runRule(staffDuplicate, read)).toEqual([]);
  });

  it("reports each later row naming the first", () => {
    const read = makeRead({
      roster: [{ studentId: "1" }, { studentId: "2" }, { studentId: "1" }, { studentId: "1" }],
    });
    expect(flat(runRule(staffDuplicate, read), ["row", "cell", "value", "params.firstRow"])).toEqual([
      [4, "B4", "1", 2],
      [5, "B5", "1", 2],
    ]);
  });
});
