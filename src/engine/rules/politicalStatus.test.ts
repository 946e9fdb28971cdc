import { politicalStatus } from "./politicalStatus";
import { bad, flat, makeRead, runRule } from "./testing";

describe("staff.political-status", () => {
  it("passes Party, probationary and League members", () => {
    const read = makeRead({
      roster: [{ political: "中共党员" }, { political: "中共预备党员" }, { political: "共青团员" }],
    });
    expect(runRule(politicalStatus, read)).toEqual([]);
  });

  it("flags a non-member on its cell, quoting the label as written", () => {
    const read = makeRead({ roster: [{ political: "共青团员" }, { name: "李四", political: "群众" }] });
    const findings = runRule(politicalStatus, read);
    expect(flat(findings, ["rule", "severity", "row", "column", "cell", "value", "params.name"])).toEqual([
      ["staff.political-status", "error", 3, "政治面貌", "I3", "群众", "李四"],
    ]);
  });

  it("leaves blank and unreadable cells to staff.missing-value / staff.invalid-value", () => {
    const read = makeRead({ roster: [{ political: null }, { political: bad("#N/A") }] });
    expect(runRule(politicalStatus, read)).toEqual([]);
  });
});
