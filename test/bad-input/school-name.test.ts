/**
 * A school name carrying terminal escapes and bidi controls (issue 13): the CLI prints it visibly
 * escaped, never raw, in batch mode (`ziping check DIR/`) and in single-file mode (where it shows in
 * the settings that differ from the default; the same text also goes into 填表单位, a settings row
 * ziping does not use and prints as kept).
 */
import ExcelJS from "exceljs";
import path from "node:path";
import { MAIN_SAMPLE, tempDir, ziping } from "../integration/cli";

const ESC = "\u001b";
const HOSTILE_NAME = `${ESC}]0;pwn\u0007${ESC}[2J\u202e学院大学`;
const VISIBLE_NAME = "<U+001B>]0;pwn<U+0007><U+001B>[2J<U+202E>学院大学";

/** The main sample with the settings rows `keys` set to `name` (control characters as OOXML `_xHHHH_` escapes, as Excel writes them). */
async function sampleWithSettings(name: string, file: string, keys: readonly string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MAIN_SAMPLE);
  const settings = wb.getWorksheet("基本信息");
  if (!settings) throw new Error("the sample has no 基本信息 sheet");
  const set = new Set<string>();
  settings.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key === "string" && keys.includes(key)) {
      row.getCell(2).value = name.replace(
        // eslint-disable-next-line no-control-regex -- matching control characters is the point
        /[\u0000-\u0008\u000b-\u001f\u007f]/g,
        (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
      );
      set.add(key);
    }
  });
  if (set.size !== keys.length) throw new Error(`the sample lacks one of the rows ${keys.join(", ")}`);
  await wb.xlsx.writeFile(file);
}

/** What reached the terminal, minus our own colour sequences, holds no raw control character. */
function expectNothingRaw(printed: string): void {
  // eslint-disable-next-line no-control-regex -- stripping our colour sequences is the point
  expect(printed.replace(/\u001b\[[0-9;]*m/g, "")).not.toContain(ESC);
  expect(printed).not.toContain("\u0007");
  expect(printed).not.toContain("\u202e");
}

describe("a hostile school name and the terminal", () => {
  it("is printed visibly escaped in batch mode", async () => {
    const dir = tempDir();
    await sampleWithSettings(HOSTILE_NAME, path.join(dir, "school.xlsx"), ["学校名称"]);
    const r = await ziping(["check", dir]);
    expect([0, 1]).toContain(r.code);
    const printed = r.stdout + r.stderr;
    expectNothingRaw(printed);
    expect(printed).toContain(VISIBLE_NAME);
  });

  it("is printed visibly escaped in single-file mode, colour on or off", async () => {
    const file = path.join(tempDir(), "school.xlsx");
    await sampleWithSettings(HOSTILE_NAME, file, ["学校名称", "填表单位"]);
    for (const tty of [false, true]) {
      const r = await ziping(["check", file, "--out", path.join(tempDir(), "out.xlsx")], { tty });
      expect([0, 1]).toContain(r.code);
      const printed = r.stdout + r.stderr;
      expectNothingRaw(printed);
      expect(printed).toContain(`schoolName = ${VISIBLE_NAME}`);
      expect(printed).toContain(`填表单位：${VISIBLE_NAME}`);
    }
  });
});
