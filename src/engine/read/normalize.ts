/**
 * Cell normalisers: one raw cell in, a `Parsed<T>` out. They never throw: a blank cell is
 * `{state:"blank"}`, anything unreadable is `{state:"invalid", raw}` with the cell's text form.
 * They run once per cell of sheets with hundreds of thousands of rows, so each takes the typed fast
 * path first (a number cell needs no regex), allocates nothing beyond its result, and repeated
 * values share one frozen result.
 */
import type { CellError, IsoDate, Parsed, PoliticalStatus, Rank, RawCell, StudentLevel } from "../types";

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/** The one blank result, shared so a sheet of empty cells allocates nothing. */
export const PARSED_BLANK: { readonly state: "blank" } = Object.freeze({ state: "blank" } as const);

function ok<T>(value: T): Parsed<T> {
  return { state: "ok", value };
}

function invalid(raw: RawCell): { readonly state: "invalid"; readonly raw: string } {
  return { state: "invalid", raw: cellText(raw) };
}

// Each parser keeps this many recent results: enough for every college, title or date of a sheet.
const CACHE_SIZE = 4096;
// Long texts rarely repeat, and the cache outlives a run: it must not pin a workbook's essays.
const CACHE_MAX_TEXT = 64;

/**
 * Share one frozen result per distinct text or number: columns such as 学院, 职务 or 日期 repeat a
 * few values down hundreds of thousands of rows, and allocating a result per cell is what costs.
 */
function memoized<T>(parse: (raw: RawCell) => Parsed<T>): (raw: RawCell) => Parsed<T> {
  const cache = new Map<string | number, Parsed<T>>();
  return (raw) => {
    if (typeof raw !== "number" && (typeof raw !== "string" || raw.length > CACHE_MAX_TEXT))
      return parse(raw);
    let result = cache.get(raw);
    if (result !== undefined) return result;
    result = parse(raw);
    if (result.state === "ok" && typeof result.value === "object" && result.value !== null)
      Object.freeze(result.value);
    Object.freeze(result);
    // Clearing (not evicting one by one) keeps the cache cheap; repeated values come back at once.
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(raw, result);
    return result;
  };
}

/** What each kind of cell reads as; `null` or `undefined` makes the cell invalid, a missing kind too. */
interface CellReaders<T> {
  /** Text already normalised (full-width folded, spaces trimmed) and not empty. */
  readonly text: (t: string) => T | null | undefined;
  readonly number?: (n: number) => T | null | undefined;
  readonly boolean?: (b: boolean) => T | null | undefined;
  readonly date?: (d: Date) => T | null | undefined;
}

/**
 * The reading every normaliser shares: blank text and a missing cell are blank, text is normalised
 * before its reader sees it, each other kind of cell goes to its own reader, and what no reader
 * accepts is invalid (with the cell's text, so the user sees what was written).
 */
function readCell<T>(readers: CellReaders<T>): (raw: RawCell) => Parsed<T> {
  return (raw) => {
    let value: T | null | undefined;
    if (typeof raw === "string") {
      const t = normalizeText(raw);
      if (t === "") return PARSED_BLANK;
      value = readers.text(t);
    } else if (raw === null || raw === undefined) return PARSED_BLANK;
    else if (typeof raw === "number") value = readers.number?.(raw);
    else if (typeof raw === "boolean") value = readers.boolean?.(raw);
    else if (isDate(raw)) value = readers.date?.(raw);
    return value === null || value === undefined ? invalid(raw) : ok(value);
  };
}

