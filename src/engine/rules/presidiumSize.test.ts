import { presidiumSize } from "./presidiumSize";
import { flat, makeRead, runRule, testSettings } from "./testing";

const presidium = ["执行主席", "轮值主席", "轮值主席", "轮值主席", "轮值主席"];

describe("structure.presidium-size", () => {
  it("passes 5 presidium members at a school", () => {
    const read = makeRead({ roster: [...presidium.map((title) => ({ title })), { title: "部长" }] });
    expect(runRule(presidiumSize, read)).toEqual([]);
  });

  it("flags 6, and 4 at college level", () => {
    const six = makeRead({ roster: [...presidium, "主席团成员"].map((title) => ({ title })) });
    expect(flat(runRule(presidiumSize, six), ["params.actual", "params.limit"])).toEqual([[6, 5]]);
    const four = makeRead({ roster: presidium.slice(0, 4).map((title) => ({ title })) });
    expect(flat(runRule(presidiumSize, four, testSettings({ level: "college" })), ["params.actual"])).toEqual(
      [[4]],
    );
  });

  it("counts a repeated student id once", () => {
    const read = makeRead({
      roster: [
        ...presidium.map((title) => ({ title })),
        { title: "主席团成员", studentId: "P" },
        { title: "主席团成员", studentId: "P" },
      ],
    });
    expect(flat(runRule(presidiumSize, read), ["params.actual"])).toEqual([[6]]);
  });
});
