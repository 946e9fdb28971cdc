/**
 * 资格审查: one row per staff member with each eligibility check (political status, rank, failed
 * courses) as the findings decided it (see model/staffChecks.ts), and a link back to the roster row.
 */
import type {
  CheckResult,
  ColumnFormat,
  DataRow,
  FieldName,
  Lang,
  Parsed,
  Rank,
  SummaryCell,
  SummarySheet,
} from "../types";
import { noDataBlock, rawText } from "./common";
import { summaryLayout } from "./layout";
import { SUMMARY_SHEET_NAMES } from "./names";
import { modelOf, type CheckState, type StaffCheck } from "../model";

const TEXT = {
  zh: {
    title: (ok: number, total: number) => `工作人员资格审查（${total}人中${ok}人合格）`,
    state: { pass: "✓", fail: "✗", exempt: "免", unknown: "?" },
    verdict: { yes: "合格", no: "不合格", unknown: "待核实" },
    none: "未识别到工作人员名单，无法进行资格审查。",
    noneHeader: "说明",
  },
  en: {
    title: (ok: number, total: number) => `Staff eligibility (${ok} of ${total} eligible)`,
    state: { pass: "✓", fail: "✗", exempt: "exempt", unknown: "?" },
    verdict: { yes: "eligible", no: "not eligible", unknown: "to verify" },
    none: "No staff roster recognised; eligibility cannot be reviewed.",
    noneHeader: "Note",
  },
} as const;

type Header = string | ((topPercent: number) => string);

/** The table's columns in order: header per language, width, and format (none: the cell decides). */
const COLUMNS: ReadonlyArray<{
  readonly zh: Header;
  readonly en: Header;
  readonly width: number;
  readonly format?: ColumnFormat;
}> = [
  { zh: "序号", en: "No.", width: 6, format: "integer" },
  { zh: "姓名", en: "Name", width: 10, format: "text" },
  { zh: "学号", en: "Student id", width: 14, format: "text" },
  { zh: "学院", en: "College", width: 16, format: "text" },
  { zh: "职务", en: "Title", width: 12, format: "text" },
  { zh: "部门", en: "Department", width: 16, format: "text" },
  { zh: "政治面貌", en: "Political status", width: 12, format: "text" },
  { zh: "党员或团员", en: "Party or League", width: 10, format: "text" },
  { zh: "专业排名", en: "Rank", width: 12, format: "text" },
  { zh: (p) => `前${p}%`, en: (p) => `Top ${p}%`, width: 9, format: "text" },
  // A number unless the cell was unreadable (then its text), so the cell decides.
  { zh: "不及格门数", en: "Failed courses", width: 10 },
  { zh: "无不及格", en: "No failed course", width: 10, format: "text" },
  { zh: "结论", en: "Result", width: 10, format: "text" },
  { zh: "名单位置", en: "Roster cell", width: 10, format: "text" },
];

interface RosterSheet {
  readonly columns: Map<FieldName, { readonly index: number; readonly letter: string }>;
  readonly rows: Map<number, DataRow>;
}

function rosterSheets(result: CheckResult): Map<string, RosterSheet> {
  const out = new Map<string, RosterSheet>();
  for (const t of result.read.tables) {
    if (t.kind !== "roster" || out.has(t.sheet)) continue;
    const columns = new Map<FieldName, { index: number; letter: string }>();
    for (const c of t.columns) if (!columns.has(c.field)) columns.set(c.field, c);
    out.set(t.sheet, { columns, rows: new Map(t.rows.map((r) => [r.row, r])) });
  }
  return out;
}

function text(p: Parsed<string>): string | null {
  if (p.state === "ok") return p.value;
  return p.state === "invalid" ? p.raw : null;
}

function rankFallback(p: Parsed<Rank>): string | null {
  if (p.state === "invalid") return p.raw;
  if (p.state === "blank") return null;
  const r = p.value;
  return r.position !== undefined && r.size !== undefined
    ? `${r.position}/${r.size}`
    : `${Math.round(r.fraction * 10000) / 100}%`;
}

/** Build the 资格审查 sheet (an Excel table with a frozen header). */
export function eligibilitySheet(result: CheckResult, lang: Lang): SummarySheet {
  const t = TEXT[lang];
  const base = { id: "eligibility" as const, name: SUMMARY_SHEET_NAMES.eligibility[lang] };
  const hasRoster = result.read.tables.some((tb) => tb.kind === "roster") || result.read.staff.length > 0;
  if (!hasRoster) {
    return { ...base, title: t.title(0, 0), blocks: [noDataBlock("eligibility", t.none, t.noneHeader)] };
  }
  const checks = modelOf(result).staffChecks;
  const sheets = rosterSheets(result);
  const state = (s: CheckState): string => t.state[s];

  const rowOf = (c: StaffCheck, i: number): SummaryCell[] => {
    const s = c.staff;
    const sheet = sheets.get(s.sheet);
    const raw = (field: FieldName): string | null => {
      const col = sheet?.columns.get(field);
      return col ? rawText(sheet?.rows.get(s.row)?.cells[col.index]) : null;
    };
    const linkColumn = sheet?.columns.get("name")?.letter ?? "A";
    const failedCount: SummaryCell =
      s.failed.state === "ok" ? s.failed.value : s.failed.state === "invalid" ? s.failed.raw : null;
    return [
      i + 1,
      text(s.name),
      text(s.studentId),
      text(s.college),
      text(s.title),
      text(s.department),
      s.political.state === "ok"
        ? s.political.value.label
        : s.political.state === "invalid"
          ? s.political.raw
          : null,
      state(c.political),
      raw("rank") ?? rankFallback(s.rank),
      state(c.rank),
      failedCount,
      state(c.failed),
      t.verdict[c.eligible],
      { text: `${linkColumn}${s.row}`, link: { sheet: s.sheet, cell: `${linkColumn}${s.row}` } },
    ];
  };

  const topPercent = result.settings.rankTopPercent;
  // The title's numbers are the figures (stats.staff), the same checks summed.
  const eligible = result.report.stats.staff?.eligible ?? 0;
  const blocks = [
    {
      id: "eligibility",
      columns: COLUMNS.map(({ [lang]: header, width, format }) => ({
        header: typeof header === "string" ? header : header(topPercent),
        width,
        ...(format ? { format } : {}),
      })),
      rows: checks.map(rowOf),
      asTable: true,
    },
  ];
  return {
    ...base,
    title: t.title(eligible, result.report.stats.staff?.total ?? checks.length),
    blocks,
    freeze: { rows: summaryLayout({ blocks })[0]?.headerRow ?? 1, columns: 2 },
  };
}
