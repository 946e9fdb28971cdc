/**
 * The composition roots' choice of file mode's reader and writer (the engine worker and the
 * in-thread fallback): the xlsx adapter's, through its index, in a chunk of their own that loads
 * only when a file is opened.
 */
import { xlsxFileWork, type FileWork } from "../host/engineService";

/** Load the xlsx adapter's lean reader and package-level writer. */
export function loadFileWork(): Promise<FileWork> {
  return import(/* webpackChunkName: "file-work" */ "../adapters/xlsx").then(xlsxFileWork);
}
