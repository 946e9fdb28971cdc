/**
 * The ExcelJS/.xlsx adapter: bytes in, bytes out, in Node and in the browser. File-system helpers
 * live in `./node` (Node only).
 */
export { readXlsx, type ReadXlsxOptions } from "./read";
export {
  writeSummaryXlsx,
  writeSummaryWorkbook,
  type WriteSummaryOptions,
  type WriteSummaryResult,
} from "./write";
export {
  WorkbookReadError,
  workbookErrorMessage,
  WORKBOOK_ERROR_CODES,
  type WorkbookErrorCode,
} from "./errors";
export { sniffWorkbook, DEFAULT_SNIFF_LIMITS, type SniffLimits } from "./sniff";
export { looksLikeFormula } from "../../engine/summary/render";
