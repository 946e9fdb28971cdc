import { SUMMARY_SHEET_NAMES, markerName, type SummarySheet } from "../../engine";
import { PAYLOAD_LIMIT_BYTES } from "./budget";
import { FakeWorkbook } from "./testing/fakeExcel";
import { fakeHost, summaryOf, userWorkbook } from "./testing/fixtures";

const ZH_NAMES = Object.values(SUMMARY_SHEET_NAMES).map((n) => n.zh);
const USER_SHEETS = ["说明", "志愿活动", "工作人员名单"];

const snapshots = (book: FakeWorkbook, names: readonly string[]) => names.map((n) => book.snapshot(n));

describe("writing the summary sheets", () => {
  it("writes the six sheets after the user's, marks them and activates the requested one", async () => {
    const book = userWorkbook();
    const summary = await summaryOf(book);
    book.resetSyncs();
    const outcome = await fakeHost(book).writeSummary(summary, "assessment");
    expect(book.sheetNames()).toEqual([...USER_SHEETS, ...ZH_NAMES]);
    expect(outcome.sheets).toEqual(summary.map((s) => ({ id: s.id, name: s.name })));
    expect(outcome.renamed).toEqual([]);
    expect(book.activeSheetName()).toBe("自评表");
    expect(book.namedItems()).toEqual(
      summary.map((s) => ({ name: markerName(s.id), sheet: s.name, address: "A1", visible: false })),
    );
    expect(book.syncs.length).toBeLessThanOrEqual(3);
  });

  it("renders titles, blocks, tables, links, freeze panes and the chart of hours by month", async () => {
    const book = userWorkbook();
    const summary = await summaryOf(book);
    await fakeHost(book).writeSummary(summary, "problems");
    const problems = summary.find((s) => s.id === "problems") as SummarySheet;
    const sheet = book.snapshot("问题清单");
    expect(sheet.cells.A1).toBe(problems.title);
    const block = problems.blocks[0];
    expect(book.rows("问题清单")[2]?.slice(0, block?.columns.length)).toEqual(
      block?.columns.map((c) => c.header),
    );
    expect(sheet.tables).toEqual([
      {
        name: expect.any(String),
        address: `A3:${String.fromCharCode(64 + (block?.columns.length ?? 0))}${3 + (block?.rows.length ?? 0)}`,
        style: "TableStyleLight9",
      },
    ]);
    expect(sheet.freeze).toEqual(problems.freeze);
    const links = Object.values(sheet.hyperlinks);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links)
      expect(l.documentReference).toMatch(/^'(志愿活动|工作人员名单|说明)'!\$?[A-Z]+\$?\d+$/);
    expect(Object.keys(sheet.formulas)).toEqual([]);
    expect(sheet.columnWidths.A).toBeGreaterThan(0);

    const activity = book.snapshot("活动统计");
    expect(activity.charts).toHaveLength(1);
    expect(activity.charts[0]).toMatchObject({ type: "ColumnClustered", title: expect.any(String) });
    expect(activity.charts[0]?.xValues).toMatch(/^A\d+:A\d+$/);
  });

  it("takes at most three syncs and sends nothing over 4 MB, even with 10,000 findings", async () => {
    const book = userWorkbook({ rows: 10_000, badEvery: 1 });
    const summary = await summaryOf(book);
    const problems = summary.find((s) => s.id === "problems");
    expect(problems?.blocks[0]?.rows.length).toBeGreaterThanOrEqual(10_000);
    book.resetSyncs();
    const outcome = await fakeHost(book).writeSummary(summary, "assessment");
    expect(book.syncs.length).toBeLessThanOrEqual(3);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(book.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(outcome.linksOmitted).toBe(0);
    expect(Object.keys(book.snapshot("问题清单").hyperlinks).length).toBeGreaterThanOrEqual(10_000);
    expect(book.rows("问题清单")).toHaveLength(3 + (problems?.blocks[0]?.rows.length ?? 0));
  });

  it("keeps to three syncs on a tight budget by leaving the links that do not fit as plain text", async () => {
    const book = userWorkbook({ rows: 3000, badEvery: 1 });
    const summary = await summaryOf(book);
    book.resetSyncs();
    const outcome = await fakeHost(book, { targetBytes: 700_000 }).writeSummary(summary);
    expect(book.syncs.length).toBeLessThanOrEqual(3);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(800_000);
    expect(outcome.linksOmitted).toBeGreaterThan(0);
    const problems = book.snapshot("问题清单");
    expect(Object.keys(problems.hyperlinks).length + outcome.linksOmitted).toBeGreaterThanOrEqual(3000);
  });

  it("never changes the user's sheets: values, formats, fills, notes", async () => {
    const book = userWorkbook();
    const before = snapshots(book, USER_SHEETS);
    await fakeHost(book).writeSummary(await summaryOf(book), "assessment");
    await fakeHost(book).writeSummary(await summaryOf(book), "problems");
    expect(snapshots(book, USER_SHEETS)).toEqual(before);
  });

  it("replaces our sheets on a second run instead of adding more", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    await host.writeSummary(await summaryOf(book));
    const first = book.snapshot("问题清单");
    const summary = await summaryOf(book);
    const changed = summary.map((s) => (s.id === "problems" ? { ...s, title: "第二次" } : s));
    await host.writeSummary(changed);
    expect(book.sheetNames()).toEqual([...USER_SHEETS, ...ZH_NAMES]);
    expect(book.namedItems()).toHaveLength(6);
    expect(book.snapshot("问题清单").cells.A1).toBe("第二次");
    expect(book.snapshot("问题清单").cells.A1).not.toBe(first.cells.A1);
  });

  it("refreshes only the sheets it is given (the validate command writes 问题清单 alone)", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    const summary = await summaryOf(book);
    await host.writeSummary(summary);
    const assessment = book.snapshot("自评表");
    await host.writeSummary(
      summary.filter((s) => s.id === "problems"),
      "problems",
    );
    expect(book.sheetNames()).toEqual([
      ...USER_SHEETS,
      ...ZH_NAMES.filter((n) => n !== "问题清单"),
      "问题清单",
    ]);
    expect(book.snapshot("自评表")).toEqual(assessment);
    expect(book.activeSheetName()).toBe("问题清单");
  });

  it("leaves a user sheet that has one of our names alone and suffixes ours, run after run", async () => {
    const book = userWorkbook().addSheet("自评表", { rows: [["我自己的自评表"]] });
    const mine = book.snapshot("自评表");
    const host = fakeHost(book);
    const outcome = await host.writeSummary(await summaryOf(book), "assessment");
    expect(outcome.renamed).toEqual([{ wanted: "自评表", used: "自评表 (2)" }]);
    expect(outcome.sheets[0]).toEqual({ id: "assessment", name: "自评表 (2)" });
    expect(book.activeSheetName()).toBe("自评表 (2)");
    const again = await host.writeSummary(await summaryOf(book), "assessment");
    expect(again.renamed).toEqual([{ wanted: "自评表", used: "自评表 (2)" }]);
    expect(book.snapshot("自评表")).toEqual(mine);
    expect(book.sheetNames().filter((n) => n.startsWith("自评表"))).toEqual(["自评表", "自评表 (2)"]);
  });

  it("keeps a summary sheet the user renamed to keep, and writes a new one", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    await host.writeSummary(await summaryOf(book));
    book.sheetByName("自评表").name = "我的存档";
    await host.writeSummary(await summaryOf(book));
    expect(book.sheetNames()).toContain("我的存档");
    expect(book.sheetNames()).toContain("自评表");
    expect(book.namedItems().find((n) => n.name === markerName("assessment"))?.sheet).toBe("自评表");
  });

  it("switches language by replacing the Chinese sheets with English ones", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    await host.writeSummary(await summaryOf(book, "zh"));
    await host.writeSummary(await summaryOf(book, "en"), "assessment");
    expect(book.sheetNames()).toEqual([
      ...USER_SHEETS,
      ...Object.values(SUMMARY_SHEET_NAMES).map((n) => n.en),
    ]);
    expect(book.activeSheetName()).toBe("Self-assessment");
  });

  it("works when our old sheets are the only visible ones", async () => {
    const book = userWorkbook();
    const host = fakeHost(book);
    await host.writeSummary(await summaryOf(book));
    const summary = await summaryOf(book);
    for (const name of USER_SHEETS) book.sheetByName(name).visibility = "Hidden";
    await host.writeSummary(summary);
    expect(book.sheetNames().filter((n) => ZH_NAMES.includes(n))).toHaveLength(6);
  });

  it("writes text that looks like a formula as text, never as a formula", async () => {
    const book = userWorkbook();
    const risky = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=y", '=HYPERLINK("http://x")', "0012"];
    const sheet: SummarySheet = {
      id: "report",
      name: "报告要点",
      title: "=title",
      blocks: [
        {
          id: "b",
          caption: "+caption",
          columns: [{ header: "=h1" }, { header: "-h2", format: "integer" }],
          rows: risky.map((v) => [v, v]),
        },
      ],
    };
    await fakeHost(book).writeSummary([sheet]);
    const snap = book.snapshot("报告要点");
    expect(snap.formulas).toEqual({});
    expect(snap.cells.A1).toBe("=title");
    expect(snap.cells.A3).toBe("+caption");
    expect(snap.cells.A4).toBe("=h1");
    expect(snap.cells.B4).toBe("-h2");
    risky.forEach((v, i) => {
      expect(snap.cells[`A${5 + i}`]).toBe(v);
      expect(snap.cells[`B${5 + i}`]).toBe(v);
      expect(snap.formats[`A${5 + i}`]).toBe("@");
    });
  });

  it("writes dates as date serials, numbers with their formats and links to missing sheets as text", async () => {
    const book = userWorkbook();
    const sheet: SummarySheet = {
      id: "report",
      name: "报告要点",
      title: "t",
      blocks: [
        {
          id: "b",
          columns: [
            { header: "date", format: "date" },
            { header: "pct", format: "percent" },
            { header: "link" },
          ],
          rows: [
            ["2023-03-01", 0.125, { text: "志愿活动!F2", link: { sheet: "志愿活动", cell: "F2" } }],
            ["not a date", Infinity, { text: "gone!A1", link: { sheet: "已删除", cell: "A1" } }],
          ],
        },
      ],
    };
    await fakeHost(book).writeSummary([sheet]);
    const snap = book.snapshot("报告要点");
    expect(snap.cells.A4).toBe(44986);
    expect(snap.formats.A4).toBe("yyyy-mm-dd");
    expect(snap.cells.B4).toBe(0.125);
    expect(snap.formats.B4).toBe("0.00%");
    expect(snap.hyperlinks.C4).toEqual({ documentReference: "'志愿活动'!F2", textToDisplay: "志愿活动!F2" });
    expect(snap.cells.A5).toBe("not a date");
    expect(snap.cells.B5).toBe("Infinity");
    expect(snap.hyperlinks.C5).toBeUndefined();
    expect(snap.cells.C5).toBe("gone!A1");
  });

  it("never switches the calculation mode (office-js#2770, the 5-minute cut-off): API calculation and screen updating are suspended per request", async () => {
    const book = userWorkbook();
    await fakeHost(book).writeSummary(await summaryOf(book));
    expect(book.calculationModeHistory).toEqual([]);
    expect(book.calculationMode).toBe("Automatic");
    expect(book.apiCalculationSuspensions).toBeGreaterThan(0);
    expect(book.screenUpdatingSuspensions).toBeGreaterThan(0);
  });

  it("degrades on ExcelApi 1.7: no calculation mode or screen-updating calls, API calculation suspended", async () => {
    const book = userWorkbook({ apiMinor: 7 });
    const summary = await summaryOf(book);
    book.resetSyncs();
    await fakeHost(book).writeSummary(summary, "assessment");
    expect(book.calculationModeHistory).toEqual([]);
    expect(book.screenUpdatingSuspensions).toBe(0);
    expect(book.apiCalculationSuspensions).toBeGreaterThan(0);
    expect(book.syncs.every((s) => s.error === undefined)).toBe(true);
    expect(book.sheetNames()).toEqual([...USER_SHEETS, ...ZH_NAMES]);
  });

  it("removes its half-written sheets and restores calculation when a write fails", async () => {
    const book = userWorkbook();
    const summary = await summaryOf(book);
    // A block wider than a sheet (16,384 columns) fails in the middle of the writes.
    const wide = {
      id: "wide",
      columns: Array.from({ length: 16_385 }, (_, i) => ({ header: `c${i}` })),
      rows: [],
    };
    const broken = summary.map((s) => (s.id === "report" ? { ...s, blocks: [wide] } : s));
    await expect(fakeHost(book).writeSummary(broken)).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(book.sheetNames().filter((n) => n.startsWith("_ziping_tmp_"))).toEqual([]);
    expect(book.calculationMode).toBe("Automatic");
  });
});