// Dates may come from another realm (a worker, a jsdom window), where `instanceof Date` fails.
function isDate(raw: unknown): raw is Date {
  return raw instanceof Date || Object.prototype.toString.call(raw) === "[object Date]";
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

// Zero-width characters are invisible in Excel, so they are dropped rather than read as a space.
const ZERO_WIDTH_RE = /[\u200B\u2060\uFEFF]/g;
// JavaScript's \s covers NBSP, U+3000 and the U+2000 block; NEL (U+0085) is added by hand.
const SPACE_RUN_RE = /[\s\u0085]+/g;
const NEEDS_NORMALIZING_RE = /[\uFF01-\uFF5E\s\u0085\u200B\u2060\uFEFF]/;
const FULL_WIDTH_RE = /[\uFF01-\uFF5E]/g;
const HAS_FULL_WIDTH_RE = /[\uFF01-\uFF5E]/;
const BLANK_TEXT_RE = /^[\s\u0085\u200B\u2060\uFEFF]*$/;

/** Map full-width ASCII (U+FF01–FF5E) to half-width, leaving everything else as it is. */
export function toHalfWidth(s: string): string {
  if (!HAS_FULL_WIDTH_RE.test(s)) return s;
  return s.replace(FULL_WIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** True for a cell that holds nothing a reader would see (null, empty or white space only). */
export function isBlankCell(raw: RawCell | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  return typeof raw === "string" && BLANK_TEXT_RE.test(raw);
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  // Integers print exactly (16-digit student ids must survive); fractions lose binary noise.
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function dateText(d: Date): string {
  const t = d.getTime();
  if (Number.isNaN(t)) return "Invalid Date";
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : String(y);
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The text form of any cell: numbers without float noise, dates as YYYY-MM-DD, errors as their text. */
export function cellText(raw: RawCell): string {
  switch (typeof raw) {
    case "string":
      return raw;
    case "number":
      return numberText(raw);
    case "boolean":
      return raw ? "TRUE" : "FALSE";
    default:
      if (raw === null || raw === undefined) return "";
      if (isDate(raw)) return dateText(raw);
      return String((raw as CellError).error ?? "");
  }
}

/** Full-width ASCII to half-width, all Unicode spaces trimmed at both ends and inner runs collapsed. */
export function normalizeText(s: string): string {
  if (!NEEDS_NORMALIZING_RE.test(s)) return s;
  const half = toHalfWidth(s).replace(ZERO_WIDTH_RE, "").replace(SPACE_RUN_RE, " ");
  const start = half.charCodeAt(0) === 32 ? 1 : 0;
  const end = half.length > start && half.charCodeAt(half.length - 1) === 32 ? half.length - 1 : half.length;
  return start === 0 && end === half.length ? half : half.slice(start, end);
}

/** Any cell as normalised text (numbers, booleans and dates in their text form). */
export const parseText: (raw: RawCell) => Parsed<string> = memoized(
  readCell({
    text: (t) => t,
    number: (n) => (Number.isFinite(n) ? numberText(n) : null),
    boolean: (b) => (b ? "TRUE" : "FALSE"),
    date: (d) => (Number.isNaN(d.getTime()) ? null : dateText(d)),
  }),
);

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

const PLAIN_NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER_RE = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A number from already-normalised text, or null; accepts thousands separators and U+2212 minus. */
function numberFromText(t: string): number | null {
  let s = t;
  if (s.charCodeAt(0) === 0x2212) s = "-" + s.slice(1);
  let n: number;
  if (PLAIN_NUMBER_RE.test(s)) n = Number(s);
  else if (GROUPED_NUMBER_RE.test(s)) n = Number(s.replace(/,/g, ""));
  else return null;
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

/** A number: a number cell, or text such as `２１,５００`, `+3`, `−1.5`; NaN and ±Infinity are invalid. */
export const parseNumber: (raw: RawCell) => Parsed<number> = memoized(
  readCell({ number: finiteNumber, text: numberFromText }),
);

/** A finite number, with -0 read as 0. */
function finiteNumber(n: number): number | null {
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}

const HOURS_RE =
  /^(.+?)\s*个?\s*(?:小时|钟头|时|hours?|hrs?|h)(?:\s*(\d+(?:\.\d+)?)\s*(?:分钟|分|minutes?|mins?|m))?$/i;
const MINUTES_RE = /^(\d+(?:\.\d+)?)\s*(?:分钟|minutes?|mins?)$/i;

/** Hours: a number, or text with a unit such as `2小时`, `1.5h`, `2时`, `2 hours`, `1小时30分钟`, `45分钟`. */
export const parseHours: (raw: RawCell) => Parsed<number> = memoized(
  readCell({ number: finiteNumber, text: hoursFromText }),
);

function hoursFromText(t: string): number | null {
  const plain = numberFromText(t);
  if (plain !== null) return plain;
  const m = HOURS_RE.exec(t);
  if (m) {
    const h = numberFromText(m[1] ?? "");
    if (h === null) return null;
    if (m[2] === undefined) return h;
    const min = Number(m[2]);
    // "−1小时30分" has no sensible reading; minutes only add to a non-negative hour count.
    return h >= 0 ? h + min / 60 : null;
  }
  const mm = MINUTES_RE.exec(t);
  return mm ? Number(mm[1]) / 60 : null;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function isoDate(y: number, m: number, d: number): IsoDate | null {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > days) return null;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** Days since 1970-01-01 to a calendar date (Howard Hinnant's civil_from_days): no Date allocated. */
function isoFromDays(z0: number): IsoDate | null {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return isoDate(y, m, d);
}

// Excel serial 25569 is 1970-01-01; serials below 60 sit before Excel's fake 1900-02-29.
const SERIAL_UNIX_EPOCH = 25569;
const MAX_SERIAL = 73415; // 2100-12-31

function dateFromNumber(n: number): IsoDate | null {
  if (!Number.isFinite(n)) return null;
  // A number such as 20220308 is a date typed without separators, never a serial (serials stop at 73415).
  if (n >= 19000101 && n <= 21001231 && Number.isInteger(n)) {
    return isoDate(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  const serial = Math.floor(n);
  if (serial < 1 || serial === 60 || serial > MAX_SERIAL) return null;
  return isoFromDays(serial - SERIAL_UNIX_EPOCH + (serial < 60 ? 1 : 0));
}

const TIME = String.raw`(?:(?:\s+|\s*t\s*)\d{1,2}(?::\d{1,2}(?::\d{1,2}(?:\.\d+)?)?|\s*[时点](?:\s*\d{1,2}\s*分)?)\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?`;
const DATE_SEP_RE = new RegExp(String.raw`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})${TIME}$`, "i");
const DATE_CN_RE = new RegExp(
  String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME.replace("(?:\\s+|\\s*t\\s*)", "\\s*")}$`,
  "i",
);
const DATE_DIGITS_RE = /^\d{8}$/;
const SERIAL_TEXT_RE = /^\d{1,5}(?:\.\d+)?$/;

/**
 * A calendar date as `YYYY-MM-DD`: a Date (its UTC day), an Excel serial (1900 system), or text
 * such as `2022-03-08`, `2022/3/8`, `2022.3.8`, `2022年3月8日`, `2022-03-08 14:30`. Impossible dates
 * are invalid (never rolled over) and only years 1900–2100 are accepted.
 */
export const parseDate: (raw: RawCell) => Parsed<IsoDate> = (raw) =>
  raw instanceof Date ? parseDateCell(raw) : parseDateValue(raw);

const readDate = readCell<IsoDate>({
  number: dateFromNumber,
  text: dateFromText,
  date: (d) =>
    Number.isNaN(d.getTime()) ? null : isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
});

const parseDateValue = memoized(readDate);
// Adapters hand over a new Date per cell, so the shared cache (keyed by text and number) never
// hits on them; a log's dates are a few hundred days, so results are shared by the cell's time
// (which is all a Date's reading depends on) in a cache of their own, where no serial collides.
const dateCellCache = new Map<number, Parsed<IsoDate>>();

function parseDateCell(raw: Date): Parsed<IsoDate> {
  const time = raw.getTime();
  let result = dateCellCache.get(time);
  if (result !== undefined) return result;
  result = Object.freeze(readDate(raw));
  if (dateCellCache.size >= CACHE_SIZE) dateCellCache.clear();
  dateCellCache.set(time, result);
  return result;
}

function dateFromText(t: string): IsoDate | null {
  let m = DATE_SEP_RE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
  m = DATE_CN_RE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (DATE_DIGITS_RE.test(t) || SERIAL_TEXT_RE.test(t)) return dateFromNumber(Number(t));
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rank in major
// ---------------------------------------------------------------------------------------------

const RANK_RATIO_RE = /^第?\s*(\d+)\s*名?\s*\/\s*(\d+)\s*[人名]?$/;
const RANK_PERCENT_RE = /^(?:前|top)?\s*(\d+(?:\.\d+)?)\s*%$/i;
const RANK_POSITION_RE = /^第?\s*(\d+)\s*名?$/;

function rankFromPosition(position: number, size: number): Rank | null {
  if (!Number.isSafeInteger(position) || !Number.isSafeInteger(size)) return null;
  if (position < 1 || size < 1 || position > size) return null;
  return { fraction: position / size, position, size };
}

function rankFromNumber(n: number, size: number | undefined): Rank | null {
  if (!Number.isFinite(n)) return null;
  // With a 专业人数 column a whole number is a position (1 = the top), not a 100% fraction.
  if (size !== undefined && Number.isInteger(n) && n >= 1) return rankFromPosition(n, size);
  if (n > 0 && n <= 1) return { fraction: n };
  return null;
}

const rankParsers = new Map<number | undefined, (raw: RawCell) => Parsed<Rank>>();

/**
 * A rank in the major: `5/120`, `4.2%`, `前10%`, a fraction 0 < x ≤ 1, or a whole-number position
 * when the row's major size is known; anything else (0, a position beyond the size…) is invalid.
 */
export function parseRank(raw: RawCell, majorSize?: Parsed<number>): Parsed<Rank> {
  const size =
    majorSize?.state === "ok" && Number.isSafeInteger(majorSize.value) && majorSize.value >= 1
      ? majorSize.value
      : undefined;
  // A bare position reads differently per major size, so each size has its own cache.
  let parse = rankParsers.get(size);
  if (!parse) {
    if (rankParsers.size >= 256) rankParsers.clear();
    parse = memoized(
      readCell({ number: (n) => rankFromNumber(n, size), text: (t) => rankFromText(t, size) }),
    );
    rankParsers.set(size, parse);
  }
  return parse(raw);
}

function rankFromText(t: string, size: number | undefined): Rank | null {
  const n = numberFromText(t);
  if (n !== null) return rankFromNumber(n, size);
  let m = RANK_RATIO_RE.exec(t);
  if (m) return rankFromPosition(Number(m[1]), Number(m[2]));
  m = RANK_PERCENT_RE.exec(t);
  if (m) {
    const p = Number(m[1]);
    return p > 0 && p <= 100 ? { fraction: Number((p / 100).toPrecision(15)) } : null;
  }
  m = RANK_POSITION_RE.exec(t);
  return m && size !== undefined ? rankFromPosition(Number(m[1]), size) : null;
}

/** The canonical text of a rank (`5/120`, or its fraction in full), which `parseRank` reads back unchanged. */
export function rankText(rank: Rank): string {
  return rank.position !== undefined && rank.size !== undefined
    ? `${rank.position}/${rank.size}`
    : String(rank.fraction);
}

// ---------------------------------------------------------------------------------------------
// Yes / no and failed courses
// ---------------------------------------------------------------------------------------------

const YES_NO = new Map<string, boolean>([
  ...["有", "是", "是的", "对", "√", "✓", "✔", "☑", "y", "yes", "true", "1"].map((w) => [w, true] as const),
  ...["无", "否", "没有", "不是", "×", "✗", "✘", "☒", "n", "no", "false", "0"].map(
    (w) => [w, false] as const,
  ),
]);

function yesNoFromText(t: string): boolean | undefined {
  const direct = YES_NO.get(t);
  return direct !== undefined ? direct : YES_NO.get(t.toLowerCase());
}

/** Yes/no: 有/无, 是/否, √/×, ✓/✗, Y/N, yes/no, true/false, 1/0 and real booleans. */
export const parseYesNo: (raw: RawCell) => Parsed<boolean> = memoized(
  readCell({
    boolean: (b) => b,
    number: (n) => (n === 1 ? true : n === 0 ? false : null),
    text: yesNoFromText,
  }),
);

const FAILED_COUNT_RE = /^(\d+)\s*(?:门|科|个)?$/;
const NO_FAILS = new Set(["无挂科", "未挂科", "没有挂科", "无不及格", "没有不及格", "none"]);

/** Failed courses: a non-negative whole count (`2`, `2门`), or yes/no (yes → 1, no → 0). */
export const parseFailedCount: (raw: RawCell) => Parsed<number> = memoized(
  readCell({
    number: (n) => (Number.isSafeInteger(n) && n >= 0 ? (n === 0 ? 0 : n) : null),
    boolean: (b) => (b ? 1 : 0),
    text: failedCountFromText,
  }),
);

function failedCountFromText(t: string): number | null {
  const m = FAILED_COUNT_RE.exec(t);
  if (m) {
    const n = Number(m[1]);
    return Number.isSafeInteger(n) ? n : null;
  }
  const b = yesNoFromText(t);
  if (b !== undefined) return b ? 1 : 0;
  if (NO_FAILS.has(t.toLowerCase())) return 0;
  const n = numberFromText(t);
  return n !== null && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Political status, level, grade
// ---------------------------------------------------------------------------------------------

/** A political status as written and folded to what the rules need. */
export interface PoliticalValue {
  readonly label: string;
  readonly status: PoliticalStatus;
}

const POLITICAL_WORDS: ReadonlyArray<readonly [PoliticalStatus, readonly string[]]> = [
  [
    "party",
    [
      "中共党员",
      "党员",
      "正式党员",
      "中共正式党员",
      "共产党员",
      "中国共产党党员",
      "partymember",
      "cpcmember",
      "ccpmember",
      "communistpartymember",
      "memberofthecpc",
      "fullpartymember",
    ],
  ],
  [
    "probationary",
    [
      "中共预备党员",
      "预备党员",
      "中国共产党预备党员",
      "中共党员预备",
      "probationarypartymember",
      "probationarycpcmember",
      "probationarymember",
      "probationarycommunistpartymember",
    ],
  ],
  [
    "league",
    [
      "共青团员",
      "团员",
      "中国共产主义青年团团员",
      "leaguemember",
      "cylmember",
      "youthleaguemember",
      "communistyouthleaguemember",
    ],
  ],
];

const POLITICAL_STATUS = new Map<string, PoliticalStatus>(
  POLITICAL_WORDS.flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);

// Brackets are removed but their content kept: 中共党员（预备） is probationary, not a Party member.
const POLITICAL_FOLD_RE = /[\s()[\]【】'’.-]/g;

/** PoliticalValue status: Party, probationary Party or League member (Chinese or English), else "other". */
export const parsePolitical: (raw: RawCell) => Parsed<PoliticalValue> = memoized(readPolitical);

function readPolitical(raw: RawCell): Parsed<PoliticalValue> {
  let label: string;
  if (typeof raw === "string") {
    label = normalizeText(raw);
    if (label === "") return PARSED_BLANK;
  } else if (raw === null || raw === undefined) {
    return PARSED_BLANK;
  } else {
    const text = parseText(raw);
    if (text.state !== "ok") return invalid(raw);
    label = text.value;
  }
  const key = label.replace(POLITICAL_FOLD_RE, "").toLowerCase();
  return ok({ label, status: POLITICAL_STATUS.get(key) ?? "other" });
}

const LEVEL_RULES: ReadonlyArray<readonly [RegExp, StudentLevel]> = [
  [/博士|phd|doctor/, "doctor"],
  [/本科|undergrad|bachelor/, "undergraduate"],
  [/硕士|研究生|master|postgrad|graduate/, "master"],
  [/专科|高职|大专|junior|associate|vocational/, "junior"],
];

/** Student level: 本科 → undergraduate, 专科/高职 → junior, 硕士/研究生 → master, 博士 → doctor (English too). */
export const parseLevel: (raw: RawCell) => Parsed<StudentLevel> = memoized(
  readCell({
    text: (t) => {
      const key = t.toLowerCase();
      return LEVEL_RULES.find(([re]) => re.test(key))?.[1];
    },
  }),
);

const GRADE_RE = /^(\d{4})\s*(?:级|年级)?$/;
const GRADE_SHORT_RE = /^(\d{2})\s*级$/;

/** Year of enrolment: 2021, `2021级`, `21级`; `2021届` (a graduation year) is invalid rather than guessed. */
export const parseGrade: (raw: RawCell) => Parsed<number> = memoized(
  readCell({ number: gradeYear, text: gradeFromText }),
);

/** A year of enrolment within the years dates accept, else null. */
function gradeYear(n: number): number | null {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

function gradeFromText(t: string): number | null {
  const m = GRADE_RE.exec(t);
  if (m) return gradeYear(Number(m[1]));
  const short = GRADE_SHORT_RE.exec(t);
  if (short) return 2000 + Number(short[1]);
  const n = numberFromText(t);
  return n === null ? null : gradeYear(n);
}

// ---------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------

const HEADER_SPACE_RE = /[\s\u0085\u200B\u2060\uFEFF]+/g;
const HEADER_TRAILING_RE = /(?:[*:.]|\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/;
const UPPER_LATIN_RE = /[A-Z]/g;

/**
 * A header as compared: no white space at all, full-width to half-width, a trailing unit in
 * brackets and trailing `*`/`:` dropped (and a leading required-field `*`), Latin letters lower-cased.
 */
export function normalizeHeader(text: string): string {
  let h = toHalfWidth(text).replace(HEADER_SPACE_RE, "");
  for (;;) {
    let next = h;
    while (next.charCodeAt(0) === 42 /* "*" */) next = next.slice(1);
    const m = HEADER_TRAILING_RE.exec(next);
    if (m) next = next.slice(0, m.index);
    // A header that is only a bracket or a mark keeps it, so it still names a column.
    if (next === "" || next === h) break;
    h = next;
  }
  return h.replace(UPPER_LATIN_RE, (c) => c.toLowerCase());
}
