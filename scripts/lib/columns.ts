/**
 * The column layouts of the five tables as union officers keep them (header text and width), shared
 * by the sample workbooks (make-samples) and the benchmark workbooks (bench/generate) so both
 * generators always write the same sheets.
 */

/** One column: its header as written in the sheet, its width, and an optional number format. */
export interface ColumnSpec {
  readonly header: string;
  readonly width: number;
  readonly numFmt?: string;
}

/** The staff roster (学生会工作人员名单). */
export const ROSTER_COLUMNS: readonly ColumnSpec[] = [
  { header: "序号", width: 6 },
  { header: "姓名", width: 10 },
  { header: "学号", width: 13 },
  { header: "学院", width: 22 },
  { header: "专业", width: 14 },
  { header: "年级", width: 9 },
  { header: "学生类别", width: 10 },
  { header: "职务", width: 10 },
  { header: "所在部门", width: 18 },
  { header: "政治面貌", width: 14 },
  { header: "专业排名", width: 10 },
  { header: "专业人数", width: 10 },
  { header: "不及格门数", width: 11 },
];

/** The activity / volunteer log: one participant in one session a row. */
export const ACTIVITY_COLUMNS: readonly ColumnSpec[] = [
  { header: "日期", width: 14, numFmt: "yyyy-mm-dd" },
  { header: "活动名称", width: 22 },
  { header: "活动类别", width: 10 },
  { header: "学号", width: 13 },
  { header: "姓名", width: 10 },
  { header: "服务时长（小时）", width: 16 },
  { header: "负责部门", width: 18 },
];

/** The congress delegate list. */
export const CONGRESS_COLUMNS: readonly ColumnSpec[] = [
  { header: "序号", width: 6 },
  { header: "姓名", width: 10 },
  { header: "学号", width: 13 },
  { header: "学院", width: 22 },
  { header: "班级", width: 22 },
  { header: "推荐单位", width: 24 },
  { header: "是否学生会工作人员", width: 18 },
];

/** The term review (述职评议) results. */
export const REVIEW_COLUMNS: readonly ColumnSpec[] = [
  { header: "学号", width: 13 },
  { header: "姓名", width: 10 },
  { header: "职务", width: 10 },
  { header: "学期", width: 22 },
  { header: "政治学习", width: 9 },
  { header: "道德品行", width: 9 },
  { header: "学习情况", width: 9 },
  { header: "工作成效", width: 9 },
  { header: "纪律作风", width: 9 },
  { header: "总分", width: 8 },
  { header: "等次", width: 8 },
];

/** The meeting and training log. */
export const MEETING_COLUMNS: readonly ColumnSpec[] = [
  { header: "日期", width: 14, numFmt: "yyyy-mm-dd" },
  { header: "会议类型", width: 14 },
  { header: "主题", width: 40 },
  { header: "参加人数", width: 10 },
];
