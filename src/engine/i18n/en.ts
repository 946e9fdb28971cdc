/**
 * The English catalogue: per rule a title, a fix and the text it enforces; per finding a sentence
 * with the value found and the limit. Chinese document names are kept with an English gloss.
 */
import type { FieldName, Finding, RuleId, TableKind } from "../types";
import { exhaustive, has, num, percent, text, valueText, type Catalogue } from "./catalogue";

const OPINIONS =
  "《关于推动高校学生会（研究生会）深化改革的若干意见》 (Opinions on deepening the student-union reform)";
const CONGRESS_RULES = "《高校学生代表大会工作规则》 (Rules for student congresses)";

const FIELDS: Readonly<Record<FieldName, string>> = {
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

const KINDS: Readonly<Record<TableKind, string>> = {
  settings: "settings sheet",
  roster: "staff roster",
  activities: "activity log",
  congress: "congress delegate list",
  reviews: "review sheet",
  meetings: "meeting and training log",
};

const TITLES: Readonly<Record<RuleId, string>> = {
  "staff.political-status": "Political status not allowed",
  "staff.academic-rank": "Rank outside the required top share",
  "staff.failed-courses": "Failed course",
  "staff.title": "Title not allowed",
  "staff.duplicate": "Staff member listed twice",
  "staff.missing-value": "Missing staff information",
  "staff.invalid-value": "Unreadable staff information",
  "structure.staff-total": "Too many staff",
  "structure.presidium-size": "Presidium too large",
  "structure.department-count": "Too many departments",
  "structure.department-heads": "Department heads outside the set range",
  "structure.department-name": "Department named like a standing layer",
  "structure.admin-duty": "Department named for an administrative duty",
  "congress.delegate-ratio": "Too few congress delegates",
  "congress.non-officer-share": "Too few delegates who are not officers",
  "congress.overdue": "Student congress overdue",
  "congress.duplicate": "Delegate listed twice",
  "congress.missing-value": "Missing delegate information",
  "activity.hours": "Invalid hours",
  "activity.date": "Invalid activity date",
  "activity.out-of-period": "Activity outside the period",
  "activity.duplicate": "Repeated activity row",
  "activity.missing-value": "Missing activity information",
  "review.missing": "Missing review",
  "review.score": "Invalid review score",
  "meeting.training": "Too few trainings",
  "meeting.monthly": "Month without a chairs' meeting",
  "table.missing": "Table not found",
  "table.missing-column": "Required column not found",
  "settings.invalid-value": "Unreadable setting",
};

const FIXES: Readonly<Record<RuleId, string>> = {
  "staff.political-status":
    "Check the status; staff must be Party members (probationary included) or League members, so replace this member or correct the entry.",
  "staff.academic-rank":
    "Check the rank; students outside the required top share of their major may not serve, so replace this member or correct the entry (first-years and graduate students need no rank).",
  "staff.failed-courses":
    "Check the grades; students with a failed course may not serve, so replace this member or correct the entry (first-years are exempt).",
  "staff.title":
    "Use a presidium or department title (e.g. 部长, 副部长, 干事) or drop the post; a school with its own list can change the allowed titles in the settings.",
  "staff.duplicate": "Delete the repeated row or correct the student id.",
  "staff.missing-value": "Fill in the cell.",
  "staff.invalid-value": "Rewrite the cell in a usual form, e.g. a rank as 5/120 or 前10%, a year as 2021级.",
  "structure.staff-total":
    "Reduce the staff to the cap; a school with many students or campuses can set 是否规模较大高校 to 是 in the settings sheet.",
  "structure.presidium-size": "Reduce the presidium to the cap.",
  "structure.department-count": "Merge or close departments to stay within the cap.",
  "structure.department-heads":
    "Adjust the department's heads, or change the range of heads in the settings.",
  "structure.department-name":
    "Remove standing centres or project offices and make them departments, or correct the name.",
  "structure.admin-duty":
    "A student union must not take on dorm management, discipline patrols or campus security; close the department or change its duties and name.",
  "congress.delegate-ratio": "Add delegate seats, or check 在校生总数 (enrollment) in the settings sheet.",
  "congress.non-officer-share": "Raise the share of delegates who are not union officers.",
  "congress.overdue":
    "Hold the student congress on schedule and enter 学生代表大会召开日期 in the settings sheet.",
  "congress.duplicate": "Delete the repeated delegate row or correct the student id.",
  "congress.missing-value": "Fill in the delegate's details.",
  "activity.hours": "Enter hours greater than 0 and within the cap.",
  "activity.date": "Enter a real date such as 2022-03-08.",
  "activity.out-of-period":
    "Nothing to do; if the period is wrong, change 统计开始日期 / 统计截止日期 in the settings sheet.",
  "activity.duplicate":
    "Delete the repeated row; if these were two sessions, tell them apart by name or date.",
  "activity.missing-value": "Fill in the activity name and the participant's student id or name.",
  "review.missing": "Hold the review for that term and record the result in the review sheet.",
  "review.score": "Enter a number from 0 to 100.",
  "meeting.training": "Hold a full-staff training and record it in the meeting log (type containing 培训).",
  "meeting.monthly":
    "Hold the monthly chairs' meeting and record it in the meeting log (type containing 例会).",
  "table.missing": "Add the table, or assign the right sheet under table recognition.",
  "table.missing-column": "Add the column to the header row, or correct its header.",
  "settings.invalid-value": "Rewrite the value: dates as 2022-12-09, yes/no as 是 or 否, counts as numbers.",
};

const BASES: Readonly<Record<RuleId, string>> = {
  "staff.political-status": `self-assessment item 7; ${OPINIONS}`,
  "staff.academic-rank": `self-assessment item 8; ${OPINIONS}`,
  "staff.failed-courses": `self-assessment item 8; ${OPINIONS}`,
  "staff.title": `self-assessment item 6; ${OPINIONS}`,
  "staff.duplicate": "self-assessment item 3 (staff count)",
  "staff.missing-value": "self-assessment items 6–8 (eligibility data)",
  "staff.invalid-value": "self-assessment items 6–8 (eligibility data)",
  "structure.staff-total": `self-assessment item 3; ${OPINIONS}`,
  "structure.presidium-size": `self-assessment item 4; ${OPINIONS}`,
  "structure.department-count": `self-assessment item 5; ${OPINIONS}`,
  "structure.department-heads": "the school's own range of department heads",
  "structure.department-name": `self-assessment item 2 (presidium + departments only); ${OPINIONS}`,
  "structure.admin-duty": `self-assessment item 1★ (no administrative duties); ${OPINIONS}`,
  "congress.delegate-ratio": `${CONGRESS_RULES} and the union's charter`,
  "congress.non-officer-share": `${CONGRESS_RULES} and the union's charter`,
  "congress.overdue": `self-assessment item 11★; ${CONGRESS_RULES}`,
  "congress.duplicate": `delegate count; ${CONGRESS_RULES}`,
  "congress.missing-value": `delegate count; ${CONGRESS_RULES}`,
  "activity.hours": "volunteer-service hours in the self-assessment report",
  "activity.date": "volunteer-service figures in the self-assessment report",
  "activity.out-of-period": "volunteer-service figures in the self-assessment report",
  "activity.duplicate": "volunteer-service person-times in the self-assessment report",
  "activity.missing-value": "volunteer-service figures in the self-assessment report",
  "review.missing": `term reviews (述职评议, report section 八); ${OPINIONS}`,
  "review.score": "term reviews (述职评议, report section 八)",
  "meeting.training": "spring and autumn full-staff training (report section 七)",
  "meeting.monthly": "monthly meeting of union chairs (report section 二)",
  "table.missing": "data the self-assessment needs",
  "table.missing-column": "data the self-assessment needs",
  "settings.invalid-value": "settings sheet",
};

function who(f: Finding): string {
  return has(f, "name") ? text(f, "name") : "This staff member";
}

function column(f: Finding): string {
  if (f.column !== undefined) return f.column;
  const field = text(f, "field");
  return (FIELDS as Record<string, string>)[field] ?? field;
}

function kindLabel(f: Finding): string {
  const kind = text(f, "kind");
  return (KINDS as Record<string, string>)[kind] ?? (kind || "table");
}

function problem(f: Finding): string {
  const v = valueText(f);
  switch (f.rule) {
    case "staff.political-status":
      return `${who(f)}'s political status is "${v}", neither Party (incl. probationary) nor League member.`;
    case "staff.academic-rank": {
      const at = has(f, "percent") ? ` (top ${text(f, "percent")}%)` : "";
      return `${who(f)}'s rank is ${v}${at}, outside the top ${text(f, "limit")}% of the major.`;
    }
    case "staff.failed-courses":
      return `${who(f)} has ${text(f, "count")} failed course(s); none are allowed.`;
    case "staff.title":
      return `${who(f)}'s title "${v}" is not allowed (allowed: ${text(f, "allowed")}).`;
    case "staff.duplicate":
      return `Student id ${v} is already listed in row ${text(f, "firstRow")}; this row (${who(f)}) repeats it and counts once.`;
    case "staff.missing-value":
      return `${who(f)}: "${column(f)}" is blank.`;
    case "staff.invalid-value":
      return `${who(f)}: "${column(f)}" reads "${v}", which cannot be read.`;
    case "structure.staff-total": {
      const level =
        text(f, "level") === "college"
          ? "a college-level union"
          : f.params?.["largeSchool"] === true
            ? "a large school's union"
            : "a school-level union";
      return `The roster has ${text(f, "actual")} staff, over the cap of ${text(f, "limit")} for ${level}.`;
    }
    case "structure.presidium-size": {
      const level = text(f, "level") === "college" ? "a college-level union" : "a school-level union";
      return `The presidium has ${text(f, "actual")} members, over the cap of ${text(f, "limit")} for ${level}.`;
    }
    case "structure.department-count":
      return `There are ${text(f, "actual")} departments (${text(f, "departments")}), over the cap of ${text(f, "limit")}.`;
    case "structure.department-heads":
      return `${text(f, "department")} has ${text(f, "actual")} head(s), outside the set range ${text(f, "min")}–${text(f, "max")}.`;
    case "structure.department-name":
      return `Department ${text(f, "department")} contains "${text(f, "pattern")}", which suggests a standing centre or office layer.`;
    case "structure.admin-duty":
      return `Department ${text(f, "department")} contains "${text(f, "pattern")}", which suggests dorm management, discipline patrols or security.`;
    case "congress.delegate-ratio":
      if (text(f, "reason") === "no-enrollment") {
        return `There are ${text(f, "actual")} delegates, but no enrollment is given, so the delegate ratio cannot be checked.`;
      }
      return `There are ${text(f, "actual")} delegates, fewer than ${percent(num(f, "limit"))} of ${text(f, "enrollment")} students (at least ${text(f, "required")} needed).`;
    case "congress.non-officer-share":
      return `${text(f, "nonOfficers")} of ${text(f, "delegates")} delegates (${percent(num(f, "actual"))}) are not union officers, below ${percent(num(f, "limit"))}.`;
    case "congress.overdue":
      if (!has(f, "date")) {
        return `No congress date is given, so it cannot be shown that a congress was held within ${text(f, "limit")} months before ${text(f, "assessmentDate")}.`;
      }
      return `The congress was held on ${text(f, "date")}, before ${text(f, "earliest")}: more than ${text(f, "limit")} months before the assessment date ${text(f, "assessmentDate")}.`;
    case "congress.duplicate":
      return `Delegate ${v} is already listed in row ${text(f, "firstRow")}; this row repeats it and counts once.`;
    case "congress.missing-value":
      return `Delegate${has(f, "name") ? ` ${text(f, "name")}` : ""}: "${column(f)}" is blank.`;
    case "activity.hours":
      switch (text(f, "reason")) {
        case "blank":
          return "The hours are blank.";
        case "not-positive":
          return `The hours are ${v}; they must be greater than 0.`;
        case "too-many":
          return `The hours are ${v}, over the per-row cap of ${text(f, "limit")}.`;
        default:
          return `The hours "${v}" are not a number.`;
      }
    case "activity.date":
      return text(f, "reason") === "blank"
        ? "The date is blank."
        : `The date "${v}" cannot be read (or does not exist).`;
    case "activity.out-of-period":
      return `The date ${v} is outside the period ${text(f, "start")} to ${text(f, "end")}; the row is left out of the figures.`;
    case "activity.duplicate":
      return `Same person, activity (${text(f, "activity")}) and date (${text(f, "date")}) as row ${text(f, "firstRow")}; counted once.`;
    case "activity.missing-value":
      return text(f, "field") === "participant"
        ? "Neither the participant's student id nor name is given."
        : "The activity name is blank.";
    case "review.missing":
      return `${text(f, "title")} ${has(f, "name") ? text(f, "name") : "(no name)"} has no review for term ${text(f, "term")}.`;
    case "review.score":
      return text(f, "reason") === "out-of-range"
        ? `${has(f, "name") ? `${text(f, "name")}: ` : ""}"${column(f)}" is ${v}, outside 0–100.`
        : `${has(f, "name") ? `${text(f, "name")}: ` : ""}"${column(f)}" is "${v}", not a number.`;
    case "meeting.training":
      return `${text(f, "actual")} full-staff training(s) from ${text(f, "start")} to ${text(f, "end")}, fewer than the ${text(f, "limit")} required (${text(f, "perYear")} a year).`;
    case "meeting.monthly":
      return `No chairs' meeting is recorded in ${text(f, "month")}.`;
    case "table.missing":
      return `No ${kindLabel(f)} was found.`;
    case "table.missing-column": {
      const fields = [text(f, "field"), ...text(f, "or").split(",")].filter((x) => x !== "");
      const names = fields.map((x) => `"${(FIELDS as Record<string, string>)[x] ?? x}"`).join(" or ");
      return `The ${kindLabel(f)}${f.sheet !== undefined ? ` (sheet ${f.sheet})` : ""} has no ${names || "required"} column, so the checks that need it cannot run.`;
    }
    case "settings.invalid-value":
      return `Setting ${text(f, "key")} has the value "${v}", which cannot be read; the default is used.`;
    default:
      return exhaustive(f.rule, `Problem found (${String((f as Finding).rule)}).`);
  }
}

/** The English catalogue. */
export const en: Catalogue = {
  title: (rule) => TITLES[rule] ?? rule,
  fix: (rule) => FIXES[rule] ?? "",
  basis: (rule) => BASES[rule] ?? "",
  problem: (f) => {
    if (text(f, "reason") === "internal") {
      return `The check "${TITLES[f.rule] ?? f.rule}" failed with an internal error (${text(f, "detail")}) and did not finish.`;
    }
    return problem(f);
  },
  fixFor: (f) => {
    if (text(f, "reason") === "internal")
      return "Please report this message with the workbook to the developers.";
    if (f.rule === "congress.delegate-ratio" && text(f, "reason") === "no-enrollment") {
      return "Enter 在校生总数 (enrollment) in the settings sheet.";
    }
    return FIXES[f.rule] ?? "";
  },
  compose: (p, fix, basis) => `${p} ${fix}${basis ? ` (Basis: ${basis}.)` : ""}`,
  fields: FIELDS,
  kinds: KINDS,
};
