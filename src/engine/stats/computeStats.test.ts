import { addDays } from "../settings";
import { runRules } from "../rules";
import {
  bad,
  makeRead,
  REVIEWED_UNION,
  testSettings,
  type ActivityInput,
  type StaffInput,
} from "../rules/testing";
import type { ReadResult } from "../types";
import { computeStats } from "./computeStats";

function statsOf(read: ReadResult, settings = testSettings()) {
  return computeStats(read, settings, [...read.findings, ...runRules(read, settings)]);
}

/** The example school's campaign: 233 sessions, 1,995 person-times, 2,034.5 hours (8 Mar – 9 Dec 2022). */
function campaign(): ActivityInput[] {
  const rows: ActivityInput[] = [];
  for (let s = 0; s < 233; s++) {
    // Spread 233 distinct dates over the 277 days from 8 March to 9 December.
    const date = addDays("2022-03-08", Math.floor((s * 276) / 232));
    // 131 sessions of 9 volunteers and 102 of 8: 131 × 9 + 102 × 8 = 1995.
    const size = s < 131 ? 9 : 8;
    for (let p = 0; p < size; p++) {
      // 79 person-times of 1.5 hours and the rest 1 hour: 1995 + 79 × 0.5 = 2034.5.
      rows.push({
        date,
        activity: "绿色校园 有我守护",
        category: "志愿服务",
        studentId: `V${p + (s % 40)}`,
        hours: rows.length < 79 ? 1.5 : 1,
      });
    }
  }
  return rows;
}

describe("computeStats: activities", () => {
  it("reproduces the example report's volunteer figures", () => {
    const rows = campaign();
    const a = statsOf(makeRead({ activities: rows })).activities;
    expect(a).not.toBeNull();
    expect(a?.personTimes).toBe(1995);
    expect(a?.hours).toBe(2034.5);
    expect(a?.sessions).toBe(233);
    expect(a?.firstDate).toBe("2022-03-08");
    expect(a?.lastDate).toBe("2022-12-09");
    expect(a?.distinctPeople).toBe(48);
    expect(a?.byCategory).toEqual({ 志愿服务: { sessions: 233, personTimes: 1995, hours: 2034.5 } });
  });

  it("sums hours without float noise", () => {
    // 20,345 × 0.1 summed in binary floating point drifts off 2034.5; the figure must not.
    const rows: ActivityInput[] = Array.from({ length: 20345 }, (_, i) => ({
      studentId: `P${i}`,
      hours: 0.1,
    }));
    expect(rows.reduce((n, r) => n + (r.hours as number), 0)).not.toBe(2034.5);
    const a = statsOf(makeRead({ activities: rows })).activities;
    expect(a?.hours).toBe(2034.5);
    expect(String(a?.hours)).toBe("2034.5");
  });

  it("leaves out duplicates, bad dates, out-of-period rows and rows without a participant", () => {
    const read = makeRead({
      activities: [
        { studentId: "1", hours: 2 },
        { studentId: "1", hours: 2 }, // duplicate
        { studentId: "2", date: null, hours: 2 },
        { studentId: "3", date: bad("2022-02-30"), hours: 2 },
        { studentId: "4", date: "2021-12-31", hours: 2 },
        { studentId: null, name: null, hours: 2 },
        { studentId: "5", activity: null, hours: 2 },
        { studentId: "6", hours: 30 }, // too many hours: the person-time counts, the hours do not
        { studentId: "7", date: "2022-04-02", activity: "迎新", category: null, hours: 1.5 },
      ],
    });
    const a = statsOf(read).activities;
    expect(a).toMatchObject({ sessions: 2, personTimes: 3, distinctPeople: 3, hours: 3.5 });
    expect(a?.byCategory).toEqual({
      志愿服务: { sessions: 1, personTimes: 2, hours: 2 },
      未分类: { sessions: 1, personTimes: 1, hours: 1.5 },
    });
    expect(a?.byActivity).toEqual({
      "绿色校园 有我守护": { sessions: 1, personTimes: 2, hours: 2 },
      迎新: { sessions: 1, personTimes: 1, hours: 1.5 },
    });
  });

  it("lists months in calendar order whatever the row order", () => {
    const read = makeRead({
      activities: [
        { studentId: "1", date: "2022-11-02", hours: 1 },
        { studentId: "1", date: "2022-03-08", hours: 2 },
        { studentId: "2", date: "2022-03-08", hours: 2 },
        { studentId: "1", date: "2022-10-01", hours: 1 },
      ],
    });
    const byMonth = statsOf(read).activities?.byMonth ?? {};
    expect(Object.keys(byMonth)).toEqual(["2022-03", "2022-10", "2022-11"]);
    expect(byMonth["2022-03"]).toEqual({ sessions: 1, personTimes: 2, hours: 4 });
  });

  it("is null without an activity sheet", () => {
    expect(statsOf(makeRead({})).activities).toBeNull();
  });
});

