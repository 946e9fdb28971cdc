/**
 * Batch mode, `ziping check DIR/`, end to end in-process: every .xlsx of a folder in name order,
 * one JSON report each, one summary row per school (CSV and JSON), unreadable files reported while
 * the batch goes on, the exit code the worst of the files, and refusals before any work.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { csvField, listWorkbooks, summaryCsv, type SchoolSummary } from "../../src/cli/batch";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, sha256, tempDir, ziping } from "../integration/cli";

/** A folder with both samples, a CSV renamed .xlsx, an Office lock file, a subfolder and a text file. */
function schoolsFolder(): string {
  const dir = tempDir();
  copyFileSync(MAIN_SAMPLE, path.join(dir, "a-赣南.xlsx"));
  copyFileSync(PROBLEMS_SAMPLE, path.join(dir, "c-问题.xlsx"));
  writeFileSync(path.join(dir, "b-损坏.xlsx"), "姓名,学号\n张三,1\n");
  writeFileSync(path.join(dir, "~$a-赣南.xlsx"), "lock");
  writeFileSync(path.join(dir, "说明.txt"), "not a workbook");
  mkdirSync(path.join(dir, "sub"));
  copyFileSync(MAIN_SAMPLE, path.join(dir, "sub", "nested.xlsx"));
  return dir;
}

