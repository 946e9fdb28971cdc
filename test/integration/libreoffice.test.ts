/**
 * A real spreadsheet client opens what we write: LibreOffice Calc re-saves our summary workbooks
 * (we write the OOXML package ourselves, so ExcelJS re-reading it is not proof enough), and the
 * re-saved copy still has our sheets, our figures and the user's sheets.
 */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, tempDir, ziping } from "./cli";

const SOFFICE = ["soffice", "libreoffice"].find((cmd) => spawnSync("which", [cmd]).status === 0);

/** Let LibreOffice open `file` and save it again as .xlsx in `dir`; returns the new file. */
function resaveWithLibreOffice(file: string, dir: string): string {
  if (!SOFFICE) throw new Error("LibreOffice is not installed: apt-get install -y libreoffice-calc-nogui");
  const outDir = path.join(dir, "lo");
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${path.join(dir, "profile")}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  const resaved = path.join(outDir, path.basename(file));
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
