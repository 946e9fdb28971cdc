/**
 * The .xlsx adapter: bytes in, bytes out, in Node and in the browser. File-system helpers live in
 * `./node` (Node only); the reader is `./lean/read` (or `./stream` in Node). ExcelJS's reader
 * (`./testing/exceljsOracle`) is the tests' oracle only, so it is not exported here: importing
 * this module never loads ExcelJS.
 */
export { readXlsxLean, readXlsxLeanSync, type LeanReadOptions } from "./lean/read";
export {
  writeSummaryXlsx,
  writeSummaryWorkbook,
  type WriteSummaryOptions,
  type WriteSummaryResult,
} from "./write";
export { WorkbookReadError, WORKBOOK_ERROR_CODES, type WorkbookErrorCode } from "./errors";
export { DEFAULT_SNIFF_LIMITS, type SniffLimits } from "./limits";
export { sniffWorkbook } from "./sniff";
export { looksLikeFormula } from "../../engine";
