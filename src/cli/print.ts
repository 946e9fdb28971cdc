/**
 * The console view of a report: findings grouped by rule (title and count, then each message with
 * its place), then the key figures of the self-assessment. Colour only when asked for.
 */
import {
  formatFinding,
  RULE_IDS,
  ruleTitle,
  tableLabel,
  describeSettingSource,
  textWidth,
  type Finding,
  type Lang,
  type Report,
  type RuleId,
} from "../engine";
import { cliMessages, type FigureKey } from "./messages";

/** How many findings of one rule are printed before "… and N more". */
export const MAX_PER_RULE = 20;

/** ANSI colours, or none. */
export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;

/** Colours for a terminal, or identity functions. */
export function paint(enabled: boolean): Paint {
  if (!enabled) {
    const id = (s: string) => s;
    return { red: id, yellow: id, cyan: id, bold: id, dim: id };
  }
  return { red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

// C0 and C1 control characters (ESC starts terminal escape sequences), DEL, and the bidirectional
// controls that reorder what follows them on screen (U+202E makes "exe.txt" read as "txt.exe").
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A character that must not reach a terminal, shown visibly as its code point (`<U+202E>`). */
function visible(c: string): string {
  if (c === "\n" || c === "\r" || c === "\t") return " ";
  return `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}>`;
}

/**
 * Text from the workbook or the file system made safe for a terminal: control characters (escape
 * sequences that could clear the screen, set the window title or fake output) and bidi controls
 * are shown as `<U+XXXX>`; line breaks and tabs become spaces. Single-file and batch mode both
 * print workbook and file names through this.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, visible);
}

// Our own colours: SGR sequences (ESC [ digits m) and nothing else.
// eslint-disable-next-line no-control-regex -- matching the escape character is the point here
const OWN_COLOUR = /\u001b\[[0-9;]*m/y;

/**
 * The last gate before a terminal: everything the CLI writes passes through here, so a text that
 * missed {@link printable} still cannot move the cursor, retitle the window or reorder the line.
 * Keeps line breaks, tabs and the colour sequences {@link paint} produces.
 */
export function terminalSafe(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x09) continue;
    const unsafe =
      c < 0x20 ||
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x061c ||
      c === 0x200e ||
      c === 0x200f ||
      (c >= 0x202a && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069);
    if (!unsafe) continue;
    if (c === 0x1b) {
      OWN_COLOUR.lastIndex = i;
      const m = OWN_COLOUR.exec(text);
      if (m) {
        i += m[0].length - 1;
        continue;
      }
    }
    out += text.slice(from, i) + (c === 0x0d ? "" : visible(text[i] as string));
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Where a finding is, as `Sheet!F7`, `Sheet!7` (row only) or `Sheet`; "" for workbook-wide findings. */
export function place(f: Finding): string {
  if (f.sheet === undefined) return "";
  if (f.cell !== undefined) return `${f.sheet}!${f.cell}`;
  if (f.row !== undefined) return `${f.sheet}!${f.row}`;
  return f.sheet;
}

const RULE_ORDER = new Map<RuleId, number>(RULE_IDS.map((r, i) => [r, i]));

/** The findings section. */
export function formatFindings(report: Report, lang: Lang, p: Paint): string[] {
  const m = cliMessages(lang);
  const { errors, warnings, infos } = report.summary;
  const counts = m.counts(errors, warnings, infos);
  const lines = [
    p.bold(lang === "zh" ? `${m.heading.findings}（${counts}）` : `${m.heading.findings} (${counts})`),
  ];
  if (report.findings.length === 0) {
    lines.push(`  ${m.noFindings}`);
    return lines;
  }
  const groups = new Map<RuleId, Finding[]>();
  for (const f of report.findings) {
    const list = groups.get(f.rule);
    if (list) list.push(f);
    else groups.set(f.rule, [f]);
  }
  const ordered = [...groups].sort((a, b) => (RULE_ORDER.get(a[0]) ?? 99) - (RULE_ORDER.get(b[0]) ?? 99));
  for (const [rule, list] of ordered) {
    const worst = list.some((f) => f.severity === "error")
      ? "error"
      : list.some((f) => f.severity === "warning")
        ? "warning"
        : "info";
    const colour = worst === "error" ? p.red : worst === "warning" ? p.yellow : p.cyan;
    const mark = worst === "error" ? "✖" : worst === "warning" ? "▲" : "ℹ";
    lines.push("");
    lines.push(
      `${colour(`${mark} ${ruleTitle(rule, lang)}`)} ${p.dim(`[${rule}]`)} × ${list.length} ${p.dim(m.severity[worst])}`,
    );
    for (const f of list.slice(0, MAX_PER_RULE)) {
      const where = printable(place(f));
      lines.push(`    ${where ? `${p.bold(where)}  ` : ""}${printable(formatFinding(f, lang))}`);
    }
    if (list.length > MAX_PER_RULE) lines.push(`    ${p.dim(m.more(list.length - MAX_PER_RULE))}`);
  }
  return lines;
}

/** The recognised tables, one line. */
export function formatTables(report: Report, lang: Lang): string[] {
  const m = cliMessages(lang);
  if (report.tables.length === 0) return [];
  const sep = lang === "zh" ? "；" : "; ";
  const items = report.tables.map((t) =>
    lang === "zh"
      ? `${t.sheet}（${tableLabel(t.kind, lang)}，${m.rows(t.rows)}）`
      : `${t.sheet} (${tableLabel(t.kind, lang)}, ${m.rows(t.rows)})`,
  );
  return [`${m.heading.tables}${lang === "zh" ? "：" : ": "}${printable(items.join(sep))}`];
}

/** Settings-sheet rows ziping does not use: shown, so people see they were kept, not rejected. */
export function formatOtherSettings(
  entries: ReadonlyArray<{ readonly key: string; readonly value: string }>,
  lang: Lang,
): string[] {
  if (entries.length === 0) return [];
  const m = cliMessages(lang);
  const items = entries.map((e) => `${e.key}${lang === "zh" ? "：" : ": "}${e.value}`);
  return [
    `${m.heading.otherSettings}${lang === "zh" ? "：" : ": "}${printable(items.join(lang === "zh" ? "；" : "; "))}`,
  ];
}

/** A share as a percent; the delegate ratio gets three decimals so 1.003% is not shown as 1.00%. */
function percentText(ratio: number | null, decimals = 2): string | null {
  return ratio === null || !Number.isFinite(ratio) ? null : `${(ratio * 100).toFixed(decimals)}%`;
}

/** Hours without float noise (2034.5, not 2034.4999999). */
function hoursText(h: number): number {
  return Math.round(h * 100) / 100;
}

/** The key figures section. */
export function formatFigures(report: Report, lang: Lang, p: Paint): string[] {
  const m = cliMessages(lang);
  const { stats } = report;
  const rows: Array<[FigureKey, string]> = [];
  const sep = lang === "zh" ? "，" : ", ";
  if (stats.staff) {
    const s = stats.staff;
    rows.push(["staff", m.people(s.total)]);
    rows.push(["presidium", m.people(s.presidium)]);
    const depts = Object.entries(s.departments).map(([name, d]) =>
      lang === "zh"
        ? `${name}（${m.headsMembers(d.heads, d.members)}）`
        : `${name} (${m.headsMembers(d.heads, d.members)})`,
    );
    rows.push([
      "departments",
      `${m.units(s.departmentCount)}${depts.length > 0 ? `${lang === "zh" ? "：" : ": "}${depts.join(lang === "zh" ? "、" : "; ")}` : ""}`,
    ]);
    const political = Object.entries(s.political).map(([label, n]) => `${label} ${n}`);
    rows.push(["political", political.length > 0 ? political.join(sep) : m.none]);
    rows.push(["eligible", `${m.people(s.eligible)} / ${m.people(s.total)}`]);
  }
  if (stats.activities) {
    const a = stats.activities;
    rows.push([
      "activities",
      [m.sessions(a.sessions), m.personTimes(a.personTimes), m.hours(hoursText(a.hours))].join(sep),
    ]);
    const top = Object.entries(a.byActivity).sort(
      (x, y) => y[1].sessions - x[1].sessions || (x[0] < y[0] ? -1 : 1),
    );
    for (const [i, [name, t]] of top.slice(0, 5).entries()) {
      rows.push([
        i === 0 ? "byActivity" : "blank",
        `“${name}” ${[m.sessions(t.sessions), m.personTimes(t.personTimes), m.hours(hoursText(t.hours))].join(sep)}`,
      ]);
    }
    rows.push(["people", m.people(a.distinctPeople)]);
  }
  if (stats.congress) {
    const c = stats.congress;
    rows.push([
      "delegates",
      `${m.people(c.delegates)}${c.enrollment !== null ? ` / ${m.people(c.enrollment)}` : ""}`,
    ]);
    const ratio = percentText(c.ratio, 3);
    if (ratio !== null) rows.push(["ratio", ratio]);
    const share = percentText(c.nonOfficerShare);
    if (share !== null) rows.push(["nonOfficer", share]);
    const session = c.session ? (lang === "zh" ? `（${c.session}）` : ` (${c.session})`) : "";
    rows.push(["congressDate", `${c.date ?? m.none}${session}`]);
  }
  if (stats.reviews) rows.push(["reviews", m.done(stats.reviews.done, stats.reviews.required)]);
  if (stats.meetings) {
    const mt = stats.meetings;
    rows.push(["trainings", m.sessions(mt.trainings)]);
    rows.push(["chairs", m.sessions(mt.chairsMeetings)]);
    if (mt.monthsWithoutChairsMeeting.length > 0)
      rows.push(["monthsWithout", mt.monthsWithoutChairsMeeting.join(sep)]);
  }
  const width = Math.max(...rows.map(([k]) => textWidth(m.figure[k])));
  return [
    p.bold(m.heading.figures),
    ...rows.map(([k, v]) => `  ${m.figure[k]}${" ".repeat(width - textWidth(m.figure[k]))}  ${printable(v)}`),
  ];
}

/** Everything printed for one checked file (with the settings-sheet rows ziping does not use). */
/** Every setting that differs from the default, with its source; loosened limits stand out. */
export function formatSettingSources(report: Report, lang: Lang, p: Paint): string[] {
  const sources = report.settingSources ?? [];
  if (sources.length === 0) return [];
  const m = cliMessages(lang);
  const items = sources.map((s) => {
    const text = printable(describeSettingSource(s, lang));
    return s.loosened ? p.yellow(text) : text;
  });
  return [
    `${m.heading.settingSources}${lang === "zh" ? "：" : ": "}${items.join(lang === "zh" ? "；" : "; ")}`,
  ];
}

export function formatReport(
  report: Report,
  lang: Lang,
  p: Paint,
  otherSettings: ReadonlyArray<{ readonly key: string; readonly value: string }> = [],
): string {
  const m = cliMessages(lang);
  const title = p.bold(`ziping ${report.version} — ${printable(report.file ?? "")}`);
  const verdict = report.summary.errors > 0 ? p.red(m.verdict(report.summary.errors)) : m.verdict(0);
  return [
    title,
    ...formatTables(report, lang),
    ...formatOtherSettings(otherSettings, lang),
    ...formatSettingSources(report, lang, p),
    "",
    ...formatFindings(report, lang, p),
    "",
    ...formatFigures(report, lang, p),
    "",
    verdict,
    "",
  ].join("\n");
}
