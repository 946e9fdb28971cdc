/**
 * The engine runner backed by a Web Worker (spawned by `spawnEngineWorker.js`, which webpack
 * bundles as a worker chunk). Loaded only where `Worker` exists, so Jest never imports it.
 */
import type { CheckOptions, Lang, SummarySheet, WorkbookInput } from "../engine";
import type { EngineRequest, EngineResponse, EngineTask } from "./engineProtocol";
import type { CheckView } from "./engineSession";
import { yieldToBrowser, type EngineRunner } from "./engineRunner";
import { inputParts, isLarge } from "../host/inputParts";
import { spawnEngineWorker } from "./spawnEngineWorker";

/** Raised when the worker itself fails (blocked, failed to load, crashed), so callers can fall back. */
export class WorkerFailure extends Error {
  override readonly name = "WorkerFailure";
}

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

/** Start the engine worker; throws a WorkerFailure when the browser refuses to create it. */
export function createWorkerRunner(): EngineRunner {
  let worker: Worker;
  try {
    worker = spawnEngineWorker();
  } catch (err) {
    throw new WorkerFailure(err instanceof Error ? err.message : String(err));
  }
  let nextId = 1;
  let broken: WorkerFailure | null = null;
  const pending = new Map<number, Pending>();

  const failAll = (failure: WorkerFailure): void => {
    broken = failure;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<EngineResponse>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error));
  };
  worker.onerror = (event: ErrorEvent) => {
    // Stop the error from also being reported as uncaught: the pane falls back to the main thread.
    event.preventDefault();
    failAll(new WorkerFailure(event.message || "engine worker failed"));
  };
  worker.onmessageerror = () => failAll(new WorkerFailure("engine worker message could not be read"));

  const send = <T>(task: EngineTask): Promise<T> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      try {
        const request: EngineRequest = { ...task, id };
        worker.postMessage(request);
      } catch (err) {
        pending.delete(id);
        // A value that cannot be cloned is our fault, not the worker's: report it as a plain error.
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    });
  };

  // A large workbook goes in parts, with a turn for the browser after each (see inputParts.ts).
  const sendParts = async (input: WorkbookInput): Promise<void> => {
    for (const part of inputParts(input)) {
      if (broken) throw broken;
      const request: EngineRequest = { type: "part", part, id: nextId++ };
      worker.postMessage(request);
      await yieldToBrowser();
    }
  };
  // Checks go one at a time, so the parts of two workbooks never interleave.
  let lastCheck: Promise<unknown> = Promise.resolve();

  return {
    check: (input: WorkbookInput, options: CheckOptions) => {
      const run = async (): Promise<CheckView> => {
        if (!isLarge(input)) return send<CheckView>({ type: "check", input, options });
        await sendParts(input);
        return send<CheckView>({ type: "check", input: null, options });
      };
      const result = lastCheck.then(run, run);
      lastCheck = result.catch(() => undefined);
      return result;
    },
    summary: (lang: Lang) => send<readonly SummarySheet[]>({ type: "summary", lang }),
    dispose: () => {
      if (!broken) failAll(new WorkerFailure("disposed"));
    },
  };
}
