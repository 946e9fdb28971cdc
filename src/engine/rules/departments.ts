/**
 * The department family: how many departments (indicator 5), heads per department (a local
 * setting), and names that suggest a standing centre/office layer (indicator 2) or an
 * administrative duty (indicator 1★).
 */
import { str } from "../i18n/catalogue";
import { OPINIONS, YIJIAN } from "../i18n/labels";
import type { Finding } from "../types";
import { cellFinding, rosterOverCap, type RuleContext } from "./context";
import type { Rule } from "./rule";

declare module "../types" {
  interface RuleParamsById {
    "structure.department-count": {
      readonly actual: number;
      readonly limit: number;
      readonly departments: string;
    };
    "structure.department-heads": {
      readonly department: string;
      readonly actual: number;
      readonly min: number;
      readonly max: number;
    };
    "structure.department-name": { readonly department: string; readonly pattern: string };
    "structure.admin-duty": { readonly department: string; readonly pattern: string };
  }
}

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
export const departmentCount: Rule<"structure.department-count"> = {
  meta: {
    id: "structure.department-count",
    severity: "error",
    indicators: ["5"],
    params: {
      actual: "distinct departments",
      limit: "the cap (setting departmentsMax)",
      departments: "the departments, joined with 、",
    },
    messages: {
      zh: {
        title: "工作部门数量超出上限",
        fix: "请合并或撤销部门，使工作部门不超过上限。",
        basis: `自评表第5项；${YIJIAN}`,
        problem(p) {
          return `工作部门共${str(p.actual)}个（${str(p.departments)}），超过上限${str(p.limit)}个。`;
        },
      },
      en: {
        title: "Too many departments",
        fix: "Merge or close departments to stay within the cap.",
        basis: `self-assessment item 5; ${OPINIONS}`,
        problem(p) {
          return `There are ${str(p.actual)} departments (${str(p.departments)}), over the cap of ${str(p.limit)}.`;
        },
      },
    },
  },
  run(ctx) {
    const { departments } = ctx.model;
    const names = [...departments.keys()].join("、");
    const limit = ctx.settings.departmentsMax;
    return rosterOverCap(ctx, "structure.department-count", "error", departments.size, limit, {
      departments: names,
    });
  },
};

/** Flags each department whose heads fall outside `departmentHeads` (only when that setting is set). */
export const departmentHeads: Rule<"structure.department-heads"> = {
  meta: {
    id: "structure.department-heads",
    severity: "error",
    indicators: [],
    params: {
      department: "the department's name",
      actual: "its heads",
      min: "the fewest heads allowed",
      max: "the most heads allowed",
    },
    messages: {
      zh: {
        title: "部门负责人人数不符合设定",
        fix: "请调整该部门负责人人数，或在设置中修改部门负责人人数范围。",
        basis: "本校设定的部门负责人人数",
        problem(p) {
          return `“${str(p.department)}”有部门负责人${str(p.actual)}人，不在设定的${str(p.min)}至${str(p.max)}人之间。`;
        },
      },
      en: {
        title: "Department heads outside the set range",
        fix: "Adjust the department's heads, or change the range of heads in the settings.",
        basis: "the school's own range of department heads",
        problem(p) {
          return `${str(p.department)} has ${str(p.actual)} head(s), outside the set range ${str(p.min)}–${str(p.max)}.`;
        },
      },
    },
  },
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
export const departmentName: Rule<"structure.department-name"> = {
  meta: {
    id: "structure.department-name",
    severity: "warning",
    indicators: ["2"],
    params: {
      department: "the department's name",
      pattern: "the word in it that suggests a standing layer",
    },
    messages: {
      zh: {
        title: "部门名称疑似常设中间层",
        fix: "请撤销常设的中心、项目办等中间层，改设为工作部门，或更正部门名称。",
        basis: `自评表第2项（“主席团+工作部门”架构）；${YIJIAN}`,
        problem(p) {
          return `部门“${str(p.department)}”的名称含“${str(p.pattern)}”，疑似设有常设的中心、项目办等中间层。`;
        },
      },
      en: {
        title: "Department named like a standing layer",
        fix: "Remove standing centres or project offices and make them departments, or correct the name.",
        basis: `self-assessment item 2 (presidium + departments only); ${OPINIONS}`,
        problem(p) {
          return `Department ${str(p.department)} contains "${str(p.pattern)}", which suggests a standing centre or office layer.`;
        },
      },
    },
  },
  run: nameRule("structure.department-name", STANDING_LAYER_PATTERNS),
};

/** Warns about a department named for dorm management, discipline patrols or security (宿管, 纠察, 保卫…). */
export const adminDuty: Rule<"structure.admin-duty"> = {
  meta: {
    id: "structure.admin-duty",
    severity: "warning",
    indicators: ["1"],
    params: {
      department: "the department's name",
      pattern: "the word in it that suggests an administrative duty",
    },
    messages: {
      zh: {
        title: "部门疑似承担行政职能",
        fix: "学生会不应承担宿舍管理、校园文明纠察、安全保卫等行政职能，请撤销或调整该部门的职能和名称。",
        basis: `自评表第1项★（不承担行政职能）；${YIJIAN}`,
        problem(p) {
          return `部门“${str(p.department)}”的名称含“${str(p.pattern)}”，疑似承担宿舍管理、纪律纠察或安全保卫等行政职能。`;
        },
      },
      en: {
        title: "Department named for an administrative duty",
        fix: "A student union must not take on dorm management, discipline patrols or campus security; close the department or change its duties and name.",
        basis: `self-assessment item 1★ (no administrative duties); ${OPINIONS}`,
        problem(p) {
          return `Department ${str(p.department)} contains "${str(p.pattern)}", which suggests dorm management, discipline patrols or security.`;
        },
      },
    },
  },
  run: nameRule("structure.admin-duty", ADMIN_DUTY_PATTERNS),
};
