/**
 * One set of figures: every number the summary sheets, the report sentences and the Word draft
 * show is one of the figures of `report.stats` (or the settings it was judged by, or a sum or share
 * of figures), for every sample and golden workbook. The tables are checked cell by cell; running
 * text number by number.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbookBytes } from "../../src/adapters/xlsx/stream";
import {
  buildSummarySheets,
  check,
  POLITICAL_CATEGORIES,
  reportDocument,
  reportSentences,
  type CheckResult,
  type SummaryBlock,
  type SummarySheet,
} from "../../src/engine";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, ROOT, TODAY } from "./cli";

const GOLDEN = path.join(ROOT, "test", "golden");
const FILES = [
  MAIN_SAMPLE,
  PROBLEMS_SAMPLE,
  ...readdirSync(GOLDEN)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(GOLDEN, f)),
];

/** Every number in a value (recursively), with the digit runs of its strings and keys. */
function numbersIn(value: unknown, out: Set<number>): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return;
    out.add(round(value));
    // Shares are shown as percents (78.26%, 1%).
    if (Math.abs(value) <= 1.5) out.add(round(value * 100));
  } else if (typeof value === "string") {
    for (const m of value.matchAll(/\d+(?:\.\d+)?/g)) out.add(round(Number(m[0])));
  } else if (Array.isArray(value)) {
    for (const v of value) numbersIn(v, out);
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      numbersIn(k, out);
      numbersIn(v, out);
    }
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The numbers a text may show: the figures, the settings, and sums the tables print. */
function allowedNumbers(result: CheckResult): Set<number> {
  const out = new Set<number>();
  const { stats } = result.report;
  numbersIn(stats, out);
  numbersIn(result.settings, out);
  const depts = Object.values(stats.staff?.departments ?? {});
  const heads = depts.reduce((s, d) => s + d.heads, 0);
  const members = depts.reduce((s, d) => s + d.members, 0);
  for (const x of [heads, members, heads + members, ...depts.map((d) => d.heads + d.members)]) out.add(x);
  if (stats.reviews) out.add(stats.reviews.required - Math.min(stats.reviews.done, stats.reviews.required));
  // Item numbers of the 自评表 and list numbers (1.–N.) name places, not figures.
  for (let i = 1; i <= 20; i++) out.add(i);
  out.add(result.report.summary.errors).add(result.report.summary.warnings).add(result.report.summary.infos);
  return out;
}

/** The numbers of a text; dates (2022年5月21日, 3月8日) are places in time, not figures. */
function textNumbers(text: string): number[] {
  const undated = text.replace(/(\d{4}年)?\d{1,2}月\d{1,2}日/g, "");
  return [...undated.matchAll(/\d+(?:\.\d+)?/g)].map((m) => round(Number(m[0])));
}

function block(sheet: SummarySheet | undefined, id: string): SummaryBlock {
  const b = sheet?.blocks.find((x) => x.id === id);
  if (!b) throw new Error(`no block ${id} on ${sheet?.id}`);
  return b;
}

describe.each(FILES.map((file) => ({ file, name: path.basename(file) })))("figures of $name", ({ file }) => {
  let result: CheckResult;
  let sheets: SummarySheet[];
  const sheet = (id: SummarySheet["id"]) => sheets.find((s) => s.id === id);
  beforeAll(async () => {
    result = check(await readWorkbookBytes(readFileSync(file)), { today: TODAY });
    sheets = buildSummarySheets(result, "zh");
  });

  it("组织架构 shows the figures: totals, the four political categories adding up to 总人数, departments", () => {
    const staff = result.report.stats.staff;
    if (!staff) return expect(sheet("structure")?.blocks[0]?.rows).toHaveLength(1);
    const s = sheet("structure");
    expect(
      block(s, "totals")
        .rows.slice(0, 4)
        .map((r) => r[1]),
    ).toEqual([staff.total, staff.people, staff.presidium, staff.departmentCount]);
    const political = block(s, "political").rows;
    for (const c of POLITICAL_CATEGORIES)
      expect(political.find((r) => r[0] === c)?.[1]).toBe(staff.political[c]);
    const listed = political.slice(0, -1).reduce((sum, r) => sum + Number(r[1]), 0);
    expect(listed).toBe(staff.total);
    expect(political.at(-1)?.[1]).toBe(staff.total);
    for (const row of block(s, "departments").rows.slice(0, -1)) {
      const d = staff.departments[String(row[0])];
      expect([row[1], row[3]]).toEqual([d?.heads, d?.members]);
    }
  });

  it("活动统计 shows the figures: totals, by month, by activity", () => {
    const acts = result.report.stats.activities;
    if (!acts) return;
    const s = sheet("activity");
    expect(block(s, "totals").rows[0]?.slice(0, 4)).toEqual([
      acts.sessions,
      acts.personTimes,
      acts.distinctPeople,
      acts.hours,
    ]);
    const months = Object.keys(acts.byMonth).sort();
    block(s, "by-month").rows.forEach((row, i) => {
      const m = acts.byMonth[months[i] as string];
      expect(row.slice(1)).toEqual([m?.sessions, m?.personTimes, m?.hours]);
    });
    for (const row of block(s, "by-activity").rows) {
      const a = acts.byActivity[String(row[0])];
      expect(row.slice(1, 4)).toEqual([a?.sessions, a?.personTimes, a?.hours]);
    }
  });

  it("资格审查 and 自评表 items 3, 4, 5, 7 say the figures", () => {
    const staff = result.report.stats.staff;
    if (!staff) return;
    expect(sheet("eligibility")?.title).toContain(`${staff.total}人中${staff.eligible}人合格`);
    const notes = new Map(
      block(sheet("assessment"), "indicators").rows.map((r) => [r[0], String(r[3] ?? "")]),
    );
    if (/实有/.test(notes.get(3) ?? "")) expect(notes.get(3)).toContain(`实有${staff.total}人`);
    if (/实有/.test(notes.get(4) ?? "")) expect(notes.get(4)).toContain(`实有${staff.presidium}人`);
    if (/实有/.test(notes.get(5) ?? "")) expect(notes.get(5)).toContain(`实有${staff.departmentCount}个`);
    const item7 = textNumbers(notes.get(7) ?? "");
    if (item7.length > 0) expect(item7).toContain(staff.partyOrLeague);
  });

  it("every number of the 自评表 备注, the report sentences and the Word draft is a figure", () => {
    const allowed = allowedNumbers(result);
    const texts: Array<[string, string]> = [];
    for (const s of sheets.filter((x) => x.id === "assessment"))
      for (const b of s.blocks)
        for (const r of b.rows) texts.push([`自评表 ${String(r[1]).slice(0, 12)}`, String(r[3] ?? "")]);
    for (const s of reportSentences(result, "zh")) texts.push([`报告要点 ${s.topic}`, s.text]);
    const doc = reportDocument(result, "zh");
    for (const sec of doc.sections)
      for (const p of sec.paragraphs) texts.push([`docx ${sec.heading}`, p.text]);
    for (const p of doc.plan) texts.push(["docx plan", p.text]);
    const strays = texts.flatMap(([where, text]) =>
      textNumbers(text)
        .filter((x) => !allowed.has(x))
        .map((x) => `${where}: ${x} in “${text}”`),
    );
    expect(strays).toEqual([]);
  });
});
