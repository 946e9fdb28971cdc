/**
 * A small but realistic workbook for the pane's tests: a settings sheet, a staff roster and an
 * activity log with a few planted problems (a non-member, a rank outside the top 30%, a title
 * that is HTML, a duplicate id, hours over the cap, an unreadable date), plus a sheet nothing matches.
 */
import type { RawCell, SheetInput, WorkbookInput } from "../../engine";

/** A title that must show literally, never as markup. */
export const HTML_TITLE = "<img src=x onerror=alert(1)>";

/** The roster's sheet name. */
export const ROSTER_SHEET = "工作人员名单";
/** The activity log's sheet name. */
export const ACTIVITY_SHEET = "志愿活动记录";
/** A sheet whose content matches no table. */
export const NOTES_SHEET = "备忘";

const ROSTER_HEADER: RawCell[] = [
  "姓名",
  "学号",
  "学院",
  "专业",
  "年级",
  "学生类别",
  "职务",
  "部门",
  "政治面貌",
  "专业排名",
  "不及格门数",
];

const roster: RawCell[][] = [
  ["某某大学学生会工作人员名单"],
  ROSTER_HEADER,
  ["张三", "2020001", "医学院", "临床医学", "2020级", "本科", "执行主席", "", "中共党员", "3/120", 0],
  ["李四", "2020002", "药学院", "药学", "2020级", "本科", "轮值主席", "", "共青团员", "5/80", 0],
  ["王五", "2021003", "护理学院", "护理学", "2021级", "本科", "部长", "组织宣传部", "群众", "10/90", 0],
  [
    "赵六",
    "2021004",
    "医学院",
    "临床医学",
    "2021级",
    "本科",
    "副部长",
    "组织宣传部",
    "共青团员",
    "60/120",
    0,
  ],
  [
    "钱七",
    "2021005",
    "公卫学院",
    "预防医学",
    "2021级",
    "本科",
    HTML_TITLE,
    "学术创新部",
    "共青团员",
    "8/100",
    0,
  ],
  ["孙八", "2021004", "医学院", "临床医学", "2021级", "本科", "干事", "学术创新部", "共青团员", "12/120", 0],
  [
    "周九",
    "2021007",
    "医学院",
    "基础医学",
    "2021级",
    "本科",
    "部长",
    "学术创新部",
    "中共预备党员",
    "4/60",
    1,
  ],
];

const activities: RawCell[][] = [
  ["日期", "活动名称", "学号", "姓名", "服务时长（小时）"],
  ["2022-03-08", "绿色校园 有我守护", "2020001", "张三", 2],
  ["2022-03-08", "绿色校园 有我守护", "2020002", "李四", 2],
  ["2022-04-12", "绿色校园 有我守护", "2021003", "王五", 30],
  ["2022-13-40", "社区义诊", "2021004", "赵六", 3],
  ["2022-05-20", "社区义诊", "2021005", "钱七", 1.5],
];

const settings: RawCell[][] = [
  ["项目", "内容"],
  ["学校名称", "某某医科大学"],
  ["组织层级", "校级"],
  ["在校生总数", 13800],
  ["评估基准日", "2022-12-31"],
  ["团委书记", "王老师"],
];

const notes: RawCell[][] = [["这里记录一些备忘事项"], ["明年三月换届"]];

function sheet(name: string, rows: RawCell[][]): SheetInput {
  return { name, rows };
}

/** The test workbook, fresh each call. */
export function sampleWorkbook(): WorkbookInput {
  return {
    sheets: [
      sheet("基本信息", settings),
      sheet(ROSTER_SHEET, roster),
      sheet(ACTIVITY_SHEET, activities),
      sheet(NOTES_SHEET, notes),
    ],
  };
}

/** The fixed "today" of the tests, so findings never depend on the day they run. */
export const TEST_TODAY = "2022-12-31";
