import {
  activityDate,
  activityDuplicate,
  activityHours,
  activityMissingValue,
  activityOutOfPeriod,
} from "./activities";
import { bad, flat, makeRead, runRule, testSettings } from "./testing";

describe("activity.hours", () => {
  it("passes hours in (0, maxHoursPerRecord] and flags the rest with a reason", () => {
    const read = makeRead({
      activities: [
        { hours: 0.5 },
        { hours: 24 },
        { hours: null },
        { hours: bad("两小时") },
        { hours: 0 },
        { hours: -1 },
        { hours: 24.5 },
      ],
    });
    expect(
      flat(runRule(activityHours, read), ["row", "column", "value", "params.reason", "params.limit"]),
    ).toEqual([
      [4, "服务时长（小时）", undefined, "blank", 24],
      [5, "服务时长（小时）", "两小时", "invalid", 24],
      [6, "服务时长（小时）", "0", "not-positive", 24],
      [7, "服务时长（小时）", "-1", "not-positive", 24],
      [8, "服务时长（小时）", "24.5", "too-many", 24],
    ]);
  });

  it("follows maxHoursPerRecord", () => {
    const read = makeRead({ activities: [{ hours: 10 }] });
    expect(runRule(activityHours, read, testSettings({ maxHoursPerRecord: 8 }))).toHaveLength(1);
  });
});

describe("activity.date / activity.out-of-period", () => {
  it("flags blank and unreadable dates", () => {
    const read = makeRead({
      activities: [{ date: "2022-03-08" }, { date: null }, { date: bad("2022-02-30") }],
    });
    expect(flat(runRule(activityDate, read), ["row", "cell", "value", "params.reason"])).toEqual([
      [3, "A3", undefined, "blank"],
      [4, "A4", "2022-02-30", "invalid"],
    ]);
  });

  it("notes dates outside the period, boundaries included in it", () => {
    const read = makeRead({
      activities: [
        { date: "2022-01-01" },
        { date: "2022-12-09" },
        { date: "2021-12-31" },
        { date: "2022-12-10" },
      ],
    });
    expect(
      flat(runRule(activityOutOfPeriod, read), ["severity", "row", "value", "params.start", "params.end"]),
    ).toEqual([
      ["info", 4, "2021-12-31", "2022-01-01", "2022-12-09"],
      ["info", 5, "2022-12-10", "2022-01-01", "2022-12-09"],
    ]);
  });
});

describe("activity.missing-value", () => {
  it("flags a blank activity and a row with neither id nor name", () => {
    const read = makeRead({
      activities: [
        {},
        { activity: null },
        { studentId: null, name: null },
        { studentId: null, name: "赵六" },
      ],
    });
    expect(flat(runRule(activityMissingValue, read), ["row", "column", "params.field"])).toEqual([
      [3, "活动名称", "activity"],
      [4, "学号", "participant"],
    ]);
  });
});

describe("activity.duplicate", () => {
  it("warns about the same person, activity and date as an earlier row", () => {
    const read = makeRead({
      activities: [
        { studentId: "1" },
        { studentId: "1" },
        { studentId: "1", date: "2022-03-09" },
        { studentId: "1", activity: "迎新" },
        { studentId: null, name: "赵六" },
        { studentId: null, name: "赵六" },
        { studentId: "1" },
      ],
    });
    expect(flat(runRule(activityDuplicate, read), ["severity", "row", "value", "params.firstRow"])).toEqual([
      ["warning", 3, "1", 2],
      ["warning", 7, "赵六", 6],
      ["warning", 8, "1", 2],
    ]);
  });

  it("ignores repeats outside the period", () => {
    const read = makeRead({
      activities: [
        { studentId: "1", date: "2021-03-08" },
        { studentId: "1", date: "2021-03-08" },
      ],
    });
    expect(runRule(activityDuplicate, read)).toEqual([]);
  });
});
