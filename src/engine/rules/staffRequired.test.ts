import type { Finding, ReadResult } from "../types";
import { staffInvalidValue, staffMissingValue } from "./staffRequired";
import { bad, flat, makeRead, runRule } from "./testing";

/** Both rules, in the order the check sorts findings: by row, then column. */
function staffRequired(read: ReadResult): Finding[] {
  const all = [...runRule(staffMissingValue, read), ...runRule(staffInvalidValue, read)];
  return all.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (a.cell ?? "").localeCompare(b.cell ?? ""));
}

describe("staff.missing-value / staff.invalid-value", () => {
  it("passes a complete row", () => {
    expect(staffRequired(makeRead({ roster: [{}] }))).toEqual([]);
  });

  it("requires name, id, title and political status", () => {
    const read = makeRead({ roster: [{ name: null, studentId: null, title: null, political: null }] });
    expect(flat(staffRequired(read), ["rule", "column", "params.field"])).toEqual([
      ["staff.missing-value", "姓名", "name"],
      ["staff.missing-value", "学号", "studentId"],
      ["staff.missing-value", "职务", "title"],
      ["staff.missing-value", "政治面貌", "political"],
    ]);
  });

  it("requires rank and failed courses unless exempt, and department unless presidium", () => {
    const read = makeRead({
      roster: [
        { rank: null, failed: null, department: null },
        { grade: 2022, rank: null, failed: null },
        { level: "master", rank: null, failed: null },
        { title: "主席", department: null },
      ],
    });
    expect(flat(staffRequired(read), ["row", "params.field"])).toEqual([
      [2, "department"],
      [2, "rank"],
      [2, "failed"],
      [4, "failed"],
    ]);
  });

  it("reports an unreadable cell once as invalid-value, unless its check is exempt", () => {
    const read = makeRead({
      roster: [
        { rank: bad("前列"), political: bad("#N/A") },
        { grade: 2022, rank: bad("前列") },
        { grade: bad("二一级") },
      ],
    });
    expect(flat(staffRequired(read), ["rule", "row", "cell", "value"])).toEqual([
      ["staff.invalid-value", 2, "I2", "#N/A"],
      ["staff.invalid-value", 2, "J2", "前列"],
      ["staff.invalid-value", 4, "E4", "二一级"],
    ]);
  });

  it("does not report a column the sheet lacks (the reader reports it once)", () => {
    const read = makeRead({ roster: [{ rank: null }, { rank: null }], without: { roster: ["rank"] } });
    expect(staffRequired(read)).toEqual([]);
  });
});
