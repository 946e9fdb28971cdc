/**
 * The department family: how many departments (indicator 5), heads per department (a local
 * setting), and names that suggest a standing centre/office layer (indicator 2) or an
 * administrative duty (indicator 1★).
 */
import type { Finding } from "../types";
import { aggregateFinding, cellFinding, type Rule, type RuleContext } from "./context";

/** A name pattern and the word it reports. */
export interface NamePattern {
  readonly pattern: string;
  readonly test: RegExp;
}

/**
 * Names of a standing layer between the presidium and the departments. Longest first so the
 * message names the most specific word; 站 only at the end (新媒体工作站), not inside a word.
 */
export const STANDING_LAYER_PATTERNS: readonly NamePattern[] = [
  { pattern: "项目办公室", test: /项目办公室/u },
  { pattern: "项目办", test: /项目办/u },
  { pattern: "工作室", test: /工作室/u },
  { pattern: "委员会", test: /委员会/u },
  { pattern: "中心", test: /中心/u },
  { pattern: "站", test: /站$/u },
];

/** Names of administrative duties a union must not take on: dorms, patrols, security. */
export const ADMIN_DUTY_PATTERNS: readonly NamePattern[] = [
  { pattern: "宿舍管理", test: /宿舍管理/u },
  { pattern: "公寓管理", test: /公寓管理/u },
  { pattern: "宿管", test: /宿管/u },
  { pattern: "楼管", test: /楼管/u },
  { pattern: "查寝", test: /查寝/u },
  { pattern: "文明督导", test: /文明督导/u },
  { pattern: "纠察", test: /纠察/u },
  { pattern: "保卫", test: /保卫/u },
  { pattern: "安保", test: /安保/u },
  { pattern: "治安", test: /治安/u },
  { pattern: "自律", test: /自律/u },
  { pattern: "督察", test: /督察/u },
  { pattern: "督查", test: /督查/u },
  { pattern: "巡查", test: /巡查/u },
  { pattern: "巡逻", test: /巡逻/u },
  { pattern: "执勤", test: /[执值]勤/u },
  { pattern: "门卫", test: /门卫/u },
];

/** The first pattern a name matches, or undefined. */
export function matchName(name: string, patterns: readonly NamePattern[]): string | undefined {
  return patterns.find((p) => p.test.test(name))?.pattern;
}

/** Flags more distinct departments than `departmentsMax`. */
export const departmentCount: Rule = {
  ids: ["structure.department-count"],
  run(ctx) {
    const roster = ctx.model.roster;
    const departments = ctx.model.departments;
    const limit = ctx.settings.departmentsMax;
    if (departments.size <= limit) return [];
    return [
      aggregateFinding("structure.department-count", "error", roster.sheet, {
        actual: departments.size,
        limit,
        departments: [...departments.keys()].join("、"),
      }),
    ];
  },
};

/** Flags each department whose heads fall outside `departmentHeads` (only when that setting is set). */
export const departmentHeads: Rule = {
  ids: ["structure.department-heads"],
  run(ctx) {
    const range = ctx.settings.departmentHeads;
    if (range === null) return [];
    const out: Finding[] = [];
    for (const [name, d] of ctx.model.departments) {
      if (d.heads >= range.min && d.heads <= range.max) continue;
      out.push(
        cellFinding(ctx, "structure.department-heads", "error", d.first, "department", d.first.department, {
          department: name,
          actual: d.heads,
          min: range.min,
          max: range.max,
        }),
      );
    }
    return out;
  },
};

function nameRule(
  id: "structure.department-name" | "structure.admin-duty",
  patterns: readonly NamePattern[],
): (ctx: RuleContext) => Finding[] {
  return (ctx) => {
    const out: Finding[] = [];
    for (const [name, d] of ctx.model.departments) {
      const pattern = matchName(name, patterns);
      if (pattern === undefined) continue;
      out.push(
        cellFinding(ctx, id, "warning", d.first, "department", d.first.department, {
          department: name,
          pattern,
        }),
      );
    }
    return out;
  };
}

/** Warns about a department named like a standing centre or office layer (中心, 项目办…). */
export const departmentName: Rule = {
  ids: ["structure.department-name"],
  run: nameRule("structure.department-name", STANDING_LAYER_PATTERNS),
};

/** Warns about a department named for dorm management, discipline patrols or security (宿管, 纠察, 保卫…). */
export const adminDuty: Rule = {
  ids: ["structure.admin-duty"],
  run: nameRule("structure.admin-duty", ADMIN_DUTY_PATTERNS),
};
