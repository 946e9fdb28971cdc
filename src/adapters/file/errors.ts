/**
 * File mode's failures: anything thrown while a file is opened, read (possibly in the worker) or
 * written becomes a {@link HostFailure} with the xlsx adapter's codes; the pane words it in the
 * language it shows at the time — never a stack trace.
 */
import { HostFailure } from "../../host/errors";
import { isWorkbookErrorCode, WorkbookReadError } from "../xlsx/errors";

/**
 * Turn anything thrown while reading or writing into a host failure: known codes keep theirs (and
 * the params they crossed the worker with), anything else counts as a damaged workbook
 * (`corrupt`) with its text kept as `detail`.
 */
export function asWorkbookFailure(err: unknown): HostFailure {
  if (err instanceof HostFailure) return err;
  const raw = err as { code?: unknown; params?: unknown; message?: unknown; detail?: unknown } | null;
  const detail =
    typeof raw?.detail === "string"
      ? raw.detail
      : typeof raw?.message === "string"
        ? raw.message
        : String(err);
  if (!isWorkbookErrorCode(raw?.code)) return new WorkbookReadError("corrupt", detail);
  return typeof raw.params === "object" && raw.params !== null
    ? new HostFailure(raw.code, raw.params as never, detail)
    : new WorkbookReadError(raw.code, detail);
}
