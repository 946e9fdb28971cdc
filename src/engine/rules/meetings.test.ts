import { meetingTally, periodYears } from "../model";
import { meetingMonthly, meetingTraining } from "./meetings";
import { flat, makeRead, runRule, testSettings, type MeetingInput } from "./testing";

const monthly = (year: number, months: readonly number[]): MeetingInput[] =>
  months.map((m) => ({ date: `${year}-${String(m).padStart(2, "0")}-15`, type: "主席例会" }));
const all12 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe("meeting.training", () => {
  it("passes two trainings in a one-year period and warns about one", () => {
    const two = makeRead({
      meetings: [
        ...monthly(2022, all12),
        { date: "2022-03-10", type: "春季全员培训" },
        { date: "2022-10-10", type: "Training" },
      ],
    });
    expect(runRule(meetingTraining, two)).toEqual([]);
    const one = makeRead({
      meetings: [
        { date: "2022-03-10", type: "全员培训" },
        { date: "2021-10-10", type: "全员培训" },
      ],
    });
    expect(
      flat(runRule(meetingTraining, one), ["severity", "sheet", "params.actual", "params.limit"]),
    ).toEqual([["warning", "会议培训", 1, 2]]);
  });

  it("scales the requirement with the period length, at least one year", () => {
    expect(periodYears(testSettings({ periodStart: "2022-03-01", periodEnd: "2022-06-30" }))).toBe(1);
    expect(periodYears(testSettings({ periodStart: "2020-01-01", periodEnd: "2020-12-31" }))).toBe(1);
    expect(periodYears(testSettings({ periodStart: "2021-07-01", periodEnd: "2022-12-31" }))).toBe(1.5);
    const t = meetingTally([], testSettings({ periodStart: "2021-01-01", periodEnd: "2022-12-31" }));
    expect(t.trainingsRequired).toBe(4);
  });

  it("does not fire without a meetings table", () => {
    expect(runRule(meetingTraining, makeRead({}))).toEqual([]);
    expect(runRule(meetingMonthly, makeRead({}))).toEqual([]);
  });
});

describe("meeting.monthly", () => {
  it("passes a chairs' meeting every month and warns once per missing month", () => {
    expect(runRule(meetingMonthly, makeRead({ meetings: monthly(2022, all12) }))).toEqual([]);
    const gaps = makeRead({
      meetings: [
        ...monthly(2022, [1, 2, 3, 4, 5, 6, 9, 10, 11, 12]),
        { date: "2022-07-01", type: "全员培训" },
      ],
    });
    expect(flat(runRule(meetingMonthly, gaps), ["severity", "params.month"])).toEqual([
      ["warning", "2022-07"],
      ["warning", "2022-08"],
    ]);
  });

  it("counts a meeting for its calendar month even before the period starts that month", () => {
    const settings = testSettings({ periodStart: "2022-03-08", periodEnd: "2022-04-30" });
    const read = makeRead({
      meetings: [
        { date: "2022-03-01", type: "例会" },
        { date: "2022-04-01", type: "chairs meeting" },
      ],
    });
    expect(runRule(meetingMonthly, read, settings)).toEqual([]);
  });
});
