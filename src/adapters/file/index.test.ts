import ExcelJS from "exceljs";
import type { EngineService } from "../../host/engineService";
import { WORKBOOK_ERROR_CODES } from "../xlsx/errors";
import { errorText, HostFailure } from "../../host/errors";
import { createFileHost } from "./index";

async function workbookBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("名单").addRows([["姓名"], ["张三"]]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("createFileHost", () => {
  it("opens an .xlsx as a file host whose reader runs the xlsx adapter", async () => {
    const file = Object.assign(new Blob([(await workbookBytes()) as BlobPart]), { name: "学生会.xlsx" });
    const session = await createFileHost(file, { lang: () => "zh" });
    expect(session.host.kind).toBe("file");
    expect(session.fileName).toBe("学生会.xlsx");
    const input = await session.host.readWorkbook();
    expect(input.sheets).toEqual([{ name: "名单", rows: [["姓名"], ["张三"]] }]);
    await session.host.select("名单", "A2");
    session.closePreview();
    session.dispose();
  });

  it.each([
    ["a CSV", new TextEncoder().encode("姓名,学号\n张三,2021001\n")],
    ["random bytes", Uint8Array.from({ length: 2048 }, (_, i) => (i * 131) % 251)],
    ["nothing", new Uint8Array(0)],
    ["half a workbook", null],
  ])("refuses %s at once with a code the pane words as one line", async (_what, bytes) => {
    const data = bytes ?? (await workbookBytes()).subarray(0, 600);
    const file = Object.assign(new Blob([data as BlobPart]), { name: "x.xlsx" });
    let opened = 0;
    const engine = { open: async () => void opened++ } as unknown as EngineService;
    const err = await createFileHost(file, { engine, lang: () => "en" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostFailure);
    expect(WORKBOOK_ERROR_CODES).toContain((err as HostFailure).code);
    expect(errorText(err, "en")).toMatch(/^[A-Z].*\.$/s);
    expect(errorText(err, "en")).not.toMatch(/\n|at \w+ \(/);
    expect(opened).toBe(0);
  });
});
