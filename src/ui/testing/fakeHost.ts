/**
 * A recording fake WorkbookHost over an in-memory WorkbookInput: every call is logged, saved
 * state lives in a store that outlives the host (so a re-mount sees what was saved), and the
 * summary writer renames ours when a user sheet already has the name, like the real hosts.
 */
import type { Finding, SummarySheet, SummarySheetId, WorkbookInput } from "../../engine";
import type { HostCapabilities, Progress, SavedState, WorkbookHost, WriteOutcome } from "../../host/types";

/** One recorded call. */
export type HostCall =
  | { readonly method: "readWorkbook" }
  | { readonly method: "loadState" }
  | { readonly method: "saveState"; readonly state: SavedState }
  | {
      readonly method: "writeSummary";
      readonly sheets: readonly SummarySheet[];
      readonly activate?: SummarySheetId;
    }
  | { readonly method: "select"; readonly sheet: string; readonly cell: string }
  | { readonly method: "markCells"; readonly findings: readonly Finding[] }
  | { readonly method: "clearMarks" };

/** Where the fake keeps saved state (share one between hosts to simulate re-opening the pane). */
export interface StateStore {
  state: SavedState;
}

/** A fake host plus its call log. */
export interface FakeHost extends WorkbookHost {
  readonly calls: HostCall[];
  /** The calls of one method. */
  callsOf<M extends HostCall["method"]>(method: M): Array<Extract<HostCall, { method: M }>>;
}

/** Options of {@link createFakeHost}. */
export interface FakeHostOptions {
  readonly store?: StateStore;
  readonly kind?: "office" | "file";
  /** Leave out markCells/clearMarks. */
  readonly withoutMarks?: boolean;
  /** Capabilities other than the kind's own (to show that the pane asks them, not the kind). */
  readonly capabilities?: Partial<HostCapabilities>;
}

/** A new empty state store. */
export function createStateStore(): StateStore {
  return { state: { settings: {}, overrides: [] } };
}

/** Make a recording fake host for `input`. */
export function createFakeHost(input: WorkbookInput, options: FakeHostOptions = {}): FakeHost {
  const store = options.store ?? createStateStore();
  const calls: HostCall[] = [];
  const kind = options.kind ?? "office";
  const host: FakeHost = {
    kind,
    capabilities: {
      download: kind === "file",
      preview: kind === "file",
      marks: kind === "office" && !options.withoutMarks,
      reread: kind === "office",
      ...options.capabilities,
    },
    calls,
    callsOf: <M extends HostCall["method"]>(method: M) =>
      calls.filter((c): c is Extract<HostCall, { method: M }> => c.method === method),
    async readWorkbook(onProgress?: (p: Progress) => void) {
      calls.push({ method: "readWorkbook" });
      onProgress?.({ stage: "reading", fraction: 0.5 });
      onProgress?.({ stage: "reading", fraction: 1 });
      return input;
    },
    async loadState() {
      calls.push({ method: "loadState" });
      return store.state;
    },
    async saveState(state: SavedState) {
      calls.push({ method: "saveState", state });
      store.state = state;
    },
    async writeSummary(sheets: readonly SummarySheet[], activate?: SummarySheetId): Promise<WriteOutcome> {
      calls.push({ method: "writeSummary", sheets, ...(activate ? { activate } : {}) });
      const taken = new Set(input.sheets.map((s) => s.name));
      const out = sheets.map((s) => ({ id: s.id, name: taken.has(s.name) ? `${s.name} (2)` : s.name }));
      const renamed = sheets.flatMap((s, i) => {
        const used = out[i]?.name ?? s.name;
        return used === s.name ? [] : [{ wanted: s.name, used }];
      });
      return { sheets: out, renamed };
    },
    async select(sheet: string, cell: string) {
      calls.push({ method: "select", sheet, cell });
    },
  };
  if (!options.withoutMarks) {
    host.markCells = async (findings: readonly Finding[]) => {
      calls.push({ method: "markCells", findings });
    };
    host.clearMarks = async () => {
      calls.push({ method: "clearMarks" });
    };
  }
  return host;
}
