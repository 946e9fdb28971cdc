import fc from "fast-check";
import type { RawCell, SheetInput, TableKind } from "../types";
import { TABLE_KINDS } from "../types";
import {
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  HEADER_SYNONYMS,
  isBlankRow,
  matchHeader,
  matchHeaderRow,
} from "./headers";
import { normalizeHeader, toHalfWidth } from "./normalize";
import { recognizeTables } from "./recognize";
import { toFullWidth } from "./testing";

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const SYNONYMS: readonly string[] = [
  ...new Set(TABLE_KINDS.flatMap((kind) => Object.values<readonly string[]>(HEADER_SYNONYMS[kind]).flat())),
];
const UNITS = [
  "（小时）",
  "(h)",
  "（Ｈ）",
  "[hours]",
  "【小时】",
  "〔时〕",
  "(hrs)",
  "（20分）",
  "*",
  "：",
  ":",
];
/** Header texts: every synonym, synonyms with units and marks, and arbitrary text. */
const header: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SYNONYMS),
  fc
    .tuple(
      fc.constantFrom("", "*", "＊"),
      fc.constantFrom(...SYNONYMS, "服务时间"),
      fc.constantFrom(...UNITS),
    )
    .map(([mark, syn, unit]) => `${mark}${syn}${unit}`),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
);

/** White space Excel users type or paste: ASCII, U+3000, NBSP, em space, line breaks, tabs, zero-width. */
const SPACES = [" ", "\u3000", "\u00a0", "\u2003", "\n", "\r\n", "\t", "\u0085", "\u200b", "\ufeff"];
const insertions = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...SPACES)), { minLength: 1, maxLength: 4 });

/** `s` with white space inserted at the given positions (anywhere, including inside a word). */
function withSpaces(s: string, inserts: ReadonlyArray<readonly [number, string]>): string {
  return inserts.reduce((acc, [pos, space]) => {
    const i = pos % (acc.length + 1);
    return acc.slice(0, i) + space + acc.slice(i);
  }, s);
}

/** A header ending in an hours unit, which only the text as written shows (`服务时间（小时）`). */
function endsInHoursUnit(h: string): boolean {
  const compact = toHalfWidth(h).replace(/[\s\u0085\u200b\u2060\ufeff]+/g, "");
  return /[([【〔](?:小时|时|h|hrs?|hours?)[)\]】〕][*:]?$/i.test(compact);
}

const kind = fc.constantFrom(...TABLE_KINDS);

const cell: fc.Arbitrary<RawCell> = fc.oneof(
  { arbitrary: header, weight: 4 },
  { arbitrary: fc.constantFrom("", " ", "\u3000", "\u00a0\n"), weight: 1 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 2021001, 44628), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: fc.constantFrom("#N/A", "#REF!", "").map((error) => ({ error })), weight: 1 },
  { arbitrary: fc.constant(null), weight: 2 },
);
/** A ragged row of up to 12 cells (possibly empty). */
const row = fc.array(cell, { maxLength: 12 });
const blankRow: fc.Arbitrary<RawCell[]> = fc.constantFrom(
  [],
  [null],
  [null, "", "\u3000"],
  ["  ", null, "\n"],
);
/** Up to 30 ragged rows, blank rows and empty sheets included. */
const grid = fc.array(fc.oneof({ arbitrary: row, weight: 4 }, { arbitrary: blankRow, weight: 1 }), {
  maxLength: 30,
});

/** Rows that name at most one field of every kind, so they can never pass for a header row. */
const titleRow = row.filter(
  (r) => !isBlankRow(r) && TABLE_KINDS.every((k) => matchHeaderRow(k, r).columns.length < 2),
);

const PLANTED = ["姓名", "学号", "职务", "政治面貌", "专业排名", "不及格门数"] as const;
const PLANTED_FIELDS = ["name", "studentId", "title", "political", "rank", "failed"] as const;
const dataRow: RawCell[] = ["张三", 2021001, "主席", "中共党员", "3/120", 0];

/** Indexes of the non-blank rows, in order. */
const nonBlank = (rows: ReadonlyArray<ReadonlyArray<RawCell | undefined> | undefined>): number[] =>
  rows.flatMap((r, i) => (isBlankRow(r) ? [] : [i]));

// ---------------------------------------------------------------------------------------------
// matchHeader
// ---------------------------------------------------------------------------------------------

