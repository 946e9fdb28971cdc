import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { readXlsx } from "./exceljsOracle";
import { WorkbookReadError, type WorkbookErrorCode } from "../errors";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function codeOf(bytes: Uint8Array): Promise<WorkbookErrorCode | "none"> {
  try {
    await readXlsx(bytes);
    return "none";
  } catch (err) {
    if (err instanceof WorkbookReadError) return err.code;
    throw err;
  }
}

describe("readXlsx", () => {
  it("reads every kind of cell value as the engine's RawCell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.getCell("A1").value = "文本";
    ws.getCell("B1").value = 42.5;
    ws.getCell("C1").value = true;
    ws.getCell("D1").value = new Date(Date.UTC(2022, 2, 8));
    ws.getCell("D1").numFmt = "yyyy-mm-dd";
    ws.getCell("E1").value = { formula: "B1*2", result: 85 };
    ws.getCell("F1").value = { formula: "NA()", result: { error: "#N/A" } } as ExcelJS.CellFormulaValue;
    ws.getCell("G1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("H1").value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
    ws.getCell("I1").value = { richText: [{ text: "前" }, { font: { bold: true }, text: "10%" }] };
    ws.getCell("J1").value = { text: "链接文字", hyperlink: "https://example.org" };
    ws.getCell("K1").value = "";
    ws.getCell("L1").value = {
      formula: "TODAY()",
      result: new Date(Date.UTC(2022, 11, 9)),
    } as ExcelJS.CellFormulaValue;
    ws.getCell("L1").numFmt = "yyyy/m/d";
    const input = await readXlsx(await bytesOf(wb));
    expect(input.sheets).toHaveLength(1);
    expect(input.sheets[0]?.rows).toEqual([
      [
        "文本",
        42.5,
        true,
        new Date(Date.UTC(2022, 2, 8)),
        85,
        { error: "#N/A" },
        { error: "#DIV/0!" },
        null,
        "前10%",
        "链接文字",
        null,
        new Date(Date.UTC(2022, 11, 9)),
      ],
    ]);
  });

  it("keeps a merged value in the top-left cell only and skips the rest of the area", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    ws.getCell("A1").value = "赣南医学院学生会工作人员名单";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = "姓名";
    ws.getCell("B2").value = "学号";
    const rows = (await readXlsx(await bytesOf(wb))).sheets[0]?.rows;
    expect(rows).toEqual([["赣南医学院学生会工作人员名单"], ["姓名", "学号"]]);
  });

  it("trims trailing blank rows and columns, keeps blank rows inside, and starts at A1", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("活动");
    ws.getCell("B2").value = 1;
    ws.getCell("D4").value = "x";
    ws.getCell("H20").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    ws.getCell("J30").value = "";
    const sheet = (await readXlsx(await bytesOf(wb))).sheets[0];
    expect(sheet?.origin).toBeUndefined();
    expect(sheet?.rows).toEqual([[], [null, 1], [], [null, null, null, "x"]]);
  });

  it("lists every sheet in workbook order with its hidden state", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("一").getCell("A1").value = 1;
    const hidden = wb.addWorksheet("二");
    hidden.state = "hidden";
    const veryHidden = wb.addWorksheet("三");
    veryHidden.state = "veryHidden";
    wb.addWorksheet("空表");
    const input = await readXlsx(await bytesOf(wb));
    expect(input.sheets.map((s) => [s.name, s.hidden ?? false, s.rows.length])).toEqual([
      ["一", false, 1],
      ["二", true, 0],
      ["三", true, 0],
      ["空表", false, 0],
    ]);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("a").getCell("A1").value = "ok";
    const bytes = await bytesOf(wb);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readXlsx(buffer)).sheets[0]?.rows).toEqual([["ok"]]);
  });

  describe("refuses what is not a readable workbook, with a code", () => {
    it.each<[string, () => Promise<Uint8Array> | Uint8Array, WorkbookErrorCode]>([
      ["an empty file", () => new Uint8Array(0), "empty"],
      ["a CSV file", () => strToU8("姓名,学号\n张三,2021001\n"), "csv"],
      ["random bytes", () => Uint8Array.from({ length: 300 }, (_, i) => (i * 7919) % 256), "not-xlsx"],
      ["a zip that is not a workbook", () => zipSync({ "hello.txt": strToU8("hi") }), "not-xlsx"],
      [
        "an encrypted workbook (an OLE2 file with an EncryptedPackage stream)",
        () => {
          const b = new Uint8Array(600);
          b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
          const name = "EncryptedPackage";
          for (let i = 0; i < name.length; i++) b[300 + 2 * i] = name.charCodeAt(i);
          return b;
        },
        "encrypted",
      ],
      [
        "a truncated workbook",
        async () => {
          const wb = new ExcelJS.Workbook();
          wb.addWorksheet("a").getCell("A1").value = "x";
          const bytes = await bytesOf(wb);
          return bytes.slice(0, Math.floor(bytes.length / 2));
        },
        "truncated",
      ],
      [
        "a package whose workbook part is not XML",
        () =>
          zipSync({
            "[Content_Types].xml": strToU8(
              '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            ),
            "_rels/.rels": strToU8("not xml <<<"),
            "xl/workbook.xml": strToU8("<<< garbage"),
          }),
        "corrupt",
      ],
    ])("%s", async (_label, make, code) => {
      expect(await codeOf(await make())).toBe(code);
    });
  });
});
