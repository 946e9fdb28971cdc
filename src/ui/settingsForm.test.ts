/** The settings panel's model: field coverage, text conversion and localised zod messages. */
import { settingsInputSchema } from "../engine";
import { UI_STRINGS } from "./i18n";
import {
  SETTINGS_FIELDS,
  fallbackTexts,
  rangeKey,
  splitList,
  textsFromSettings,
  validateSettings,
} from "./settingsForm";

const zh = UI_STRINGS.zh.errors;
const en = UI_STRINGS.en.errors;

test("there is exactly one field per key of settingsInputSchema", () => {
  const schemaKeys = Object.keys(settingsInputSchema.shape).sort();
  expect(SETTINGS_FIELDS.map((f) => f.key).sort()).toEqual(schemaKeys);
});

test("empty fields mean 'not set' and validate to an empty object", () => {
  expect(validateSettings({}, zh)).toEqual({ value: {}, errors: {} });
});

test.each([
  ["enrollment", "13,800", 13800],
  ["enrollment", "１３８００", 13800],
  ["rankTopPercent", "30", 30],
  ["maxHoursPerRecord", "12.5", 12.5],
  ["delegateRatioMin", "1%", 0.01],
  ["nonOfficerShareMin", "0.6", 0.6],
  ["assessmentDate", "2022/3/8", "2022-03-08"],
  ["congressDate", "2022年11月23日", "2022-11-23"],
  ["level", "college", "college"],
  ["largeSchool", "true", true],
  ["largeSchool", "false", false],
  ["allowedTitles", "主席、部长, 干事；副部长", ["主席", "部长", "干事", "副部长"]],
  ["schoolName", "  某某大学 ", "某某大学"],
])("%s typed as %j becomes %j", (key, text, value) => {
  const result = validateSettings({ [key]: text }, zh);
  expect(result.errors).toEqual({});
  expect(result.value).toEqual({ [key]: value });
});

test.each([
  ["enrollment", "abc", zh.number],
  ["enrollment", "12.5", zh.integer],
  ["enrollment", "0", zh.tooSmall(0, false)],
  ["rankTopPercent", "120", zh.tooBig(100, true)],
  ["delegateRatioMin", "150%", zh.tooBig(1, true)],
  ["assessmentDate", "明天", zh.dateFormat],
  ["assessmentDate", "2022-02-30", zh.dateReal],
  ["schoolName", "   ", zh.notEmpty],
  ["staffMax", "-1", zh.tooSmall(0, true)],
])("%s typed as %j says %j", (key, text, message) => {
  const result = validateSettings({ [key]: text }, zh);
  expect(result.value).toBeNull();
  expect(result.errors).toEqual({ [key]: message });
});

test("department heads need both bounds, in order", () => {
  const min = rangeKey("departmentHeads", "min");
  const max = rangeKey("departmentHeads", "max");
  expect(validateSettings({ [min]: "2" }, zh).errors).toEqual({ departmentHeads: zh.headsBoth });
  expect(validateSettings({ [min]: "3", [max]: "2" }, zh).errors).toEqual({ departmentHeads: zh.headsOrder });
  expect(validateSettings({ [min]: "2", [max]: "3" }, zh).value).toEqual({
    departmentHeads: { min: 2, max: 3 },
  });
});

test("messages follow the language", () => {
  expect(validateSettings({ enrollment: "x" }, en).errors).toEqual({ enrollment: en.number });
});

test("texts round-trip through saved settings", () => {
  const saved = {
    schoolName: "某某大学",
    enrollment: 13800,
    largeSchool: false,
    departmentHeads: { min: 2, max: 3 },
    allowedTitles: ["主席", "干事"],
    delegateRatioMin: 0.01,
  };
  const texts = textsFromSettings(saved);
  expect(texts[rangeKey("departmentHeads", "max")]).toBe("3");
  expect(validateSettings(texts, zh).value).toEqual(saved);
});

test("fallbacks come from the settings sheet, else the defaults", () => {
  const texts = fallbackTexts({ schoolName: "某某大学", level: "college" }, "2022-12-31");
  expect(texts.schoolName).toBe("某某大学");
  expect(texts.presidiumMax).toBe("3");
  expect(texts.staffMax).toBe("30");
  expect(texts.staffMaxLarge).toBe("60");
  expect(texts.periodEnd).toBe("2022-12-31");
  expect(texts.periodStart).toBe("2022-01-01");
});

test("splitList ignores empty items", () => {
  expect(splitList(" a ,, b\n、c ")).toEqual(["a", "b", "c"]);
});
