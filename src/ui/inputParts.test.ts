import fc from "fast-check";
import type { RawCell, WorkbookInput } from "../engine";
import { InputAssembler, inputParts, isLarge } from "./inputParts";

function workbook(sizes: readonly number[]): WorkbookInput {
  return {
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
        (sizes, partRows) => {
          const input = workbook(sizes);
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

  it("calls a workbook large only past one part of rows in all", () => {
    expect(isLarge(workbook([5, 5]), 10)).toBe(false);
    expect(isLarge(workbook([6, 5]), 10)).toBe(true);
  });
});
