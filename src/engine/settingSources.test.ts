import type { SettingsInput } from "./settings";
import { settingSources } from "./settingSources";

describe("settingSources: every setting that differs from the default, with its source", () => {
  it("names the highest layer that sets each key and leaves defaults out", () => {
    const sources = settingSources({
      sheet: { schoolName: "示例大学", presidiumMax: 5, level: "school" },
      state: { presidiumMax: 9, departmentsMax: 6 },
      config: { trainingsPerYear: 1 },
    });
    expect(sources).toEqual([
      { key: "schoolName", value: "示例大学", source: "sheet", loosened: false },
      { key: "presidiumMax", value: 9, source: "state", loosened: true },
      { key: "trainingsPerYear", value: 1, source: "config", loosened: true },
    ]);
  });

  it("flags only limits made more permissive than the default, by level", () => {
    const flagged = (config: SettingsInput) =>
      settingSources({ config })
        .filter((s) => s.loosened)
        .map((s) => s.key);
    expect(flagged({ presidiumMax: 4, delegateRatioMin: 0.02, maxHoursPerRecord: 12 })).toEqual([]);
    expect(flagged({ presidiumMax: 6, delegateRatioMin: 0.005, maxHoursPerRecord: 48 })).toEqual([
      "presidiumMax",
      "delegateRatioMin",
      "maxHoursPerRecord",
    ]);
    // A college's default presidium is 3: 4 is looser there, 5 is the school default.
    expect(flagged({ level: "college", presidiumMax: 4 })).toEqual(["presidiumMax"]);
    expect(flagged({ allowedTitles: ["主席", "会长"] })).toEqual(["allowedTitles"]);
  });

  it("lists nothing when every layer keeps the defaults", () => {
    expect(
      settingSources({ sheet: { level: "school", largeSchool: false }, state: { presidiumMax: 5 } }),
    ).toEqual([]);
  });
});
