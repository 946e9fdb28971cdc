/**
 * The engine in a Web Worker, so a check of a large workbook never freezes the pane (or Excel):
 * each request is answered with the same id, errors as text.
 */
import { createEngineSession } from "./engineSession";
import type { EngineRequest, EngineResponse } from "./engineProtocol";
import { InputAssembler } from "../host/inputParts";

// The DOM lib types `self` as a Window; in a dedicated worker it is this much smaller scope.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse): void;
};

const session = createEngineSession();
const parts = new InputAssembler();
let partError: string | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === "part") {
    try {
      parts.add(request.part);
    } catch (err) {
      partError ??= err instanceof Error ? err.message : String(err);
    }
    return;
  }
  try {
    let value;
    if (request.type === "check") {
      const input = request.input ?? parts.take();
      const failed = partError;
      partError = null;
      if (failed !== null) throw new Error(failed);
      value = session.check(input, request.options);
    } else {
      value = session.summary(request.lang);
    }
    scope.postMessage({ id: request.id, ok: true, value });
  } catch (err) {
    scope.postMessage({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
