/**
 * The Office.js adapter: reads the workbook, writes our summary sheets, keeps the saved state and
 * the reversible cell marks. Tests use `./testing/fakeExcel` instead of Excel.
 */
export { createOfficeHost } from "./host";
export type { ExcelRunner, OfficeHost, OfficeHostOptions } from "./host";
export type { OfficeWriteOutcome } from "./write";
export { MARK_COLORS, MAX_MARKS } from "./marks";
export { isPayloadSizeError } from "./errors";
