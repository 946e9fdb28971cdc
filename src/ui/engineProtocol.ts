/**
 * Messages between the pane and the engine worker: a request carries an id, the reply carries the
 * same id and either a value or an error message.
 */
import type { CheckOptions, Lang, SummarySheet, WorkbookInput } from "../engine";
import type { CheckView } from "./engineSession";
import type { InputPart } from "../host/inputParts";

/** What the pane asks the engine to do. */
export type EngineTask =
  /** Check `input`, or (null) the workbook sent in parts since the last check. */
  | { readonly type: "check"; readonly input: WorkbookInput | null; readonly options: CheckOptions }
  /** Part of a large workbook (inputParts.ts); the worker collects it and does not reply. */
  | { readonly type: "part"; readonly part: InputPart }
  | { readonly type: "summary"; readonly lang: Lang };

/** A task sent to the engine worker, with the id its reply will carry. */
export type EngineRequest = EngineTask & { readonly id: number };

/** The engine worker's reply to one request. */
export type EngineResponse =
  | { readonly id: number; readonly ok: true; readonly value: CheckView | readonly SummarySheet[] }
  | { readonly id: number; readonly ok: false; readonly error: string };
