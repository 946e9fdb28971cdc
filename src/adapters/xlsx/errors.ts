/**
 * Why a workbook could not be read or written, as a {@link HostFailure} code, so the CLI and the
 * browser file mode can tell the user what to do (in words from `src/host/errors.ts`) instead of
 * showing a stack trace. The pre-check's refusals (`sniff.ts`) keep their codes; reading or editing
 * a file that passed it can still fail as `corrupt`, `unsupported` or `too-many-cells`.
 */
import { HostFailure, type HostFailureParams } from "../../host/errors";
import { DEFAULT_SNIFF_LIMITS, SNIFF_CODES, type SniffCode } from "./limits";

/** What went wrong with a file. */
export type WorkbookErrorCode = SniffCode | "corrupt" | "unsupported" | "too-many-cells";

/** Every code, for tests and documentation. */
export const WORKBOOK_ERROR_CODES: readonly WorkbookErrorCode[] = [
  ...SNIFF_CODES,
  "corrupt",
  "unsupported",
  "too-many-cells",
];

/** True for a code of this adapter. */
export function isWorkbookErrorCode(code: unknown): code is WorkbookErrorCode {
  return typeof code === "string" && (WORKBOOK_ERROR_CODES as readonly string[]).includes(code);
}

/** The values a workbook code's message states: the limits that were enforced, for the size codes. */
function paramsOf(code: WorkbookErrorCode): HostFailureParams[WorkbookErrorCode] {
  const lim = DEFAULT_SNIFF_LIMITS;
  if (code === "too-large") return { maxFileBytes: lim.maxFileBytes, maxEntries: lim.maxEntries };
  if (code === "bomb")
    return { maxTotalUncompressed: lim.maxTotalUncompressed, maxPartRatio: lim.maxPartRatio };
  return {};
}

/** A file that is not a workbook ziping can read or write: a host failure with the xlsx codes. */
export class WorkbookReadError extends HostFailure<WorkbookErrorCode> {
  override readonly name = "WorkbookReadError";
  constructor(code: WorkbookErrorCode, detail?: string) {
    super(code, paramsOf(code), detail);
  }
}
