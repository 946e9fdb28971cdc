/**
 * Words every message shares, per language: the names of the governing texts, the labels of
 * canonical fields and table kinds, and small phrases (who a finding is about, a Chinese date).
 * The rules' own messages and the catalogues both use them; this file imports no rule.
 */
import type { FieldName, Lang, TableKind } from "../types";

/** 《关于推动高校学生会（研究生会）深化改革的若干意见》, the reform itself. */
export const YIJIAN = "《关于推动高校学生会（研究生会）深化改革的若干意见》";
/** 《高校学生代表大会工作规则》, the congress rules. */
export const GUIZE = "《高校学生代表大会工作规则》";
/** The reform's title with an English gloss. */
export const OPINIONS =
  "《关于推动高校学生会（研究生会）深化改革的若干意见》 (Opinions on deepening the student-union reform)";
/** The congress rules' title with an English gloss. */
export const CONGRESS_RULES = "《高校学生代表大会工作规则》 (Rules for student congresses)";

const FIELDS_ZH: Readonly<Record<FieldName, string>> = {
  key: "项目",
  value: "值",
  name: "姓名",
  studentId: "学号",
  college: "学院",
  major: "专业",
  grade: "年级",
  level: "学生类别",
  title: "职务",
  department: "部门",
  political: "政治面貌",
  rank: "专业排名",
  majorSize: "专业人数",
  failed: "不及格门数",
  route: "遴选方式",
  date: "日期",
  activity: "活动名称",
  category: "活动类别",
  hours: "时长",
  class: "班级",
  nominatedBy: "推荐单位",
  isOfficer: "是否学生会工作人员",
  term: "学期",
  scorePolitical: "政治学习",
  scoreConduct: "道德品行",
  scoreStudy: "学习情况",
  scoreWork: "工作成效",
  scoreDiscipline: "纪律作风",
  total: "总分",
  result: "评议等次",
  type: "会议类型",
  topic: "主题",
  attendance: "参加人数",
};

const KINDS_ZH: Readonly<Record<TableKind, string>> = {
  settings: "基本信息表",
  roster: "工作人员名单",
  activities: "活动（志愿服务）记录表",
  congress: "学生代表大会代表名单",
  reviews: "述职评议表",
  meetings: "会议及培训记录表",
};

const FIELDS_EN: Readonly<Record<FieldName, string>> = {
  key: "key",
  value: "value",
  name: "name",
  studentId: "student id",
  college: "college",
  major: "major",
  grade: "year",
  level: "level",
  title: "title",
  department: "department",
  political: "political status",
  rank: "rank",
  majorSize: "major size",
  failed: "failed courses",
  route: "selection route",
  date: "date",
  activity: "activity",
  category: "category",
  hours: "hours",
  class: "class",
  nominatedBy: "nominated by",
  isOfficer: "union officer",
  term: "term",
  scorePolitical: "political study",
  scoreConduct: "conduct",
  scoreStudy: "studies",
  scoreWork: "work results",
  scoreDiscipline: "discipline",
  total: "total",
  result: "result",
  type: "type",
  topic: "topic",
  attendance: "attendance",
};

const KINDS_EN: Readonly<Record<TableKind, string>> = {
  settings: "settings sheet",
  roster: "staff roster",
  activities: "activity log",
  congress: "congress delegate list",
  reviews: "review sheet",
  meetings: "meeting and training log",
};

/** Labels of canonical fields, per language. */
export const FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<FieldName, string>>>> = {
  zh: FIELDS_ZH,
  en: FIELDS_EN,
};

/** Labels of table kinds, per language. */
export const KIND_LABELS: Readonly<Record<Lang, Readonly<Record<TableKind, string>>>> = {
  zh: KINDS_ZH,
  en: KINDS_EN,
};

/** A field's label, or the text itself when it names no canonical field (e.g. from an old report). */
export function fieldName(field: string, lang: Lang): string {
  return (FIELD_LABELS[lang] as Readonly<Record<string, string>>)[field] ?? field;
}

/** The column a finding is about: its header as written, else its field's label. */
export function columnLabel(
  column: string | undefined,
  field: string | null | undefined,
  lang: Lang,
): string {
  if (column !== undefined) return column;
  return field === undefined || field === null ? "" : fieldName(field, lang);
}

/** A table kind's label, or a generic word when the kind is unknown. */
export function kindLabel(kind: string | undefined, lang: Lang): string {
  const known =
    kind === undefined ? undefined : (KIND_LABELS[lang] as Readonly<Record<string, string>>)[kind];
  return known ?? (kind || (lang === "zh" ? "数据表" : "table"));
}

/** The staff member a finding is about, by name when the row has one. */
export function who(name: string | null | undefined, lang: Lang): string {
  if (name !== undefined && name !== null && name !== "") return name;
  return lang === "zh" ? "该工作人员" : "This staff member";
}

/** An ISO date (or `YYYY-MM`) the Chinese way: 2022年3月8日, 2022年3月. */
export function zhDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] === undefined ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
