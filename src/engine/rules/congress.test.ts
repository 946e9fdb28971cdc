import { ruleTitle } from "../i18n";
import {
  congressDateMissing,
  congressDuplicate,
  congressMissingValue,
  congressOverdue,
  delegateRatio,
  nonOfficerShare,
} from "./congress";
import { flat, makeRead, runRule, testSettings, type DelegateInput } from "./testing";

const delegates = (n: number, p: DelegateInput = {}): DelegateInput[] =>
  Array.from({ length: n }, () => ({ ...p }));

describe("congress.delegate-ratio", () => {
  it("passes 138 delegates at 13,800 students (exactly 1%) and flags 137", () => {
    const settings = testSettings({ enrollment: 13800 });
    expect(runRule(delegateRatio, makeRead({ congress: delegates(138) }), settings)).toEqual([]);
    const findings = runRule(delegateRatio, makeRead({ congress: delegates(137) }), settings);
    expect(
      flat(findings, [
        "severity",
        "sheet",
        "params.actual",
        "params.required",
        "params.enrollment",
        "params.limit",
      ]),
    ).toEqual([["error", "学代会代表", 137, 138, 13800, 0.01]]);
  });

  it("counts a delegate listed twice once", () => {
    const list = [...delegates(137), { studentId: "D2" }];
    expect(
      runRule(delegateRatio, makeRead({ congress: list }), testSettings({ enrollment: 13800 })),
    ).toHaveLength(1);
  });

  it("says it cannot check without an enrollment", () => {
    const findings = runRule(delegateRatio, makeRead({ congress: delegates(3) }));
    expect(flat(findings, ["severity", "params.reason", "params.actual"])).toEqual([
      ["info", "no-enrollment", 3],
    ]);
  });

  it("stays silent without a delegate sheet (table.missing says so)", () => {
    expect(runRule(delegateRatio, makeRead({}), testSettings({ enrollment: 100 }))).toEqual([]);
  });
});

describe("congress.non-officer-share", () => {
  it("counts officers by roster student id or the officer column", () => {
    const read = makeRead({
      roster: [{ studentId: "D2" }],
      congress: [{}, {}, { isOfficer: true }, {}, {}],
    });
    // Rows 2 (D2 on the roster) and 4 (marked) are officers: 3 of 5 = 60% passes.
    expect(runRule(nonOfficerShare, read)).toEqual([]);
    const stricter = runRule(nonOfficerShare, read, testSettings({ nonOfficerShareMin: 0.7 }));
    expect(
      flat(stricter, ["severity", "params.actual", "params.nonOfficers", "params.delegates", "params.limit"]),
    ).toEqual([["warning", 0.6, 3, 5, 0.7]]);
  });

  it("does not fire without delegates", () => {
    expect(runRule(nonOfficerShare, makeRead({ congress: [] }))).toEqual([]);
  });
});

describe("congress.overdue", () => {
  it("passes a congress within 12 months and flags one older", () => {
    expect(runRule(congressOverdue, makeRead({}), testSettings({ congressDate: "2022-11-23" }))).toEqual([]);
    expect(runRule(congressOverdue, makeRead({}), testSettings({ congressDate: "2021-12-09" }))).toEqual([]);
    const late = runRule(congressOverdue, makeRead({}), testSettings({ congressDate: "2021-12-08" }));
    expect(flat(late, ["rule", "severity", "params.date", "params.earliest", "params.limit"])).toEqual([
      ["congress.overdue", "error", "2021-12-08", "2021-12-09", 12],
    ]);
  });

  it("leaves a missing date to congress.date-missing: it does not claim the congress is overdue", () => {
    expect(runRule(congressOverdue, makeRead({}))).toEqual([]);
    const missing = runRule(congressDateMissing, makeRead({}));
    expect(flat(missing, ["rule", "severity", "params.limit"])).toEqual([
      ["congress.date-missing", "error", 12],
    ]);
    expect(ruleTitle("congress.date-missing", "zh")).toBe("未填写学代会召开日期");
    expect(ruleTitle("congress.date-missing", "zh")).not.toContain("未按期");
    expect(runRule(congressDateMissing, makeRead({}), testSettings({ congressDate: "2020-01-01" }))).toEqual(
      [],
    );
  });

  it("follows congressMaxMonths", () => {
    const settings = testSettings({ congressDate: "2021-06-01", congressMaxMonths: 24 });
    expect(runRule(congressOverdue, makeRead({}), settings)).toEqual([]);
  });
});

describe("congress.duplicate / congress.missing-value", () => {
  it("reports a repeated student id, or a repeated name when there is no id, on the later row", () => {
    const read = makeRead({
      congress: [
        { studentId: "1" },
        { studentId: "1" },
        { studentId: null, name: "王五" },
        { studentId: null, name: "王五" },
        { studentId: "2", name: "王五" },
      ],
    });
    expect(flat(runRule(congressDuplicate, read), ["row", "column", "value", "params.firstRow"])).toEqual([
      [3, "学号", "1", 2],
      [5, "姓名", "王五", 4],
    ]);
  });

  it("requires name, student id, college and class when the sheet has those columns", () => {
    const read = makeRead({ congress: [{}, { name: null, class: null }, { studentId: null }] });
    expect(flat(runRule(congressMissingValue, read), ["row", "column", "params.field"])).toEqual([
      [3, "姓名", "name"],
      [3, "班级", "class"],
      [4, "学号", "studentId"],
    ]);
    const noIds = makeRead({ congress: [{ studentId: null }], without: { congress: ["studentId"] } });
    expect(runRule(congressMissingValue, noIds)).toEqual([]);
  });
});
