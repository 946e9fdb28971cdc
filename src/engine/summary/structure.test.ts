import { structureSheet } from "./structure";
import { blockOf, exampleResult, makeResult, roster } from "./testing";

describe("组织架构", () => {
  const sheet = structureSheet(exampleResult(), "zh");

  it("lists the presidium by name and title", () => {
    const block = blockOf(sheet, "presidium");
    expect(block.rows).toEqual([
      ["成员1", "执行主席"],
      ["成员2", "轮值主席"],
      ["成员3", "轮值主席"],
      ["成员4", "轮值主席"],
      ["成员5", "轮值主席"],
    ]);
  });

  it("gives each department its heads by count and name, its members and a total row", () => {
    const block = blockOf(sheet, "departments");
    expect(block.columns.map((c) => c.header)).toEqual(["部门", "负责人数", "负责人", "干事数", "合计"]);
    expect(block.rows[0]).toEqual(["综合办公室", 2, "成员6、成员7", 9, 11]);
    expect(block.rows[1]).toEqual(["素质拓展与权益部", 3, "成员17、成员18、成员19", 8, 11]);
    expect(block.rows.at(-1)).toEqual(["合计", 12, null, 43, 55]);
  });

  it("counts political status with shares, and the totals", () => {
    const political = blockOf(sheet, "political");
    // The four official categories always, in order; the total is the roster's rows.
    expect(political.rows).toEqual([
      ["中共党员", 12, 0.2],
      ["中共预备党员", 0, 0],
      ["共青团员", 48, 0.8],
      ["群众", 0, 0],
      ["合计", 60, 1],
    ]);
    expect(political.columns[2]?.format).toBe("percent");
    expect(blockOf(sheet, "totals").rows.slice(0, 4)).toEqual([
      ["总人数（名单行数）", 60],
      ["不重复人数（同一学号只计一次）", 60],
      ["主席团", 5],
      ["部门数", 5],
    ]);
  });

  it("follows the data", () => {
    const other = structureSheet(makeResult({ roster: roster(3, [["宣传部", 1, 4]]) }), "zh");
    expect(blockOf(other, "presidium").rows).toHaveLength(3);
    expect(blockOf(other, "departments").rows[0]).toEqual(["宣传部", 1, "成员4", 4, 5]);
    expect(blockOf(other, "totals").rows[0]).toEqual(["总人数（名单行数）", 8]);
  });

  it("says so when there is no roster", () => {
    const empty = structureSheet(makeResult({}), "zh");
    expect(empty.blocks.map((b) => b.id)).toEqual(["structure"]);
    expect(empty.blocks[0]?.rows[0]?.[0]).toMatch(/未识别到工作人员名单/);
  });
});
