import {
  adminDuty,
  departmentCount,
  departmentHeads,
  departmentName,
  matchName,
  ADMIN_DUTY_PATTERNS,
  STANDING_LAYER_PATTERNS,
} from "./departments";
import { buildRosterView, departmentTally } from "../model";
import { flat, makeRead, runRule, testSettings, type StaffInput } from "./testing";

const example = ["综合办公室", "素质拓展与权益部", "组织宣传部", "学术创新部", "文体艺术部"];

function staffOf(departments: readonly string[]): StaffInput[] {
  return departments.flatMap((department) => [
    { department, title: "部长" },
    { department, title: "副部长" },
    { department, title: "干事" },
  ]);
}

describe("departmentTally", () => {
  it("counts heads and members per department, leaving out the presidium and repeated ids", () => {
    const read = makeRead({
      roster: [
        { title: "执行主席", department: "主席团" },
        { title: "部长", department: "组织宣传部", studentId: "1" },
        { title: "部长", department: "组织宣传部", studentId: "1" },
        { title: "干事", department: "组织宣传部" },
        { title: "部长助理", department: "组织宣传部" },
        { title: "部门负责人", department: "学术创新部" },
      ],
    });
    const tally = departmentTally(buildRosterView(read.staff, testSettings()));
    expect([...tally].map(([name, d]) => [name, d.heads, d.members, d.first.row])).toEqual([
      ["组织宣传部", 1, 2, 3],
      ["学术创新部", 1, 0, 7],
    ]);
  });
});

describe("structure.department-count", () => {
  it("passes 6 departments and flags 7, listing them", () => {
    const six = [...example, "生活部"];
    expect(runRule(departmentCount, makeRead({ roster: staffOf(six) }))).toEqual([]);
    const seven = [...six, "外联部"];
    expect(
      flat(runRule(departmentCount, makeRead({ roster: staffOf(seven) })), [
        "params.actual",
        "params.limit",
        "params.departments",
      ]),
    ).toEqual([[7, 6, seven.join("、")]]);
  });

  it("does not count the presidium's own department label", () => {
    const read = makeRead({
      roster: [...staffOf([...example, "生活部"]), { title: "主席", department: "主席团" }],
    });
    expect(runRule(departmentCount, read)).toEqual([]);
  });
});

describe("structure.department-heads", () => {
  it("is off unless departmentHeads is set", () => {
    const read = makeRead({ roster: [{ department: "组织宣传部", title: "干事" }] });
    expect(runRule(departmentHeads, read)).toEqual([]);
  });

  it("flags departments outside {min, max} on their first row", () => {
    const read = makeRead({
      roster: [
        { department: "组织宣传部", title: "部长" },
        { department: "组织宣传部", title: "副部长" },
        { department: "学术创新部", title: "部长" },
        { department: "文体艺术部", title: "部长" },
        { department: "文体艺术部", title: "副部长" },
        { department: "文体艺术部", title: "副部长" },
        { department: "文体艺术部", title: "副部长" },
      ],
    });
    const settings = testSettings({ departmentHeads: { min: 2, max: 3 } });
    expect(
      flat(runRule(departmentHeads, read, settings), [
        "row",
        "column",
        "value",
        "params.actual",
        "params.min",
        "params.max",
      ]),
    ).toEqual([
      [4, "所在部门", "学术创新部", 1, 2, 3],
      [5, "所在部门", "文体艺术部", 4, 2, 3],
    ]);
  });
});

describe("structure.department-name", () => {
  it("passes ordinary department names, 综合办公室 included", () => {
    expect(runRule(departmentName, makeRead({ roster: staffOf(example) }))).toEqual([]);
  });

  it("warns about standing-layer names and says which word matched", () => {
    const read = makeRead({
      roster: staffOf([
        "学生事务中心",
        "创新创业项目办公室",
        "社团项目办",
        "新媒体工作室",
        "新媒体工作站",
        "站务部",
      ]),
    });
    expect(flat(runRule(departmentName, read), ["severity", "value", "params.pattern"])).toEqual([
      ["warning", "学生事务中心", "中心"],
      ["warning", "创新创业项目办公室", "项目办公室"],
      ["warning", "社团项目办", "项目办"],
      ["warning", "新媒体工作室", "工作室"],
      ["warning", "新媒体工作站", "站"],
    ]);
  });

  it("names the most specific pattern", () => {
    expect(matchName("项目办公室", STANDING_LAYER_PATTERNS)).toBe("项目办公室");
    expect(matchName("组织部", STANDING_LAYER_PATTERNS)).toBeUndefined();
  });
});

describe("structure.admin-duty", () => {
  it("passes the example school's departments", () => {
    expect(runRule(adminDuty, makeRead({ roster: staffOf(example) }))).toEqual([]);
  });

  it("warns about dorm, patrol and security departments", () => {
    const names = [
      "宿管部",
      "宿舍管理部",
      "纪律纠察部",
      "安全保卫部",
      "安保部",
      "自律委员会",
      "督察部",
      "督查部",
      "治安部",
      "文明督导部",
    ];
    const findings = runRule(adminDuty, makeRead({ roster: staffOf(names) }));
    expect(flat(findings, ["value", "params.pattern"])).toEqual([
      ["宿管部", "宿管"],
      ["宿舍管理部", "宿舍管理"],
      ["纪律纠察部", "纠察"],
      ["安全保卫部", "保卫"],
      ["安保部", "安保"],
      ["自律委员会", "自律"],
      ["督察部", "督察"],
      ["督查部", "督查"],
      ["治安部", "治安"],
      ["文明督导部", "文明督导"],
    ]);
    expect(matchName("学生权益部", ADMIN_DUTY_PATTERNS)).toBeUndefined();
  });
});
