/**
 * 中文消息目录：每条规则的标题、整改办法、依据，以及每条问题的说明（问题是什么、发现的值、限额）。
 * The Chinese catalogue, the primary language: sentences written as a 团委 officer would write them.
 */
import type { FieldName, Finding, RuleId, TableKind } from "../types";
import { exhaustive, has, num, percent, text, valueText, type Catalogue } from "./catalogue";

const YIJIAN = "《关于推动高校学生会（研究生会）深化改革的若干意见》";
const GUIZE = "《高校学生代表大会工作规则》";

const FIELDS: Readonly<Record<FieldName, string>> = {
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

const KINDS: Readonly<Record<TableKind, string>> = {
  settings: "基本信息表",
  roster: "工作人员名单",
  activities: "活动（志愿服务）记录表",
  congress: "学生代表大会代表名单",
  reviews: "述职评议表",
  meetings: "会议及培训记录表",
};

const TITLES: Readonly<Record<RuleId, string>> = {
  "staff.political-status": "政治面貌不符合要求",
  "staff.academic-rank": "成绩排名不在规定范围内",
  "staff.failed-courses": "有课程不及格",
  "staff.title": "职务设置不规范",
  "staff.duplicate": "工作人员重复登记",
  "staff.missing-value": "工作人员信息缺项",
  "staff.invalid-value": "工作人员信息无法识别",
  "structure.staff-total": "工作人员总数超出上限",
  "structure.presidium-size": "主席团成员超出上限",
  "structure.department-count": "工作部门数量超出上限",
  "structure.department-heads": "部门负责人人数不符合设定",
  "structure.department-name": "部门名称疑似常设中间层",
  "structure.admin-duty": "部门疑似承担行政职能",
  "congress.delegate-ratio": "学代会代表人数不足",
  "congress.non-officer-share": "非学生会工作人员代表比例不足",
  "congress.overdue": "学生代表大会未按期召开",
  "congress.duplicate": "代表重复登记",
  "congress.missing-value": "代表信息缺项",
  "activity.hours": "活动时长有误",
  "activity.date": "活动日期有误",
  "activity.out-of-period": "活动不在统计期内",
  "activity.duplicate": "活动记录重复",
  "activity.missing-value": "活动记录缺项",
  "review.missing": "缺少述职评议记录",
  "review.score": "评议分数有误",
  "meeting.training": "全员培训次数不足",
  "meeting.monthly": "当月未召开主席例会",
  "table.missing": "缺少数据表",
  "table.missing-column": "缺少必要的列",
  "settings.invalid-value": "设置值无法识别",
};

const FIXES: Readonly<Record<RuleId, string>> = {
  "staff.political-status":
    "请核实政治面貌；学生会工作人员应为中共党员（含预备党员）或共青团员，不符合的应调整人选。",
  "staff.academic-rank":
    "请核实排名；综合成绩排名未进入本专业规定比例的同学不应担任工作人员，应调整人选或更正登记（一年级新生和研究生不要求排名）。",
  "staff.failed-courses":
    "请核实成绩；有课程不及格的同学不应担任工作人员，应调整人选或更正登记（一年级新生不作要求）。",
  "staff.title":
    "请改为主席团职务或部门职务（如部长、副部长、干事），或撤销该职务；学校另有规定的，可在设置中调整允许的职务。",
  "staff.duplicate": "请删除重复的行，或更正学号。",
  "staff.missing-value": "请补填该单元格。",
  "staff.invalid-value": "请按常见格式改写该单元格，例如排名写作“5/120”或“前10%”，年级写作“2021级”。",
  "structure.staff-total":
    "请精简工作人员至上限以内；学校学生规模较大或校区较多的，可在基本信息表中将“是否规模较大高校”填为“是”。",
  "structure.presidium-size": "请精简主席团成员至上限以内。",
  "structure.department-count": "请合并或撤销部门，使工作部门不超过上限。",
  "structure.department-heads": "请调整该部门负责人人数，或在设置中修改部门负责人人数范围。",
  "structure.department-name": "请撤销常设的中心、项目办等中间层，改设为工作部门，或更正部门名称。",
  "structure.admin-duty":
    "学生会不应承担宿舍管理、校园文明纠察、安全保卫等行政职能，请撤销或调整该部门的职能和名称。",
  "congress.delegate-ratio": "请增加学代会代表名额，或核实基本信息表中的“在校生总数”。",
  "congress.non-officer-share": "请提高非学生会工作人员代表的比例。",
  "congress.overdue": "请按期召开学生代表大会，并在基本信息表中填写“学生代表大会召开日期”。",
  "congress.duplicate": "请删除重复的代表行，或更正学号。",
  "congress.missing-value": "请补填代表信息。",
  "activity.hours": "请填写大于0且不超过上限的时长（单位：小时）。",
  "activity.date": "请填写有效日期，如2022-03-08。",
  "activity.out-of-period": "无需处理；如统计期有误，请修改基本信息表中的“统计开始日期”“统计截止日期”。",
  "activity.duplicate": "请删除重复的行；如确为两次活动，请在活动名称或日期上加以区分。",
  "activity.missing-value": "请补填活动名称，以及参加人的学号或姓名。",
  "review.missing": "请组织该学期的述职评议，并在述职评议表中补录结果。",
  "review.score": "请填写0至100之间的数字。",
  "meeting.training": "请组织全员培训，并在会议记录中登记（会议类型写明“培训”）。",
  "meeting.monthly": "请按月召开主席例会，并在会议记录中登记（会议类型写明“例会”）。",
  "table.missing": "请添加该数据表，或在“表格识别”中指定对应的工作表。",
  "table.missing-column": "请在表头添加该列，或更正列名。",
  "settings.invalid-value": "请按说明改写：日期写作2022-12-09，是否类写“是”或“否”，人数写数字。",
};

const BASES: Readonly<Record<RuleId, string>> = {
  "staff.political-status": `自评表第7项；${YIJIAN}`,
  "staff.academic-rank": `自评表第8项；${YIJIAN}`,
  "staff.failed-courses": `自评表第8项；${YIJIAN}`,
  "staff.title": `自评表第6项；${YIJIAN}`,
  "staff.duplicate": "自评表第3项（工作人员人数）",
  "staff.missing-value": "自评表第6—8项（资格审查所需信息）",
  "staff.invalid-value": "自评表第6—8项（资格审查所需信息）",
  "structure.staff-total": `自评表第3项；${YIJIAN}`,
  "structure.presidium-size": `自评表第4项；${YIJIAN}`,
  "structure.department-count": `自评表第5项；${YIJIAN}`,
  "structure.department-heads": "本校设定的部门负责人人数",
  "structure.department-name": `自评表第2项（“主席团+工作部门”架构）；${YIJIAN}`,
  "structure.admin-duty": `自评表第1项★（不承担行政职能）；${YIJIAN}`,
  "congress.delegate-ratio": `${GUIZE}及学校学生会章程`,
  "congress.non-officer-share": `${GUIZE}及学校学生会章程`,
  "congress.overdue": `自评表第11项★；${GUIZE}`,
  "congress.duplicate": `学代会代表人数统计；${GUIZE}`,
  "congress.missing-value": `学代会代表人数统计；${GUIZE}`,
  "activity.hours": "志愿服务时长统计（自评报告）",
  "activity.date": "志愿服务统计（自评报告）",
  "activity.out-of-period": "志愿服务统计（自评报告）",
  "activity.duplicate": "志愿服务人次统计（自评报告）",
  "activity.missing-value": "志愿服务统计（自评报告）",
  "review.missing": `述职评议制度（自评报告第（八）部分）；${YIJIAN}`,
  "review.score": "述职评议制度（自评报告第（八）部分）",
  "meeting.training": "春、秋季工作人员全员培训（自评报告第（七）部分）",
  "meeting.monthly": "每月召开学生会组织主席工作例会（自评报告第（二）部分）",
  "table.missing": "自评所需的数据",
  "table.missing-column": "自评所需的数据",
  "settings.invalid-value": "基本信息表",
};

/** The staff member a finding is about, by name when the row has one. */
function who(f: Finding): string {
  return has(f, "name") ? text(f, "name") : "该工作人员";
}

function column(f: Finding): string {
  if (f.column !== undefined) return f.column;
  const field = text(f, "field");
  return (FIELDS as Record<string, string>)[field] ?? field;
}

function date(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  return m[3] === undefined ? `${m[1]}年${Number(m[2])}月` : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

function kindLabel(f: Finding): string {
  const kind = text(f, "kind");
  return (KINDS as Record<string, string>)[kind] ?? (kind || "数据表");
}

function problem(f: Finding): string {
  const v = valueText(f);
  switch (f.rule) {
    case "staff.political-status":
      return `${who(f)}的政治面貌为“${v}”，不是中共党员（含预备党员）或共青团员。`;
    case "staff.academic-rank": {
      const at = has(f, "percent") ? `，即前${text(f, "percent")}%` : "";
      return `${who(f)}的综合成绩排名为“${v}”${at}，未进入本专业前${text(f, "limit")}%。`;
    }
    case "staff.failed-courses":
      return `${who(f)}有${text(f, "count")}门课程不及格（要求无不及格）。`;
    case "staff.title":
      return `${who(f)}的职务“${v}”不在允许的职务之内（允许：${text(f, "allowed")}）。`;
    case "staff.duplicate":
      return `学号“${v}”已在第${text(f, "firstRow")}行登记，本行重复（${who(f)}），只计一人。`;
    case "staff.missing-value":
      return `${who(f)}的“${column(f)}”未填写。`;
    case "staff.invalid-value":
      return `${who(f)}的“${column(f)}”为“${v}”，无法识别。`;
    case "structure.staff-total": {
      const level =
        text(f, "level") === "college"
          ? "院级学生会"
          : f.params?.["largeSchool"] === true
            ? "规模较大高校的校级学生会"
            : "校级学生会";
      return `工作人员共${text(f, "actual")}人，超过${level}的上限${text(f, "limit")}人。`;
    }
    case "structure.presidium-size": {
      const level = text(f, "level") === "college" ? "院级学生会" : "校级学生会";
      return `主席团成员共${text(f, "actual")}人，超过${level}的上限${text(f, "limit")}人。`;
    }
    case "structure.department-count":
      return `工作部门共${text(f, "actual")}个（${text(f, "departments")}），超过上限${text(f, "limit")}个。`;
    case "structure.department-heads":
      return `“${text(f, "department")}”有部门负责人${text(f, "actual")}人，不在设定的${text(f, "min")}至${text(f, "max")}人之间。`;
    case "structure.department-name":
      return `部门“${text(f, "department")}”的名称含“${text(f, "pattern")}”，疑似设有常设的中心、项目办等中间层。`;
    case "structure.admin-duty":
      return `部门“${text(f, "department")}”的名称含“${text(f, "pattern")}”，疑似承担宿舍管理、纪律纠察或安全保卫等行政职能。`;
    case "congress.delegate-ratio":
      if (text(f, "reason") === "no-enrollment") {
        return `学代会代表共${text(f, "actual")}名，但未填写在校生总数，无法核对代表人数是否达到在校生的规定比例。`;
      }
      return `学代会代表共${text(f, "actual")}名，少于在校生${text(f, "enrollment")}人的${percent(num(f, "limit"))}（应不少于${text(f, "required")}名）。`;
    case "congress.non-officer-share":
      return `非学生会工作人员代表${text(f, "nonOfficers")}名，占代表总数${text(f, "delegates")}名的${percent(num(f, "actual"))}，低于${percent(num(f, "limit"))}。`;
    case "congress.overdue":
      if (!has(f, "date")) {
        return `未填写学生代表大会召开日期，无法确认是否在评估基准日（${date(text(f, "assessmentDate"))}）前${text(f, "limit")}个月内召开。`;
      }
      return `学生代表大会召开日期为${date(text(f, "date"))}，早于${date(text(f, "earliest"))}，距评估基准日（${date(text(f, "assessmentDate"))}）已超过${text(f, "limit")}个月。`;
    case "congress.duplicate":
      return `代表“${v}”已在第${text(f, "firstRow")}行登记，本行重复，只计一名。`;
    case "congress.missing-value":
      return `代表${has(f, "name") ? `“${text(f, "name")}”` : ""}的“${column(f)}”未填写。`;
    case "activity.hours":
      switch (text(f, "reason")) {
        case "blank":
          return "活动时长未填写。";
        case "not-positive":
          return `活动时长为${v}，应大于0。`;
        case "too-many":
          return `活动时长为${v}小时，超过单条记录上限${text(f, "limit")}小时。`;
        default:
          return `活动时长“${v}”不是有效的数字。`;
      }
    case "activity.date":
      return text(f, "reason") === "blank"
        ? "活动日期未填写。"
        : `活动日期“${v}”无法识别（或不是真实存在的日期）。`;
    case "activity.out-of-period":
      return `活动日期${date(v)}不在统计期（${date(text(f, "start"))}至${date(text(f, "end"))}）内，本行不计入统计。`;
    case "activity.duplicate":
      return `与第${text(f, "firstRow")}行为同一人、同一活动（${text(f, "activity")}）、同一日期（${date(text(f, "date"))}），重复记录只计一次。`;
    case "activity.missing-value":
      return text(f, "field") === "participant" ? "参加人的学号和姓名均未填写。" : "活动名称未填写。";
    case "review.missing":
      return `${text(f, "title")}${has(f, "name") ? text(f, "name") : "（未填姓名）"}缺少“${text(f, "term")}”的述职评议记录。`;
    case "review.score":
      return text(f, "reason") === "out-of-range"
        ? `${has(f, "name") ? `${text(f, "name")}的` : ""}“${column(f)}”为${v}，不在0至100之间。`
        : `${has(f, "name") ? `${text(f, "name")}的` : ""}“${column(f)}”为“${v}”，不是数字。`;
    case "meeting.training":
      return `统计期（${date(text(f, "start"))}至${date(text(f, "end"))}）内开展全员培训${text(f, "actual")}次，少于应有的${text(f, "limit")}次（每年${text(f, "perYear")}次）。`;
    case "meeting.monthly":
      return `${date(text(f, "month"))}没有召开主席例会的记录。`;
    case "table.missing":
      return `未找到${kindLabel(f)}。`;
    case "table.missing-column": {
      const fields = [text(f, "field"), ...text(f, "or").split(",")].filter((x) => x !== "");
      const names = fields.map((x) => `“${(FIELDS as Record<string, string>)[x] ?? x}”`).join("或");
      return `${kindLabel(f)}${f.sheet !== undefined ? `（工作表“${f.sheet}”）` : ""}缺少${names || "必要的"}列，相关检查无法进行。`;
    }
    case "settings.invalid-value":
      return `设置“${text(f, "key")}”的值“${v}”无法识别，已按默认值处理。`;
    default:
      return exhaustive(f.rule, `发现问题（${String((f as Finding).rule)}）。`);
  }
}

/** The Chinese catalogue. */
export const zh: Catalogue = {
  title: (rule) => TITLES[rule] ?? rule,
  fix: (rule) => FIXES[rule] ?? "",
  basis: (rule) => BASES[rule] ?? "",
  problem: (f) => {
    if (text(f, "reason") === "internal") {
      return `检查“${TITLES[f.rule] ?? f.rule}”时出现内部错误（${text(f, "detail")}），此项未完成检查。`;
    }
    return problem(f);
  },
  fixFor: (f) => {
    if (text(f, "reason") === "internal") return "请将工作簿和此信息反馈给开发者。";
    if (f.rule === "congress.delegate-ratio" && text(f, "reason") === "no-enrollment") {
      return "请在基本信息表中填写“在校生总数”。";
    }
    return FIXES[f.rule] ?? "";
  },
  compose: (p, fix, basis) => `${p}${fix}${basis ? `（依据：${basis}）` : ""}`,
  fields: FIELDS,
  kinds: KINDS,
};
