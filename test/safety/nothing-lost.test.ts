/**
 * Nothing lost (issue 6): the CLI never writes its input, never overwrites without --force, writes
 * atomically, copies every user sheet unchanged into the --out workbook, and keeps the settings
 * a workbook carries (the 基本信息 sheet and the pane's saved state).
 */
import { promises as fsp } from "node:fs";
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SAVED_STATE } from "../../scripts/make-bad-fixtures";
import { sniffWorkbook } from "../../src/adapters/xlsx/sniff";
import { parseState, STATE_SHEET_NAME } from "../../src/engine";
import {
  BAD_DIR,
  crashSigns,
  fileHash,
  lines,
  openPackage,
  openWorkbook,
  runCli,
  sheetDifferences,
  type CliRun,
} from "./harness";

let tmp: string;
let n = 0;
/** A fresh folder per test, so outputs never collide. */
function folder(): string {
  const dir = join(tmp, String(++n));
  mkdirSync(dir);
  return dir;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "ziping-nothing-lost-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** Fixtures that open (the sniff accepts them and they are not the lying bomb). */
const OPENING = readdirSync(BAD_DIR)
  .filter((f) => f.endsWith(".xlsx") && f !== "bomb-lying-sizes.xlsx")
  .filter((f) => sniffWorkbook(new Uint8Array(readFileSync(join(BAD_DIR, f)))).ok)
  .sort();
/** Every fixture, including those refused. */
const ALL = readdirSync(BAD_DIR)
  .filter((f) => f.endsWith(".xlsx"))
  .sort();

function expectRefusal(run: CliRun): void {
  expect(run.thrown).toBeUndefined();
  expect(run.code).toBe(2);
  expect(lines(run.stderr)).toHaveLength(1);
  expect(crashSigns(run.stderr)).toEqual([]);
}

/** Names of our temporary files (`.name.xxxx.tmp`) left in a folder. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.startsWith(".") || f.endsWith(".tmp"));
}

describe("the input file is never written", () => {
  it("is covered by a reasonable share of the corpus", () => {
    expect(OPENING.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ALL)("%s is byte-identical after a run with --out and --json", async (file) => {
    const dir = folder();
    const input = join(dir, file);
    copyFileSync(join(BAD_DIR, file), input);
    const before = { hash: fileHash(input), mtime: statSync(input).mtimeMs };
    await runCli(["check", input, "--out", join(dir, "out.xlsx"), "--json", join(dir, "r.json"), "--force"]);
    expect(fileHash(input)).toBe(before.hash);
    expect(statSync(input).mtimeMs).toBe(before.mtime);
  });

  it.each([
    ["--out", "the same path"],
    ["--json", "the same path"],
  ])("%s pointing at the input is refused (%s), even with --force", async (option) => {
    const dir = folder();
    const input = join(dir, "名单.xlsx");
    copyFileSync(join(BAD_DIR, "formats-formulas.xlsx"), input);
    const hash = fileHash(input);
    expectRefusal(await runCli(["check", input, option, input, "--force"]));
    expect(fileHash(input)).toBe(hash);
  });

  it("is recognised behind another spelling, a symbolic link and a hard link", async () => {
    const dir = folder();
    const input = join(dir, "名单.xlsx");
    copyFileSync(join(BAD_DIR, "formats-formulas.xlsx"), input);
    mkdirSync(join(dir, "sub"));
    symlinkSync(input, join(dir, "link.xlsx"));
    linkSync(input, join(dir, "hard.xlsx"));
    const hash = fileHash(input);
    for (const alias of [
      join(dir, "sub", "..", "名单.xlsx"),
      join(dir, "link.xlsx"),
      join(dir, "hard.xlsx"),
    ]) {
      expectRefusal(await runCli(["check", input, "--out", alias, "--force"]));
      expect(fileHash(input)).toBe(hash);
    }
  });
});

describe("--out and --json never overwrite without --force", () => {
  it.each(["--out", "--json"])("%s onto an existing file is refused and the file kept", async (option) => {
    const dir = folder();
    const target = join(dir, option === "--out" ? "old.xlsx" : "old.json");
    writeFileSync(target, "precious");
    const run = await runCli(["check", join(BAD_DIR, "formats-formulas.xlsx"), option, target]);
    expectRefusal(run);
    expect(readFileSync(target, "utf8")).toBe("precious");
    expect(leftovers(dir)).toEqual([]);
  });

  it("--force replaces the file", async () => {
    const dir = folder();
    const target = join(dir, "old.xlsx");
    writeFileSync(target, "precious");
    const run = await runCli(["check", join(BAD_DIR, "formats-formulas.xlsx"), "--out", target, "--force"]);
    expect([0, 1]).toContain(run.code);
    expect(sniffWorkbook(new Uint8Array(readFileSync(target)))).toEqual({ ok: true });
    expect(leftovers(dir)).toEqual([]);
  });

  it("nothing is written when the input cannot be used", async () => {
    const dir = folder();
    const run = await runCli([
      "check",
      join(BAD_DIR, "xls-renamed.xlsx"),
      "--out",
      join(dir, "out.xlsx"),
      "--json",
      join(dir, "r.json"),
    ]);
    expectRefusal(run);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("output is written atomically", () => {
  const input = join(BAD_DIR, "formats-formulas.xlsx");

  it("a failing rename leaves no file and no temporary file", async () => {
    const dir = folder();
    const failing = Object.assign(new Error("EIO: simulated crash"), { code: "EIO" });
    const rename = jest.spyOn(fsp, "rename").mockRejectedValue(failing);
    const link = jest.spyOn(fsp, "link").mockRejectedValue(failing);
    try {
      const run = await runCli(["check", input, "--out", join(dir, "out.xlsx")]);
      expectRefusal(run);
    } finally {
      rename.mockRestore();
      link.mockRestore();
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("a write that dies half-way leaves no file, and an old file under --force intact", async () => {
    const dir = folder();
    const target = join(dir, "out.xlsx");
    writeFileSync(target, "previous version");
    const realWrite = fsp.writeFile.bind(fsp);
    const write = jest.spyOn(fsp, "writeFile").mockImplementation(async (file, data, options) => {
      // Write the first half for real, then fail as a full disk would.
      const bytes = typeof data === "string" ? Buffer.from(data) : Buffer.from(data as Uint8Array);
      await realWrite(file, bytes.subarray(0, bytes.length >> 1), options);
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    });
    try {
      expectRefusal(await runCli(["check", input, "--out", target, "--force"]));
    } finally {
      write.mockRestore();
    }
    expect(readFileSync(target, "utf8")).toBe("previous version");
    expect(readdirSync(dir)).toEqual(["out.xlsx"]);
  });

  it("an unwritable folder is a one-line refusal", async () => {
    const dir = folder();
    // A regular file where the output folder should be: mkdir fails for everyone, root included.
    writeFileSync(join(dir, "blocker"), "");
    expectRefusal(await runCli(["check", input, "--out", join(dir, "blocker", "out.xlsx")]));
    expect(readdirSync(dir)).toEqual(["blocker"]);
  });
});

describe("user sheets are copied unchanged into the --out workbook", () => {
  it("the comparison notices a changed value, formula, number format, merge and hidden row", async () => {
    const original = await openWorkbook(join(BAD_DIR, "formats-formulas.xlsx"));
    const changed = await openWorkbook(join(BAD_DIR, "formats-formulas.xlsx"));
    const a = original.getWorksheet("工作人员名单");
    const b = changed.getWorksheet("工作人员名单");
    if (!a || !b) throw new Error("fixture lacks its roster");
    expect(sheetDifferences(a, b)).toEqual([]);
    b.getCell("A2").value = "改过的名字";
    b.getCell("L2").value = { formula: "1+1", result: 2 };
    b.getCell("N2").numFmt = "0";
    b.unMergeCells("A9:I9");
    b.getRow(4).hidden = true;
    const diffs = sheetDifferences(a, b).join("\n");
    for (const needle of ["A2", "L2", "N2: number format", "merges", "hidden rows"])
      expect(diffs).toContain(needle);
  });

  it.each(OPENING)(
    "%s: every user sheet, cell by cell",
    async (file) => {
      const dir = folder();
      const out = join(dir, "out.xlsx");
      const run = await runCli(["check", join(BAD_DIR, file), "--out", out]);
      expect(run.thrown).toBeUndefined();
      expect([0, 1]).toContain(run.code);
      const [before, after] = await Promise.all([openWorkbook(join(BAD_DIR, file)), openWorkbook(out)]);
      const userNames = before.worksheets.map((ws) => ws.name);
      // The user's sheets come first, in their order; ours follow.
      expect(after.worksheets.slice(0, userNames.length).map((ws) => ws.name)).toEqual(userNames);
      expect(after.worksheets.length).toBeGreaterThan(userNames.length);
      const diffs = before.worksheets.flatMap((ws) => {
        const copy = after.getWorksheet(ws.name);
        return copy ? sheetDifferences(ws, copy) : [`${ws.name}: missing from the output`];
      });
      expect(diffs).toEqual([]);
      // Defined names the user made survive too.
      const names = (wb: typeof before): string[] =>
        (wb.definedNames.model as Array<{ name: string }>)
          .map((d) => d.name)
          .filter((name) => !name.startsWith("_ziping_"))
          .sort();
      expect(names(after)).toEqual(names(before));
    },
    60_000,
  );

  it("a second run replaces our sheets instead of adding more", async () => {
    const dir = folder();
    const first = join(dir, "first.xlsx");
    const second = join(dir, "second.xlsx");
    await runCli(["check", join(BAD_DIR, "formats-formulas.xlsx"), "--out", first]);
    await runCli(["check", first, "--out", second]);
    const [a, b] = await Promise.all([openWorkbook(first), openWorkbook(second)]);
    expect(b.worksheets.map((ws) => ws.name)).toEqual(a.worksheets.map((ws) => ws.name));
  });
});

describe("settings saved in a workbook survive --out", () => {
  const source = join(BAD_DIR, "saved-settings.xlsx");

  it("the _ziping_state sheet keeps its text and stays very hidden; 基本信息 is unchanged", async () => {
    const dir = folder();
    const out = join(dir, "out.xlsx");
    await runCli(["check", source, "--out", out]);
    const [before, after] = await Promise.all([openWorkbook(source), openWorkbook(out)]);
    const state = after.getWorksheet(STATE_SHEET_NAME);
    expect(state?.state).toBe("veryHidden");
    const text = state?.getCell("A1").value;
    expect(text).toBe(before.getWorksheet(STATE_SHEET_NAME)?.getCell("A1").value);
    const parsed = parseState(String(text));
    expect(parsed.ok && parsed.value).toEqual({
      settings: SAVED_STATE.settings,
      overrides: SAVED_STATE.overrides,
    });
    const settingsBefore = before.getWorksheet("基本信息");
    const settingsAfter = after.getWorksheet("基本信息");
    expect(settingsBefore && settingsAfter && sheetDifferences(settingsBefore, settingsAfter)).toEqual([]);
    // At the package level too: the state sheet is still declared very hidden in the workbook.
    expect(openPackage(out).sheets.find((s) => s.name === STATE_SHEET_NAME)?.state).toBe("veryHidden");
  });

  it("checking the output gives the same tables, settings and figures as checking the input", async () => {
    const dir = folder();
    const out = join(dir, "out.xlsx");
    await runCli(["check", source, "--out", out, "--json", join(dir, "first.json")]);
    await runCli(["check", out, "--json", join(dir, "second.json")]);
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown>;
    const [first, second] = [read("first.json"), read("second.json")];
    expect(second.tables).toEqual(first.tables);
    expect(second.stats).toEqual(first.stats);
    expect(second.findings).toEqual(first.findings);
  });
});

describe("finally", () => {
  it("no temporary file was left behind anywhere the CLI wrote", () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".tmp") ? [join(dir, e.name)] : [],
      );
    expect(existsSync(tmp) ? walk(tmp) : []).toEqual([]);
  });
});
