import { reviewMissing, reviewScore } from "./reviews";
import { bad, flat, makeRead, REVIEWED_UNION, runRule, testSettings } from "./testing";

const { roster } = REVIEWED_UNION;
/** The executive chair and the head reviewed in spring. */
const spring = REVIEWED_UNION.reviews.filter((r) => r.term === "2022春");

describe("review.missing", () => {
  it("passes when every presidium member and head has a review in every term present", () => {
    const read = makeRead({
      roster,
      reviews: [...REVIEWED_UNION.reviews, { studentId: null, name: "李部长", term: "2022秋" }],
    });
    expect(runRule(reviewMissing, read)).toEqual([]);
  });

  it("reports a missing term on the person's roster row", () => {
    const read = makeRead(REVIEWED_UNION);
    expect(
      flat(runRule(reviewMissing, read), ["rule", "sheet", "row", "value", "params.term", "params.title"]),
    ).toEqual([["review.missing", "工作人员名单", 3, "李部长", "2022秋", "部长"]]);
  });

  it("requires the terms of reviewTerms when set", () => {
    const read = makeRead({ roster, reviews: spring });
    const findings = runRule(reviewMissing, read, testSettings({ reviewTerms: ["2022春", "2022秋"] }));
    expect(flat(findings, ["row", "params.term"])).toEqual([
      [2, "2022秋"],
      [3, "2022秋"],
    ]);
  });

  it("does not match a review with another student id by name", () => {
    const read = makeRead({
      roster,
      reviews: [
        { studentId: "1", term: "2022春" },
        { studentId: "99", name: "李部长", term: "2022春" },
      ],
    });
    expect(flat(runRule(reviewMissing, read), ["row"])).toEqual([[3]]);
  });

  it("stays silent without a review sheet", () => {
    expect(runRule(reviewMissing, makeRead({ roster }), testSettings({ reviewTerms: ["2022春"] }))).toEqual(
      [],
    );
  });
});

describe("review.score", () => {
  it("passes 0 and 100 and flags out-of-range and unreadable scores", () => {
    const read = makeRead({
      reviews: [
        { studentId: "1", scorePolitical: 0, total: 100 },
        { studentId: "2", name: "李部长", scoreWork: 101, total: bad("优") },
        { studentId: "3", scoreStudy: -5 },
      ],
    });
    expect(flat(runRule(reviewScore, read), ["row", "column", "value", "params.reason"])).toEqual([
      [3, "工作成效", "101", "out-of-range"],
      [3, "总分", "优", "not-a-number"],
      [4, "学习情况", "-5", "out-of-range"],
    ]);
  });
});
