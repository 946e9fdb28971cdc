/**
 * `ziping check` end to end, in-process: exit codes, refusals (one line, no stack), the summary
 * workbook written with --out (re-opened and checked), and the input file left untouched.
 */
import ExcelJS from "exceljs";
import { openDocx } from "../../src/adapters/docx/testing";
import { strFromU8, unzipSync } from "fflate";
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { scanTags } from "../../src/adapters/xlsx/xml";
import { serializeState } from "../../src/engine";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, ROOT, sha256, tempDir, ziping } from "./cli";

/** An ANSI colour escape (ESC [), and the red one. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);
const RED = new RegExp(`${String.fromCharCode(27)}\\[31m`);

const SHEETS_ZH = ["自评表", "问题清单", "资格审查", "组织架构", "活动统计", "报告要点"];
const SHEETS_EN = [
  "Self-assessment",
  "Problems",
  "Eligibility",
  "Structure",
  "Activity statistics",
  "Report points",
];

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every non-empty cell text of a sheet, for "contains" checks. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? ""))));
  return out;
}

/** The parts of an .xlsx, and internal hyperlinks (`ref → location`) of one sheet by name. */
function packageOf(file: string) {
  const parts = unzipSync(readFileSync(file));
  const text = (p: string) => strFromU8(parts[p] as Uint8Array);
  const sheetXml = (name: string): string => {
    const tag = scanTags(text("xl/workbook.xml")).find(
      (t) => t.local === "sheet" && t.attrs.get("name") === name,
    );
    const rid = tag?.attrs.get("r:id");
    const rel = scanTags(text("xl/_rels/workbook.xml.rels")).find((t) => t.attrs.get("Id") === rid);
    return text(`xl/${rel?.attrs.get("Target")}`);
  };
  const links = (name: string): Array<[string, string]> =>
    scanTags(sheetXml(name))
      .filter((t) => t.local === "hyperlink")
      .map((t) => [t.attrs.get("ref") ?? "", t.attrs.get("location") ?? ""]);
  return { parts, text, sheetXml, links };
}

