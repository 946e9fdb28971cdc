/**
 * Saved settings are visible (issue 13): a very-hidden `_ziping_state` that loosens the limits
 * changes the verdict, and every entry point says so — the console, the JSON report, and batch
 * mode's lines and summary column — with each setting's source.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSummaryWorkbook } from "../../src/adapters/xlsx/write";
import { serializeState } from "../../src/engine";
import { PROBLEMS_SAMPLE, tempDir, ziping } from "../integration/cli";

const LOOSE = { presidiumMax: 99, departmentsMax: 99, maxHoursPerRecord: 1000, rankTopPercent: 100 };

/** The problems sample with a saved state that loosens every limit it can. */
async function loosened(dir: string): Promise<string> {
  const state = serializeState({ settings: LOOSE, overrides: [] });
  const { bytes } = await writeSummaryWorkbook(new Uint8Array(readFileSync(PROBLEMS_SAMPLE)), [], { state });
  const file = path.join(dir, "b-放宽.xlsx");
  writeFileSync(file, bytes);
  return file;
}

describe("settings from the saved state are shown with their source", () => {
  it("lists them on the console and in the JSON report, loosened limits flagged", async () => {
    const dir = tempDir();
    const file = await loosened(dir);
    const json = path.join(dir, "r.json");
    const plain = await ziping(["check", PROBLEMS_SAMPLE]);
    const r = await ziping(["check", file, "--json", json]);
    // The verdict changed: the loosened limits hide findings …
    expect(r.stdout).not.toEqual(plain.stdout);
    // … and the console says why.
    expect(r.stdout).toContain("与默认值不同的设置及来源");
    expect(r.stdout).toContain("presidiumMax = 99（工作簿中保存的助手设置（_ziping_state），放宽了限制）");
    const report = JSON.parse(readFileSync(json, "utf8"));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    const fromState = report.settingsSources.filter((s: { source: string }) => s.source === "state");
    expect(fromState.sort(byKey)).toEqual(
      Object.entries(LOOSE)
        .map(([key, value]) => ({ key, value, source: "state", loosened: true }))
        .sort(byKey),
    );
    // The settings sheet's own entries are listed too, with their source.
    expect(report.settingsSources.some((s: { source: string }) => s.source === "sheet")).toBe(true);
  });

  it("names --config as the source of what it sets, over the saved state", async () => {
    const dir = tempDir();
    const file = await loosened(dir);
    const config = path.join(dir, "c.json");
    writeFileSync(config, JSON.stringify({ presidiumMax: 4 }));
    const json = path.join(dir, "r.json");
    await ziping(["check", file, "--config", config, "--json", json]);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(report.settingsSources.find((s: { key: string }) => s.key === "presidiumMax")).toEqual({
      key: "presidiumMax",
      value: 4,
      source: "config",
      loosened: false,
    });
  });

  it("flags the loosened school in batch mode: a line under it and the summary column", async () => {
    const dir = tempDir();
    await loosened(dir);
    copyFileSync(PROBLEMS_SAMPLE, path.join(dir, "a-原样.xlsx"));
    const csv = path.join(tempDir(), "汇总.csv");
    const r = await ziping(["check", dir, "--summary", csv]);
    const lines = r.stdout.split("\n");
    const at = lines.findIndex((l) => l.includes("b-放宽.xlsx"));
    expect(lines[at + 1]).toContain(
      "设置：presidiumMax = 99（工作簿中保存的助手设置（_ziping_state），放宽了限制）",
    );
    expect(lines[1]).not.toContain("设置：");
    const rows = readFileSync(csv, "utf8").slice(1).split("\r\n");
    const column = rows[0]?.split(",").indexOf("放宽的限制（来源）") ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(rows[1]).toContain("a-原样.xlsx");
    expect(rows[2]).toContain("b-放宽.xlsx");
    expect(rows[2]).toContain("presidiumMax = 99");
    expect(rows[1]).not.toContain("presidiumMax");
  });
});
