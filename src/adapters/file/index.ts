/**
 * File mode's adapter: open an .xlsx in the browser as a {@link WorkbookHost}. Loaded only through
 * the pane's `import("../adapters/file")`, so the Office task pane never downloads it or the
 * preview grid; the xlsx reader and writer run where the engine runs, the pane's worker.
 * See src/ui/README.md for the contract with the pane.
 */
import type { ComponentType } from "react";
import type { Lang } from "../../engine";
import type { WorkbookHost } from "../../host/types";
import { createEngineService, xlsxFileWork, type EngineService } from "../../host/engineService";
import { inspectPackage } from "../xlsx/package";
import { asWorkbookFailure } from "./errors";
import { bindPreview, type BoundPreviewProps } from "./Preview";
import { documentLang, FileWorkbookHost, type SaveFile } from "./session";

export { FileWorkbookHost } from "./session";

/** One opened workbook, as the pane uses it. */
export interface FileSession {
  /** The workbook host (kind "file"); `select` opens the preview. */
  readonly host: WorkbookHost;
  /** The file's name as the user picked it. */
  readonly fileName: string;
  /** Save the original workbook plus the summary sheets last given to `host.writeSummary` (and saved state). */
  download(): Promise<void>;
  /** The read-only preview of the cell last selected (renders nothing while closed). */
  readonly Preview: ComponentType<BoundPreviewProps>;
  /** Close the preview. */
  closePreview(): void;
  /** Forget this file; call when another file replaces it. */
  dispose(): void;
}

/** What {@link createFileHost} may be given besides the file (tests inject these). */
export interface CreateFileHostOptions {
  /** Where the workbook is read, checked and written: the pane's engine (default: one in this thread). */
  readonly engine?: EngineService;
  /** How the finished workbook reaches the user (default: a Blob and an `<a download>`). */
  readonly save?: SaveFile;
  /** The pane's language (default: `<html lang>`). */
  readonly lang?: () => Lang;
}

/** An engine service in this thread with the xlsx adapter's reader and writer (tests, scripts). */
function inThreadEngine(): EngineService {
  return createEngineService({ files: () => import("../xlsx").then(xlsxFileWork), yieldEveryMs: 40 });
}

/**
 * Open an .xlsx picked or dropped by the user. Rejects with a `HostFailure` (a `code` such as
 * `not-xlsx`, `encrypted`, `corrupt`, `empty`, `too-large`, worded by the pane) when the file
 * cannot be a workbook; the sheets themselves are read by `host.readWorkbook`, with progress.
 */
export async function createFileHost(
  file: Blob & { readonly name?: string },
  options: CreateFileHostOptions = {},
): Promise<FileSession> {
  const lang = options.lang ?? documentLang;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
    // Only the zip directory is looked at here: a wrong or hostile file is refused before any inflating.
    inspectPackage(bytes);
  } catch (err) {
    throw asWorkbookFailure(err);
  }
  const host = new FileWorkbookHost(file.name ?? "workbook.xlsx", bytes, {
    engine: options.engine ?? inThreadEngine(),
    lang,
    ...(options.save ? { save: options.save } : {}),
  });
  return {
    host,
    fileName: host.fileName,
    download: () => host.download(),
    Preview: bindPreview(host, lang),
    closePreview: () => host.closePreview(),
    dispose: () => host.dispose(),
  };
}
