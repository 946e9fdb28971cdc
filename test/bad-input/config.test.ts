/** A `--config` whose period ends before it starts is a settings error: exit 2, one line (issue 13). */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseSettingsInput } from "../../src/engine";
import { MAIN_SAMPLE, tempDir, ziping } from "../integration/cli";

describe("a reversed period", () => {
  it("is refused by the settings parser, naming periodEnd", () => {
    const r = parseSettingsInput({ periodStart: "2022-09-01", periodEnd: "2022-08-31" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.map((e) => e.key)).toEqual(["periodEnd"]);
    expect(parseSettingsInput({ periodStart: "2022-09-01", periodEnd: "2022-09-01" }).ok).toBe(true);
  });

  it("in --config ends the run with exit 2 and one line", async () => {
    const config = path.join(tempDir(), "s.json");
    writeFileSync(config, JSON.stringify({ periodStart: "2022-09-01", periodEnd: "2021-09-01" }));
    const r = await ziping(["check", MAIN_SAMPLE, "--config", config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("periodEnd");
  });
});
