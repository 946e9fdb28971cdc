/**
 * How the pane runs the engine: in the one Web Worker (src/ui/engineWorker.ts) where the browser
 * has one, in this thread otherwise (Jest's jsdom, a blocked worker), always through the same
 * {@link EngineService}. A worker that fails hands over to this thread with the open workbook and
 * the last check, so the user still gets a result.
 */
import { createEngineService, type EngineService } from "../host/engineService";
import { loadFileWork } from "./fileWork";

/** The engine service the pane uses (an alias kept for the pane's props). */
export type EngineRunner = EngineService;

/** Let the browser paint and handle input before the next long step. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The engine on the main thread (tests, and the fallback when a worker cannot run). */
export function createInThreadRunner(): EngineRunner {
  const service = createEngineService({ files: loadFileWork, yieldEveryMs: 40 });
  const later =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await yieldToBrowser();
      return f(...args);
    };
  return {
    ...service,
    check: later(service.check),
    checkOpened: later(service.checkOpened),
    summary: later(service.summary),
  };
}

function isWorkerFailure(err: unknown): boolean {
  return err instanceof Error && err.name === "WorkerFailure";
}

/**
 * The default runner: the Web Worker, started on first use; if it cannot start or fails, that call
 * (and every later one) runs on the main thread, after the open workbook and the last check are
 * replayed there.
 */
export function createEngineRunner(): EngineRunner {
  if (typeof Worker === "undefined") return createInThreadRunner();
  let worker: Promise<EngineService | null> | null = null;
  let fallback: EngineService | null = null;
  // What the fallback must redo to stand where the worker stood.
  let opened: Uint8Array | null = null;
  let lastCheck: ((s: EngineService) => Promise<unknown>) | null = null;
  let fallbackCurrent = true;

  const getWorker = (): Promise<EngineService | null> => {
    worker ??= import("./spawnEngineWorker").then(
      async (m) => {
        try {
          const { connectEngine } = await import("../host/engineProtocol");
          return connectEngine(m.spawnEngineWorker(), yieldToBrowser);
        } catch {
          return null;
        }
      },
      () => null,
    );
    return worker;
  };

  const onFallback = async <T>(call: (s: EngineService) => Promise<T>, isCheck: boolean): Promise<T> => {
    const f = (fallback ??= createInThreadRunner());
    if (!fallbackCurrent) {
      if (opened) await f.open(opened);
      if (lastCheck && !isCheck) await lastCheck(f);
      fallbackCurrent = true;
    }
    return call(f);
  };

  const run = async <T>(call: (s: EngineService) => Promise<T>, isCheck = false): Promise<T> => {
    const w = fallback ? null : await getWorker();
    if (w) {
      try {
        return await call(w);
      } catch (err) {
        if (!isWorkerFailure(err)) throw err;
        fallbackCurrent = false;
      }
    }
    return onFallback(call, isCheck);
  };

  const checking = <T>(call: (s: EngineService) => Promise<T>): Promise<T> => {
    lastCheck = call;
    if (fallback) fallbackCurrent = true;
    return run(call, true);
  };

  return {
    check: (input, options) => checking((s) => s.check(input, options)),
    checkOpened: (request, onProgress) => checking((s) => s.checkOpened(request, onProgress)),
    summary: (lang) => run((s) => s.summary(lang)),
    open: (bytes) => {
      opened = bytes;
      lastCheck = null;
      return run((s) => s.open(bytes));
    },
    workbook: (onProgress) => run((s) => s.workbook(onProgress)),
    loadState: () => run((s) => s.loadState()),
    rows: (sheet, cell) => run((s) => s.rows(sheet, cell)),
    write: (sheets, state) => run((s) => s.write(sheets, state)),
    dispose() {
      void worker?.then((w) => w?.dispose());
      fallback?.dispose();
    },
  };
}
