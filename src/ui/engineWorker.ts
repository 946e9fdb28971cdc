/**
 * The engine in a Web Worker, so a check of a large workbook never freezes the pane (or Excel):
 * each request is answered with the same id, errors as text.
 */
import { createEngineSession } from "./engineSession";
import type { EngineRequest, EngineResponse } from "./engineProtocol";

// The DOM lib types `self` as a Window; in a dedicated worker it is this much smaller scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse): void;
};

const session = createEngineSession();

scope.onmessage = (event) => {
  const request = event.data;
  try {
    const value =
      request.type === "check"
        ? session.check(request.input, request.options)
        : session.summary(request.lang);
    scope.postMessage({ id: request.id, ok: true, value });
  } catch (err) {
    scope.postMessage({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
