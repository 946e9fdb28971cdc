import fc from "fast-check";
import { jsonChunks } from "./json";

describe("jsonChunks", () => {
  it("gives exactly JSON.stringify(value, null, 2) for any JSON-like value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (value, size) => {
        expect([...jsonChunks(value, size)].join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it("treats dates, undefined and functions as JSON.stringify does", () => {
    const value = {
      when: new Date(Date.UTC(2022, 0, 2)),
      gone: undefined,
      list: [undefined, () => 1, new Date(0), { a: undefined, b: [[]], c: {} }],
    };
    expect([...jsonChunks(value, 8)].join("")).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it("splits a long list into pieces instead of one string", () => {
    const findings = Array.from({ length: 20_000 }, (_, i) => ({
      rule: "x",
      row: i,
      message: "m".repeat(50),
    }));
    const chunks = [...jsonChunks({ findings }, 64 * 1024)];
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
  });
});
