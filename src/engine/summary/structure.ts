/** 组织架构: the presidium, each department with its heads and members, political status, totals. */
import { modelOf } from "../model";
import {
  POLITICAL_CATEGORIES,
  type CheckResult,
  type Lang,
  type Parsed,
  type PoliticalCategory,
  type SummaryBlock,
  type SummaryCell,
  type SummarySheet,
} from "../types";
import { noDataBlock } from "./common";
import { joinList } from "./format";
import { SUMMARY_SHEET_NAMES } from "./names";

const POLITICAL_EN: Readonly<Record<PoliticalCategory, string>> = {
  中共党员: "Party member",
  中共预备党员: "Probationary Party member",
  共青团员: "League member",
  群众: "Non-member",
};

const TEXT = {
  zh: {
    title: (school: string) => `${school}学生会组织架构`,
    presidium: "主席团",
    name: "姓名",
    title_: "职务",
    departments: "工作部门",
    department: "部门",
    headCount: "负责人数",
    heads: "负责人",
    members: "干事数",
    total: "合计",
    political: "政治面貌",
    status: "政治面貌",
    count: "人数",
    share: "占比",
    totals: "总体情况",
    item: "项目",
    value: "数量",
    staffTotal: "总人数（名单行数）",
    people: "不重复人数（同一学号只计一次）",
    unrecognised: (label: string) => `未识别：${label}`,
    politicalMissing: "未填写或无法识别",
    presidiumSize: "主席团",
    departmentCount: "部门数",
    headTotal: "部门负责人",
    memberTotal: "部门其他成员",
    none: "未识别到工作人员名单，无法生成组织架构。",
    noneHeader: "说明",
  },
  en: {
    title: (school: string) => `${school ? `${school}: ` : ""}Student union structure`,
    presidium: "Presidium",
    name: "Name",
    title_: "Title",
    departments: "Departments",
    department: "Department",
    headCount: "Heads",
    heads: "Head names",
    members: "Staff members",
    total: "Total",
    political: "Political status",
    status: "Political status",
    count: "Persons",
    share: "Share",
    totals: "Totals",
    item: "Item",
    value: "Count",
    staffTotal: "Staff total (roster rows)",
    people: "Distinct people (one per student id)",
    unrecognised: (label: string) => `Not recognised: ${label}`,
    politicalMissing: "Blank or unreadable",
    presidiumSize: "Presidium",
    departmentCount: "Departments",
    headTotal: "Department heads",
    memberTotal: "Other department members",
    none: "No staff roster recognised; the structure cannot be shown.",
    noneHeader: "Note",
  },
} as const;

/** Build the 组织架构 sheet from the figures (counts) and the roster (names). */
export function structureSheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const { settings } = result;
  const staff = result.report.stats.staff;
  const base = {
    id: "structure" as const,
    name: SUMMARY_SHEET_NAMES.structure[lang],
    title: t.title(settings.schoolName ?? ""),
  };
  if (!staff) return { ...base, blocks: [noDataBlock("structure", t.none, t.noneHeader)] };

  // Names come from the rules' own roster view, so who counts as presidium or head matches the figures.
  const roster = modelOf(result).roster.unique;
  const nameOf = (p: Parsed<string>): string =>
    p.state === "ok" ? p.value : p.state === "invalid" ? p.raw : "";
  const presidiumRows: SummaryCell[][] = roster
    .filter((v) => v.presidium)
    .map((v) => [nameOf(v.record.name), nameOf(v.record.title)]);

  const headNames = new Map<string, string[]>();
  for (const v of roster) {
    if (!v.head || v.record.department.state !== "ok") continue;
    const dept = v.record.department.value.trim();
    const list = headNames.get(dept) ?? [];
    list.push(nameOf(v.record.name));
    headNames.set(dept, list);
  }
  let heads = 0;
  let members = 0;
  const departmentRows: SummaryCell[][] = Object.entries(staff.departments).map(([dept, d]) => {
    heads += d.heads;
    members += d.members;
    return [dept, d.heads, joinList(headNames.get(dept) ?? [], lang), d.members, d.heads + d.members];
  });
  departmentRows.push([t.total, heads, null, members, heads + members]);

  // The four official categories always, then values that are none of them, then blanks: the
  // rows add up to the roster's rows (总人数), the population rule 7 judges.
  const politicalEntries: Array<[string, number]> = [
    ...POLITICAL_CATEGORIES.map((c): [string, number] => [
      lang === "zh" ? c : POLITICAL_EN[c],
      staff.political[c],
    ]),
    ...Object.entries(staff.politicalUnrecognised).map(([label, n]): [string, number] => [
      t.unrecognised(label),
      n,
    ]),
  ];
  if (staff.politicalMissing > 0) politicalEntries.push([t.politicalMissing, staff.politicalMissing]);
  const politicalRows: SummaryCell[][] = politicalEntries.map(([label, n]) => [
    label,
    n,
    staff.total > 0 ? n / staff.total : null,
  ]);
  politicalRows.push([t.total, staff.total, staff.total > 0 ? 1 : null]);

  const blocks: SummaryBlock[] = [
    {
      id: "presidium",
      caption: t.presidium,
      columns: [
        { header: t.name, width: 16, format: "text" },
        { header: t.title_, width: 14, format: "text" },
      ],
      rows: presidiumRows,
    },
    {
      id: "departments",
      caption: t.departments,
      columns: [
        { header: t.department, width: 16, format: "text" },
        { header: t.headCount, width: 14, format: "integer" },
        { header: t.heads, width: 30, format: "text" },
        { header: t.members, width: 10, format: "integer" },
        { header: t.total, width: 8, format: "integer" },
      ],
      rows: departmentRows,
    },
    {
      id: "political",
      caption: t.political,
      columns: [
        { header: t.status, width: 16, format: "text" },
        { header: t.count, width: 14, format: "integer" },
        { header: t.share, width: 30, format: "percent" },
      ],
      rows: politicalRows,
    },
    {
      id: "totals",
      caption: t.totals,
      columns: [
        { header: t.item, width: 16, format: "text" },
        { header: t.value, width: 14, format: "integer" },
      ],
      rows: [
        [t.staffTotal, staff.total],
        [t.people, staff.people],
        [t.presidiumSize, staff.presidium],
        [t.departmentCount, staff.departmentCount],
        [t.headTotal, heads],
        [t.memberTotal, members],
      ],
    },
  ];
  return { ...base, blocks };
}
