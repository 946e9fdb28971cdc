/**
 * File mode's adapter: open an .xlsx in the browser as a {@link WorkbookHost}. Loaded only through
 * the pane's `import("../adapters/file")`, so the Office task pane never downloads it, the xlsx
 * reader and writer (in this chunk's Web Worker) or the preview grid. See src/ui/README.md for the
 * contract with the pane.
 */
import type { ComponentType } from "react";
import type { Lang } from "../../engine";
import type { WorkbookHost } from "../../host/types";
import { inspectPackage } from "../xlsx/package";
import { inlineBackend, workerBackend } from "./backends";
import { asWorkbookFailure } from "./errors";
import { bindPreview, type BoundPreviewProps } from "./Preview";
import { documentLang, FileWorkbookHost, type FileBackend, type SaveFile } from "./session";

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
  /** Stop the worker; call when another file replaces this one. */
  dispose(): void;
}

/** What {@link createFileHost} may be given besides the file (tests inject these). */
export interface CreateFileHostOptions {
  /** Read/write backend (default: a Web Worker, in-thread where workers are missing). */
  readonly backend?: FileBackend;
  /** How the finished workbook reaches the user (default: a Blob and an `<a download>`). */
  readonly save?: SaveFile;
  /** The pane's language (default: `<html lang>`). */
  readonly lang?: () => Lang;
}

async function defaultBackend(): Promise<FileBackend> {
  if (typeof Worker === "undefined") return inlineBackend();
  // Eager: the glue is tiny and belongs in this chunk; it is plain JS only because of import.meta.
  const { spawnFileWorker } = await import(/* webpackMode: "eager" */ "./spawnWorker");
  return workerBackend(spawnFileWorker);
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
  const backend = options.backend ?? (await defaultBackend());
  const host = new FileWorkbookHost(file.name ?? "workbook.xlsx", bytes, {
    backend,
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
