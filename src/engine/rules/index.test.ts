import { computeStats } from "../stats";
import type { ActivityRecord, Parsed } from "../types";
import { READER_RULE_IDS, RULE_IDS, RULES, runRules } from "./index";
import { flat, makeRead, testSettings, withRun } from "./testing";

describe("RULES", () => {
  it("register each rule id once, and only the reader's findings have no run", () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(RULE_IDS);
    expect(READER_RULE_IDS).toEqual(["table.missing", "table.missing-column", "settings.invalid-value"]);
  });

  it("find nothing in a clean workbook (apart from the missing congress date)", () => {
    const read = makeRead({
      roster: [{ title: "执行主席", department: null }, { title: "部长" }, { title: "干事" }],
      activities: [{ studentId: "1" }, { studentId: "2" }],
    });
    expect(flat(runRules(read, testSettings()), ["rule"])).toEqual([["congress.date-missing"]]);
    expect(runRules(read, testSettings({ congressDate: "2022-11-23" }))).toEqual([]);
  });

  it("turn a rule that throws into one info finding under its own id and go on", () => {
    const broken = withRun("staff.title", () => {
      throw new Error("boom");
    });
    const read = makeRead({ roster: [{ political: "群众" }] });
    const findings = runRules(read, testSettings({ congressDate: "2022-11-23" }), [broken, ...RULES]);
    expect(flat(findings, ["rule", "severity", "params.reason", "params.detail"])).toEqual([
      ["staff.title", "info", "internal", "boom"],
      ["staff.political-status", "error", undefined, undefined],
    ]);
  });

  it("survive records a buggy reader might produce", () => {
    const read = makeRead({ roster: [{}], activities: [{}], congress: [{}], reviews: [{}], meetings: [{}] });
    // A hours cell that claims to be ok but holds NaN, and a rank fraction of NaN.
    const weird = {
      ...read,
      activities: [
        {
          ...(read.activities[0] as ActivityRecord),
          hours: { state: "ok", value: Number.NaN } as Parsed<number>,
        },
      ],
    };
    expect(() => runRules(weird, testSettings())).not.toThrow();
    expect(flat(runRules(weird, testSettings()), ["rule"])).toContainEqual(["activity.hours"]);
  });
});

describe("performance", () => {
  it("checks and counts 200,000 activity rows", () => {
    const n = 200_000;
    const sheet = "志愿活动";
    const activities: ActivityRecord[] = new Array(n);
    const ok = <T>(value: T): Parsed<T> => ({ state: "ok", value });
    for (let i = 0; i < n; i++) {
      // Every 100th row repeats the row before it: 2,000 duplicates.
      const j = i % 100 === 99 ? i - 1 : i;
      const day = String((j % 28) + 1).padStart(2, "0");
      const month = String(((j >> 5) % 12) + 1).padStart(2, "0");
      activities[i] = {
        sheet,
        row: i + 2,
        date: ok(`2022-${month}-${day}`),
        activity: ok(`活动${j % 500}`),
        category: ok(`类别${j % 7}`),
        studentId: ok(`S${j % 20000}`),
        name: ok(`学生${j % 20000}`),
        // Every 1,000th row breaks a rule so findings are produced too.
        hours: i % 1000 === 0 ? ok(99) : ok(1.5),
        department: { state: "blank" },
      };
    }
    const read = { ...makeRead({}), activities };
    const settings = testSettings({ periodStart: "2022-01-01", periodEnd: "2022-12-31" });
    const rules = RULES.filter((r) => r.meta.id.startsWith("activity."));
    const run = () => {
      const findings = runRules(read, settings, rules);
      return { findings, stats: computeStats(read, settings, findings) };
    };
    // Speed is measured by `npm run bench`, not here; this checks the large run's results.
    const { findings, stats } = run();
    expect(findings.filter((f) => f.rule === "activity.hours")).toHaveLength(200);
    const duplicates = findings.filter((f) => f.rule === "activity.duplicate").length;
    expect(duplicates).toBe(2000);
    expect(stats.activities?.personTimes).toBe(n - 2000);
  });
});
