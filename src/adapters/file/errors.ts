/**
 * Errors file mode shows in the pane: a code the pane can localise (the xlsx adapter's codes) and a
 * message already in the user's language — never a stack trace.
 */
import type { Lang } from "../../engine";
import { WORKBOOK_ERROR_CODES, workbookErrorMessage, type WorkbookErrorCode } from "../xlsx/errors";

/** Why a file could not be opened, read or written; `message` is localised, `detail` is for logs. */
export class FileModeError extends Error {
  override readonly name = "FileModeError";
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** True for a code the xlsx adapter knows. */
export function isWorkbookErrorCode(code: unknown): code is WorkbookErrorCode {
  return typeof code === "string" && (WORKBOOK_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * Turn anything thrown while reading or writing into a {@link FileModeError}: known codes keep
 * theirs, anything else counts as a damaged workbook (`corrupt`) with its text kept as `detail`.
 */
export function toFileModeError(err: unknown, lang: Lang): FileModeError {
  if (err instanceof FileModeError) return err;
  const raw = err as { code?: unknown; message?: unknown; detail?: unknown } | null;
  const code: WorkbookErrorCode = isWorkbookErrorCode(raw?.code) ? raw.code : "corrupt";
  const detail =
    typeof raw?.detail === "string"
      ? raw.detail
      : typeof raw?.message === "string"
        ? raw.message
        : String(err);
  return new FileModeError(code, workbookErrorMessage(code, lang), detail);
}
