import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { summaryLayout, markerProof, type SummarySheet, type SummarySheetId } from "../../engine";
import { readXlsx } from "./testing/exceljsOracle";
import { scanTags } from "./xml";
import { refersToSheet, writeSummaryWorkbook, writeSummaryXlsx } from "./write";
import { WorkbookReadError } from "./errors";
import { XlsxPackage } from "./package";

/** A user workbook with the things that must survive: values, formulas, merges, formats, a date. */
async function userWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  ws.getCell("A1").value = "学生会工作人员名单";
  ws.mergeCells("A1:D1");
  ws.addRow(["姓名", "学号", "排名", "日期"]);
  ws.addRow(["张三", "2021001", 0.125, new Date(Date.UTC(2022, 2, 8))]);
  ws.getCell("C3").numFmt = "0.0%";
  ws.getCell("D3").numFmt = "yyyy年m月d日";
  ws.getCell("E3").value = { formula: "C3*100", result: 12.5 };
  ws.getCell("E4").value = { formula: "SUM(E3:E3)", result: 12.5 };
  const other = wb.addWorksheet("活动");
  other.getCell("A1").value = 1;
  extra?.(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sheet(id: SummarySheetId, name: string, over: Partial<SummarySheet> = {}): SummarySheet {
  return {
    id,
    name,
    title: `${name}标题`,
    blocks: [
      { id: "main", columns: [{ header: "项目" }, { header: "数量", format: "integer" }], rows: [["a", 1]] },
    ],
    ...over,
  };
}

const INJECTION = ["=1+1", "+86 123", "-2", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("http://evil","x")'];

/** Six sheets exercising every feature of the renderer. */
function summarySheets(names: Partial<Record<SummarySheetId, string>> = {}): SummarySheet[] {
  return [
    sheet("assessment", names.assessment ?? "自评表", {
      blocks: [
        {
          id: "facts",
          caption: "基本情况",
          columns: [
            { header: "项目", width: 20 },
            { header: "内容", width: 30, format: "text" },
          ],
          rows: [
            ["工作人员", "实有60人"],
            ["在校生", 13762],
          ],
        },
        {
          id: "indicators",
          asTable: true,
          columns: [{ header: "指标" }, { header: "结论" }, { header: "备注", width: 50 }],
          rows: [
            ["1", "是", "实有60人"],
            ["2", "否", null],
          ],
        },
      ],
    }),
    sheet("problems", names.problems ?? "问题清单", {
      freeze: { rows: 4, columns: 0 },
      blocks: [
        {
          id: "list",
          caption: "全部问题",
          asTable: true,
          columns: [{ header: "位置" }, { header: "说明" }, { header: "说明" }],
          rows: [
            [{ text: "名单!B3", link: { sheet: "名单", cell: "B3" } }, "x", "y"],
            [
              { text: "自评表!A1", link: { sheet: names.assessment ?? "自评表", cell: "A1" } },
              "to our own sheet",
              null,
            ],
            [{ text: "不存在!A1", link: { sheet: "不存在", cell: "A1" } }, "unknown sheet", null],
            [{ text: "bad cell", link: { sheet: "名单", cell: "A1:B2" } }, "not a cell", null],
            [{ text: "=1+1", link: { sheet: "活动", cell: "A1" } }, "formula-like link text", null],
          ],
        },
      ],
    }),
    sheet("eligibility", "资格审查", {
      freeze: { rows: 3, columns: 2 },
      blocks: [
        { id: "inj", columns: INJECTION.map((_, i) => ({ header: `列${i + 1}` })), rows: [INJECTION] },
      ],
    }),
    sheet("structure", "组织架构"),
    sheet("activity", "活动统计", {
      blocks: [
        {
          id: "formats",
          columns: [
            { header: "整数", format: "integer" },
            { header: "一位小数", format: "decimal1" },
            { header: "两位小数", format: "decimal2" },
            { header: "百分比", format: "percent" },
            { header: "日期", format: "date" },
            { header: "文本", format: "text" },
          ],
          rows: [
            [233, 2034.5, 1.005, 0.0100290655, "2022-11-23", "2022-11-23"],
            [1995, null, null, null, "not a date", 12],
          ],
        },
        {
          id: "by-month",
          caption: "按月份",
          columns: [
            { header: "月份" },
            { header: "场次", format: "integer" },
            { header: "时长", format: "decimal1" },
          ],
          rows: [
            ["2022年3月", 19, 165.5],
            ["2022年4月", 27, 277.5],
            ["2022年5月", 25, null],
          ],
        },
      ],
      charts: [
        { kind: "column", title: "各月服务时长", block: "by-month", categoryColumn: 0, valueColumn: 2 },
      ],
    }),
    sheet("report", "报告要点", { blocks: [] }),
  ];
}

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function text(bytes: Uint8Array, part: string): string {
  const p = parts(bytes)[part];
  if (!p) throw new Error(`no part ${part}`);
  return strFromU8(p);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
}

/** The worksheet part of a sheet, by its name. */
function sheetPart(bytes: Uint8Array, name: string): string {
  const tag = scanTags(text(bytes, "xl/workbook.xml")).find(
    (t) => t.local === "sheet" && t.attrs.get("name") === name,
  );
  const rid = [...(tag?.attrs ?? [])].find(([k]) => k.endsWith(":id"))?.[1];
  const rel = scanTags(text(bytes, "xl/_rels/workbook.xml.rels")).find((t) => t.attrs.get("Id") === rid);
  const target = rel?.attrs.get("Target");
  if (!target) throw new Error(`sheet ${name} not found`);
  return text(bytes, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

/** Internal hyperlinks of a sheet as `ref → location` (ExcelJS 4.4 does not read `location` links). */
function linksOf(bytes: Uint8Array, name: string): Record<string, string> {
  const links: Record<string, string> = {};
  for (const tag of scanTags(sheetPart(bytes, name))) {
    if (tag.local === "hyperlink") links[tag.attrs.get("ref") ?? ""] = tag.attrs.get("location") ?? "";
  }
  return links;
}

describe("writeSummaryXlsx", () => {
  it("adds our sheets after the user's, leaving every user part byte for byte as it was", async () => {
    const original = await userWorkbook();
    const out = await writeSummaryXlsx(original, summarySheets());
    const before = parts(original);
    const after = parts(out);
    const edited = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
    ]);
    for (const [name, data] of Object.entries(before)) {
      if (edited.has(name)) continue;
      expect([name, Buffer.from(after[name] ?? []).equals(Buffer.from(data))]).toEqual([name, true]);
    }
    // styles.xml only grows: the user's style entries stay where they were.
    const oldXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(original, "xl/styles.xml"))?.[1] ?? "";
    expect(
      /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(out, "xl/styles.xml"))?.[1]?.startsWith(oldXfs),
    ).toBe(true);

    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "名单",
      "活动",
      "自评表",
      "问题清单",
      "资格审查",
      "组织架构",
      "活动统计",
      "报告要点",
    ]);
  });

  it("keeps the user's values, formulas, merged cells and number formats (as ExcelJS reads them)", async () => {
    const out = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const ws = (await load(out)).getWorksheet("名单");
    expect(ws?.getCell("A1").value).toBe("学生会工作人员名单");
    expect(ws?.getCell("B1").isMerged).toBe(true);
    expect((ws?.model as { merges?: string[] }).merges).toEqual(["A1:D1"]);
    expect(ws?.getCell("C3").numFmt).toBe("0.0%");
    expect(ws?.getCell("D3").numFmt).toBe("yyyy年m月d日");
    expect(ws?.getCell("D3").value).toEqual(new Date(Date.UTC(2022, 2, 8)));
    expect(ws?.getCell("E3").formula).toBe("C3*100");
    expect(ws?.getCell("E4").formula).toBe("SUM(E3:E3)");
    expect(ws?.getCell("E4").result).toBe(12.5);
  });

  it("renders the title, captions, headers, number formats, widths and freeze panes", async () => {
    const sheets = summarySheets();
    const wb = await load(await writeSummaryXlsx(await userWorkbook(), sheets));
    const assessment = wb.getWorksheet("自评表") as ExcelJS.Worksheet;
    const layout = summaryLayout(sheets[0] as SummarySheet);
    expect(assessment.getCell("A1").value).toBe("自评表标题");
    expect(assessment.getCell("A1").font?.bold).toBe(true);
    expect(assessment.getCell("A1").font?.size).toBeGreaterThan(11);
    expect(assessment.getCell(`A${layout[0]?.captionRow}`).value).toBe("基本情况");
    const header = assessment.getCell(`A${layout[0]?.headerRow}`);
    expect(header.value).toBe("项目");
    expect(header.font?.bold).toBe(true);
    expect((header.fill as ExcelJS.FillPattern).pattern).toBe("solid");
    expect(assessment.getCell(`B${layout[0]?.firstDataRow}`).value).toBe("实有60人");
    expect(assessment.getCell(`B${(layout[0]?.firstDataRow ?? 0) + 1}`).value).toBe(13762);
    expect(assessment.getColumn(1).width).toBe(20);
    expect(assessment.getColumn(3).width).toBe(50);
    expect(assessment.getCell(`A${layout[1]?.headerRow}`).value).toBe("指标");

    const activity = wb.getWorksheet("活动统计") as ExcelJS.Worksheet;
    const row = summaryLayout(sheets[4] as SummarySheet)[0]?.firstDataRow ?? 0;
    expect(["A", "B", "C", "D", "E", "F"].map((c) => activity.getCell(`${c}${row}`).numFmt)).toEqual([
      "0",
      "0.0",
      "0.00",
      "0.00%",
      "yyyy-mm-dd",
      "@",
    ]);
    expect(activity.getCell(`E${row}`).value).toEqual(new Date(Date.UTC(2022, 10, 23)));
    expect(activity.getCell(`F${row}`).value).toBe("2022-11-23");
    expect(activity.getCell(`E${row + 1}`).value).toBe("not a date");
    expect(activity.getCell(`F${row + 1}`).value).toBe(12);

    expect((wb.getWorksheet("问题清单") as ExcelJS.Worksheet).views[0]).toMatchObject({
      state: "frozen",
      ySplit: 4,
    });
    expect((wb.getWorksheet("资格审查") as ExcelJS.Worksheet).views[0]).toMatchObject({
      state: "frozen",
      ySplit: 3,
      xSplit: 2,
    });
  });

  it("writes asTable blocks as Excel tables whose columns match the header cells", async () => {
    const out = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const tables = Object.keys(parts(out)).filter((p) => p.startsWith("xl/tables/"));
    expect(tables).toHaveLength(2);
    const problems = tables.map((t) => text(out, t)).find((x) => x.includes("位置")) as string;
    expect(problems).toMatch(/ref="A4:C9"/);
    // Duplicate headers are made unique in the table and in the cells alike.
    expect([...problems.matchAll(/tableColumn id="\d+" name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "位置",
      "说明",
      "说明2",
    ]);
    const ws = (await load(out)).getWorksheet("问题清单") as ExcelJS.Worksheet;
    expect([1, 2, 3].map((c) => ws.getCell(4, c).value)).toEqual(["位置", "说明", "说明2"]);
    const ids = tables.map((t) => /<table [^>]*\bid="(\d+)"/.exec(text(out, t))?.[1]);
    expect(new Set(ids).size).toBe(2);
  });

  it("draws charts over their block's cells, with cached values", async () => {
    const out = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const files = Object.keys(parts(out));
    expect(files.filter((p) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(p))).toEqual([
      "xl/drawings/drawing1.xml",
      "xl/charts/chart1.xml",
    ]);
    const chart = text(out, "xl/charts/chart1.xml");
    // Layout: title row 1, blank, block "formats" (caption-less: header 3, rows 4–5), blank, caption 7, header 8, rows 9–11.
    expect(chart).toContain("<c:f>'活动统计'!$A$9:$A$11</c:f>");
    expect(chart).toContain("<c:f>'活动统计'!$C$9:$C$11</c:f>");
    expect(chart).toContain("<c:f>'活动统计'!$C$8</c:f>");
    expect([...chart.matchAll(/<c:pt idx="(\d)"><c:v>([^<]*)<\/c:v>/g)].map((m) => m[2])).toEqual([
      "时长",
      "2022年3月",
      "2022年4月",
      "2022年5月",
      "165.5",
      "277.5",
    ]);
    expect(chart).toContain("各月服务时长");
    expect(sheetPart(out, "活动统计")).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    expect(text(out, "[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml"');
    // A re-run replaces the chart instead of adding a second one.
    const again = await writeSummaryXlsx(out, summarySheets());
    expect(Object.keys(parts(again)).filter((p) => /^xl\/(drawings|charts)\//.test(p))).toHaveLength(3);
    expect((await load(again)).worksheets).toHaveLength(8);
  });

  it("links only to cells inside the workbook", async () => {
    const out = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    expect(linksOf(out, "问题清单")).toEqual({ A5: "'名单'!B3", A6: "'自评表'!A1", A9: "'活动'!A1" });
    // No relationship (external target) is written for them.
    expect(
      Object.keys(parts(out))
        .filter((p) => /worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(p))
        .map((p) => text(out, p))
        .join(""),
    ).not.toContain("hyperlink");
    const ws = (await load(out)).getWorksheet("问题清单") as ExcelJS.Worksheet;
    expect([5, 6, 7, 8, 9].map((r) => ws.getCell(`A${r}`).value)).toEqual([
      "名单!B3",
      "自评表!A1",
      "不存在!A1",
      "bad cell",
      "=1+1",
    ]);
  });

  it("writes formula-like text as text, never as a formula", async () => {
    const out = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const wb = await load(out);
    const ws = wb.getWorksheet("资格审查") as ExcelJS.Worksheet;
    const row = summaryLayout(summarySheets()[2] as SummarySheet)[0]?.firstDataRow ?? 0;
    INJECTION.forEach((value, i) => {
      const cell = ws.getCell(row, i + 1);
      expect([value, cell.type, cell.formula]).toEqual([value, ExcelJS.ValueType.String, undefined]);
      expect(cell.value).toBe(value);
    });
    const xml = sheetPart(out, "资格审查");
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).not.toMatch(/<c [^>]*t="(str|e)"/);
    // Our readXlsx sees the same text.
    const input = await readXlsx(out);
    expect(input.sheets.find((s) => s.name === "资格审查")?.rows[row - 1]).toEqual(INJECTION);
    // and Excel keeps them text when edited (quotePrefix on their style).
    const styles = text(out, "xl/styles.xml");
    const s = Number(/<c r="A\d+" s="(\d+)" t="inlineStr"><is><t xml:space="preserve">=1\+1/.exec(xml)?.[1]);
    const xfs = [
      ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(
        /<xf [^>]*?(?:\/>|>.*?<\/xf>)/g,
      ),
    ];
    expect(xfs[s]?.[0]).toContain('quotePrefix="1"');
  });

  it("replaces its own sheets on a re-run, and does not grow the styles", async () => {
    const once = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const twice = await writeSummaryXlsx(once, summarySheets());
    const wb = await load(twice);
    expect(wb.worksheets.map((w) => w.name)).toEqual((await load(once)).worksheets.map((w) => w.name));
    expect(text(twice, "xl/styles.xml")).toBe(text(once, "xl/styles.xml"));
    expect(Object.keys(parts(twice)).filter((p) => p.startsWith("xl/tables/"))).toHaveLength(2);
    expect(Object.keys(parts(twice)).filter((p) => p.startsWith("xl/worksheets/sheet"))).toHaveLength(8);
    // A re-run in English replaces the Chinese sheets it writes, and only those.
    const english = await writeSummaryXlsx(
      twice,
      summarySheets({ assessment: "Self-assessment", problems: "Problems" }).slice(0, 2),
    );
    const before = (await load(twice)).worksheets.map((w) => w.name);
    expect((await load(english)).worksheets.map((w) => w.name)).toEqual([
      ...before.filter((n) => n !== "自评表" && n !== "问题清单"),
      "Self-assessment",
      "Problems",
    ]);
  });

  it("never replaces a user sheet that merely has one of our names", async () => {
    const original = await userWorkbook((wb) => {
      wb.addWorksheet("自评表").getCell("A1").value = "用户自己的自评表";
    });
    const first = await writeSummaryWorkbook(original, summarySheets());
    expect(first.outcome.renamed).toEqual([{ wanted: "自评表", used: "自评表 (2)" }]);
    expect(first.outcome.sheets[0]).toEqual({ id: "assessment", name: "自评表 (2)" });
    // The link to our own 自评表 follows the rename.
    expect(linksOf(first.bytes, "问题清单").A6).toBe("'自评表 (2)'!A1");

    const second = await writeSummaryWorkbook(first.bytes, summarySheets());
    const wb = await load(second.bytes);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["名单", "活动", "自评表", "自评表 (2)"]);
    expect(wb.getWorksheet("自评表")?.getCell("A1").value).toBe("用户自己的自评表");
    expect(wb.worksheets).toHaveLength(9);
  });

  it("keeps a summary sheet the user renamed to keep it, and writes a new one", async () => {
    const once = await writeSummaryXlsx(await userWorkbook(), summarySheets());
    const files = parts(once);
    const rename = (s: string) =>
      s.replace(/name="自评表"/, 'name="我的自评"').replace(/'自评表'!\$A\$1/, "'我的自评'!$A$1");
    files["xl/workbook.xml"] = strToU8(rename(strFromU8(files["xl/workbook.xml"] as Uint8Array)));
    const renamed = zipSync(files);
    expect((await load(renamed)).worksheets.map((w) => w.name)).toContain("我的自评");
    const again = await load(await writeSummaryXlsx(renamed, summarySheets()));
    expect(again.worksheets.map((w) => w.name)).toContain("我的自评");
    expect(again.getWorksheet("我的自评")?.getCell("A1").value).toBe("自评表标题");
    expect(again.worksheets.map((w) => w.name)).toContain("自评表");
    expect(again.worksheets).toHaveLength(9);
  });

  it("keeps parts and names ExcelJS would drop (add-in settings, constant names), and fixes sheet-local names", async () => {
    // 名单, 自评表 (ours, marked), 活动 with a print area: removing ours must renumber 活动's local name.
    const original = await userWorkbook((wb) => {
      wb.getWorksheet("活动")!.pageSetup.printArea = "A1:B2";
    });
    const files = parts(original);
    let wbXml = strFromU8(files["xl/workbook.xml"] as Uint8Array);
    wbXml = wbXml.replace(
      "</definedNames>",
      `<definedName name="rankLimit">0.3</definedName><definedName name="oldRef">自评表!$B$2</definedName><definedName name="_ziping_sheet_assessment" comment="${markerProof("assessment", "旧的自评表")}" hidden="1">'自评表'!$A$1</definedName></definedNames>`,
    );
    wbXml = wbXml.replace(
      /(<sheet [^>]*name="名单"[^>]*\/>)/,
      '$1<sheet name="自评表" sheetId="9" r:id="rIdOld"/>',
    );
    wbXml = wbXml.replace(/localSheetId="1"/, 'localSheetId="2"');
    files["xl/workbook.xml"] = strToU8(wbXml);
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array).replace(
        "</Relationships>",
        '<Relationship Id="rIdOld" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet9.xml"/></Relationships>',
      ),
    );
    // Our earlier 自评表, its title in A1 as a shared string (as Excel saves it).
    const sst = strFromU8(files["xl/sharedStrings.xml"] as Uint8Array);
    const index = (sst.match(/<si>/g) ?? []).length;
    files["xl/sharedStrings.xml"] = strToU8(sst.replace("</sst>", "<si><t>旧的自评表</t></si></sst>"));
    files["xl/worksheets/sheet9.xml"] = strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>${index}</v></c></row></sheetData></worksheet>`,
    );
    files["[Content_Types].xml"] = strToU8(
      strFromU8(files["[Content_Types].xml"] as Uint8Array).replace(
        "</Types>",
        '<Override PartName="/xl/worksheets/sheet9.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    );
    // A calculation chain that may list the removed sheet's cells.
    files["xl/calcChain.xml"] = strToU8(
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="9"/></calcChain>',
    );
    files["xl/_rels/workbook.xml.rels"] = strToU8(
      strFromU8(files["xl/_rels/workbook.xml.rels"] as Uint8Array).replace(
        "</Relationships>",
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const webext = strToU8(
      '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"/>',
    );
    files["xl/webextensions/webextension1.xml"] = webext;
    const prepared = zipSync(files);
    expect((await load(prepared)).worksheets.map((w) => w.name)).toEqual(["名单", "自评表", "活动"]);

    const out = await writeSummaryXlsx(prepared, summarySheets().slice(0, 1));
    const after = parts(out);
    expect(Object.keys(after).filter((p) => p.startsWith("xl/worksheets/sheet"))).toHaveLength(3);
    expect(after["xl/webextensions/webextension1.xml"]).toEqual(webext);
    const outWb = text(out, "xl/workbook.xml");
    expect(outWb).toContain('<definedName name="rankLimit">0.3</definedName>');
    expect(outWb.match(/name="自评表"/g)).toHaveLength(1);
    expect(outWb).toContain('<definedName name="oldRef">#REF!</definedName>');
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(text(out, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(outWb).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="1">/);
    expect(outWb).toContain(
      `<definedName name="_ziping_sheet_assessment" comment="${markerProof("assessment", "自评表标题")}" hidden="1">'自评表'!$A$1</definedName>`,
    );
    expect((await load(out)).worksheets.map((w) => w.name)).toEqual(["名单", "活动", "自评表"]);
  });

  it("writes, keeps and replaces the very-hidden state sheet", async () => {
    const withState = await writeSummaryXlsx(await userWorkbook(), summarySheets().slice(0, 1), {
      state: '{"version":1,"settings":{"enrollment":13762},"overrides":[]}',
    });
    const read = async (bytes: Uint8Array) =>
      (await readXlsx(bytes)).sheets.filter((s) => s.name === "_ziping_state").map((s) => [s.hidden, s.rows]);
    expect(await read(withState)).toEqual([
      [true, [['{"version":1,"settings":{"enrollment":13762},"overrides":[]}']]],
    ]);
    expect(text(withState, "xl/workbook.xml")).toMatch(/<sheet name="_ziping_state" [^>]*state="veryHidden"/);
    const kept = await writeSummaryXlsx(withState, summarySheets().slice(0, 1));
    expect(await read(kept)).toEqual(await read(withState));
    const replaced = await writeSummaryXlsx(kept, summarySheets().slice(0, 1), { state: '{"version":1}' });
    expect(await read(replaced)).toEqual([[true, [['{"version":1}']]]]);
  });

  it("edits workbooks written with namespace prefixes and without a styles part", async () => {
    const x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const minimal = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      "_rels/.rels": strToU8(
        '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>',
      ),
      "xl/workbook.xml": strToU8(
        `<?xml version="1.0" encoding="utf-8"?><x:workbook xmlns:x="${x}" xmlns:rel="${r}"><x:sheets><x:sheet name="数据" sheetId="1" rel:id="R9"/></x:sheets></x:workbook>`,
      ),
      "xl/_rels/workbook.xml.rels": strToU8(
        '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
      ),
      "xl/worksheets/sheet1.xml": strToU8(
        `<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="${x}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>你好</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      ),
    });
    const out = await writeSummaryXlsx(minimal, summarySheets().slice(0, 2));
    const wb = text(out, "xl/workbook.xml");
    expect(wb).toContain('<x:sheet name="自评表" sheetId="2" rel:id=');
    expect(wb).toContain("<x:definedNames><x:definedName name=");
    expect(text(out, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    // ExcelJS cannot read prefixed SpreadsheetML at all, so check the parts themselves.
    for (const [name, data] of Object.entries(parts(out))) {
      if (name.endsWith(".xml") || name.endsWith(".rels"))
        expect(() => scanTags(strFromU8(data))).not.toThrow();
    }
    expect(text(out, "xl/_rels/workbook.xml.rels")).toMatch(/Target="styles.xml"/);
    expect(sheetPart(out, "自评表")).toContain("自评表标题");
    expect(sheetPart(out, "数据")).toContain("你好");
  });

  it("escapes text XML cannot carry and keeps it readable", async () => {
    const weird = ["a\u0001b", "_x0041_", "<b>&amp;</b>", "😀 emoji", "x".repeat(40000)];
    const out = await writeSummaryXlsx(await userWorkbook(), [
      sheet("report", "报告要点", {
        blocks: [{ id: "w", columns: weird.map((_, i) => ({ header: `c${i}` })), rows: [weird] }],
      }),
    ]);
    const ws = (await load(out)).getWorksheet("报告要点") as ExcelJS.Worksheet;
    expect(ws.getCell("C4").value).toBe("<b>&amp;</b>");
    expect(ws.getCell("D4").value).toBe("😀 emoji");
    expect(String(ws.getCell("E4").value)).toHaveLength(32767);
    const xml = sheetPart(out, "报告要点");
    expect(xml).toContain("a_x0001_b");
    expect(xml).toContain("_x005F_x0041_");
  });

  it("hands a worksheet over in chunks no longer than the threshold, and it reads back whole", async () => {
    const CHUNK = 2_000;
    const rows = Array.from({ length: 300 }, (_, i) => [
      { text: `名单!B${i + 3}`, link: { sheet: "名单", cell: `B${i + 3}` } },
      `问题 ${i} <&>`,
      i,
    ]);
    const problems = sheet("problems", "问题清单", {
      blocks: [
        {
          id: "problems",
          columns: [{ header: "位置" }, { header: "问题" }, { header: "序号", format: "integer" }],
          rows,
        },
      ],
    });
    const chunks = jest.spyOn(XlsxPackage.prototype, "setChunks");
    const whole = jest.spyOn(XlsxPackage.prototype, "setText");
    let out: Uint8Array;
    try {
      out = await writeSummaryXlsx(await userWorkbook(), [problems], { chunkChars: CHUNK });
      const worksheetChunks = chunks.mock.calls.map(([, c]) => c);
      expect(worksheetChunks).toHaveLength(1);
      const pieces = worksheetChunks[0] as readonly string[];
      expect(pieces.join("").length).toBeGreaterThan(10 * CHUNK);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(CHUNK);
      // No worksheet goes through as one string.
      for (const [part, xml] of whole.mock.calls) {
        if (/worksheets\/sheet\d+\.xml$/.test(part)) expect(xml.length).toBeLessThanOrEqual(CHUNK);
      }
    } finally {
      chunks.mockRestore();
      whole.mockRestore();
    }
    const ws = (await load(out)).getWorksheet("问题清单") as ExcelJS.Worksheet;
    const place = summaryLayout(problems)[0];
    const first = place?.firstDataRow ?? 0;
    expect(ws.getCell(`A${first}`).value).toBe("名单!B3");
    const read = rows.map((_, i) => [ws.getCell(`B${first + i}`).value, ws.getCell(`C${first + i}`).value]);
    expect(read).toEqual(rows.map((r) => [r[1], r[2]]));
    const links = linksOf(out, "问题清单");
    expect(Object.keys(links)).toHaveLength(rows.length);
    expect(links[`A${first + 299}`]).toBe("'名单'!B302");
  });

  it("refuses an original that is not a workbook", async () => {
    await expect(writeSummaryXlsx(strToU8("a,b\n1,2\n"), summarySheets())).rejects.toBeInstanceOf(
      WorkbookReadError,
    );
  });
});

describe("refersToSheet", () => {
  it.each<[string, string, boolean]>([
    ["'自评表'!$A$1", "自评表", true],
    ["自评表!A1:B2", "自评表", true],
    ["SUM(自评表!A1,1)", "自评表", true],
    ["'It''s'!A1", "It's", true],
    ["我的自评表!A1", "自评表", false],
    ["'自评表 (2)'!A1", "自评表", false],
    ["0.3", "自评表", false],
  ])("%s refers to %s: %s", (formula, sheet, expected) => {
    expect(refersToSheet(formula, sheet)).toBe(expected);
  });
});
