/// <reference types="office-js" />
/**
 * Measurement 5: the Office adapter against the recording fake of the Excel JavaScript API
 * (src/adapters/office/testing/fakeExcel.ts): how many `context.sync()` calls, and the largest
 * request and response (UTF-8 bytes of the JSON the fake sends), for reading an ordinary
 * workbook (the 2022 sample), reading the 200,000-row workbook, and writing the summary sheets of
 * the 200,000-row check (its hundreds of findings).
 */
import path from "node:path";
import { readFileSync } from "node:fs";
import { buildSummarySheets, check, type RawCell, type WorkbookInput } from "../src/engine";
import { readXlsxLeanSync } from "../src/adapters/xlsx/lean/read";
import { createOfficeHost } from "../src/adapters/office/host";
import { PAYLOAD_LIMIT_BYTES } from "../src/adapters/office/budget";
import { FakeWorkbook, type FakeValue } from "../src/adapters/office/testing/fakeExcel";
import { LARGE, sizedWorkbook, toWorkbookInput } from "./generate";
import { ROOT } from "./util";

/** Syncs and payload sizes of one adapter operation. */
export interface SyncFigures {
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly totalResponseBytes: number;
  /** The budget for this operation (syncs). */
  readonly syncBudget: number;
  readonly ms: number;
}

/** Reading and writing through the fake. */
export interface OfficeResult {
  readonly readOrdinary: SyncFigures;
  readonly readLarge: SyncFigures;
  readonly writeSummary: SyncFigures & { readonly findings: number; readonly sheets: number };
  readonly payloadLimitBytes: number;
}

const DAY_MS = 86_400_000;

/** A raw cell as Office.js would hold it: dates as serials (with a date format), errors as text. */
function fakeCell(cell: RawCell | undefined): { value: FakeValue | null; format: string | null } {
  if (cell === null || cell === undefined) return { value: null, format: null };
  if (cell instanceof Date) return { value: cell.getTime() / DAY_MS + 25569, format: "yyyy-mm-dd" };
  if (typeof cell === "object") return { value: cell.error, format: null };
  return { value: cell, format: null };
}

/** A fake Excel workbook holding the sheets of `input`. */
export function fakeWorkbookOf(input: WorkbookInput): FakeWorkbook {
  const book = new FakeWorkbook();
  for (const sheet of input.sheets) {
    const rows: Array<Array<FakeValue | null>> = [];
    const formats: Array<Array<string | null>> = [];
    for (const row of sheet.rows) {
      const values: Array<FakeValue | null> = [];
      const fmts: Array<string | null> = [];
      for (const cell of row) {
        const f = fakeCell(cell);
        values.push(f.value);
        fmts.push(f.format);
      }
      rows.push(values);
      formats.push(fmts);
    }
    book.addSheet(sheet.name, { rows, formats, ...(sheet.hidden ? { visibility: "Hidden" as const } : {}) });
  }
  return book;
}

function hostOf(book: FakeWorkbook) {
  return createOfficeHost({ run: (batch) => book.run(batch), isSetSupported: (v) => book.isSetSupported(v) });
}

function figures(book: FakeWorkbook, syncBudget: number, ms: number): SyncFigures {
  return {
    syncs: book.syncs.length,
    maxRequestBytes: book.maxRequestBytes,
    maxResponseBytes: book.maxResponseBytes,
    totalResponseBytes: book.syncs.reduce((n, s) => n + s.responseBytes, 0),
    syncBudget,
    ms,
  };
}

/** Read the sample and the 200k workbook through the adapter, then write the 200k summary. */
export async function measureOffice(): Promise<OfficeResult> {
  const sample = readXlsxLeanSync(readFileSync(path.join(ROOT, "samples", "sample-2022.xlsx")));
  const ordinary = fakeWorkbookOf(sample);
  let t = performance.now();
  await hostOf(ordinary).readWorkbook();
  const readOrdinary = figures(ordinary, 2, performance.now() - t);

  const large = fakeWorkbookOf(toWorkbookInput(sizedWorkbook(LARGE)));
  t = performance.now();
  const input = await hostOf(large).readWorkbook();
  const readMs = performance.now() - t;
  const total = large.syncs.reduce((n, s) => n + s.responseBytes, 0);
  // "≤ 2 syncs; one more per 4 MB chunk of a large sheet": 2 + the 4 MB chunks its data fills.
  const readLarge = figures(large, 2 + Math.ceil(total / PAYLOAD_LIMIT_BYTES), readMs);

  const result = check(input, { today: "2022-12-31" });
  const sheets = buildSummarySheets(result, "zh");
  large.resetSyncs();
  t = performance.now();
  await hostOf(large).writeSummary(sheets);
  const writeSummary = {
    ...figures(large, 3, performance.now() - t),
    findings: result.report.findings.length,
    sheets: sheets.length,
  };
  return { readOrdinary, readLarge, writeSummary, payloadLimitBytes: PAYLOAD_LIMIT_BYTES };
}
