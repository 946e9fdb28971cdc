/**
 * The benchmark's generator: deterministic (the same workbook every time), and the .xlsx it
 * writes holds exactly the values of the in-memory input (read back by both readers), so the
 * engine, CLI and browser benches measure the same data.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { check } from "../../src/engine";
import { readXlsx } from "../../src/adapters/xlsx/testing/exceljsOracle";
import { readXlsxLean } from "../../src/adapters/xlsx/lean/read";
import {
  schoolWorkbook,
  seeded,
  sizedWorkbook,
  SIZES,
  toWorkbookInput,
  unionWorkbook,
  writeWorkbookXlsx,
} from "../../bench/generate";

describe("bench/generate", () => {
  it("is deterministic: the same seed gives the same workbook", () => {
    expect(toWorkbookInput(sizedWorkbook("1k"))).toEqual(toWorkbookInput(sizedWorkbook("1k")));
    expect(toWorkbookInput(schoolWorkbook(7))).toEqual(toWorkbookInput(schoolWorkbook(7)));
    expect(toWorkbookInput(schoolWorkbook(7))).not.toEqual(toWorkbookInput(schoolWorkbook(8)));
    const a = seeded(42);
    const b = seeded(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });

  it("makes logs of the named sizes, with every table the engine recognises", () => {
    const input = toWorkbookInput(sizedWorkbook("1k"));
    const result = check(input, { today: "2022-12-31" });
    expect(result.report.tables.map((t) => t.kind).sort()).toEqual(
      ["activities", "congress", "meetings", "reviews", "roster", "settings"].sort(),
    );
    expect(result.read.activities).toHaveLength(SIZES["1k"].activities);
    expect(result.read.staff).toHaveLength(SIZES["1k"].roster);
    expect(result.read.findings.filter((f) => f.rule === "settings.invalid-value")).toEqual([]);
    expect(result.report.stats.activities?.personTimes).toBeGreaterThan(SIZES["1k"].activities * 0.9);
  });

  it("writes an .xlsx whose cells equal the in-memory input, for both readers", async () => {
    const spec = unionWorkbook({ seed: 99, activities: 600, roster: 60 });
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "ziping-gen-")), "u.xlsx");
    await writeWorkbookXlsx(spec, file);
    const bytes = readFileSync(file);
    const expected = toWorkbookInput(spec);
    expect(await readXlsxLean(bytes)).toEqual(expected);
    expect(await readXlsx(bytes)).toEqual(expected);
  });
});
