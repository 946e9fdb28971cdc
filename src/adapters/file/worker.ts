/**
 * The file-mode Web Worker: reads the .xlsx into the engine's input (the xlsx adapter's lean reader:
 * same values as ExcelJS, a fraction of its time and memory, with progress) and writes the output
 * workbook, so a 200,000-row file never blocks the page. It only answers the page.
 */
import { readXlsxLean } from "../xlsx/lean/read";
import { writeOutput } from "./output";
import type { FileWorkerReply, FileWorkerRequest } from "./protocol";
import { inputParts, isLarge } from "../../host/inputParts";

interface WorkerScope {
  onmessage: ((event: MessageEvent<FileWorkerRequest>) => void) | null;
  postMessage(message: FileWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle(request: FileWorkerRequest): Promise<void> {
  const { id } = request;
  try {
    if (request.type === "read") {
      scope.postMessage({ id, type: "progress", fraction: 0 });
      const input = await readXlsxLean(new Uint8Array(request.bytes), {
        onProgress: (fraction) => scope.postMessage({ id, type: "progress", fraction }),
      });
      if (isLarge(input)) {
        for (const part of inputParts(input)) scope.postMessage({ id, type: "read-part", part });
        scope.postMessage({ id, type: "read-done", input: null });
      } else {
        scope.postMessage({ id, type: "read-done", input });
      }
    } else {
      const { bytes, outcome } = await writeOutput(
        new Uint8Array(request.original),
        request.sheets,
        request.state,
      );
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      scope.postMessage({ id, type: "write-done", bytes: buffer, outcome }, [buffer]);
    }
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown; detail?: unknown } | null;
    scope.postMessage({
      id,
      type: "error",
      ...(typeof e?.code === "string" ? { code: e.code } : {}),
      message:
        typeof e?.detail === "string" ? e.detail : typeof e?.message === "string" ? e.message : String(err),
    });
  }
}