describe("matchHeader properties", () => {
  it("is deterministic and never throws", () =>
    fc.assert(fc.property(kind, header, (k, h) => expect(matchHeader(k, h)).toEqual(matchHeader(k, h)))));

  it("matches a header as it matches its normalised form (but a unit only the written text shows)", () =>
    fc.assert(
      fc.property(kind, header, (k, h) => {
        const direct = matchHeader(k, h);
        const normalised = matchHeader(k, normalizeHeader(h));
        // 服务时间（小时） holds hours by its unit; normalised to 服务时间 it reads as a date, by design.
        if (k === "activities" && endsInHoursUnit(h) && direct?.exact === false)
          expect(direct.field).toBe("hours");
        else expect(normalised).toEqual(direct);
      }),
      {
        examples: [
          ["activities", "服务时长（小时）"],
          ["roster", "政治面貌*"],
          ["reviews", "政治学习（20分）"],
        ],
      },
    ));

  it("gives the same match for full-width and half-width text", () =>
    fc.assert(
      fc.property(kind, header, fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (k, h, mask) => {
        expect(matchHeader(k, toFullWidth(h, mask))).toEqual(matchHeader(k, h));
        expect(matchHeader(k, toHalfWidth(h))).toEqual(matchHeader(k, h));
      }),
      {
        examples: [
          ["activities", "Hours (h)", [true]],
          ["roster", "Student No.", [true, false]],
        ],
      },
    ));

  it("gives the same match with white space added anywhere (U+3000, NBSP, line breaks…)", () =>
    fc.assert(
      fc.property(kind, header, insertions, (k, h, inserts) =>
        expect(matchHeader(k, withSpaces(h, inserts))).toEqual(matchHeader(k, h)),
      ),
      {
        examples: [
          ["activities", "服务时间（小时）", [[6, "\n"]]],
          ["roster", "政治面貌", [[2, "\u3000"]]],
          ["roster", "Student ID", [[0, "\u00a0"]]],
        ],
      },
    ));
});

// ---------------------------------------------------------------------------------------------
// findHeaderRow
// ---------------------------------------------------------------------------------------------

describe("findHeaderRow properties", () => {
  it("never throws on arbitrary grids, is deterministic and follows the first-ten-rows rule", () =>
    fc.assert(
      fc.property(kind, grid, (k, rows) => {
        const found = findHeaderRow(k, rows);
        expect(findHeaderRow(k, rows)).toEqual(found);
        const candidates = nonBlank(rows).slice(0, HEADER_SEARCH_ROWS);
        const naming = candidates.filter((i) => matchHeaderRow(k, rows[i] ?? []).columns.length >= 2);
        if (found === null) {
          expect(naming).toEqual([]);
          return;
        }
        // The header is the first of the first ten non-blank rows that names two fields.
        expect(found.rowIndex).toBe(naming[0]);
        expect([found.rowIndex, found.rowIndex + 1]).toContain(found.lastRowIndex);
        expect(found.columns.length).toBeGreaterThanOrEqual(2);
      }),
    ));

  it("finds a planted header row at exactly its row under title and blank rows", () =>
    fc.assert(
      fc.property(
        fc.array(fc.oneof(titleRow, blankRow), { maxLength: HEADER_SEARCH_ROWS - 1 }),
        fc.nat({ max: 3 }),
        fc.array(row, { maxLength: 5 }),
        (above, indent, below) => {
          const pad: RawCell[] = Array.from({ length: indent }, () => null);
          const rows = [...above, [...pad, ...PLANTED], [...pad, ...dataRow], ...below];
          const found = findHeaderRow("roster", rows);
          expect(found).toMatchObject({ rowIndex: above.length, lastRowIndex: above.length });
          expect(found?.columns.map((c) => [c.field, c.index])).toEqual(
            PLANTED_FIELDS.map((f, i) => [f, indent + i]),
          );
        },
      ),
    ));

  it("does not look past the tenth non-blank row", () =>
    fc.assert(
      fc.property(
        fc.array(titleRow, { minLength: HEADER_SEARCH_ROWS, maxLength: HEADER_SEARCH_ROWS + 3 }),
        fc.array(fc.array(blankRow, { maxLength: 2 }), { maxLength: HEADER_SEARCH_ROWS }),
        (titles, gaps) => {
          const above = titles.flatMap((t, i) => [...(gaps[i] ?? []), t]);
          expect(findHeaderRow("roster", [...above, [...PLANTED], dataRow])).toBeNull();
        },
      ),
    ));

  it("finds it under up to nine title rows however many blank rows sit between them", () =>
    fc.assert(
      fc.property(
        fc.array(titleRow, { maxLength: HEADER_SEARCH_ROWS - 1 }),
        fc.array(fc.array(blankRow, { maxLength: 3 }), { maxLength: HEADER_SEARCH_ROWS }),
        (titles, gaps) => {
          const above = titles.flatMap((t, i) => [...(gaps[i] ?? []), t]);
          const rows = [...above, [...PLANTED], dataRow];
          expect(findHeaderRow("roster", rows)?.rowIndex).toBe(above.length);
        },
      ),
    ));
});

// ---------------------------------------------------------------------------------------------
// recognizeTables
// ---------------------------------------------------------------------------------------------

