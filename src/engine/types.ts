/**
 * The engine's data contract: what adapters hand in (sheets of raw cells), what the reader makes of
 * them (recognised tables and typed records), and what comes out (findings, figures, summary sheets).
 * Everything here is plain data so it crosses Office.js, ExcelJS, a Web Worker and JSON unchanged.
 */
import type { IsoDate, Settings, SettingsInput } from "./settings";

// ---------------------------------------------------------------------------------------------
// Input: raw cells as adapters deliver them
// ---------------------------------------------------------------------------------------------

/** An error value such as `#N/A` or `#DIV/0!` (a formula's cached result, or a literal error). */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as an adapter reads it. Formulas are represented by their cached result, rich text and
 * hyperlinks by their plain text. A number in a date column is an Excel date serial; adapters that
 * know a cell is date-formatted may pass a `Date` (UTC midnight = that calendar day) instead.
 */
export type RawCell = string | number | boolean | Date | CellError | null;

/** One worksheet's used range. `rows[0][0]` is the cell at `origin` (1-based, default A1). */
export interface SheetInput {
  readonly name: string;
  readonly rows: ReadonlyArray<ReadonlyArray<RawCell>>;
  /** 1-based Excel row and column of `rows[0][0]`; `{ row: 1, col: 1 }` when absent. */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly hidden?: boolean;
}