describe("computeStats: staff", () => {
  function exampleRoster(): StaffInput[] {
    const rows: StaffInput[] = [
      { title: "执行主席", department: null, political: "中共党员" },
      ...Array.from({ length: 4 }, () => ({
        title: "轮值主席",
        department: null,
        political: "中共预备党员",
      })),
    ];
    const departments = ["综合办公室", "素质拓展与权益部", "组织宣传部", "学术创新部", "文体艺术部"];
    departments.forEach((department, i) => {
      const heads = i < 2 ? 3 : 2;
      for (let h = 0; h < heads; h++) rows.push({ department, title: h === 0 ? "部长" : "副部长" });
    });
    while (rows.length < 60) rows.push({ department: departments[rows.length % 5] as string, title: "干事" });
    return rows;
  }

  it("reproduces the example structure: 60 staff, 5 presidium, 5 departments of 2–3 heads", () => {
    const s = statsOf(makeRead({ roster: exampleRoster() })).staff;
    expect(s).toMatchObject({ total: 60, presidium: 5, departmentCount: 5, partyOrLeague: 60, eligible: 60 });
    expect(s?.political).toEqual({ 中共党员: 1, 中共预备党员: 4, 共青团员: 55, 群众: 0 });
    expect(s?.titles).toEqual({ 执行主席: 1, 轮值主席: 4, 部长: 5, 副部长: 7, 干事: 43 });
    const heads = Object.values(s?.departments ?? {}).map((d) => d.heads);
    expect(heads).toEqual([3, 3, 2, 2, 2]);
    const members = Object.values(s?.departments ?? {}).reduce((n, d) => n + d.heads + d.members, 0);
    expect(members).toBe(55);
  });

  it("counts rows for total, status and eligibility (as rules 3, 7, 8 judge them), people once", () => {
    const read = makeRead({
      roster: [
        { studentId: "1" }, // eligible
        { studentId: "1" }, // repeat: one more row, not one more person
        { political: "群众" },
        { rank: "40/100" },
        { rank: "40/100", grade: 2022 }, // first-year: exempt
        { rank: "40/100", level: "master" }, // graduate: rank exempt
        { failed: 1, level: "master" }, // graduate: failed not exempt
        { rank: bad("前列") },
        { rank: null, grade: 2022 }, // first-year without rank: eligible
      ],
    });
    const s = statsOf(read).staff;
    expect(s).toMatchObject({ total: 9, people: 8, partyOrLeague: 8, eligible: 5, politicalMissing: 0 });
    expect(s?.political).toEqual({ 中共党员: 0, 中共预备党员: 0, 共青团员: 8, 群众: 1 });
  });

  it("maps raw political spellings onto the four official categories and lists the rest as written", () => {
    const read = makeRead({
      roster: [
        { political: "预备党员" },
        { political: "中共预备党员" },
        { political: "团员" },
        { political: "共青团员" },
        { political: "党员" },
        { political: "群众" },
        { political: "民主党派" },
        { political: null },
      ],
    });
    const s = statsOf(read).staff;
    expect(s?.political).toEqual({ 中共党员: 1, 中共预备党员: 2, 共青团员: 2, 群众: 1 });
    expect(s?.politicalUnrecognised).toEqual({ 民主党派: 1 });
    expect(s?.politicalMissing).toBe(1);
    const sum = Object.values(s?.political ?? {}).reduce((a, b) => a + b, 0) + 1 + 1;
    expect(sum).toBe(s?.total);
    expect(s?.partyOrLeague).toBe(5);
  });
});

describe("computeStats: congress, reviews, meetings", () => {
  it("computes the delegate ratio and non-officer share", () => {
    const read = makeRead({
      roster: [{ studentId: "D2" }],
      congress: [...Array.from({ length: 138 }, () => ({})), { studentId: "D2" }],
    });
    const c = statsOf(
      read,
      testSettings({ enrollment: 13795, congressDate: "2022-11-23", congressSession: "第二十三次" }),
    ).congress;
    expect(c).toEqual({
      delegates: 138,
      enrollment: 13795,
      ratio: 138 / 13795,
      nonOfficerShare: 137 / 138,
      date: "2022-11-23",
      session: "第二十三次",
    });
  });

  it("leaves ratio null without enrollment and the section null without anything", () => {
    expect(statsOf(makeRead({ congress: [{}] })).congress?.ratio).toBeNull();
    expect(statsOf(makeRead({})).congress).toBeNull();
  });

  it("counts required and done reviews", () => {
    expect(statsOf(makeRead(REVIEWED_UNION)).reviews).toEqual({
      required: 4,
      done: 3,
      terms: ["2022春", "2022秋"],
    });
  });

  it("counts trainings and chairs' meetings in the period", () => {
    const read = makeRead({
      meetings: [
        { date: "2022-03-10", type: "春季全员培训" },
        { date: "2022-10-10", type: "秋季全员培训" },
        { date: "2021-10-10", type: "秋季全员培训" },
        ...[1, 2, 3, 4, 5, 6, 9, 10, 11, 12].map((m) => ({
          date: `2022-${String(m).padStart(2, "0")}-05`,
          type: "主席工作例会",
        })),
      ],
    });
    expect(statsOf(read).meetings).toEqual({
      trainings: 2,
      chairsMeetings: 10,
      monthsWithoutChairsMeeting: ["2022-07", "2022-08"],
    });
  });
});
