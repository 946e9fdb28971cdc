/**
 * The lean reader against ExcelJS (`readXlsx`): the same values, cell by cell, on every workbook
 * in the repository (samples, test fixtures, golden files) and on hand-made packages that exercise
 * each cell type, style and XML construct; and the same refusal where ExcelJS refuses.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { RawCell, WorkbookInput } from "../../../engine";
import { WorkbookReadError } from "../errors";
import { readXlsx } from "../testing/exceljsOracle";
import { readDateStyles, readXlsxLean, readXlsxLeanSync } from "./read";
import { makeXlsx, type TestPackage } from "./testing";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

function workbooksUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return workbooksUnder(p);
    return /\.xlsx$/i.test(name) ? [p] : [];
  });
}

const FIXTURES = [...workbooksUnder(path.join(ROOT, "samples")), ...workbooksUnder(path.join(ROOT, "test"))]
  .filter((f) => !f.includes(`${path.sep}e2e${path.sep}`))
  .sort();

/** Every cell where two inputs differ, as "Sheet!R1C1: a vs b" (at most 10), or [] when equal. */
function differences(a: WorkbookInput, b: WorkbookInput): string[] {
  const out: string[] = [];
  const show = (c: RawCell | undefined) =>
    c instanceof Date ? `Date(${c.toISOString()})` : JSON.stringify(c);
  if (a.sheets.length !== b.sheets.length) out.push(`sheets: ${a.sheets.length} vs ${b.sheets.length}`);
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i];
    if (!sb) return;
    if (sa.name !== sb.name) out.push(`sheet ${i} name: ${sa.name} vs ${sb.name}`);
    if (sa.hidden !== sb.hidden) out.push(`${sa.name} hidden: ${sa.hidden} vs ${sb.hidden}`);
    if (sa.rows.length !== sb.rows.length)
      out.push(`${sa.name} rows: ${sa.rows.length} vs ${sb.rows.length}`);
    for (let r = 0; r < Math.max(sa.rows.length, sb.rows.length); r++) {
      const ra = sa.rows[r] ?? [];
      const rb = sb.rows[r] ?? [];
      if (ra.length !== rb.length) out.push(`${sa.name}!R${r + 1} length: ${ra.length} vs ${rb.length}`);
      for (let c = 0; c < Math.max(ra.length, rb.length); c++) {
        const x = ra[c];
        const y = rb[c];
        const same =
          x instanceof Date && y instanceof Date
            ? x.getTime() === y.getTime()
            : JSON.stringify(x) === JSON.stringify(y) && typeof x === typeof y;
        if (!same) out.push(`${sa.name}!R${r + 1}C${c + 1}: ${show(x)} vs ${show(y)}`);
      }
    }
  });
  return out.slice(0, 10);
}

async function outcome(read: () => Promise<WorkbookInput>): Promise<WorkbookInput | { refused: string }> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof WorkbookReadError) return { refused: err.code };
    throw err;
  }
}

/**
 * The one intended difference: where ExcelJS pads a wide gap of blank cells with nulls (16,384 of
 * them before a value in column XFD), the lean reader leaves a hole, which the engine reads as blank.
 */
function holesAsBlank(input: WorkbookInput | { refused: string }): WorkbookInput | { refused: string } {
  if ("refused" in input) return input;
  return {
    ...input,
    sheets: input.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => (row.includes(undefined as never) ? Array.from(row, (c) => c ?? null) : row)),
    })),
  };
}

/** Expect both readers to give the same input (or the same refusal) for `bytes`. */
async function expectSameAsExcelJS(bytes: Uint8Array): Promise<WorkbookInput | null> {
  const exceljs = await outcome(() => readXlsx(bytes));
  const lean = holesAsBlank(await outcome(() => readXlsxLean(bytes)));
  if ("refused" in exceljs || "refused" in lean) {
    expect(lean).toEqual(exceljs);
    return null;
  }
  expect(differences(exceljs, lean)).toEqual([]);
  // Shape too: `hidden` only where set, rows in the same positions.
  expect(lean).toEqual(exceljs);
  return lean;
}

describe("lean reader = ExcelJS on every workbook in the repository", () => {
  it("finds the fixtures", () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
  });

  // A stray cell at row 1,048,576 makes a million-row comparison: allow it time on a busy machine.
  it.each(FIXTURES.map((f) => [path.relative(ROOT, f)]))(
    "%s",
    async (rel) => {
      await expectSameAsExcelJS(new Uint8Array(readFileSync(path.join(ROOT, rel))));
    },
    60_000,
  );
});