/** A whole workbook as the engine sees it: its sheets in workbook order. */
export interface WorkbookInput {
  readonly sheets: ReadonlyArray<SheetInput>;
  /**
   * The workbook counts date serials from 1904 (old Mac Excel): an unformatted serial in a date
   * column is read in that system. Absent for the usual 1900 system.
   */
  readonly date1904?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Recognition: which sheet holds which logical table, and where its columns are
// ---------------------------------------------------------------------------------------------

/** The logical tables ziping knows. */
export type TableKind = "settings" | "roster" | "activities" | "congress" | "reviews" | "meetings";

/** Every table kind, in the order the UI lists them. */
export const TABLE_KINDS: readonly TableKind[] = [
  "settings",
  "roster",
  "activities",
  "congress",
  "reviews",
  "meetings",
];

/** Canonical field names per table kind (the keys of column matches and typed records). */
export interface TableFields {
  readonly settings: "key" | "value";
  readonly roster:
    | "name"
    | "studentId"
    | "college"
    | "major"
    | "grade"
    | "level"
    | "title"
    | "department"
    | "political"
    | "rank"
    | "majorSize"
    | "failed"
    | "route";
  readonly activities: "date" | "activity" | "category" | "studentId" | "name" | "hours" | "department";
  readonly congress: "name" | "studentId" | "college" | "class" | "nominatedBy" | "isOfficer";
  readonly reviews:
    | "studentId"
    | "name"
    | "title"
    | "term"
    | "scorePolitical"
    | "scoreConduct"
    | "scoreStudy"
    | "scoreWork"
    | "scoreDiscipline"
    | "total"
    | "result";
  readonly meetings: "date" | "type" | "topic" | "attendance";
}

/** Any canonical field name. */
export type FieldName = TableFields[TableKind];

/** A recognised column: which field it holds, where it is and what its header says. */
export interface ColumnMatch {
  readonly field: FieldName;
  /** 0-based index into the sheet's `rows[i]` arrays. */
  readonly index: number;
  /** Column letter(s) as Excel shows them, e.g. `"C"`. */
  readonly letter: string;
  /** The header text as written in the sheet (before normalising). */
  readonly header: string;
}

/** How a sheet's kind was decided. */
export type RecognitionSource = "name" | "headers" | "user";

/** A sheet recognised as one logical table. */
export interface RecognizedTable {
  readonly kind: TableKind;
  readonly sheet: string;
  /** Position of the sheet in the workbook (0-based). */
  readonly sheetIndex: number;
  /** 1-based Excel row of the header row. */
  readonly headerRow: number;
  readonly columns: readonly ColumnMatch[];
  /** Columns whose header matched nothing: kept for display, ignored by the rules. */
  readonly otherColumns: ReadonlyArray<{
    readonly index: number;
    readonly letter: string;
    readonly header: string;
  }>;
  /** Data rows below the header, blank rows skipped. */
  readonly rows: readonly DataRow[];
  readonly source: RecognitionSource;
}

/** One non-blank data row: its 1-based Excel row number and its cells (same indexing as the sheet). */
export interface DataRow {
  readonly row: number;
  readonly cells: ReadonlyArray<RawCell>;
}

/** A user's correction of a sheet's kind (saved in the workbook, used by every entry point). */
export interface KindOverride {
  readonly sheet: string;
  /** `null` means "ignore this sheet". */
  readonly kind: TableKind | null;
}

// ---------------------------------------------------------------------------------------------
// Normalised values
// ---------------------------------------------------------------------------------------------

/** A parsed cell: a value, a blank, or something that could not be read (with the raw text). */
export type Parsed<T> =
  | { readonly state: "ok"; readonly value: T }
  | { readonly state: "blank" }
  | { readonly state: "invalid"; readonly raw: string };

// IsoDate (a `YYYY-MM-DD` calendar date) is declared beside the settings that use it.
export type { IsoDate };

/** A rank in the major: the share of the major at or above this student, 0 < fraction ≤ 1. */
export interface Rank {
  /** Position / size, e.g. 5/120 → 0.041666…; a percent such as 前10% → 0.10. */
  readonly fraction: number;
  readonly position?: number;
  readonly size?: number;
}

/** Political status, folded to what the rules need. */
export type PoliticalStatus = "party" | "probationary" | "league" | "other";

/** Student level; only `undergraduate`/`junior` (本科/专科) need a rank. */
export type StudentLevel = "undergraduate" | "junior" | "master" | "doctor";

// ---------------------------------------------------------------------------------------------
// Typed records, one per data row (built by engine/read from recognised tables)
// ---------------------------------------------------------------------------------------------

/** Where a record came from, so findings can point at its cells. */
export interface RecordOrigin {
  readonly sheet: string;
  /** 1-based Excel row. */
  readonly row: number;
}

/** The student a row names: every table that lists people has both columns (either may be blank). */
export interface StudentRef {
  readonly name: Parsed<string>;
  readonly studentId: Parsed<string>;
}

/** A staff member (one roster row). */
export interface StaffRecord extends RecordOrigin, StudentRef {
  readonly college: Parsed<string>;
  readonly major: Parsed<string>;
  /** Year of enrolment, e.g. 2021 from "2021级". */
  readonly grade: Parsed<number>;
  readonly level: Parsed<StudentLevel>;
  readonly title: Parsed<string>;
  readonly department: Parsed<string>;
  /** The original label (e.g. "共青团员") and its folded status. */
  readonly political: Parsed<{ readonly label: string; readonly status: PoliticalStatus }>;
  readonly rank: Parsed<Rank>;
  /** Number of failed courses (a yes/no cell gives 1/0). */
  readonly failed: Parsed<number>;
  /** Selection route as written (for indicator 9), when the roster records it. */
  readonly route: Parsed<string>;
}

/** One participant in one activity session. */
export interface ActivityRecord extends RecordOrigin, StudentRef {
  readonly date: Parsed<IsoDate>;
  readonly activity: Parsed<string>;
  readonly category: Parsed<string>;
  readonly hours: Parsed<number>;
  readonly department: Parsed<string>;
}

/** One congress delegate. */
export interface DelegateRecord extends RecordOrigin, StudentRef {
  readonly college: Parsed<string>;
  readonly class: Parsed<string>;
  readonly nominatedBy: Parsed<string>;
  readonly isOfficer: Parsed<boolean>;
}

/** The four official political categories, in the order the 自评表 and 组织架构 list them. */
export const POLITICAL_CATEGORIES = ["中共党员", "中共预备党员", "共青团员", "群众"] as const;

/** One official political category. */
export type PoliticalCategory = (typeof POLITICAL_CATEGORIES)[number];

/** The five review dimensions, in the order the rules name them. */
export const REVIEW_SCORES = [
  "scorePolitical",
  "scoreConduct",
  "scoreStudy",
  "scoreWork",
  "scoreDiscipline",
] as const;

/** One review (述职评议) result of one person in one term: a score per dimension, a total, a result. */
export interface ReviewRecord
  extends RecordOrigin, StudentRef, Readonly<Record<(typeof REVIEW_SCORES)[number], Parsed<number>>> {
  readonly title: Parsed<string>;
  readonly term: Parsed<string>;
  readonly total: Parsed<number>;
  readonly result: Parsed<string>;
}

/** One meeting or training. */
export interface MeetingRecord extends RecordOrigin {
  readonly date: Parsed<IsoDate>;
  readonly type: Parsed<string>;
  readonly topic: Parsed<string>;
  readonly attendance: Parsed<number>;
}

/** One key/value row of the settings sheet, as written. */
export interface SettingsEntry extends RecordOrigin {
  readonly key: string;
  readonly value: RawCell;
}

// ---------------------------------------------------------------------------------------------
// Output: findings
// ---------------------------------------------------------------------------------------------

/**
 * Each rule's message parameters, by rule id. The interface is empty here: every rule file adds its
 * own entry (TypeScript declaration merging, `declare module "../types"`), so the id list and the
 * parameter types are the rules' own, and this file imports no rule.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each rule file
export interface RuleParamsById {}

/** A stable rule id such as `staff.academic-rank` (the public contract of the JSON report; never rename one). */
export type RuleId = keyof RuleParamsById & string;

/** How bad a finding is. */
export type Severity = "error" | "warning" | "info";

/** A value a finding quotes or a message parameter: always JSON-safe. */
export type FindingValue = string | number | boolean | null;

/** The params of a finding whose rule failed on data it did not expect (the run went on). */
export type InternalFailure = { readonly reason: "internal"; readonly detail: string };

/**
 * One problem found by one rule, with that rule's typed params. Plain data with no prose: messages
 * are rendered from `rule` and `params` by the rule's own messages in the user's language.
 */
export type FindingOf<Id extends RuleId> = {
  readonly rule: Id;
  readonly severity: Severity;
  /** Location; aggregate findings (e.g. a total over a cap) have a sheet at most. */
  readonly sheet?: string;
  /** 1-based Excel row, as the user sees it. */
  readonly row?: number;
  /** The column's header text as written in the sheet. */
  readonly column?: string;
  /** A1-style address within `sheet`, e.g. `"F7"`. */
  readonly cell?: string;
  /** The offending value, as text or number. */
  readonly value?: FindingValue;
  /** Whatever else the message needs: limits, counts, the first row of a duplicate… */
  readonly params?: RuleParamsById[Id] | InternalFailure;
};

/** One problem found: a finding of any rule (a union over the rule ids, so `rule` narrows `params`). */
export type Finding = { readonly [Id in RuleId]: FindingOf<Id> }[RuleId];

// ---------------------------------------------------------------------------------------------
// Output: figures
// ---------------------------------------------------------------------------------------------

/** Sessions, person-times and hours of some slice of the activity log. */
export interface ActivityTotals {
  readonly sessions: number;
  readonly personTimes: number;
  readonly hours: number;
}

/** Every figure the self-assessment needs; `null` where the sheets cannot give it. */
export interface Stats {
  /**
   * The roster's figures. Populations (docs/report-format.md): `total`, the political counts and
   * `eligible` count roster rows (as rules 3, 7 and 8 judge them); `people`, `presidium`, the
   * departments and `titles` count distinct people (a repeated student id once).
   */
  readonly staff: {
    /** Roster data rows. */
    readonly total: number;
    /** Distinct people on the roster. */
    readonly people: number;
    readonly presidium: number;
    readonly departmentCount: number;
    /** Department name → heads and other members (presidium not included). */
    readonly departments: Readonly<Record<string, { readonly heads: number; readonly members: number }>>;
    /** Rows of Party (incl. probationary) or League members. */
    readonly partyOrLeague: number;
    /** Rows per official category: 中共党员, 中共预备党员, 共青团员, 群众 (all four keys). */
    readonly political: Readonly<Record<PoliticalCategory, number>>;
    /** Political statuses that are none of the four, as written → rows. */
    readonly politicalUnrecognised: Readonly<Record<string, number>>;
    /** Rows whose political status is blank or unreadable. */
    readonly politicalMissing: number;
    /** Roster rows that pass every eligibility check (status, rank, failed courses): 资格审查's 是. */
    readonly eligible: number;
    /**
     * Roster rows by the state of each eligibility check (pass, fail, exempt, unknown), as
     * 资格审查 shows them and 自评表 items 7 and 8 and the report sentence count them.
     */
    readonly checks: Readonly<
      Record<
        "political" | "rank" | "failed",
        Readonly<Record<"pass" | "fail" | "exempt" | "unknown", number>>
      >
    >;
    /** Title as written → count. */
    readonly titles: Readonly<Record<string, number>>;
  } | null;
  readonly activities:
    | (ActivityTotals & {
        readonly distinctPeople: number;
        readonly firstDate: IsoDate | null;
        readonly lastDate: IsoDate | null;
        readonly byCategory: Readonly<Record<string, ActivityTotals>>;
        /** `YYYY-MM` → totals, months in order. */
        readonly byMonth: Readonly<Record<string, ActivityTotals>>;
        /** Activity name → totals. */
        readonly byActivity: Readonly<Record<string, ActivityTotals>>;
        /**
         * The activities counted as volunteer service (志愿服务; how it is decided:
         * docs/report-format.md), summed over `byActivity`, or null when none is.
         */
        readonly volunteer: (ActivityTotals & { readonly activities: number }) | null;
        /** Whether any row records readable hours: without, the hours figures are 0 and unknown. */
        readonly hoursRecorded: boolean;
      })
    | null;
  readonly congress: {
    readonly delegates: number;
    readonly enrollment: number | null;
    /** delegates / enrollment, or null without enrollment. */
    readonly ratio: number | null;
    /** Share of delegates who are not union officers (0..1), or null without delegates. */
    readonly nonOfficerShare: number | null;
    readonly date: IsoDate | null;
    readonly session: string | null;
  } | null;
  readonly reviews: {
    /** Person-terms that must be reviewed (presidium and heads × required terms). */
    readonly required: number;
    /** Of those, how many have a review. */
    readonly done: number;
    readonly terms: readonly string[];
  } | null;
  readonly meetings: {
    readonly trainings: number;
    readonly chairsMeetings: number;
    /** `YYYY-MM` of period months with no chairs' meeting. */
    readonly monthsWithoutChairsMeeting: readonly string[];
  } | null;
}

// ---------------------------------------------------------------------------------------------
// Output: the self-assessment table (自评表)
// ---------------------------------------------------------------------------------------------

/** 是 / 否 / 待确认 — yes, no, or cannot be decided from the sheets. */
export type Verdict = "yes" | "no" | "unknown";

/** One row of the self-assessment table. */
export interface Indicator {
  /** Stable id, e.g. `"1"` … `"11"`, or `"congress.delegates"` for rules without a table number. */
  readonly id: string;
  /** ★ core, ▲ observed, or none. */
  readonly mark: "core" | "observed" | null;
  readonly verdict: Verdict;
  /** Facts for the 备注 column, as message keys with parameters (rendered per language). */
  readonly notes: ReadonlyArray<{
    readonly key: string;
    readonly params?: Readonly<Record<string, FindingValue>>;
  }>;
  /** Rules whose findings decide this indicator. */
  readonly rules: readonly RuleId[];
}

// ---------------------------------------------------------------------------------------------
// Output: summary sheets, described as data and rendered by each adapter
// ---------------------------------------------------------------------------------------------

/** How a summary column's numbers are shown. */
export type ColumnFormat = "text" | "integer" | "decimal1" | "decimal2" | "percent" | "date";

/** A link from a summary cell to a cell of the workbook (always inside the workbook). */
export interface CellLink {
  readonly sheet: string;
  readonly cell: string;
}

/** A summary cell: text (always written as text, never as a formula), a number, a blank, or a link. */
export type SummaryCell = string | number | null | { readonly text: string; readonly link: CellLink };

/** A block of a summary sheet: an optional caption line, then a header row and data rows. */
export interface SummaryBlock {
  /** Stable id, e.g. `"by-month"` (used for the chart and by tests). */
  readonly id: string;
  readonly caption?: string;
  readonly columns: ReadonlyArray<{
    readonly header: string;
    readonly width?: number;
    readonly format?: ColumnFormat;
  }>;
  readonly rows: ReadonlyArray<ReadonlyArray<SummaryCell>>;
  /** Render as an Excel table (banded rows, filter buttons). */
  readonly asTable?: boolean;
}

/** A chart over one block: categories from one column, values from another. */
export interface SummaryChart {
  readonly kind: "column" | "line";
  readonly title: string;
  readonly block: string;
  readonly categoryColumn: number;
  readonly valueColumn: number;
}

/** Which of our sheets this is, independent of its (localised) name. */
export type SummarySheetId = "assessment" | "problems" | "eligibility" | "structure" | "activity" | "report";

/**
 * How a summary sheet prints (built by `engine/summary/page.ts`, carried out by both writers).
 * Margins are in inches; footer parts are plain text where `{page}` and `{pages}` stand for the
 * page number and the page count.
 */
export interface PageSetup {
  readonly paper: "A4";
  readonly orientation: "portrait" | "landscape";
  /** Pages wide: always one. */
  readonly fitToWidth: 1;
  /** Pages tall: 1 for a one-page sheet, 0 for as many as the rows need. */
  readonly fitToHeight: number;
  /** 1-based rows repeated at the top of every printed page, or null. */
  readonly titleRows: { readonly first: number; readonly last: number } | null;
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  readonly footer: { readonly left: string; readonly center: string; readonly right: string };
}

/** One summary sheet as plain data: the xlsx and Office adapters both render this. */
export interface SummarySheet {
  readonly id: SummarySheetId;
  /** Sheet name, e.g. 自评表 (an adapter may add a suffix when a user sheet has this name). */
  readonly name: string;
  /** A title line written in A1. */
  readonly title: string;
  /** Blocks written one under another with a blank row between. */
  readonly blocks: readonly SummaryBlock[];
  /** Rows/columns to freeze (e.g. the header of a single-block sheet). */
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly charts?: readonly SummaryChart[];
  /** How the sheet prints; absent: the writer's defaults. */
  readonly page?: PageSetup;
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** What the recognition made of one sheet, for the JSON report and the pane's status list. */
export interface TableInfo {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly headerRow: number;
  readonly rows: number;
  readonly source: RecognitionSource;
}

/** Languages of messages and summary sheets. */
export type Lang = "zh" | "en";

/** The result of one check: always returned, never thrown. */
export interface Report {
  readonly version: string;
  readonly file?: string;
  readonly tables: readonly TableInfo[];
  readonly findings: readonly Finding[];
  readonly stats: Stats;
  readonly indicators: readonly Indicator[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
  /** Every setting that differs from the default, with its source (see ./settingSources.ts). */
  readonly settingSources?: readonly SettingSourceEntry[];
}

/** One setting that differs from the default: its key, value, source layer, and whether it loosens a rule limit. */
export interface SettingSourceEntry {
  readonly key: string;
  readonly value: unknown;
  readonly source: "sheet" | "state" | "config";
  readonly loosened: boolean;
}

// ---------------------------------------------------------------------------------------------
// Between the reader and the rules
// ---------------------------------------------------------------------------------------------

/** What `engine/read` makes of a workbook: recognised tables, typed records and reading findings. */
export interface ReadResult {
  readonly tables: readonly RecognizedTable[];
  readonly staff: readonly StaffRecord[];
  readonly activities: readonly ActivityRecord[];
  readonly delegates: readonly DelegateRecord[];
  readonly reviews: readonly ReviewRecord[];
  readonly meetings: readonly MeetingRecord[];
  /** Every row of the settings sheet as written, including keys ziping does not use. */
  readonly settingsEntries: readonly SettingsEntry[];
  /** The settings sheet's recognised keys, parsed (unreadable values are left out and reported). */
  readonly sheetSettings: SettingsInput;
  /**
   * Findings from reading: `table.missing`, `table.missing-column`, `settings.invalid-value`.
   * Cell-level problems are not reported here: a record's field is `invalid` or `blank` and the
   * rules decide whether that matters.
   */
  readonly findings: readonly Finding[];
}

/** Options of one check run. */
export interface CheckOptions {
  /** Settings from the `--config` file or the pane; they override the settings sheet. */
  readonly settings?: SettingsInput;
  /**
   * Where `settings` came from (the saved state, then `--config`), so the report names each
   * setting's source; without it `settings` counts as given from outside (`config`).
   */
  readonly layers?: { readonly state?: SettingsInput; readonly config?: SettingsInput };
  /** The user's corrections of sheet kinds. */
  readonly overrides?: readonly KindOverride[];
  /** Today's date (the default assessment date), injected so runs are reproducible. */
  readonly today: IsoDate;
  /** The file name, for the report. */
  readonly file?: string;
}

/** Everything one check produced: the report and what it was computed from. */
export interface CheckResult {
  readonly report: Report;
  readonly read: ReadResult;
  readonly settings: Settings;
}
