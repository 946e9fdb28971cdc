/**
 * Why a workbook could not be read or written, as a code with a localised one-line message, so the
 * CLI and the browser file mode can tell the user what to do instead of showing a stack trace.
 * The pre-check's refusals (`sniff.ts`) keep their codes and messages; reading or editing a file
 * that passed it can still fail as `corrupt` or `unsupported`.
 */
import type { Lang } from "../../engine";
import { SNIFF_CODES, sniffMessage, type SniffCode } from "./sniff";

/** What went wrong with a file. */
export type WorkbookErrorCode = SniffCode | "corrupt" | "unsupported" | "too-many-cells";

/** Every code, for tests and documentation. */
export const WORKBOOK_ERROR_CODES: readonly WorkbookErrorCode[] = [
  ...SNIFF_CODES,
  "corrupt",
  "unsupported",
  "too-many-cells",
];

/** A file that is not a workbook ziping can read or write; `detail` is for logs, not for users. */
export class WorkbookReadError extends Error {
  override readonly name = "WorkbookReadError";
  constructor(
    readonly code: WorkbookErrorCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

type ReadCode = "corrupt" | "unsupported" | "too-many-cells";

const MESSAGES: Readonly<Record<ReadCode, Readonly<Record<Lang, string>>>> = {
  corrupt: {
    zh: "工作簿内容已损坏，无法读取：请在 Excel 中打开并重新保存（或用“打开并修复”）后再试。",
    en: "The workbook's content is damaged and cannot be read: open it in Excel and save it again (or use Open and Repair), then retry.",
  },
  unsupported: {
    zh: "工作簿使用了 ziping 不支持的格式（如 Strict Open XML）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试。",
    en: "The workbook uses a format ziping does not support (such as Strict Open XML): save it in Excel as “Excel Workbook (*.xlsx)” and try again.",
  },
  // The limit is MAX_CELLS in lean/read.ts and docs/privacy.md.
  "too-many-cells": {
    zh: "工作簿中的非空单元格过多（上限 400 万个，所有工作表合计）：请删去无关的工作表或数据后再试。",
    en: "The workbook holds too many non-blank cells (limit 4 million, all sheets together): remove unrelated sheets or data and try again.",
  },
};

/** The user-facing one-line message for a code. */
export function workbookErrorMessage(code: WorkbookErrorCode, lang: Lang): string {
  return code === "corrupt" || code === "unsupported" || code === "too-many-cells"
    ? MESSAGES[code][lang]
    : sniffMessage(code, lang);
}