const STYLES = {
  // 0 General, 1 built-in date 14, 2 custom date, 3 custom with the letters only in quotes, 4 percent,
  // 5 time 20, 6 locale-prefixed date, 7 elapsed hours 46, 8 "0.00" built-in 2, 9 text @ (49).
  numFmts:
    `<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
    `<numFmt numFmtId="165" formatCode="&quot;day &quot;0"/>` +
    `<numFmt numFmtId="166" formatCode="[$-409]yyyy/m/d;@"/>`,
  xfs: [0, 14, 164, 165, 10, 20, 166, 46, 2, 49],
};

const CASES: Array<[string, TestPackage]> = [
  [
    "numbers, dates by style, booleans, errors, text types",
    {
      styles: STYLES,
      sheets: [
        {
          name: "值",
          xml:
            `<row r="1"><c r="A1"><v>42</v></c><c r="B1" s="1"><v>44628</v></c><c r="C1" s="2"><v>44628.5</v></c>` +
            `<c r="D1" s="3"><v>7</v></c><c r="E1" s="4"><v>0.25</v></c><c r="F1" s="8"><v>0.75</v></c>` +
            `<c r="G1" s="6"><v>44900</v></c><c r="H1" s="8"><v>1.5</v></c><c r="I1" s="8"><v>3.14159</v></c><c r="J1" s="9"><v>12</v></c></row>` +
            `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c>` +
            `<c r="D2" t="str"><v>a &amp;amp; b</v></c><c r="E2" t="inlineStr"><is><t>内联 文字</t></is></c>` +
            `<c r="F2" t="n"><v>-1e3</v></c><c r="G2" s="1"/><c r="H2" t="s"/><c r="I2"><v></v></c></row>` +
            `<row r="4"><c r="C4" t="inlineStr"><is><t xml:space="preserve">  </t></is></c><c r="E4"><v>1</v></c></row>` +
            `<row r="6"><c r="A6" t="inlineStr"><is><t></t></is></c></row>`,
        },
      ],
    },
  ],
  [
    "shared strings: plain, rich runs, phonetic runs, escapes, blank items",
    {
      sharedStrings: [
        "<si><t>张三</t></si>",
        '<si><r><rPr><b/></rPr><t>粗体</t></r><r><t xml:space="preserve"> 与普通</t></r></si>',
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
        "<si><t>line_x000D_break_x000a_lower</t></si>",
        "<si><t/></si>",
        "<si></si>",
        "<si><t>&lt;tag&gt; &amp; &#x4E2D;&#25991;</t></si>",
      ],
      sheets: [
        {
          name: "共享",
          xml:
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>` +
            `<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>`,
        },
      ],
    },
  ],
  [
    "formulas: cached results of each type, shared formulas, a date format on a formula",
    {
      styles: STYLES,
      sheets: [
        {
          name: "公式",
          xml:
            `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>` +
            `<c r="C1" t="b"><f>TRUE()</f><v>1</v></c><c r="D1" t="e"><f>NA()</f><v>#N/A</v></c>` +
            `<c r="E1" s="1"><f>DATE(2022,3,8)</f><v>44628</v></c><c r="F1"><f>A1</f></c>` +
            `<c r="G1" t="str" s="1"><f>"x"</f><v>x</v></c></row>` +
            `<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f><v>4</v></c></row>` +
            `<row r="3"><c r="A3"><f t="shared" si="0"/><v>6</v></c></row>` +
            `<row r="4"><c r="A4"><f t="shared" si="0"/><v>8</v></c><c r="B4"><f/><v>5</v></c></row>`,
        },
      ],
    },
  ],
  [
    "merged areas keep the top-left value only",
    {
      sheets: [
        {
          name: "合并",
          xml:
            `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>隐藏</t></is></c><c r="C1"><v>3</v></c></row>` +
            `<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c></row>` +
            `<row r="3"><c r="B3"><v>9</v></c></row>`,
          after: `<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>`,
        },
      ],
    },
  ],
  [
    "hidden and very hidden sheets, a chart sheet, an empty sheet, sheet names with entities",
    {
      sheets: [
        { name: "可见 & <一>", xml: `<row r="1"><c r="A1"><v>1</v></c></row>` },
        { name: "隐藏", state: "hidden", xml: `<row r="1"><c r="A1"><v>2</v></c></row>` },
        { name: "图表", chart: true, xml: "" },
        {
          name: "_ziping_state",
          state: "veryHidden",
          xml: `<row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row>`,
        },
        { name: "空", xml: "" },
      ],
    },
  ],
  [
    "rows out of order, duplicate rows, a blank row, cells beyond the last value",
    {
      styles: STYLES,
      sheets: [
        {
          name: "次序",
          xml:
            `<row r="3"><c r="B3"><v>3</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>` +
            `<row r="5"><c r="A5"><v>5</v></c></row><row r="5"><c r="C5"><v>55</v></c></row>` +
            `<row r="7"><c r="A7" s="1"/><c r="B7" s="2"/></row><row r="8" spans="1:3"/>`,
        },
      ],
    },
  ],
  [
    "a 1904 workbook",
    {
      date1904: true,
      styles: STYLES,
      sheets: [{ name: "1904", xml: `<row r="1"><c r="A1" s="1"><v>43166</v></c></row>` }],
    },
  ],
  [
    "comments, processing instructions, CR LF line ends, character references, single quotes",
    {
      sheets: [
        {
          name: "语法",
          xml: `<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- a comment with <c> inside -->\r\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><?pi data?><sheetData>\r\n  <row r='1'>\r\n    <c r='A1' t='inlineStr'><is><t>a\r\nb&#13;c&#x41;&#66;</t></is></c>\r\n    <!-- <c r="B1"><v>9</v></c> -->\r\n    <c r="C1" t="inlineStr"><is><t>c1</t></is></c>\r\n  </row>\r\n</sheetData></worksheet>`,
        },
      ],
    },
  ],
  [
    "parts stored without compression",
    {
      sharedStrings: ["<si><t>存储</t></si>"],
      stored: ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"],
      sheets: [
        { name: "存储", xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2.5</v></c></row>` },
      ],
    },
  ],
];

describe("lean reader = ExcelJS on hand-made packages", () => {
  it.each(CASES)("%s", async (_label, p) => {
    const input = await expectSameAsExcelJS(makeXlsx(p));
    expect(input).not.toBeNull();
  });

  it("reads what the hand-made packages hold (not merely what ExcelJS reads)", async () => {
    const [values, strings, formulas] = await Promise.all(
      CASES.slice(0, 3).map(([, p]) => readXlsxLean(makeXlsx(p))),
    );
    const v = values?.sheets[0]?.rows ?? [];
    expect(v[0]?.[0]).toBe(42);
    expect(v[0]?.[1]).toEqual(new Date(Date.UTC(2022, 2, 8)));
    expect(v[0]?.[3]).toBe(7); // "day "0 is not a date format
    expect(v[1]?.slice(0, 5)).toEqual([true, false, { error: "#N/A" }, "a & b", "内联 文字"]);
    expect(strings?.sheets[0]?.rows[0]).toEqual([
      "张三",
      "粗体 与普通",
      "漢字",
      "line\rbreak_x000a_lower",
      null,
      null,
      "<tag> & 中文",
    ]);
    expect(formulas?.sheets[0]?.rows[0]?.slice(0, 5)).toEqual([
      2,
      "ab",
      true,
      { error: "#N/A" },
      new Date(Date.UTC(2022, 2, 8)),
    ]);
    expect(formulas?.sheets[0]?.rows.map((r) => r[0])).toEqual([2, 4, 6, 8]);
  });
});

describe("lean reader beyond ExcelJS", () => {
  it("reads time and duration formats as numbers (ExcelJS makes them dates; src/engine/workbook/dates.ts decides)", async () => {
    const input = await readXlsxLean(
      makeXlsx({
        styles: STYLES,
        sheets: [
          {
            name: "时间",
            xml: `<row r="1"><c r="A1" s="5"><v>0.75</v></c><c r="B1" s="7"><v>1.5</v></c><c r="C1" s="1"><v>44628</v></c></row>`,
          },
        ],
      }),
    );
    expect(input.sheets[0]?.rows[0]).toEqual([0.75, 1.5, new Date(Date.UTC(2022, 2, 8))]);
  });

  it("converts serials of a 1904 workbook from 1904-01-01", async () => {
    const input = await readXlsxLean(
      makeXlsx({
        date1904: true,
        styles: STYLES,
        sheets: [{ name: "日期", xml: `<row r="1"><c r="A1" s="1"><v>43166</v></c></row>` }],
      }),
    );
    expect(input.sheets[0]?.rows[0]).toEqual([new Date(Date.UTC(2022, 2, 8))]);
  });

  it("reads elements with a namespace prefix (ExcelJS sees no cells there)", async () => {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      `<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c><x:c r="B1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const input = await readXlsxLean(makeXlsx({ sheets: [{ name: "P", xml }] }));
    expect(input.sheets[0]?.rows).toEqual([["前缀", 1]]);
  });

  it('reads ISO date cells (t="d") as dates', async () => {
    const input = await readXlsxLean(
      makeXlsx({
        sheets: [
          {
            name: "D",
            xml: `<row r="1"><c r="A1" t="d"><v>2022-03-08</v></c><c r="B1" t="d"><v>2022-03-08T12:00:00</v></c></row>`,
          },
        ],
      }),
    );
    expect(input.sheets[0]?.rows[0]).toEqual([
      new Date(Date.UTC(2022, 2, 8)),
      new Date(Date.UTC(2022, 2, 8, 12)),
    ]);
  });

  it("reads CDATA sections (ExcelJS drops them)", async () => {
    const input = await readXlsxLean(
      makeXlsx({
        sheets: [
          {
            name: "C",
            xml: `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<raw> & text]]></t></is></c></row>`,
          },
        ],
      }),
    );
    expect(input.sheets[0]?.rows).toEqual([["<raw> & text"]]);
  });

  it("reads cells and rows without references in order", async () => {
    const input = await readXlsxLean(
      makeXlsx({
        sheets: [
          {
            name: "N",
            xml: `<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>`,
          },
        ],
      }),
    );
    expect(input.sheets[0]?.rows).toEqual([
      [1, 2],
      [null, null, 3, 4],
    ]);
  });

  it("reads a large sheet whose tags straddle every piece boundary the same as ExcelJS", async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 6000; r++) {
      rows.push(
        `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>第${r}行 &amp; ${"文字".repeat(r % 7)}</t></is></c>` +
          `<c r="B${r}" s="1"><v>${44500 + (r % 300)}</v></c><c r="C${r}"><v>${r / 4}</v></c>` +
          `<c r="D${r}" t="s"><v>${r % 3}</v></c></row>`,
      );
    }
    const p = {
      styles: STYLES,
      sharedStrings: ["<si><t>甲</t></si>", "<si><t>乙</t></si>", "<si><t>丙</t></si>"],
      sheets: [{ name: "大", xml: rows.join("\n") }],
    };
    const input = await expectSameAsExcelJS(makeXlsx(p));
    expect(input?.sheets[0]?.rows.length).toBe(6000);
  }, 60_000);

  it("refuses malformed XML as a damaged file, like ExcelJS", async () => {
    const bad = makeXlsx({ sheets: [{ name: "坏", xml: `<row r="1"><c r="A1"><v>1</v></row>` }] });
    await expect(readXlsxLean(bad)).rejects.toMatchObject({ code: "corrupt" });
    await expect(readXlsx(bad)).rejects.toMatchObject({ code: "corrupt" });
  });

  it("reports progress from 0 to 1 and the sync variant gives the same result", async () => {
    const bytes = readFileSync(path.join(ROOT, "samples", "sample-2022.xlsx"));
    const seen: number[] = [];
    const input = await readXlsxLean(bytes, { onProgress: (f) => seen.push(f), yieldEveryMs: 0 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= (seen[i - 1] as number)))).toBe(true);
    expect(seen[seen.length - 1]).toBeCloseTo(1, 5);
    expect(readXlsxLeanSync(bytes)).toEqual(input);
  });
});

describe("date formats", () => {
  it("maps cell styles to date formats, built-in and custom, ignoring cellStyleXfs", () => {
    const xml =
      `<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="170" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
      `<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
      `<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="170"><alignment/></xf><xf numFmtId="3"/><xf numFmtId="20"/></cellXfs></styleSheet>`;
    // 20 is the built-in h:mm: a time, not a date (the one decision, src/engine/workbook/dates.ts).
    expect(readDateStyles(xml)).toEqual([false, true, true, false, false]);
  });
});