const SHEET_NAMES = [
  "学生会工作人员",
  "志愿活动",
  "基本信息",
  "述职评议",
  "Sheet1",
  "问题清单",
  "_ziping_state",
];
const origin = fc.option(
  // Any origin Excel can have (row ≤ 1,048,576), and nonsense the reader falls back to A1 for.
  fc.record({
    row: fc.oneof(fc.integer({ min: -2, max: 1_048_576 }), fc.double({ min: -2, max: 100 })),
    col: fc.oneof(fc.integer({ min: -2, max: 16_384 }), fc.constant(NaN)),
  }),
  { nil: undefined },
);
const sheet: fc.Arbitrary<SheetInput> = fc
  .record({
    name: fc.oneof(fc.constantFrom(...SHEET_NAMES), fc.string({ maxLength: 31 })),
    rows: grid,
    origin,
    hidden: fc.boolean(),
  })
  .map(({ origin: o, ...s }) => (o === undefined ? s : { ...s, origin: o }));
const overrides = fc.array(
  fc.record({
    sheet: fc.constantFrom(...SHEET_NAMES),
    kind: fc.constantFrom<TableKind | null>(...TABLE_KINDS, null),
  }),
  { maxLength: 3 },
);

describe("recognizeTables properties", () => {
  it("never throws on arbitrary workbooks, is deterministic, and takes headers from the first ten rows", () =>
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), overrides, (sheets, forced) => {
        const tables = recognizeTables({ sheets }, forced);
        expect(recognizeTables({ sheets }, forced)).toEqual(tables);
        for (const t of tables) {
          const s = sheets[t.sheetIndex] as SheetInput;
          expect(t.sheet).toBe(s.name);
          const o =
            Number.isInteger(s.origin?.row) && (s.origin?.row ?? 0) >= 1 ? (s.origin?.row as number) : 1;
          const at = t.headerRow - o;
          const rows = nonBlank(s.rows);
          expect(at).toBeLessThanOrEqual(rows[HEADER_SEARCH_ROWS - 1] ?? Infinity);
          const found = findHeaderRow(t.kind, s.rows);
          if (found) {
            // Whatever chose the kind (name, headers, a correction), the header is the matcher's.
            expect(at).toBe(found.rowIndex);
            expect(t.columns.map((c) => [c.field, c.index])).toEqual(
              found.columns.map((c) => [c.field, c.index]),
            );
            expect(t.rows[0]?.row ?? Infinity).toBeGreaterThan(o + found.lastRowIndex);
          } else {
            // No row names two fields: settings need no header (it sits just above the first key),
            // other kinds take the first non-blank row, and a blank sheet has none.
            const first = rows[0];
            expect(at).toBe(first === undefined ? 0 : t.kind === "settings" ? first - 1 : first);
          }
          for (const r of t.rows) expect(r.row).toBeGreaterThan(t.headerRow);
        }
      }),
    ));

  it("recognises a planted two-row header (under a merged group heading) at its first row", () =>
    fc.assert(
      fc.property(
        fc.constantFrom("述职评议", "Sheet1"),
        fc.array(fc.oneof(titleRow, blankRow), { maxLength: HEADER_SEARCH_ROWS - 1 }),
        fc.array(row, { maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        (name, above, below, originRow) => {
          const rows: RawCell[][] = [
            ...above,
            ["姓名", "学号", "学期", "评议得分", null, null, null, null, "总评"],
            [null, null, null, "政治学习", "道德品行", "学习情况", "工作成效", "纪律作风", null],
            ["张三", "2021001", "2022春", 90, 90, 90, 90, 90, "优秀"],
            ...below,
          ];
          const [table] = recognizeTables({ sheets: [{ name, rows, origin: { row: originRow, col: 1 } }] });
          expect(table).toMatchObject({ kind: "reviews", headerRow: originRow + above.length });
          expect(table?.columns).toHaveLength(9);
          expect(table?.rows[0]?.row).toBe(originRow + above.length + 2);
        },
      ),
    ));

  it("recognises a planted roster header at exactly its row, by name or by headers alone", () =>
    fc.assert(
      fc.property(
        fc.constantFrom("学生会工作人员", "Sheet1", "2022"),
        fc.array(fc.oneof(titleRow, blankRow), { maxLength: HEADER_SEARCH_ROWS - 1 }),
        fc.array(row, { maxLength: 5 }),
        fc.integer({ min: 1, max: 20 }),
        (name, above, below, originRow) => {
          const rows = [...above, [...PLANTED], dataRow, ...below];
          const tables = recognizeTables({ sheets: [{ name, rows, origin: { row: originRow, col: 1 } }] });
          expect(tables).toHaveLength(1);
          expect(tables[0]).toMatchObject({ kind: "roster", headerRow: originRow + above.length });
          expect(tables[0]?.rows[0]?.row).toBe(originRow + above.length + 1);
        },
      ),
    ));
});
