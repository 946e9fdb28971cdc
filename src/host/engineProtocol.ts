/**
 * The one message layer between the page and the engine worker: a request names an
 * {@link EngineService} method with its arguments and an id; the worker answers that id with
 * progress, then the value or an error (its workbook error `code` kept). Bytes are transferred,
 * not copied; a large workbook the pane read (Excel) goes in parts (inputParts.ts).
 */
import type { WorkbookInput } from "../engine";
import type { EngineService } from "./engineService";
import { InputAssembler, inputParts, isLarge, type InputPart } from "./inputParts";
import type { Progress } from "./types";

type Method = Exclude<keyof EngineService, "dispose">;

/** A request from the page: a call of `method`, or (no reply) one part of a large workbook. */
export type EngineRequest =
  | { readonly id: number; readonly method: Method; readonly args: readonly unknown[] }
  | { readonly id: number; readonly method: "part"; readonly part: InputPart };

/** The worker's reply to one request: progress, the value, or an error. */
export type EngineReply =
  | { readonly id: number; readonly type: "progress"; readonly progress: Progress }
  | { readonly id: number; readonly type: "done"; readonly value: unknown }
  | {
      readonly id: number;
      readonly type: "error";
      readonly message: string;
      readonly code?: string;
      /** A host failure's params, so the page can word it (src/host/errors.ts). */
      readonly params?: unknown;
      readonly detail?: string;
    };

/** The part of a dedicated worker's global scope the server uses. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineReply, transfer?: Transferable[]): void;
}

/** Raised when the worker itself fails (blocked, failed to load, crashed), so callers can fall back. */
export class WorkerFailure extends Error {
  override readonly name = "WorkerFailure";
}

/** Bytes in an ArrayBuffer of their own, to transfer (the sender's copy stays usable). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** Answer the page's requests in a worker with `service`. */
export function serveEngine(scope: WorkerScope, service: EngineService): void {
  const parts = new InputAssembler();
  let partError: string | null = null;
  scope.onmessage = (event) => {
    const request = event.data;
    const { id } = request;
    if (request.method === "part") {
      try {
        parts.add(request.part);
      } catch (err) {
        partError ??= err instanceof Error ? err.message : String(err);
      }
      return;
    }
    const onProgress = (progress: Progress) => scope.postMessage({ id, type: "progress", progress });
    const answer = async (): Promise<unknown> => {
      const args = [...request.args];
      if (request.method === "check" && args[0] === null) {
        // The parts sent since the last check: taken now, before any other message is handled.
        args[0] = parts.take();
        const failed = partError;
        partError = null;
        if (failed !== null) throw new Error(failed);
      }
      if (request.method === "open") args[0] = new Uint8Array(args[0] as ArrayBuffer);
      const call = service[request.method] as (...a: unknown[]) => Promise<unknown>;
      return call(...args, onProgress);
    };
    answer().then(
      (value) => {
        const out = value as { bytes?: unknown } | undefined;
        if (out?.bytes instanceof Uint8Array) {
          const buffer = ownBuffer(out.bytes);
          scope.postMessage({ id, type: "done", value: { ...out, bytes: buffer } }, [buffer]);
        } else {
          scope.postMessage({ id, type: "done", value });
        }
      },
      (err: unknown) => {
        const e = err as { code?: unknown; params?: unknown; message?: unknown; detail?: unknown } | null;
        scope.postMessage({
          id,
          type: "error",
          message: typeof e?.message === "string" ? e.message : String(err),
          ...(typeof e?.code === "string" ? { code: e.code } : {}),
          ...(typeof e?.params === "object" && e.params !== null ? { params: e.params } : {}),
          ...(typeof e?.detail === "string" ? { detail: e.detail } : {}),
        });
      },
    );
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ((p: Progress) => void) | undefined;
}

/** The service in `worker`; calls reject with a {@link WorkerFailure} once the worker fails. */
export function connectEngine(worker: Worker, yieldToBrowser: () => Promise<void>): EngineService {
  let nextId = 1;
  let broken: WorkerFailure | null = null;
  const pending = new Map<number, Pending>();

  const failAll = (failure: WorkerFailure): void => {
    broken = failure;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<EngineReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.type === "progress") {
      p.onProgress?.(reply.progress);
      return;
    }
    pending.delete(reply.id);
    if (reply.type === "done") p.resolve(reply.value);
    else {
      const { message, code, params, detail } = reply;
      p.reject(
        Object.assign(
          new Error(message),
          code ? { code } : {},
          params ? { params } : {},
          detail ? { detail } : {},
        ),
      );
    }
  };
  worker.onerror = (event: ErrorEvent) => {
    // Stop the error from also being reported as uncaught: the caller falls back to the main thread.
    event.preventDefault();
    failAll(new WorkerFailure(event.message || "engine worker failed"));
  };
  worker.onmessageerror = () => failAll(new WorkerFailure("engine worker message could not be read"));

  const post = (request: EngineRequest, transfer: Transferable[] = []): void => {
    try {
      worker.postMessage(request, transfer);
    } catch (err) {
      // A value that cannot be cloned is our fault, not the worker's: report it as a plain error.
      throw err instanceof Error ? err : new Error(String(err));
    }
  };
  const call = <T>(
    method: Method,
    args: readonly unknown[],
    onProgress?: (p: Progress) => void,
    transfer: Transferable[] = [],
  ): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      try {
        post({ id, method, args }, transfer);
      } catch (err) {
        pending.delete(id);
        reject(err as Error);
      }
    });
  };

  // A large workbook goes in parts, with a turn for the browser after each (see inputParts.ts).
  const sendParts = async (input: WorkbookInput): Promise<void> => {
    for (const part of inputParts(input)) {
      if (broken) throw broken;
      post({ id: nextId++, method: "part", part });
      await yieldToBrowser();
    }
  };
  // Checks go one at a time, so the parts of two workbooks never interleave.
  let lastCheck: Promise<unknown> = Promise.resolve();

  return {
    check(input, options) {
      const run = async () => {
        if (!isLarge(input))
          return call<Awaited<ReturnType<EngineService["check"]>>>("check", [input, options]);
        await sendParts(input);
        return call<Awaited<ReturnType<EngineService["check"]>>>("check", [null, options]);
      };
      const result = lastCheck.then(run, run);
      lastCheck = result.catch(() => undefined);
      return result;
    },
    summary: (lang) => call("summary", [lang]),
    open(bytes) {
      const buffer = ownBuffer(bytes);
      return call("open", [buffer], undefined, [buffer]);
    },
    workbook: (onProgress) => call("workbook", [], onProgress),
    loadState: () => call("loadState", []),
    checkOpened: (request, onProgress) => call("checkOpened", [request], onProgress),
    rows: (sheet, cell) => call("rows", [sheet, cell]),
    async write(sheets, state) {
      const out = await call<{
        bytes: ArrayBuffer;
        outcome: Awaited<ReturnType<EngineService["write"]>>["outcome"];
      }>("write", [sheets, state]);
      return { bytes: new Uint8Array(out.bytes), outcome: out.outcome };
    },
    dispose() {
      if (!broken) failAll(new WorkerFailure("disposed"));
    },
  };
}
