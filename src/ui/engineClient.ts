/**
 * How the pane runs the engine: in a Web Worker where the browser has one, on the main thread
 * otherwise (Jest's jsdom, a blocked worker), always through the same asynchronous interface.
 */
import type { CheckOptions, WorkbookInput } from "../engine";
import { createEngineSession } from "./engineSession";
import { yieldToBrowser, type EngineRunner } from "./engineRunner";

export type { EngineRunner } from "./engineRunner";
export { yieldToBrowser } from "./engineRunner";

/** An engine runner on the main thread (tests, and the fallback when a worker cannot run). */
export function createInThreadRunner(): EngineRunner {
  const session = createEngineSession();
  return {
    async check(input, options) {
      await yieldToBrowser();
      return session.check(input, options);
    },
    async summary(lang) {
      await yieldToBrowser();
      return session.summary(lang);
    },
    dispose() {},
  };
}

function isWorkerFailure(err: unknown): boolean {
  return err instanceof Error && err.name === "WorkerFailure";
}

/**
 * The default runner: a Web Worker, created on first use; if the worker cannot be created or
 * fails, the same task (and every later one) runs on the main thread instead.
 */
export function createEngineRunner(): EngineRunner {
  if (typeof Worker === "undefined") return createInThreadRunner();
  let worker: Promise<EngineRunner | null> | null = null;
  let fallback: EngineRunner | null = null;
  let lastCheck: { input: WorkbookInput; options: CheckOptions } | null = null;
  // Whether the main-thread session holds the last check (it does not when the worker broke after it).
  let fallbackHasLast = false;

  const getWorker = (): Promise<EngineRunner | null> => {
    worker ??= import("./workerRunner").then(
      (m) => {
        try {
          return m.createWorkerRunner();
        } catch {
          return null;
        }
      },
      () => null,
    );
    return worker;
  };
  const getFallback = (): EngineRunner => (fallback ??= createInThreadRunner());

  return {
    async check(input, options) {
      lastCheck = { input, options };
      fallbackHasLast = false;
      const w = fallback ? null : await getWorker();
      if (w) {
        try {
          return await w.check(input, options);
        } catch (err) {
          if (!isWorkerFailure(err)) throw err;
        }
      }
      const view = await getFallback().check(input, options);
      fallbackHasLast = true;
      return view;
    },
    async summary(lang) {
      const w = fallback ? null : await getWorker();
      if (w) {
        try {
          return await w.summary(lang);
        } catch (err) {
          if (!isWorkerFailure(err)) throw err;
        }
      }
      const f = getFallback();
      if (lastCheck && !fallbackHasLast) {
        await f.check(lastCheck.input, lastCheck.options);
        fallbackHasLast = true;
      }
      return f.summary(lang);
    },
    dispose() {
      void worker?.then((w) => w?.dispose());
      fallback?.dispose();
    },
  };
}
