/**
 * The re-run decision and sheet ownership, tested once against both writers: the .xlsx package
 * writer (CLI --out, browser mode) and the Office.js writer (ribbon, pane) carry out the same
 * placement plan (src/engine/workbook/placement.ts), so every scenario must end the same in both.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { writeSummaryWorkbook } from "../../src/adapters/xlsx/write";
import { readXlsx } from "../../src/adapters/xlsx/testing/exceljsOracle";
import { FakeWorkbook } from "../../src/adapters/office/testing/fakeExcel";
import { fakeHost } from "../../src/adapters/office/testing/fixtures";
import {
  markerName,
  markerProof,
  sheetReference,
  type SummarySheet,
  type SummarySheetId,
} from "../../src/engine";

const ROSTER = [
  ["姓名", "学号", "职务"],
  ["张三", "2021000001", "主席"],
];
const LOG = [
  ["日期", "活动名称", "时长"],
  ["2022-03-08", "迎新", 2],
];

function sheet(id: SummarySheetId, name: string, title = `${name}标题`): SummarySheet {
  return { id, name, title, blocks: [{ id: "main", columns: [{ header: "项目" }], rows: [["a"]] }] };
}
const SUMMARY = [sheet("assessment", "自评表"), sheet("problems", "问题清单")];

/** One writer and the workbook it writes into, driven the same way for both. */
interface Writer {
  write(sheets: readonly SummarySheet[]): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Adds a marker name for `id` referring to A1 of `target`, with `comment`. */
  imitate(id: SummarySheetId, target: string, comment: string | null): Promise<void>;
  sheetNames(): Promise<string[]>;
  rows(name: string): Promise<unknown[][]>;
}

async function xlsxWriter(): Promise<Writer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("名单").addRows(ROSTER);
  wb.addWorksheet("活动记录").addRows(LOG);
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  const editWorkbookXml = (edit: (xml: string) => string): void => {
    const files = unzipSync(bytes);
    files["xl/workbook.xml"] = strToU8(edit(strFromU8(files["xl/workbook.xml"] as Uint8Array)));
    bytes = zipSync(files);
  };
  return {
    async write(sheets) {
      bytes = (await writeSummaryWorkbook(bytes, sheets)).bytes;
    },
    async rename(from, to) {
      editWorkbookXml((xml) =>
        xml.replace(`name="${from}"`, `name="${to}"`).split(sheetReference(from)).join(sheetReference(to)),
      );
    },
    async imitate(id, target, comment) {
      const name = `<definedName name="${markerName(id)}"${comment === null ? "" : ` comment="${comment}"`} hidden="1">${sheetReference(target)}</definedName>`;
      editWorkbookXml((xml) =>
        xml.includes("</definedNames>")
          ? xml.replace("</definedNames>", `${name}</definedNames>`)
          : xml.replace("</sheets>", `</sheets><definedNames>${name}</definedNames>`),
      );
    },
    async sheetNames() {
      return (await readXlsx(bytes)).sheets.map((s) => s.name);
    },
    async rows(name) {
      return ((await readXlsx(bytes)).sheets.find((s) => s.name === name)?.rows ?? []) as unknown[][];
    },
  };
}

async function officeWriter(): Promise<Writer> {
  const book = new FakeWorkbook(18)
    .addSheet("名单", { rows: ROSTER })
    .addSheet("活动记录", { rows: LOG.map((r) => r.map(String)) });
  const host = fakeHost(book);
  return {
    async write(sheets) {
      await host.writeSummary(sheets);
    },
    async rename(from, to) {
      book.sheetByName(from).name = to;
    },
    async imitate(id, target, comment) {
      book.names.push({
        name: markerName(id),
        sheet: book.sheetByName(target),
        address: "A1",
        visible: false,
        comment: comment ?? "",
        deleted: false,
      });
    },
    async sheetNames() {
      return book.sheetNames();
    },
    async rows(name) {
      return book.rows(name);
    },
  };
}

describe.each([
  ["the .xlsx writer", xlsxWriter],
  ["the Office writer", officeWriter],
])("%s", (_label, make) => {
  it("replaces its own sheets on a re-run", async () => {
    const w = await make();
    await w.write(SUMMARY);
    await w.write([sheet("assessment", "自评表", "第二次"), sheet("problems", "问题清单")]);
    expect(await w.sheetNames()).toEqual(["名单", "活动记录", "自评表", "问题清单"]);
    expect((await w.rows("自评表"))[0]?.[0]).toBe("第二次");
  });

  it("keeps a sheet of ours the user renamed, and writes a new one", async () => {
    const w = await make();
    await w.write(SUMMARY);
    await w.rename("自评表", "我的自评");
    await w.write(SUMMARY);
    expect(await w.sheetNames()).toEqual(["名单", "活动记录", "我的自评", "自评表", "问题清单"]);
    expect((await w.rows("我的自评"))[0]?.[0]).toBe("自评表标题");
  });

  it("never removes the roster or the activity log that imitation markers point at", async () => {
    const w = await make();
    const roster = await w.rows("名单");
    const log = await w.rows("活动记录");
    await w.imitate("assessment", "名单", "ziping summary sheet");
    // Even a proof copied from a real sheet of ours does not fit another sheet's A1.
    await w.imitate("problems", "活动记录", markerProof("problems", "问题清单标题"));
    await w.write(SUMMARY);
    await w.write(SUMMARY);
    expect(await w.sheetNames()).toEqual(["名单", "活动记录", "自评表", "问题清单"]);
    expect(await w.rows("名单")).toEqual(roster);
    expect(await w.rows("活动记录")).toEqual(log);
  });

  it("suffixes ours when the user's own sheet has our name", async () => {
    const w = await make();
    await w.write(SUMMARY);
    await w.rename("自评表", "旧表");
    await w.rename("名单", "自评表");
    await w.write(SUMMARY);
    const names = await w.sheetNames();
    expect(names).toContain("自评表");
    expect(await w.rows("自评表")).toEqual(ROSTER);
    expect(names).toContain("自评表 (2)");
  });
});
