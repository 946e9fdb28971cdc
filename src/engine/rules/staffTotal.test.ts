import { staffTotal } from "./staffTotal";
import { flat, makeRead, runRule, testSettings, type StaffInput } from "./testing";

const rows = (n: number): StaffInput[] => Array.from({ length: n }, () => ({}));

describe("structure.staff-total", () => {
  it("passes 40 staff at a school and flags 41", () => {
    expect(runRule(staffTotal, makeRead({ roster: rows(40) }))).toEqual([]);
    const findings = runRule(staffTotal, makeRead({ roster: rows(41) }));
    expect(flat(findings, ["rule", "sheet", "row", "params.actual", "params.limit"])).toEqual([
      ["structure.staff-total", "工作人员名单", undefined, 41, 40],
    ]);
  });

  it("uses the large-school and college caps", () => {
    const read = makeRead({ roster: rows(41) });
    expect(runRule(staffTotal, read, testSettings({ largeSchool: true }))).toEqual([]);
    const college = runRule(staffTotal, makeRead({ roster: rows(31) }), testSettings({ level: "college" }));
    expect(flat(college, ["params.limit", "params.level"])).toEqual([[30, "college"]]);
  });

  it("counts data rows, duplicates included", () => {
    const read = makeRead({ roster: [...rows(40), { studentId: "X" }, { studentId: "X" }].slice(1) });
    expect(flat(runRule(staffTotal, read), ["params.actual"])).toEqual([[41]]);
  });
});
