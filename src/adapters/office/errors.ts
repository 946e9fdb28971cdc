/**
 * Errors of the Office adapter that the pane and the ribbon commands show as a message (its
 * `message` is a full sentence; `code` lets a caller tell it apart).
 */

/** Office.js error codes for a request or response over Excel on the web's 5 MB limit. */
export const PAYLOAD_SIZE_ERROR_CODES: readonly string[] = [
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
];

/** True for an `OfficeExtension.Error` (or anything shaped like one) about a payload over the limit. */
export function isPayloadSizeError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; debugInfo?: { code?: unknown; message?: unknown } };
  const codes = [e.code, e.debugInfo?.code];
  if (codes.some((c) => typeof c === "string" && PAYLOAD_SIZE_ERROR_CODES.includes(c))) return true;
  const texts = [e.message, e.debugInfo?.message];
  return texts.some((m) => typeof m === "string" && /payload size/i.test(m));
}

/** One row of a sheet holds more than Excel on the web sends an add-in in one response. */
export class RowTooLargeError extends Error {
  override readonly name = "RowTooLargeError";
  readonly code = "RowTooLarge";

  /** `row` is the sheet's 1-based row number; `cause` is Excel's error. */
  constructor(
    readonly sheet: string,
    readonly row: number,
    override readonly cause?: unknown,
  ) {
    // Chinese first, then English: the pane and the dialogs show the message as it is, and this
    // error is raised deep in the read, where the user's language is not known.
    super(
      `工作表“${sheet}”第${row}行的内容过多，超过 Excel 一次能传给加载项的上限（约 5 MB）。请缩短或拆分该行最长的单元格后再校验。` +
        ` / Row ${row} of the sheet “${sheet}” holds more text than Excel can pass to the add-in at once ` +
        `(about 5 MB). Shorten or split the longest cells of that row, then check again.`,
    );
  }
}
