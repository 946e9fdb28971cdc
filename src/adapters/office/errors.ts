/**
 * The Office adapter's failures as {@link HostFailure}s (worded by `src/host/errors.ts` where the
 * pane or the ribbon shows them), and the Office.js error codes they are told apart by.
 */
import { HostFailure, isOfficeReason, type MarksStage, type OfficeReason } from "../../host/errors";

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
export function rowTooLarge(sheet: string, row: number, cause?: unknown): HostFailure<"row-too-large"> {
  return new HostFailure(
    "row-too-large",
    { sheet, row },
    `row ${row} of "${sheet}" is over the payload limit`,
    {
      cause,
    },
  );
}

/** The Office.js error code of `err` when the catalogue can explain it to the user, else null. */
export function officeReason(err: unknown): OfficeReason | null {
  if (typeof err !== "object" || err === null) return null;
  const e = err as { code?: unknown; debugInfo?: { code?: unknown } };
  const code = e.code ?? e.debugInfo?.code;
  return isOfficeReason(code) ? code : null;
}

/**
 * Why a mark run stopped and what the workbook looks like (`stage`: untouched, or restorable);
 * the reason is Excel's error code when the catalogue explains it, else Excel's own text.
 */
export function marksIncomplete(stage: MarksStage, cause?: unknown): HostFailure<"marks-incomplete"> {
  const text = cause instanceof Error ? cause.message : String(cause ?? "");
  const reason = officeReason(cause) ?? text;
  return new HostFailure("marks-incomplete", { stage, reason }, `${stage}: ${text}`, { cause });
}
