/**
 * Batch mode over hostile file names (issue 13): names are printed visibly escaped, never raw, and
 * two workbooks whose names differ only in case (x.xlsx, x.XLSX) get two reports, not one.
 */
import { copyFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { MAIN_SAMPLE, tempDir, ziping } from "../integration/cli";

const ESC = "\u001b";

describe("batch mode and the terminal", () => {
  it("prints escape and bidi characters of file names visibly, never raw", async () => {
    const dir = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(dir, `a${ESC}]0;pwned\u0007${ESC}[2J.xlsx`));
    copyFileSync(MAIN_SAMPLE, path.join(dir, "b\u202Exslx.xlsx"));
    const r = await ziping(["check", dir]);
    expect([0, 1]).toContain(r.code);
    const printed = r.stdout + r.stderr;
    // eslint-disable-next-line no-control-regex -- stripping our colour sequences is the point
    expect(printed.replace(/\u001b\[[0-9;]*m/g, "")).not.toContain(ESC);
    expect(printed).not.toContain("\u0007");
    expect(printed).not.toContain("\u202E");
    expect(printed).toContain("a<U+001B>]0;pwned<U+0007><U+001B>[2J.xlsx");
    expect(printed).toContain("b<U+202E>xslx.xlsx");
  });

  it("gives x.xlsx and x.XLSX a report each", async () => {
    const dir = tempDir();
    const out = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(dir, "x.xlsx"));
    copyFileSync(MAIN_SAMPLE, path.join(dir, "x.XLSX"));
    const r = await ziping(["check", dir, "--json", out]);
    expect([0, 1]).toContain(r.code);
    const reports = readdirSync(out).sort();
    expect(reports).toHaveLength(2);
    expect(new Set(reports.map((f) => f.toLowerCase())).size).toBe(2);
  });
});
