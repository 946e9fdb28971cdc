/**
 * Where file mode reads and writes .xlsx: in a Web Worker (the page stays responsive however large
 * the file), or in the page itself where workers are unavailable. Both run the xlsx adapter's lean
 * reader and package-level writer, which load only when first needed (a separate chunk).
 */
import type { SummarySheet, WorkbookInput } from "../../engine";
import type { FileBackend, OutputWorkbook } from "./session";
import type { FileWorkerReply, FileWorkerRequest } from "./protocol";
import { InputAssembler } from "../../host/inputParts";

/** Copy bytes into an ArrayBuffer of their own (the original stays usable after a transfer). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** A backend that runs the xlsx adapter in this thread (tests, and browsers without workers). */
export function inlineBackend(): FileBackend {
  return {
    async read(bytes, onProgress) {
      onProgress(0);
      const { readXlsxLean } = await import("../xlsx/lean/read");
      // On the page's own thread: give the browser a turn every 40 ms so it can paint and take input.
      return readXlsxLean(bytes, { onProgress, yieldEveryMs: 40 });
    },
    async write(original, sheets, state) {
      const { writeOutput } = await import("./output");
      return writeOutput(original, sheets, state);
    },
  };
}

/** Raised when the worker itself cannot run (blocked, failed to load), so the caller can fall back. */
export class WorkerUnavailableError extends Error {
  override readonly name = "WorkerUnavailableError";
}

interface Pending {
  readonly resolve: (reply: FileWorkerReply) => void;
  readonly reject: (err: unknown) => void;
  readonly onProgress?: (fraction: number | undefined) => void;
  /** Collects a read result that arrives in parts. */
  readonly parts: InputAssembler;
}

/**
 * A backend over a Web Worker started by `spawn`; if the worker cannot start or dies, requests
 * (that one and later ones) run on `fallback` instead, so the user still gets a result.
 */
export function workerBackend(spawn: () => Worker, fallback: FileBackend = inlineBackend()): FileBackend {
  let worker: Worker | null = null;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fail = (err: unknown) => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };

  const start = (): Worker => {
    if (worker) return worker;
    const w = spawn();
    w.onmessage = (event: MessageEvent<FileWorkerReply>) => {
      const reply = event.data;
      const p = pending.get(reply.id);
      if (!p) return;
      if (reply.type === "progress") {
        p.onProgress?.(reply.fraction);
        return;
      }
      if (reply.type === "read-part") {
        try {
          p.parts.add(reply.part);
        } catch (err) {
          pending.delete(reply.id);
          p.reject(err);
        }
        return;
      }
      pending.delete(reply.id);
      p.resolve(
        reply.type === "read-done" && reply.input === null ? { ...reply, input: p.parts.take() } : reply,
      );
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      fail(new WorkerUnavailableError(event.message || "worker failed"));
    };
    w.onmessageerror = () => fail(new WorkerUnavailableError("worker message could not be decoded"));
    worker = w;
    return w;
  };

  const request = (
    message: FileWorkerRequest,
    transfer: Transferable[],
    onProgress?: (fraction: number | undefined) => void,
  ): Promise<FileWorkerReply> =>
    new Promise<FileWorkerReply>((resolve, reject) => {
      pending.set(message.id, {
        resolve,
        reject,
        parts: new InputAssembler(),
        ...(onProgress ? { onProgress } : {}),
      });
      try {
        start().postMessage(message, transfer);
      } catch (err) {
        pending.delete(message.id);
        reject(new WorkerUnavailableError(err instanceof Error ? err.message : String(err)));
      }
    }).then((reply) => {
      if (reply.type === "error") {
        throw Object.assign(new Error(reply.message), reply.code ? { code: reply.code } : {});
      }
      return reply;
    });

  const withFallback = async <T>(run: () => Promise<T>, instead: () => Promise<T>): Promise<T> => {
    if (broken || typeof Worker === "undefined") return instead();
    try {
      return await run();
    } catch (err) {
      if (err instanceof WorkerUnavailableError) {
        broken = true;
        return instead();
      }
      throw err;
    }
  };

  return {
    read(bytes, onProgress): Promise<WorkbookInput> {
      return withFallback(
        async () => {
          const buffer = ownBuffer(bytes);
          const reply = await request({ id: nextId++, type: "read", bytes: buffer }, [buffer], onProgress);
          if (reply.type !== "read-done" || !reply.input) throw new Error(`unexpected reply ${reply.type}`);
          return reply.input;
        },
        () => fallback.read(bytes, onProgress),
      );
    },
    write(original, sheets: readonly SummarySheet[], state): Promise<OutputWorkbook> {
      return withFallback(
        async () => {
          const buffer = ownBuffer(original);
          const reply = await request({ id: nextId++, type: "write", original: buffer, sheets, state }, [
            buffer,
          ]);
          if (reply.type !== "write-done") throw new Error(`unexpected reply ${reply.type}`);
          return { bytes: new Uint8Array(reply.bytes), outcome: reply.outcome };
        },
        () => fallback.write(original, sheets, state),
      );
    },
    dispose() {
      worker?.terminate();
      worker = null;
      for (const p of pending.values()) p.reject(new Error("the workbook was closed"));
      pending.clear();
    },
  };
}