/** Parse our CSV (quoted fields, CRLF, BOM) into rows of fields. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe("ziping check DIR/", () => {
  it("checks every workbook in name order, reports the unreadable one and goes on; exit code is the worst", async () => {
    const dir = schoolsFolder();
    const before = readdirSync(dir).map((f) => (f === "sub" ? f : `${f}:${sha256(path.join(dir, f))}`));
    const r = await ziping(["check", dir]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.slice(0, 3)).toEqual([
      expect.stringMatching(/^\[1\/3\] a-赣南\.xlsx（赣南医学院）：0 个错误，0 个警告，0 条提示$/),
      expect.stringMatching(/^\[2\/3\] b-损坏\.xlsx：无法使用 —— .*CSV/),
      expect.stringMatching(/^\[3\/3\] c-问题\.xlsx（示例职业技术学院）：27 个错误/),
    ]);
    expect(lines[3]).toMatch(/^合计：3 个文件，检查了 2 个，无法读取 1 个；有错误的 1 个。/);
    expect(r.stdout).not.toContain("nested");
    expect(r.stderr).toBe("");
    // Nothing in the folder changed.
    expect(readdirSync(dir).map((f) => (f === "sub" ? f : `${f}:${sha256(path.join(dir, f))}`))).toEqual(
      before,
    );
  });

  it("exits 0 when no file has an error, 1 when one has", async () => {
    const clean = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(clean, "one.xlsx"));
    copyFileSync(MAIN_SAMPLE, path.join(clean, "two.XLSX"));
    expect((await ziping(["check", clean])).code).toBe(0);
    copyFileSync(PROBLEMS_SAMPLE, path.join(clean, "three.xlsx"));
    expect((await ziping(["check", clean])).code).toBe(1);
  });

  it("writes one JSON report per file, the same as checking the file alone", async () => {
    const dir = schoolsFolder();
    const out = path.join(tempDir(), "reports");
    const r = await ziping(["check", dir, "--json", out, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(readdirSync(out).sort()).toEqual(["a-赣南.json", "c-问题.json"]);
    const single = path.join(tempDir(), "single.json");
    await ziping(["check", path.join(dir, "c-问题.xlsx"), "--json", single, "--lang", "en"]);
    expect(JSON.parse(readFileSync(path.join(out, "c-问题.json"), "utf8"))).toEqual(
      JSON.parse(readFileSync(single, "utf8")),
    );
    expect(r.stdout).toContain(`Wrote 2 JSON reports to: ${out}`);
  });

  it("writes a CSV summary with one row per school, key figures from the reports", async () => {
    const dir = schoolsFolder();
    const out = tempDir();
    const csv = path.join(out, "汇总.csv");
    const reports = path.join(out, "reports");
    await ziping(["check", dir, "--summary", csv, "--json", reports]);
    const rows = parseCsv(readFileSync(csv, "utf8"));
    expect(rows[0]).toEqual([
      "学校名称",
      "文件",
      "工作人员总数",
      "主席团成员",
      "工作部门数",
      "资格符合人数",
      "错误",
      "警告",
      "活动场次",
      "参与人次",
      "服务时长（小时）",
      "学代会代表人数",
      "代表占在校生比例",
      "学代会召开日期",
      "放宽的限制（来源）",
      "状态",
      "原因",
    ]);
    expect(rows.map((row) => row[1])).toEqual(["文件", "a-赣南.xlsx", "b-损坏.xlsx", "c-问题.xlsx"]);
    const report = JSON.parse(readFileSync(path.join(reports, "a-赣南.json"), "utf8"));
    const s = report.stats;
    expect(rows[1]).toEqual([
      "赣南医学院",
      "a-赣南.xlsx",
      String(s.staff.total),
      String(s.staff.presidium),
      String(s.staff.departmentCount),
      String(s.staff.eligible),
      "0",
      "0",
      String(s.activities.sessions),
      String(s.activities.personTimes),
      String(s.activities.hours),
      String(s.congress.delegates),
      String(Math.round(s.congress.ratio * 1e6) / 1e6),
      "2022-11-23",
      "",
      "已检查",
      "",
    ]);
    expect([rows[1]?.[2], rows[1]?.[3], rows[1]?.[11]]).toEqual(["60", "5", "138"]);
    expect(rows[2]?.slice(2, 15).every((f) => f === "")).toBe(true);
    expect(rows[2]?.[15]).toBe("无法读取");
    expect(rows[2]?.[16]).toContain("CSV");
    expect(rows[3]?.[6]).toBe("27");
  });

  it("writes a JSON summary with --summary *.json", async () => {
    const dir = schoolsFolder();
    const json = path.join(tempDir(), "summary.json");
    await ziping(["check", dir, "--summary", json]);
    const { schools } = JSON.parse(readFileSync(json, "utf8")) as { schools: SchoolSummary[] };
    expect(schools.map((s) => [s.file, s.status])).toEqual([
      ["a-赣南.xlsx", "ok"],
      ["b-损坏.xlsx", "unreadable"],
      ["c-问题.xlsx", "ok"],
    ]);
    expect(schools[0]).toMatchObject({
      school: "赣南医学院",
      staffTotal: 60,
      delegates: 138,
      congressDate: "2022-11-23",
    });
  });

  it("applies --config to every file", async () => {
    const dir = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(dir, "x.xlsx"));
    copyFileSync(MAIN_SAMPLE, path.join(dir, "y.xlsx"));
    const config = path.join(tempDir(), "c.json");
    writeFileSync(config, JSON.stringify({ staffMax: 10, staffMaxLarge: 10 }));
    const r = await ziping(["check", dir, "--config", config]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/1 个错误/g)).toHaveLength(2);
  });

  it.each<[string, (dir: string, out: string) => string[], RegExp]>([
    ["--out with a folder", (d, o) => [d, "--out", path.join(o, "x.xlsx")], /不能用 --out/],
    [
      "--summary with one file",
      (_d, o) => [MAIN_SAMPLE, "--summary", path.join(o, "s.csv")],
      /--summary 用于检查文件夹/,
    ],
    [
      "a --summary that is not .csv or .json",
      (d, o) => [d, "--summary", path.join(o, "s.txt")],
      /\.csv 或 \.json/,
    ],
    [
      "a --json that is a file",
      (d, o) => [d, "--json", writeAndReturn(path.join(o, "r.json"))],
      /应指定一个文件夹/,
    ],
    ["an existing report without --force", (d, o) => [d, "--json", withReport(o)], /已存在.*--force/],
    [
      "an existing summary without --force",
      (d, o) => [d, "--summary", writeAndReturn(path.join(o, "s.csv"))],
      /已存在/,
    ],
  ])("refuses %s before checking anything (exit 2, one line)", async (_label, argv, message) => {
    const dir = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(dir, "a.xlsx"));
    const out = tempDir();
    const r = await ziping(["check", ...argv(dir, out)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });

  it("refuses a folder without workbooks, and overwrites reports only with --force", async () => {
    const empty = tempDir();
    writeFileSync(path.join(empty, "readme.txt"), "x");
    const r = await ziping(["check", empty]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/没有 \.xlsx 文件/)]);

    const dir = tempDir();
    copyFileSync(MAIN_SAMPLE, path.join(dir, "a.xlsx"));
    const out = path.join(tempDir(), "reports");
    expect((await ziping(["check", dir, "--json", out])).code).toBe(0);
    expect((await ziping(["check", dir, "--json", out])).code).toBe(2);
    expect((await ziping(["check", dir, "--json", out, "--force"])).code).toBe(0);
    expect(existsSync(path.join(out, "a.json"))).toBe(true);
  });

  it("documents batch mode in ziping check --help", async () => {
    const r = await ziping(["check", "--help"]);
    expect(r.stdout).toContain("ziping check 文件夹/");
    expect(r.stdout).toContain("--summary");
  });
});

function writeAndReturn(file: string): string {
  writeFileSync(file, "{}");
  return file;
}

function withReport(out: string): string {
  writeFileSync(path.join(out, "a.json"), "{}");
  return out;
}

describe("batch helpers", () => {
  it("lists .xlsx files only, in name order, without lock files or subfolders", async () => {
    const dir = schoolsFolder();
    expect((await listWorkbooks(dir)).map((f) => path.basename(f))).toEqual([
      "a-赣南.xlsx",
      "b-损坏.xlsx",
      "c-问题.xlsx",
    ]);
  });

  it.each<[string | number | null, string]>([
    [null, ""],
    [12.5, "12.5"],
    ["赣南医学院", "赣南医学院"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+86 138", "'+86 138"],
    ["-1", "'-1"],
    ["@SUM(1)", "'@SUM(1)"],
  ])("csvField(%p) = %p", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("names the summary columns in English with --lang en", () => {
    const header = summaryCsv([], "en").slice(1).split("\r\n")[0];
    expect(header).toBe(
      "School,File,Staff total,Presidium,Departments,Eligible staff,Errors,Warnings,Activity sessions,Person-times,Hours,Delegates,Delegate ratio,Congress date,Loosened limits (source),Status,Reason",
    );
  });
});
