import fc from "fast-check";
import type { RawCell, WorkbookInput } from "../engine";
import { InputAssembler, inputParts, isLarge } from "./inputParts";

function workbook(sizes: readonly number[], date1904 = false): WorkbookInput {
  return {
    ...(date1904 ? { date1904: true } : {}),
    sheets: sizes.map((n, s) => ({
      name: `表${s}`,
      hidden: s % 2 === 1,
      origin: { row: 1 + s, col: 1 },
      rows: Array.from({ length: n }, (_, i): RawCell[] => [i, `r${i}`, i % 3 === 0 ? null : true]),
    })),
  };
}

describe("sending a workbook in parts", () => {
  it("reassembles exactly what was split, whatever the sizes and the part length", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(120), { maxLength: 5 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        (sizes, partRows, date1904) => {
          // A workbook without sheets has no parts to carry its fields (and is never large).
          const input = workbook(sizes, date1904 && sizes.length > 0);
          const assembler = new InputAssembler();
          let parts = 0;
          for (const part of inputParts(input, partRows)) {
            expect(part.rows.length).toBeLessThanOrEqual(partRows);
            assembler.add(part);
            parts++;
          }
          const expected = sizes.reduce((sum, n) => sum + Math.max(1, Math.ceil(n / partRows)), 0);
          expect(parts).toBe(expected);
          expect(assembler.take()).toEqual(input);
        },
      ),
    );
  });

  it("starts over after take, and refuses a part whose sheet never began", () => {
    const assembler = new InputAssembler();
    for (const part of inputParts(workbook([3]), 2)) assembler.add(part);
    expect(assembler.take().sheets).toHaveLength(1);
    expect(assembler.take()).toEqual({ sheets: [] });
    expect(() => assembler.add({ sheet: 4, rows: [] })).toThrow(/before its first part/);
  });

  it("keeps a large workbook in the 1904 date system, and forgets it after take", () => {
    const assembler = new InputAssembler();
    for (const part of inputParts(workbook([30, 7], true), 10)) assembler.add(part);
    const taken = assembler.take();
    expect(taken.date1904).toBe(true);
    expect(taken.sheets.map((s) => s.rows.length)).toEqual([30, 7]);
    for (const part of inputParts(workbook([30]), 10)) assembler.add(part);
    expect(assembler.take().date1904).toBeUndefined();
  });

  it("calls a workbook large only past one part of rows in all", () => {
    expect(isLarge(workbook([5, 5]), 10)).toBe(false);
    expect(isLarge(workbook([6, 5]), 10)).toBe(true);
  });
});
