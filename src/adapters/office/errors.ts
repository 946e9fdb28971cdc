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

/** What an Office.js error means for the user, in Chinese and English (or null when unknown). */
export function describeOfficeError(err: unknown): { readonly zh: string; readonly en: string } | null {
  const code =
    typeof err === "object" && err !== null
      ? String(
          (err as { code?: unknown }).code ??
            (err as { debugInfo?: { code?: unknown } }).debugInfo?.code ??
            "",
        )
      : "";
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return {
        zh: "Excel 正在编辑某个单元格，请先按 Enter 或 Esc 结束编辑再试",
        en: "Excel is editing a cell: press Enter or Esc to finish editing, then try again",
      };
    case "AccessDenied":
      return {
        zh: "工作表或工作簿受保护，或工作簿是只读的（请撤销保护或启用编辑后再试）",
        en: "a sheet or the workbook is protected, or the workbook is read-only (unprotect it or enable editing, then try again)",
      };
    case "InvalidOperation":
      return {
        zh: "Excel 拒绝了其中一项修改（例如单元格已有批注对话）",
        en: "Excel refused one of the changes (for example a cell with a threaded comment)",
      };
    default:
      return null;
  }
}

/** Why a mark run stopped and what the workbook looks like: untouched, or restorable. */
export class MarksIncompleteError extends Error {
  override readonly name = "MarksIncompleteError";
  readonly code = "MarksIncomplete";

  /**
   * `stage`: `nothing-changed` (no cell was changed), `partly-marked` (some cells are marked, all
   * of them recorded: "clear marks" restores them), `partly-cleared` (clearing again finishes).
   */
  constructor(
    readonly stage: "nothing-changed" | "partly-marked" | "partly-cleared",
    override readonly cause?: unknown,
  ) {
    const why = describeOfficeError(cause);
    const detail = cause instanceof Error ? cause.message : String(cause ?? "");
    const zhWhy = why?.zh ?? detail;
    const enWhy = why?.en ?? detail;
    // Chinese first, then English, like RowTooLargeError: the pane and the dialogs show it as it is.
    const text = {
      "nothing-changed": [
        `没有标记任何单元格：${zhWhy}。工作表没有被修改。`,
        `No cell was marked: ${enWhy}. Your sheets were not changed.`,
      ],
      "partly-marked": [
        `标记没有全部完成：${zhWhy}。已标记的单元格都有记录，点击“清除标记”即可恢复原样。`,
        `Marking did not finish: ${enWhy}. Every cell marked so far is recorded; 清除标记 (Clear marks) restores them exactly.`,
      ],
      "partly-cleared": [
        `清除标记没有全部完成：${zhWhy}。再次点击“清除标记”即可恢复其余单元格。`,
        `Clearing the marks did not finish: ${enWhy}. Press 清除标记 (Clear marks) again to restore the rest.`,
      ],
    }[stage];
    super(`${text[0]} / ${text[1]}`);
  }
}
