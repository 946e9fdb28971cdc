/**
 * The worksheet reader's bounds (issue 13): sparse rows cost their cells, merges are cleared in one
 * sweep with the same result as clearing each merge over its rows, the cell budget refuses a
 * workbook past it, and a `<v>` that is not wholly a number is not a number.
 */
import fc from "fast-check";
import type { RawCell } from "../../../engine";
import { WorkbookReadError } from "../errors";
import { readXlsxLeanSync } from "./read";
import { makeXlsx } from "./testing";

const letters = (index: number): string => {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

function read(xml: string, after = "", maxCells?: number): ReadonlyArray<ReadonlyArray<RawCell>> {
  const bytes = makeXlsx({ sheets: [{ name: "S", xml, after }] });
  const input = readXlsxLeanSync(bytes, maxCells === undefined ? {} : { maxCells });
  return input.sheets[0]?.rows ?? [];
}

describe("sparse rows", () => {
  it("leave a hole before a far value instead of thousands of blanks", () => {
    const rows = read(`<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>`);
    const row = rows[0] ?? [];
    expect(row.length).toBe(16384);
    expect(row[0]).toBe(1);
    expect(row[16383]).toBe(2);
    // Only the two cells are present: the rest is a hole, not 16,382 nulls.
    expect(Object.keys(row)).toEqual(["0", "16383"]);
  });

  it("pad small gaps with blanks, as ExcelJS does", () => {
    const rows = read(`<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>2</v></c></row>`);
    expect(rows[0]).toEqual([1, null, null, null, 2]);
  });
});

describe("merged areas", () => {
  /** Clear each merge over its rows, one by one (the former, quadratic way): the reference. */
  function reference(
    grid: RawCell[][],
    merges: ReadonlyArray<readonly [number, number, number, number]>,
  ): RawCell[][] {
    const rows = grid.map((r) => [...r]);
    for (const [top, left, bottom, right] of merges) {
      for (let r = top; r <= Math.min(bottom, rows.length - 1); r++) {
        const row = rows[r] as RawCell[];
        for (let c = left; c <= Math.min(right, row.length - 1); c++)
          if (r !== top || c !== left) row[c] = null;
      }
    }
    const trimmed = rows.map((row) => {
      let len = row.length;
      while (len > 0 && row[len - 1] === null) len--;
      return row.slice(0, len);
    });
    let last = trimmed.length;
    while (last > 0 && (trimmed[last - 1] as RawCell[]).length === 0) last--;
    return trimmed.slice(0, last);
  }

  it("are cleared in one sweep with the same result as merge by merge (disjoint merges)", () => {
    const cell = fc.integer({ min: 1, max: 9 });
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.option(cell, { nil: null }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(5), fc.nat(3), fc.nat(3)), { maxLength: 6 }),
        (grid, raw) => {
          // Keep merges that do not overlap, as Excel requires.
          const merges: Array<readonly [number, number, number, number]> = [];
          const taken = new Set<string>();
          for (const [top, left, h, w] of raw) {
            const m = [top, left, top + h, left + w] as const;
            const cells: string[] = [];
            for (let r = m[0]; r <= m[2]; r++) for (let c = m[1]; c <= m[3]; c++) cells.push(`${r},${c}`);
            if (cells.some((k) => taken.has(k))) continue;
            cells.forEach((k) => taken.add(k));
            merges.push(m);
          }
          const xml = grid
            .map(
              (row, r) =>
                `<row r="${r + 1}">${row
                  .map((v, c) => (v === null ? "" : `<c r="${letters(c)}${r + 1}"><v>${v}</v></c>`))
                  .join("")}</row>`,
            )
            .join("");
          const after = `<mergeCells>${merges
            .map(([t, l, b, r]) => `<mergeCell ref="${letters(l)}${t + 1}:${letters(r)}${b + 1}"/>`)
            .join("")}</mergeCells>`;
          const expected = reference(
            grid.map((row) => {
              const out = [...row];
              while (out.length > 0 && out[out.length - 1] === null) out.pop();
              return out;
            }),
            merges,
          );
          const got = read(xml, after).map((row) => [...row]);
          expect(got).toEqual(expected.map((row) => (row.length === 0 ? [] : row)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the cell budget", () => {
  it("refuses a workbook with more non-blank cells than allowed, and accepts one at the limit", () => {
    const xml = `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>`;
    expect(read(xml, "", 3)).toHaveLength(2);
    expect(() => read(xml, "", 2)).toThrow(expect.objectContaining({ code: "too-many-cells" }));
    expect(() => read(xml, "", 2)).toThrow(WorkbookReadError);
  });
});

describe("numbers", () => {
  it("are read only when the whole <v> is a number", () => {
    const rows = read(
      `<row r="1"><c r="A1"><v> 12abc</v></c><c r="B1"><v>0x1A</v></c><c r="C1"><v>1.5e2</v></c><c r="D1"><v>-.5</v></c></row>`,
    );
    expect(rows[0]).toEqual([" 12abc", "0x1A", 150, -0.5]);
  });
});
