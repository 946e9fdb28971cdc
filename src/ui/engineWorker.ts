/**
 * The one Web Worker of the pane, in both modes, so neither a check nor a large file ever freezes
 * the pane (or Excel): it answers the page's requests (src/host/engineProtocol.ts) with the engine
 * service. In file mode it also keeps the .xlsx and reads, checks and writes it here, so the
 * workbook's cells never cross to the page. A composition root: it picks the xlsx adapter's reader
 * and writer (./fileWork.ts), loaded in a chunk of their own when file mode first needs them.
 */
import { serveEngine, type WorkerScope } from "../host/engineProtocol";
import { createEngineService } from "../host/engineService";
import { loadFileWork } from "./fileWork";

// The DOM lib types `self` as a Window; in a dedicated worker it is this much smaller scope.
serveEngine(self as unknown as WorkerScope, createEngineService({ files: loadFileWork }));
