/**
 * Payload budgets for Office.js round trips. Excel on the web rejects requests and responses over
 * 5 MB and reads over 5,000,000 cells; we plan for at most 4 MB and leave a margin on top.
 */
import { utf8Length } from "./cells";

/** The hard ceiling we promise for any request or response (issue 5): 4 MB. */
export const PAYLOAD_LIMIT_BYTES = 4_000_000;

/** What a read or write plans one sync for: 10 % under the ceiling, for estimation error. */
export const PAYLOAD_TARGET_BYTES = 3_600_000;

/** At most this many cells are loaded in one sync (Excel's limit is 5,000,000). */
export const MAX_CELLS_PER_SYNC = 4_000_000;

/** Bytes per cell assumed for values plus number formats when a sheet has no sample (below row 16). */
export const INITIAL_BYTES_PER_CELL = 64;

/**
 * The sample loaded with the used ranges in the first sync (at most 16 × 50 cells a sheet): its
 * density plans a sheet's first chunk, and a sheet that fits in it is read from it.
 */
export const SAMPLE_ADDRESS = "A1:AX16";

/** Safety factor on a sample's bytes per cell (a few rows, often with the header). */
export const SAMPLE_MARGIN = 1.1;

/**
 * Safety factor on the densest chunk of a sheet measured so far. Small, because the target already
 * leaves 400 KB under the ceiling for rows denser than any seen before (about 12 cells of Excel's
 * 32,767-character maximum in ASCII, 4 in CJK, in one chunk).
 */
export const MEASURED_MARGIN = 1;

/** A slice smaller than this many cells is not measured (its density is noise). */
export const MIN_MEASURED_CELLS = 1000;

/** Rough fixed cost of one queued operation in a request (object path, action, ids). */
export const OPERATION_OVERHEAD_BYTES = 160;

/** UTF-8 size of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/**
 * Tracks the estimated size of the operations queued for the next sync, so a writer can sync
 * early instead of sending a request over the target.
 */
export class RequestBudget {
  private queued = 0;

  /** Creates a budget of `target` bytes per request. */
  constructor(private readonly target = PAYLOAD_TARGET_BYTES) {}

  /** Bytes queued since the last sync. */
  get bytes(): number {
    return this.queued;
  }

  /** True when `bytes` more would not fit in the current request (and something is already queued). */
  wouldOverflow(bytes: number): boolean {
    return this.queued > 0 && this.queued + bytes > this.target;
  }

  /** Counts `bytes` (plus the per-operation overhead) as queued. */
  add(bytes: number, operations = 1): void {
    this.queued += bytes + operations * OPERATION_OVERHEAD_BYTES;
  }

  /** Starts a new request after a sync. */
  reset(): void {
    this.queued = 0;
  }
}