/** A refusal is one line on stderr, no stack trace, nothing on stdout's report. */
function expectOneLine(stderr: string): void {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(stderr).toMatch(/^ziping: /);
  expect(stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
}

describe("ziping check: results and exit codes", () => {
  it("exits 0 on the main sample, printing findings, figures and the verdict", async () => {
    const r = await ziping(["check", MAIN_SAMPLE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("没有发现问题");
    for (const figure of [
      "60人",
      "5人",
      "233次，1995人次，2034.5小时",
      "138人 / 13762人",
      "2022-11-23（第二十三次）",
      "已评议 36 / 应评议 36 人次",
    ]) {
      expect(r.stdout).toContain(figure);
    }
    expect(r.stdout).toContain("结论：没有错误。");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("exits 1 on the problems sample, grouping findings by rule with counts and places", async () => {
    const r = await ziping(["check", PROBLEMS_SAMPLE]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[meeting\.monthly\] × 8/);
    expect(r.stdout).toMatch(/\[staff\.academic-rank\] × 1/);
    expect(r.stdout).toContain("学生会工作人员名单!K35");
    expect(r.stdout).toMatch(/结论：有 \d+ 个错误需要处理。/);
  });

  it("speaks English with --lang en or an English LANG, and --lang wins over LANG", async () => {
    expect((await ziping(["check", MAIN_SAMPLE], { env: { LANG: "en_US.UTF-8" } })).stdout).toContain(
      "Result: no errors.",
    );
    expect((await ziping(["check", MAIN_SAMPLE, "--lang", "en"])).stdout).toContain("Key figures");
    expect((await ziping(["check", MAIN_SAMPLE, "--lang=zh"], { env: { LANG: "en_US" } })).stdout).toContain(
      "关键数据",
    );
  });

  it("colours only a terminal, and not with NO_COLOR", async () => {
    expect((await ziping(["check", PROBLEMS_SAMPLE], { tty: true })).stdout).toMatch(RED);
    expect(
      (await ziping(["check", PROBLEMS_SAMPLE], { tty: true, env: { NO_COLOR: "1" } })).stdout,
    ).not.toMatch(ANSI);
  });

  it("documents every option in both languages", async () => {
    for (const argv of [["--help"], ["check", "--help"], ["-h"]]) {
      const r = await ziping(argv);
      expect(r.code).toBe(0);
      for (const word of [
        "--config",
        "--json",
        "--out",
        "--lang",
        "--force",
        "ZIPING_TODAY",
        "NO_COLOR",
        "用法",
        "Usage",
        "退出码",
        "Exit codes",
      ]) {
        expect(r.stdout).toContain(word);
      }
    }
    const en = await ziping(["--help"], { env: { LANG: "en_GB" } });
    expect(en.stdout.indexOf("Usage")).toBeLessThan(en.stdout.indexOf("用法"));
    expect((await ziping(["--version"])).stdout).toMatch(/^ziping \d+\.\d+\.\d+/);
  });

  it.each<[string, string[], RegExp]>([
    ["no command", [], /./],
    ["an unknown command", ["fix", "a.xlsx"], /未知的命令“fix”/],
    ["an unknown option", ["check", MAIN_SAMPLE, "--bogus"], /未知选项 --bogus/],
    ["a missing option value", ["check", MAIN_SAMPLE, "--out"], /--out/],
    ["a bad --lang", ["check", MAIN_SAMPLE, "--lang", "fr"], /--lang 只能是 zh 或 en/],
    ["no file", ["check"], /请指定要检查的 .xlsx 文件/],
    ["two files", ["check", MAIN_SAMPLE, PROBLEMS_SAMPLE], /一次只能检查一个文件/],
    ["a missing file", ["check", "/nonexistent/x.xlsx"], /找不到文件/],
  ])("exits 2 on %s", async (_label, argv, message) => {
    const r = await ziping(argv);
    expect(r.code).toBe(2);
    if (argv.length > 0) {
      expectOneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    }
  });

  it("exits 2 with one clear line on a file that is not a workbook, in the chosen language", async () => {
    const dir = tempDir();
    const csv = path.join(dir, "名单.xlsx");
    writeFileSync(csv, "姓名,学号\n张三,1\n");
    const broken = path.join(dir, "broken.xlsx");
    writeFileSync(broken, readFileSync(MAIN_SAMPLE).subarray(0, 5000));
    const zh = await ziping(["check", csv]);
    expect(zh.code).toBe(2);
    expectOneLine(zh.stderr);
    expect(zh.stderr).toContain("CSV");
    const en = await ziping(["check", broken, "--lang", "en"]);
    expect(en.code).toBe(2);
    expectOneLine(en.stderr);
    expect(en.stderr).toMatch(/incomplete or damaged/);
  });

  it("exits 2 on a bad --config, naming the key", async () => {
    const dir = tempDir();
    const write = (name: string, text: string) => {
      const f = path.join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const cases: Array<[string, RegExp]> = [
      [write("unknown.json", '{"staffMax": 40, "stafMax": 30}'), /未知的设置项“stafMax”/],
      [write("type.json", '{"enrollment": "很多"}'), /“enrollment”的类型不对：应为数字/],
      [write("range.json", '{"delegateRatioMin": 5}'), /“delegateRatioMin”的值无效/],
      [write("nested.json", '{"departmentHeads": {"min": 2, "max": 3, "avg": 2}}'), /departmentHeads\.avg/],
      [write("broken.json", "{ staffMax: 40 "), /不是有效的 JSON/],
      [write("array.json", "[1]"), /\(root\)/],
      [path.join(dir, "missing.json"), /找不到文件/],
    ];
    for (const [file, message] of cases) {
      const r = await ziping(["check", MAIN_SAMPLE, "--config", file]);
      expect([file, r.code]).toEqual([file, 2]);
      expectOneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    }
    const en = await ziping(["check", MAIN_SAMPLE, "--config", cases[0]?.[0] as string, "--lang", "en"]);
    expect(en.stderr).toMatch(/unknown key "stafMax"/);
  });

  it("applies a valid --config over the settings sheet", async () => {
    const dir = tempDir();
    const config = path.join(dir, "settings.json");
    writeFileSync(config, JSON.stringify({ largeSchool: false, departmentHeads: { min: 3, max: 3 } }));
    const r = await ziping(["check", MAIN_SAMPLE, "--config", config]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[structure\.staff-total\] × 1/);
    expect(r.stdout).toMatch(/\[structure\.department-heads\] × 2/);
  });

  it("exits 2 on a malformed ZIPING_TODAY, and uses the clock otherwise", async () => {
    const r = await ziping(["check", MAIN_SAMPLE], { env: { ZIPING_TODAY: "2022-13-01" } });
    expect(r.code).toBe(2);
    expectOneLine(r.stderr);
    expect(r.stderr).toContain("ZIPING_TODAY");
    // Without ZIPING_TODAY "today" is the local calendar day of the clock.
    const json = path.join(tempDir(), "r.json");
    const noSettings = path.join(ROOT, "test", "golden", "missing-tables.xlsx");
    await ziping(["check", noSettings, "--json", json], {
      env: { ZIPING_TODAY: undefined },
      now: new Date(2024, 1, 29, 23, 30),
    });
    expect(JSON.parse(readFileSync(json, "utf8")).settings.assessmentDate).toBe("2024-02-29");
  });
});

describe("ziping check --out / --json", () => {
  it("writes the summary workbook and the JSON report, and leaves the input byte-identical", async () => {
    const dir = tempDir();
    const input = path.join(dir, "学生会2022.xlsx");
    copyFileSync(MAIN_SAMPLE, input);
    const before = sha256(input);
    const out = path.join(dir, "out", "汇总.xlsx");
    const json = path.join(dir, "out", "report.json");
    const r = await ziping(["check", input, "--out", out, "--json", json]);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(r.stdout).toContain(`已写出汇总工作簿：${out}`);
    expect(JSON.parse(readFileSync(json, "utf8")).file).toBe("学生会2022.xlsx");
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["report.json", "汇总.xlsx"]);

    const wb = await load(out);
    const original = await load(MAIN_SAMPLE);
    const userSheets = original.worksheets.map((w) => w.name);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...userSheets, ...SHEETS_ZH]);
    const assessment = texts(wb.getWorksheet("自评表") as ExcelJS.Worksheet);
    expect(assessment.some((t) => t.includes("实有60人"))).toBe(true);
    expect(assessment.some((t) => t.includes("召开日期为2022年11月23日"))).toBe(true);
    const activity = wb.getWorksheet("活动统计") as ExcelJS.Worksheet;
    const campaign = activity
      .getRows(1, activity.rowCount)
      ?.find((row) => row.getCell(1).value === "绿色校园 有我守护");
    expect([2, 3, 4].map((c) => campaign?.getCell(c).value)).toEqual([233, 1995, 2034.5]);
    const report = texts(wb.getWorksheet("报告要点") as ExcelJS.Worksheet).join("\n");
    expect(report).toContain("233次，共计1995人次，累计志愿服务时长2034.5小时");
    expect(report).toContain("总人数为60人");
    // The user's sheets came through unchanged.
    for (const name of userSheets) {
      const a = original.getWorksheet(name) as ExcelJS.Worksheet;
      const b = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect([name, b.rowCount, b.columnCount]).toEqual([name, a.rowCount, a.columnCount]);
      expect(texts(b)).toEqual(texts(a));
    }
  });

  it("links every problem to an existing sheet and cell", async () => {
    const dir = tempDir();
    const out = path.join(dir, "problems.xlsx");
    expect((await ziping(["check", PROBLEMS_SAMPLE, "--out", out])).code).toBe(1);
    const pkg = packageOf(out);
    const wb = await load(out);
    const links = pkg.links("问题清单");
    expect(links.length).toBeGreaterThan(20);
    for (const [, location] of links) {
      const m = /^'((?:[^']|'')+)'!([A-Z]+)(\d+)$/.exec(location);
      expect(m).not.toBeNull();
      const ws = wb.getWorksheet((m?.[1] ?? "").replace(/''/g, "'"));
      expect([location, ws !== undefined]).toEqual([location, true]);
      expect(Number(m?.[3])).toBeLessThanOrEqual(ws?.rowCount ?? 0);
    }
    expect(pkg.links("资格审查").length).toBeGreaterThan(0);
  });

  it("writes English sheet names with --lang en, and replaces its own sheets on a re-run", async () => {
    const dir = tempDir();
    const zh = path.join(dir, "zh.xlsx");
    const en = path.join(dir, "en.xlsx");
    await ziping(["check", MAIN_SAMPLE, "--out", zh]);
    expect((await ziping(["check", zh, "--out", en, "--lang", "en"])).code).toBe(0);
    const names = (await load(en)).worksheets.map((w) => w.name);
    expect(names.slice(-6)).toEqual(SHEETS_EN);
    expect(names.filter((n) => SHEETS_ZH.includes(n))).toEqual([]);
  });

  it("refuses to write the input file, even through --force, and leaves it untouched", async () => {
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    copyFileSync(MAIN_SAMPLE, input);
    const before = sha256(input);
    for (const argv of [
      ["--out", input],
      ["--out", input, "--force"],
      ["--out", path.join(dir, "sub", "..", "in.xlsx"), "--force"],
      ["--json", input, "--force"],
    ]) {
      const r = await ziping(["check", input, ...argv]);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr);
      expect(r.stderr).toContain("不能是输入文件本身");
      expect(sha256(input)).toBe(before);
    }
  });

  it("refuses to overwrite an existing file without --force, and overwrites it with --force", async () => {
    const dir = tempDir();
    const out = path.join(dir, "out.xlsx");
    writeFileSync(out, "keep me");
    const refused = await ziping(["check", MAIN_SAMPLE, "--out", out]);
    expect(refused.code).toBe(2);
    expectOneLine(refused.stderr);
    expect(refused.stderr).toContain("--force");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    const json = path.join(dir, "r.json");
    writeFileSync(json, "{}");
    expect((await ziping(["check", MAIN_SAMPLE, "--json", json])).code).toBe(2);
    expect(readFileSync(json, "utf8")).toBe("{}");
    expect((await ziping(["check", MAIN_SAMPLE, "--out", out, "--force"])).code).toBe(0);
    expect((await load(out)).worksheets.length).toBeGreaterThan(6);
    expect(readdirSync(dir).sort()).toEqual(["out.xlsx", "r.json"]);
    expect(
      (
        await ziping([
          "check",
          MAIN_SAMPLE,
          "--out",
          path.join(dir, "a.xlsx"),
          "--json",
          path.join(dir, "a.xlsx"),
        ])
      ).code,
    ).toBe(2);
    expect((await ziping(["check", MAIN_SAMPLE, "--out", path.join(dir, "a.csv")])).code).toBe(2);
    expect(existsSync(path.join(dir, "a.xlsx"))).toBe(false);
  });

  it("--report writes the Word draft under the same rules as --out: .docx only, no overwrite without --force, never the input", async () => {
    const dir = tempDir();
    const report = path.join(dir, "r.docx");
    const ok = await ziping(["check", MAIN_SAMPLE, "--report", report]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`已写出自评报告初稿：${report}`);
    expect(openDocx(readFileSync(report)).paragraphs[0]).toContain("赣南医学院");
    const before = sha256(report);
    const again = await ziping(["check", MAIN_SAMPLE, "--report", report]);
    expect(again.code).toBe(2);
    expectOneLine(again.stderr);
    expect(again.stderr).toContain("--force");
    expect(sha256(report)).toBe(before);
    expect((await ziping(["check", MAIN_SAMPLE, "--report", report, "--force"])).code).toBe(0);
    const refusals = [
      ["--report", path.join(dir, "r.doc")],
      ["--report", MAIN_SAMPLE, "--force"],
      ["--report", path.join(dir, "x.docx"), "--json", path.join(dir, "x.docx")],
    ];
    for (const argv of refusals) {
      const r = await ziping(["check", MAIN_SAMPLE, ...argv]);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr);
    }
    expect(readdirSync(dir).sort()).toEqual(["r.docx"]);
  });

  it("writes formula-like cell values as text in the summary sheets", async () => {
    const dir = tempDir();
    const input = path.join(dir, "inject.xlsx");
    const values = [
      "=1+1",
      "+8613800000000",
      "-5",
      "@SUM(A1:A2)",
      "\tTAB",
      '=HYPERLINK("http://example.org","x")',
    ];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("工作人员");
    ws.addRow(["姓名", "学号", "职务", "部门", "政治面貌", "专业排名", "不及格门数", "年级"]);
    values.forEach((v, i) => ws.addRow([v, `2021${i}`, "干事", v, v, "1/10", 0, "2021级"]));
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "out.xlsx");
    const r = await ziping(["check", input, "--out", out]);
    expect(r.code).toBe(1);
    const pkg = packageOf(out);
    const written = await load(out);
    let seen = 0;
    for (const name of SHEETS_ZH) {
      expect([name, /<f[ >]/.test(pkg.sheetXml(name))]).toEqual([name, false]);
      (written.getWorksheet(name) as ExcelJS.Worksheet).eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string" && values.includes(cell.value)) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
          }
          expect(cell.formula).toBeUndefined();
        }),
      );
    }
    expect(seen).toBeGreaterThanOrEqual(values.length);
  });

  it("applies settings saved in the workbook by the task pane; --config still wins", async () => {
    const dir = tempDir();
    const input = path.join(dir, "saved.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(MAIN_SAMPLE);
    const state = wb.addWorksheet("_ziping_state");
    state.state = "veryHidden";
    state.getCell("A1").value = serializeState({ settings: { enrollment: 100000 }, overrides: [] });
    await wb.xlsx.writeFile(input);
    const saved = await ziping(["check", input]);
    expect(saved.code).toBe(1);
    expect(saved.stdout).toMatch(/\[congress\.delegate-ratio\] × 1/);
    const config = path.join(dir, "c.json");
    writeFileSync(config, JSON.stringify({ enrollment: 13762 }));
    expect((await ziping(["check", input, "--config", config])).code).toBe(0);
  });
});

describe("settings-sheet keys ziping does not use", () => {
  it("are kept and shown on the console and in the JSON report, never rejected", async () => {
    const dir = tempDir();
    const wb = await load(MAIN_SAMPLE);
    const settings = wb.worksheets.find((ws) => ws.name === "基本信息");
    expect(settings).toBeDefined();
    settings?.addRow(["团委书记", "王老师"]);
    const file = path.join(dir, "with-extra-settings.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "report.json");
    const result = await ziping(["check", file, "--json", json]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/基本信息表中的其他项.*团委书记：王老师/);
    const report = JSON.parse(readFileSync(json, "utf8")) as {
      settingsSheet: Array<{ key: string; value: string; setting: string | null }>;
    };
    expect(report.settingsSheet).toContainEqual(
      expect.objectContaining({ key: "团委书记", value: "王老师", setting: null }),
    );
    expect(report.settingsSheet).toContainEqual(
      expect.objectContaining({ key: "学校名称", value: "赣南医学院", setting: "schoolName" }),
    );
  });
});
