import fc from "fast-check";
import { SHEET_SETTING_KEYS, settingsInputSchema, type SettingsInput } from "../settings";
import type { RawCell } from "../types";
import { parseSettingValue, readSettingsTable, settingKeyOf } from "./records";
import { recognizeTables } from "./recognize";
import { cellArbitraries, meaning, toFullWidth } from "./testing";

type SettingKey = keyof SettingsInput;
const KEYS = Object.keys(settingsInputSchema.shape) as SettingKey[];

/** Values as people type them into a settings sheet, for every kind of setting. */
const SAMPLES = [
  "某大学",
  "校级",
  "院级",
  "School-level",
  "13,800人",
  "12个月",
  "45",
  "2-3",
  "2~3人",
  "3",
  "30%",
  "1%",
  "0.6",
  "2022-03-08",
  "2022/3/8",
  "2022年3月8日",
  "是",
  "否",
  "Yes",
  "主席,副主席;部长|干事",
  "2022春\n2022秋",
  "第十五次",
  "1.5h",
];

const { rawCell, asciiText } = cellArbitraries(SAMPLES);

describe("parseSettingValue properties", () => {
  it("never throws for any key and cell, gives a well-formed result and is deterministic", () =>
    fc.assert(
      fc.property(rawCell, (raw) => {
        for (const key of KEYS) {
          const a = parseSettingValue(key, raw);
          expect(["ok", "blank", "invalid"]).toContain(a.state);
          if (a.state === "invalid") expect(typeof a.raw).toBe("string");
          expect(parseSettingValue(key, raw)).toEqual(a);
        }
      }),
    ));

  it("reads full-width text as its half-width twin", () =>
    fc.assert(
      fc.property(asciiText, (s) => {
        for (const key of KEYS)
          expect([key, meaning(parseSettingValue(key, toFullWidth(s)))]).toEqual([
            key,
            meaning(parseSettingValue(key, s)),
          ]);
      }),
      { examples: [["13,800人"], ["2-3"], ["30%"], ["a,b;c|d"], ["School-level"]] },
    ));
});

// Keys as a settings sheet names them: Chinese and JSON keys, decorated, and anything else.
const keyCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constantFrom(...Object.keys(SHEET_SETTING_KEYS), ...KEYS),
  fc
    .tuple(
      fc.constantFrom(...Object.keys(SHEET_SETTING_KEYS), ...KEYS),
      fc.constantFrom("（人）", "*", "：", " "),
    )
    .map(([k, mark]) => (mark === "*" ? mark + k : k + mark)),
  rawCell,
);
/** A key/value row, possibly with blank cells around and between them, or ragged. */
const settingRow: fc.Arbitrary<RawCell[]> = fc
  .tuple(
    fc.array(fc.constantFrom(null, "", "\u3000"), { maxLength: 2 }),
    keyCell,
    fc.array(fc.constantFrom(null, ""), { maxLength: 2 }),
    fc.option(rawCell, { nil: undefined }),
    fc.array(rawCell, { maxLength: 2 }),
  )
  .map(([lead, key, gap, value, rest]) => [
    ...lead,
    key,
    ...(value === undefined ? [] : [...gap, value, ...rest]),
  ]);
const sheetRows = fc.array(settingRow, { maxLength: 25 });

describe("readSettingsTable properties", () => {
  it("never throws on random key/value grids, is deterministic, and every bad value names its key", () =>
    fc.assert(
      fc.property(sheetRows, fc.integer({ min: 1, max: 30 }), (rows, col) => {
        const [table] = recognizeTables({ sheets: [{ name: "基本信息", rows, origin: { row: 1, col } }] }, [
          { sheet: "基本信息", kind: "settings" },
        ]);
        if (!table) throw new Error("a forced settings sheet is always a table");
        const read = readSettingsTable(table);
        expect(readSettingsTable(table)).toEqual(read);
        for (const f of read.findings) {
          expect(f.rule).toBe("settings.invalid-value");
          const key =
            f.rule === "settings.invalid-value" && f.params && "key" in f.params ? f.params.key : undefined;
          expect(typeof key).toBe("string");
          expect(String(key).trim()).not.toBe("");
          // The key is the user's own text on that row, and it names the setting reported.
          expect(settingKeyOf(String(key))).toBe(
            f.params && "setting" in f.params ? f.params.setting : undefined,
          );
          expect(read.entries.filter((e) => e.row === f.row).map((e) => e.key)).toEqual([key]);
          expect(f.cell).toMatch(/^[A-Z]+\d+$/);
        }
        // What survives is what the schema accepts.
        expect(settingsInputSchema.safeParse(read.settings).success).toBe(true);
      }),
    ));
});
