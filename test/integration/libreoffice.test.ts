/**
 * A real spreadsheet client opens what we write: LibreOffice Calc re-saves our summary workbooks
 * (we write the OOXML package ourselves, so ExcelJS re-reading it is not proof enough), and the
 * re-saved copy still has our sheets, our figures and the user's sheets.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildSummarySheets, check, textWidth, type SummarySheet } from "../../src/engine";
import { readWorkbookBytes } from "../../src/adapters/xlsx/stream";
import { MAIN_SAMPLE_FIGURES } from "../../scripts/make-samples";
import { openDocx } from "../../src/adapters/docx/testing";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, TODAY, tempDir, ziping } from "./cli";

const SOFFICE = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);

/** Let LibreOffice open `file` and save it again as .xlsx in `dir`; returns the new file. */
function resaveWithLibreOffice(file: string, dir: string, format = "xlsx"): string {
  if (!SOFFICE) throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui");
  const outDir = path.join(dir, "lo");
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const resaved = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${format}`));
  if (!existsSync(resaved)) throw new Error(`LibreOffice did not convert ${file}`);
  return resaved;
}

async function sheetTexts(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? ""))));
    out.set(ws.name, texts);
  });
  return out;
}

describe("summary workbooks open in LibreOffice Calc", () => {
  jest.setTimeout(180_000);

  it("keeps our six sheets and the main sample's figures through a LibreOffice round trip", async () => {
    const dir = tempDir();
    const out = path.join(dir, "summary.xlsx");
    expect((await ziping(["check", MAIN_SAMPLE, "--out", out])).code).toBe(0);
    const sheets = await sheetTexts(resaveWithLibreOffice(out, dir));
    for (const name of ["自评表", "问题清单", "资格审查", "组织架构", "活动统计", "报告要点"]) {
      expect(sheets.has(name)).toBe(true);
    }
    expect(sheets.get("自评表")?.some((t) => t.includes("实有60人"))).toBe(true);
    const report = (sheets.get("报告要点") ?? []).join("\n");
    expect(report).toContain("233");
    expect(report).toContain("2034.5");
    // The user's roster survives too.
    const roster = [...sheets.keys()].find((n) => n.includes("工作人员"));
    expect(roster).toBeDefined();
    expect((sheets.get(roster as string) ?? []).length).toBeGreaterThan(60 * 5);
  });

  it("opens the problems sample's summary, whose 问题清单 has many linked rows", async () => {
    const dir = tempDir();
    const out = path.join(dir, "problems.xlsx");
    expect((await ziping(["check", PROBLEMS_SAMPLE, "--out", out])).code).toBe(1);
    const sheets = await sheetTexts(resaveWithLibreOffice(out, dir));
    const problems = sheets.get("问题清单") ?? [];
    expect(problems.some((t) => t.includes("staff.") || t.includes("政治面貌"))).toBe(true);
    expect(problems.length).toBeGreaterThan(50);
  });
});

/** The text of each page of a PDF (pdftotext keeps the layout; pages end in a form feed). */
function pdfPages(pdf: string): string[] {
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  return text.split("\f").slice(0, -1);
}

/** The printed pages of one of our sheets: those whose footer names it beside 第 N 页 / 共 M 页. */
function pagesOfSheet(pages: readonly string[], sheet: string): string[] {
  return pages.filter((page) => {
    const footer = page.trimEnd().split("\n").pop() ?? "";
    return /第 \d+ 页 \/ 共 \d+ 页/.test(footer) && footer.split(/\s+/).includes(sheet);
  });
}

/** The summary sheets the CLI writes for `file`, computed the same way. */
async function summaryOf(file: string): Promise<SummarySheet[]> {
  const result = check(await readWorkbookBytes(readFileSync(file)), { today: TODAY });
  return buildSummarySheets(result, "zh");
}

/** Header texts short enough to print on one line in their column (a wrapped one is split in the text). */
function oneLineHeaders(sheet: SummarySheet): string[][] {
  return sheet.blocks.map((b) =>
    b.columns.filter((c) => c.width !== undefined && textWidth(c.header) + 2 <= c.width).map((c) => c.header),
  );
}

describe("summary sheets print on A4 (LibreOffice exports the summary workbook to PDF)", () => {
  jest.setTimeout(240_000);

  async function printed(sample: string, name: string) {
    const dir = tempDir();
    const out = path.join(dir, `${name}.xlsx`);
    await ziping(["check", sample, "--out", out]);
    return { pages: pdfPages(resaveWithLibreOffice(out, dir, "pdf")), sheets: await summaryOf(sample) };
  }

  it("prints the main sample's 自评表 on one page and every sheet one page wide, with its footer", async () => {
    const { pages, sheets } = await printed(MAIN_SAMPLE, "main");
    const school = "赣南医学院";
    expect(pagesOfSheet(pages, "自评表")).toHaveLength(1);
    for (const sheet of sheets) {
      const own = pagesOfSheet(pages, sheet.name);
      expect(own.length).toBeGreaterThan(0);
      for (const page of own) expect(page).toContain(school);
      // One page wide: the headers of a block are all on one page (split across pages otherwise).
      for (const headers of oneLineHeaders(sheet)) {
        if (headers.length === 0) continue;
        expect(own.some((page) => headers.every((h) => page.includes(h)))).toBe(true);
      }
    }
  });

  it("grows 问题清单 by rows, repeating its header on every page", async () => {
    const main = await printed(MAIN_SAMPLE, "main");
    const problems = await printed(PROBLEMS_SAMPLE, "problems");
    const rowsOf = (sheets: SummarySheet[]) =>
      sheets.find((s) => s.id === "problems")?.blocks[0]?.rows.length ?? 0;
    const mainPages = pagesOfSheet(main.pages, "问题清单");
    const problemPages = pagesOfSheet(problems.pages, "问题清单");
    expect(rowsOf(problems.sheets)).toBeGreaterThan(rowsOf(main.sheets));
    expect(problemPages.length).toBeGreaterThan(mainPages.length);
    // Never more pages than rows: pages follow the rows, not a split of the columns.
    expect(problemPages.length).toBeLessThanOrEqual(Math.ceil(rowsOf(problems.sheets) / 3));
    const sheet = problems.sheets.find((s) => s.id === "problems") as SummarySheet;
    const headers = oneLineHeaders(sheet)[0] ?? [];
    expect(headers.length).toBeGreaterThan(3);
    for (const page of problemPages) for (const h of headers) expect(page).toContain(h);
  });
});

describe("the report draft opens in LibreOffice Writer", () => {
  jest.setTimeout(180_000);

  it("converts the main sample's .docx to PDF holding the school name and the seed figures", async () => {
    const dir = tempDir();
    const report = path.join(dir, "report.docx");
    expect((await ziping(["check", MAIN_SAMPLE, "--report", report])).code).toBe(0);
    // It re-opens as a package whose document part parses.
    const opened = openDocx(readFileSync(report));
    expect(opened.tables[0]?.[0]).toEqual(["指标", "结论", "备注"]);
    // Line breaks and the spaces pdftotext puts between CJK and digits do not belong to the figures.
    const text = pdfPages(resaveWithLibreOffice(report, dir, "pdf"))
      .join("")
      .replace(/\s+/g, "");
    const settings = MAIN_SAMPLE_FIGURES;
    expect(text).toContain("赣南医学院学生会深化改革评估自评报告");
    expect(text).toContain(`设立主席团成员${settings.presidium}名`);
    expect(text).toContain(`共${settings.departments.length}个工作部门`);
    expect(text).toContain(`总人数为${settings.staff}人`);
    expect(text).toContain(
      `志愿服务活动${settings.campaignSessions}次，共计${settings.campaignPersonTimes}人次，累计志愿服务时长${settings.campaignHours}小时`,
    );
    expect(text).toContain(`学生代表${settings.delegates}名`);
    expect(text).toContain("【待填写】");
    expect(text).toContain("【请核对】");
  });
});