describe("printing the summary sheets (page setup carried out from the engine's description)", () => {
  it("sets A4, orientation, one page wide, print titles and the footer; borders every table", async () => {
    const book = userWorkbook();
    const summary = await summaryOf(book);
    await fakeHost(book).writeSummary(summary);
    for (const sheet of summary) {
      const page = sheet.page;
      if (!page) throw new Error(`${sheet.id} has no page setup`);
      const snap = book.snapshot(sheet.name);
      expect(snap.pageLayout).toMatchObject({
        paperSize: "A4",
        orientation: page.orientation === "landscape" ? "Landscape" : "Portrait",
        centerHorizontally: true,
        centerFooter: sheet.name,
        rightFooter: "第 &P 页 / 共 &N 页",
        leftMargin: page.margins.left * 72,
      });
      expect((snap.pageLayout.zoom as Excel.PageLayoutZoomOptions).horizontalFitToPages).toBe(1);
      if (page.titleRows)
        expect(snap.pageLayout.printTitleRows).toBe(`$${page.titleRows.first}:$${page.titleRows.last}`);
      // Every block's header and data rows are ruled and top-aligned.
      expect(snap.borders).toHaveLength(sheet.blocks.length);
      expect(snap.topAligned).toEqual(snap.borders);
    }
    expect(book.snapshot("自评表").pageLayout.zoom).toEqual({
      horizontalFitToPages: 1,
      verticalFitToPages: 1,
    });
  });

  it("leaves the page layout alone before ExcelApi 1.9 and still rules the tables", async () => {
    const book = userWorkbook({ apiMinor: 7 });
    const summary = await summaryOf(book);
    await fakeHost(book).writeSummary(summary);
    const snap = book.snapshot("自评表");
    expect(snap.pageLayout).toEqual({});
    expect(snap.borders.length).toBeGreaterThan(0);
  });
});
