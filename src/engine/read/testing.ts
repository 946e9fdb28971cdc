/**
 * Test helpers for the reader's property tests: the cells a workbook can hold, text typed with a
 * full-width IME, and a parse result's meaning. Not exported from the engine; only tests import it.
 */
import fc from "fast-check";
import type { Parsed, RawCell } from "../types";

/** ASCII → full-width (space → U+3000) for the characters `mask` picks, as a full-width IME types them. */
export function toFullWidth(s: string, mask: readonly boolean[] = [true]): string {
  let i = 0;
  return s.replace(/[\x20-\x7e]/g, (c) => {
    if (!mask[i++ % mask.length]) return c;
    return c === " " ? "\u3000" : String.fromCharCode(c.charCodeAt(0) + 0xfee0);
  });
}

/** A parse result without the raw text, which legitimately differs between full- and half-width input. */
export const meaning = (p: Parsed<unknown>) => (p.state === "ok" ? p : { state: p.state });

/** Generators of what a cell can hold, seeded with texts people type into the sheets under test. */
export interface CellArbitraries {
  /** Any text: arbitrary strings, the samples, and the samples padded with (full-width) spaces. */
  readonly text: fc.Arbitrary<string>;
  /** ASCII text and the samples, whose full-width twins must read the same. */
  readonly asciiText: fc.Arbitrary<string>;
  /** Any raw cell: text, numbers (non-finite and extreme ones too), booleans, dates, errors, blank. */
  readonly rawCell: fc.Arbitrary<RawCell>;
}

/** The cell generators for a test whose typical texts are `samples`. */
export function cellArbitraries(samples: readonly string[]): CellArbitraries {
  const text = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.constantFrom(...samples),
    fc
      .tuple(fc.constantFrom(...samples), fc.constantFrom("", " ", "\u3000", "\u00a0", "\n", "\u200b"))
      .map(([s, w]) => w + s + w),
  );
  const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
    text,
    fc.double(),
    fc.integer(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.3, 1e21, 44628, 60, Number.MAX_VALUE, -Number.MAX_VALUE),
    fc.boolean(),
    fc.date({ noInvalidDate: false }),
    fc.oneof(fc.constantFrom("#N/A", "#VALUE!", ""), fc.string()).map((error) => ({ error })),
    fc.constant(null),
  );
  const asciiText = fc.oneof(fc.string({ unit: "binary-ascii" }), fc.constantFrom(...samples));
  return { text, asciiText, rawCell };
}
