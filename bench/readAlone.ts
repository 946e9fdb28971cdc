/**
 * A child process of the bench: read an .xlsx and nothing else, and print what was read as JSON.
 * `stream` is ExcelJS's streaming reader (`ExcelJS.stream.xlsx.WorkbookReader`) touching every
 * cell once — the baseline of budget 3; `load` is its whole-workbook reader (`xlsx.load`, what
 * the CLI used before issue 5); `lean` is the lean reader the CLI uses now (readXlsxStream).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { readXlsxStream } from "../src/adapters/xlsx/stream";

async function streamRead(file: string): Promise<{ cells: number; rows: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "emit",
  });
  let cells = 0;
  let rows = 0;
  let touched = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells++;
        // Touch the value (ExcelJS resolves shared strings and dates here).
        if (cell.value !== null && cell.value !== undefined) touched++;
      });
    }
  }
  return { cells: touched === cells ? cells : touched, rows };
}

async function loadRead(file: string): Promise<{ cells: number; rows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  let cells = 0;
  let rows = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      rows++;
      row.eachCell({ includeEmpty: false }, () => void cells++);
    });
  }
  return { cells, rows };
}

async function leanRead(file: string): Promise<{ cells: number; rows: number }> {
  const input = await readXlsxStream(file);
  let cells = 0;
  let rows = 0;
  for (const sheet of input.sheets) {
    for (const row of sheet.rows) {
      if (row.length > 0) rows++;
      for (const cell of row) if (cell !== null) cells++;
    }
  }
  return { cells, rows };
}

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2);
  const readers = { stream: streamRead, load: loadRead, lean: leanRead } as const;
  if (!file || !(mode === "stream" || mode === "load" || mode === "lean")) {
    throw new Error("usage: readAlone stream|load|lean FILE");
  }
  const result = await readers[mode](file);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 1;
});
