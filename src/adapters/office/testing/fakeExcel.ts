/**
 * A recording fake of the Excel JavaScript API for tests: an in-memory workbook (cell values,
 * number formats, fills, notes, hyperlinks, visibility, tables, names, charts, freeze panes) behind
 * proxy objects that behave like Office.js — operations are queued and run at `context.sync()`,
 * property reads throw until the property was loaded and synced, `*OrNullObject` gives null
 * objects — and every sync is recorded with its request and response size in UTF-8 bytes (the JSON
 * of the queued operations and of the loaded data). office-addin-mock does not record syncs or
 * payload sizes, so this is purpose-built; it implements only what src/adapters/office uses.
 *
 * It also plays the states of a real workbook that refuse writes (see {@link FakeWorkbook}):
 * protected sheets and workbook structure, a read-only workbook, Excel in cell-edit mode (every
 * batch refused), VeryHidden sheets that cannot be deleted, and threaded comments (no note beside).
 */
import { cellAddress, columnLetter, parseCellAddress, utf8Length } from "../cells";

/** A cell value as Office.js holds it (`""` is an empty cell). */
export type FakeValue = string | number | boolean;

/** Worksheet visibility as Office.js names it. */
export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

/** A cell's fill: colour, pattern and pattern colour (no fill = `#FFFFFF` with pattern `None`). */
export interface FakeFill {
  readonly color: string;
  readonly pattern: string;
  readonly patternColor: string | null;
}

/** One recorded `context.sync()`. */
export interface SyncRecord {
  /** Number of queued operations sent. */
  readonly operations: number;
  /** UTF-8 bytes of the JSON of the queued operations. */
  readonly requestBytes: number;
  /** UTF-8 bytes of the JSON of everything loaded. */
  readonly responseBytes: number;
  /** The error code when the batch failed. */
  readonly error?: string;
  /** When Excel rejected the response as too large: the bytes it would have had (not sent). */
  readonly rejectedResponseBytes?: number;
}

/** Excel on the web's limit on a request and on a response: 5 MB. */
export const FAKE_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** What a test sets up a sheet with. */
export interface FakeSheetSetup {
  /** Cell values from `origin`; `null` or `""` is an empty cell. */
  readonly rows?: ReadonlyArray<ReadonlyArray<FakeValue | null>>;
  /** Number formats, same shape as `rows`; `null` is General. */
  readonly formats?: ReadonlyArray<ReadonlyArray<string | null>>;
  /** 0-based row and column of `rows[0][0]` (default A1). */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly visibility?: FakeVisibility;
}

/** Everything a test may compare about a sheet before and after an operation. */
export interface FakeSheetSnapshot {
  readonly name: string;
  readonly visibility: FakeVisibility;
  readonly cells: Readonly<Record<string, FakeValue>>;
  readonly formats: Readonly<Record<string, string>>;
  readonly formulas: Readonly<Record<string, string>>;
  readonly fills: Readonly<Record<string, FakeFill>>;
  readonly notes: Readonly<Record<string, string>>;
  readonly hyperlinks: Readonly<Record<string, Excel.RangeHyperlink>>;
  readonly tables: readonly FakeTableData[];
  readonly charts: readonly FakeChartData[];
  readonly freeze: { readonly rows: number; readonly columns: number } | null;
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Page layout properties set (ExcelApi 1.9), by name; footers as `leftFooter` etc. */
  readonly pageLayout: Readonly<Record<string, unknown>>;
  /** A1 ranges given thin borders, and ranges aligned to the top. */
  readonly borders: readonly string[];
  readonly topAligned: readonly string[];
}

/** A table in the fake workbook. */
export interface FakeTableData {
  name: string;
  /** A1 range of header and data rows, e.g. `A3:D20`. */
  address: string;
  style: string;
}

/** A chart in the fake workbook. */
export interface FakeChartData {
  name: string;
  type: string;
  title: string;
  /** A1 range of the first series' values (with its header when the chart was made from one). */
  source: string;
  /** A1 range of the category (x axis) values, when set. */
  xValues: string | null;
  /** Top-left cell the chart is placed at. */
  position: string | null;
}

/** An error shaped like `OfficeExtension.Error` (a `code` such as `ItemNotFound`). */
export class FakeOfficeError extends Error {
  /** Creates an error with an Office.js error code. */
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const NO_FILL: FakeFill = { color: "#FFFFFF", pattern: "None", patternColor: null };

interface SheetData {
  readonly id: string;
  name: string;
  /** Sheet protection: writes to its cells are refused. */
  protected: boolean;
  /** Threaded comments by cell key (a cell with one cannot get a note). */
  threadedComments: Map<string, string>;
  visibility: FakeVisibility;
  deleted: boolean;
  values: FakeValue[][];
  formats: (string | undefined)[][];
  formulas: Map<string, string>;
  fills: Map<string, FakeFill>;
  fonts: Map<string, { bold?: boolean; size?: number }>;
  hyperlinks: Map<string, Excel.RangeHyperlink>;
  notes: Map<string, string>;
  tables: FakeTableData[];
  charts: FakeChartData[];
  freeze: { rows: number; columns: number } | null;
  columnWidths: Map<number, number>;
  pageLayout: Record<string, unknown>;
  borders: string[];
  topAligned: string[];
  usedCache: { valuesOnly: Rect | null; all: Rect | null; version: number } | null;
  version: number;
}

interface NameData {
  name: string;
  sheet: SheetData | null;
  address: string;
  visible: boolean;
  comment: string;
  deleted: boolean;
}

interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

interface RangeData extends Rect {
  readonly sheet: SheetData;
}

const key = (r: number, c: number): string => `${r},${c}`;

function rectAddress(rect: Rect): string {
  const tl = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return tl;
  return `${tl}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses `A1`, `A1:C3`, `C:H` or `3:5` (with optional `$`) into a rectangle. */
function parseRangeAddress(address: string): Rect {
  const bare = address.replace(/\$/g, "").replace(/^.*!/, "");
  const [a, b = a] = bare.split(":") as [string, string?];
  const cols = /^([A-Za-z]{1,3})$/;
  const rows = /^(\d{1,7})$/;
  if (cols.test(a) && cols.test(b)) {
    const c1 = parseCellAddress(`${a}1`);
    const c2 = parseCellAddress(`${b}1`);
    if (c1 && c2) return { row: 0, col: c1.col, rows: MAX_ROWS, cols: c2.col - c1.col + 1 };
  }
  if (rows.test(a) && rows.test(b)) {
    return { row: Number(a) - 1, col: 0, rows: Number(b) - Number(a) + 1, cols: MAX_COLS };
  }
  const p1 = parseCellAddress(a);
  const p2 = parseCellAddress(b);
  if (!p1 || !p2) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
  return {
    row: Math.min(p1.row, p2.row),
    col: Math.min(p1.col, p2.col),
    rows: Math.abs(p2.row - p1.row) + 1,
    cols: Math.abs(p2.col - p1.col) + 1,
  };
}

function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    throw new FakeOfficeError("InvalidArgument", `invalid sheet name "${name}"`);
  }
}

function parseProps(props?: string | string[] | { select?: string }): string[] {
  const list = Array.isArray(props)
    ? props
    : typeof props === "string"
      ? props.split(",")
      : typeof props === "object" && typeof props.select === "string"
        ? props.select.split(",")
        : [];
  return list.map((p) => p.trim().replace(/^items\//, "")).filter((p) => p !== "");
}

/** What a write touches: a sheet's cells and/or the workbook's structure ({} = only the file). */
interface WriteScope {
  readonly sheet?: SheetData;
  readonly structure?: boolean;
}

function isSheetData(value: unknown): value is SheetData {
  return typeof value === "object" && value !== null && "fills" in value && "visibility" in value;
}

/** One queued action as it is measured: target path id, action, name, arguments. */
interface OpRecord {
  readonly p: string;
  readonly a: "load" | "set" | "call" | "probe";
  readonly n?: string | readonly string[];
  readonly v?: unknown;
}

interface QueuedOp {
  readonly record: OpRecord;
  readonly run: () => unknown;
}

/** The fake's request context: queues operations and runs them at `sync()`. */
class FakeContext {
  private queue: QueuedOp[] = [];
  readonly workbook: FakeWorkbookProxy;

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  get application(): FakeApplication {
    return this.workbook.application;
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(record: OpRecord, run: () => unknown): void {
    this.queue.push({ record, run });
  }

  /** Undoes of what the running sync's loads gave their proxies (for a rejected response). */
  private undoLoads: Array<() => void> = [];

  /** Registers how to forget what a load of the running sync gave its proxy. */
  onRejected(undo: () => void): void {
    this.undoLoads.push(undo);
  }

  private readonly paths = new Map<string, { parent: string | null; seg: string }>();

  /** Registers an object path (like Office.js's ObjectPaths) and returns its short id. */
  define(parent: string | null, seg: string): string {
    const id = `#${this.paths.size + 1}`;
    this.paths.set(id, { parent, seg });
    return id;
  }

  /** The readable form of a path id, for error messages. */
  describe(id: string): string {
    const def = this.paths.get(id);
    if (!def) return id;
    return def.parent === null ? def.seg : `${this.describe(def.parent)}.${def.seg}`;
  }

  /** The object-path definitions a batch refers to (each once, ancestors included). */
  private pathsOf(ops: readonly QueuedOp[]): Record<string, { parent: string | null; seg: string }> {
    const out: Record<string, { parent: string | null; seg: string }> = {};
    const add = (id: string | null): void => {
      while (id !== null && !(id in out)) {
        const def = this.paths.get(id);
        if (!def) return;
        out[id] = def;
        id = def.parent;
      }
    };
    for (const op of ops) add(op.record.p);
    return out;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = utf8Length(
      JSON.stringify({ paths: this.pathsOf(ops), actions: ops.map((o) => o.record) }),
    );
    const limited = this.book.enforcePayloadLimits;
    const responses: unknown[] = [];
    let failure: unknown = null;
    if (this.book.cellEditMode && ops.length > 0) {
      // Excel refuses every batch while the user is editing a cell.
      failure = new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
      );
    } else if (limited && requestBytes > FAKE_PAYLOAD_LIMIT_BYTES) {
      // Excel on the web refuses the request before running any of it.
      failure = new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
      );
    } else {
      for (const op of ops) {
        try {
          const out = op.run();
          if (out !== undefined) responses.push(out);
        } catch (e) {
          failure = e;
          break;
        }
      }
    }
    const undoLoads = this.undoLoads;
    this.undoLoads = [];
    let responseBytes = utf8Length(JSON.stringify(responses));
    let rejectedResponseBytes: number | undefined;
    if (limited && !failure && responseBytes > FAKE_PAYLOAD_LIMIT_BYTES) {
      // …and sends an error instead of a response over the limit.
      failure = new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit.",
      );
      rejectedResponseBytes = responseBytes;
      for (const undo of undoLoads.reverse()) undo();
    }
    if (failure instanceof FakeOfficeError && rejectedResponseBytes !== undefined) {
      responseBytes = utf8Length(JSON.stringify({ error: { code: failure.code, message: failure.message } }));
    }
    const code = failure instanceof FakeOfficeError ? failure.code : failure ? "GeneralException" : undefined;
    this.book.syncs.push({
      operations: ops.length,
      requestBytes,
      responseBytes,
      ...(code ? { error: code } : {}),
      ...(rejectedResponseBytes !== undefined ? { rejectedResponseBytes } : {}),
    });
    await Promise.resolve();
    if (failure) throw failure;
  }
}

/** Base of every proxy: queued loads, guarded property reads, null objects. */
abstract class FakeProxy<E> {
  private loaded: Record<string, unknown> | null = null;
  private resolved: { value: E | null } | null = null;
  private probed = false;
  private isNull = false;

  constructor(
    readonly context: FakeContext,
    protected readonly path: string,
    private readonly resolver: () => E | null,
    private readonly nullable = false,
  ) {
    // Office.js learns whether an *OrNullObject result is null at the next sync without a load.
    if (nullable) {
      context.enqueue({ p: path, a: "probe" }, () => {
        const before = { probed: this.probed, isNull: this.isNull };
        context.onRejected(() => {
          this.probed = before.probed;
          this.isNull = before.isNull;
        });
        this.probed = true;
        this.isNull = this.resolve() === null;
        return { p: path, isNull: this.isNull };
      });
    }
  }

  /** Resolves the proxy to its entity at execution time (once; later operations reuse it). */
  resolve(): E | null {
    if (!this.resolved) this.resolved = { value: this.resolver() };
    const value = this.resolved.value;
    if (value !== null && this.isDeleted(value))
      throw new FakeOfficeError("InvalidObjectPath", `${this.where} was deleted`);
    return value;
  }

  /** The entity, or an error like Office.js gives for a missing object. */
  protected entity(): E {
    const e = this.resolve();
    if (e === null) {
      if (this.nullable) throw new FakeOfficeError("InvalidObjectPath", `${this.where} is a null object`);
      throw new FakeOfficeError("ItemNotFound", `${this.where} does not exist`);
    }
    return e;
  }

  protected isDeleted(_e: E): boolean {
    return false;
  }

  /** True when the object does not exist; valid only after a sync. */
  get isNullObject(): boolean {
    if (!this.probed && this.loaded === null)
      throw new FakeOfficeError("PropertyNotLoaded", `${this.where}.isNullObject`);
    return this.isNull;
  }

  /** Takes a snapshot loaded by a collection's `load` (the items of `worksheets.items`). */
  adopt(snap: Record<string, unknown>): void {
    this.loaded = snap;
    this.probed = true;
  }

  /** Queues a load of the named properties. */
  load(props?: string | string[] | { select?: string }): this {
    const names = parseProps(props);
    this.context.enqueue({ p: this.path, a: "load", n: names }, () => {
      const before = { loaded: this.loaded, probed: this.probed, isNull: this.isNull };
      this.context.onRejected(() => {
        this.loaded = before.loaded;
        this.probed = before.probed;
        this.isNull = before.isNull;
      });
      const e = this.nullable ? this.resolve() : this.entity();
      this.probed = true;
      if (e === null) {
        this.isNull = true;
        this.loaded = { ...this.loaded, ...Object.fromEntries(names.map((n) => [n, null])) };
        return { p: this.path, isNull: true };
      }
      const snap: Record<string, unknown> = {};
      for (const n of names) snap[n] = this.read(e, n);
      this.loaded = { ...this.loaded, ...snap };
      return snap;
    });
    return this;
  }

  protected abstract read(e: E, prop: string): unknown;

  protected got<T>(prop: string): T {
    if (this.loaded === null || !(prop in this.loaded)) {
      throw new FakeOfficeError("PropertyNotLoaded", `${this.where}.${prop} was not loaded and synced`);
    }
    return this.loaded[prop] as T;
  }

  /**
   * What a write through this proxy touches, for the workbook's protection checks: a sheet's
   * cells (the default for anything that lives on a sheet), the workbook's structure, or nothing
   * a protection refuses (null: selecting, activating).
   */
  protected writeScope(e: E, _name: string): WriteScope | null {
    const sheet = isSheetData(e) ? e : (e as { sheet?: unknown }).sheet;
    return isSheetData(sheet) ? { sheet } : {};
  }

  /** Runs the workbook's protection checks for a write named `name`. */
  protected guardWrite(e: E, name: string): void {
    const scope = this.writeScope(e, name);
    if (scope) this.book.checkWrite(scope, `${this.where}.${name}`);
  }

  protected queueSet(prop: string, value: unknown, apply: (e: E) => void): void {
    this.context.enqueue({ p: this.path, a: "set", n: prop, v: value }, () => {
      const e = this.entity();
      this.guardWrite(e, prop);
      apply(e);
      if (this.loaded && prop in this.loaded) this.loaded = { ...this.loaded, [prop]: value };
    });
  }

  protected queueCall(method: string, args: unknown[], apply: (e: E) => void): void {
    this.context.enqueue({ p: this.path, a: "call", n: method, v: args }, () => {
      const e = this.entity();
      this.guardWrite(e, method);
      apply(e);
    });
  }

  /** A child path for requests. */
  protected child(segment: string): string {
    return this.context.define(this.path, segment);
  }

  /** The readable path, for error messages. */
  protected get where(): string {
    return this.context.describe(this.path);
  }

  protected get book(): FakeWorkbook {
    return this.context.book;
  }

  /** The resolver of a child: null propagates, or throws when the fake is set to be strict about it. */
  protected from<C>(map: (e: E) => C | null): () => C | null {
    return () => {
      const e = this.resolve();
      if (e === null) {
        if (this.book.nullChainThrows)
          throw new FakeOfficeError("InvalidObjectPath", `${this.where} is a null object`);
        return null;
      }
      return map(e);
    };
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly application: FakeApplication;

  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.names = new FakeNamedItemCollection(context);
    this.application = new FakeApplication(context);
  }
}

class FakeApplication extends FakeProxy<FakeWorkbook> {
  constructor(context: FakeContext) {
    super(context, context.define(null, "application"), () => context.book);
  }

  // Calculation and screen updating are the application's, not the file's: allowed in every state.
  protected override writeScope(): null {
    return null;
  }

  protected read(book: FakeWorkbook, prop: string): unknown {
    if (prop === "calculationMode") return book.calculationMode;
    throw new FakeOfficeError("InvalidArgument", `app.${prop}`);
  }

  get calculationMode(): string {
    return this.got("calculationMode");
  }

  set calculationMode(mode: string) {
    this.queueSet("calculationMode", mode, (book) => {
      book.requireApi(8, "Application.calculationMode (set)");
      book.calculationMode = mode;
      book.calculationModeHistory.push(mode);
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queueCall("suspendScreenUpdatingUntilNextSync", [], (book) => {
      book.requireApi(9, "suspendScreenUpdatingUntilNextSync");
      book.screenUpdatingSuspensions++;
    });
  }

  suspendApiCalculationUntilNextSync(): void {
    this.queueCall("suspendApiCalculationUntilNextSync", [], (book) => {
      book.requireApi(6, "suspendApiCalculationUntilNextSync");
      book.apiCalculationSuspensions++;
    });
  }
}

class FakeWorksheetCollection extends FakeProxy<FakeWorkbook> {
  private itemProxies: FakeWorksheet[] | null = null;

  constructor(context: FakeContext) {
    super(context, context.define(null, "worksheets"), () => context.book);
  }

  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "load worksheets with items/… properties");
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = parseProps(props);
    this.context.enqueue({ p: this.path, a: "load", n: names }, () => {
      const book = this.context.book;
      const live = book.sheets.filter((s) => !s.deleted);
      this.itemProxies = live.map(
        (s) => new FakeWorksheet(this.context, this.child(`[${s.id}]`), () => s, false, true),
      );
      return live.map((s, i) => this.itemProxies?.[i]?.snapshot(s, names));
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw new FakeOfficeError("PropertyNotLoaded", "ws.items");
    return this.itemProxies;
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(this.context, this.child(`getFirst(${visibleOnly ?? false})`), () => {
      const s = this.book.sheets.find((x) => !x.deleted && (!visibleOnly || x.visibility === "Visible"));
      if (!s) throw new FakeOfficeError("ItemNotFound", "no worksheet");
      return s;
    });
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.child(`getItem(${JSON.stringify(name)})`), () =>
      this.book.findSheet(name),
    );
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.child(`getItemOrNullObject(${JSON.stringify(name)})`),
      () => this.book.findSheet(name),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.child("getActiveWorksheet()"), () => this.book.activeSheet());
  }

  add(name?: string): FakeWorksheet {
    let created: SheetData | null = null;
    const proxy = new FakeWorksheet(
      this.context,
      this.child(`add(${JSON.stringify(name ?? null)})`),
      () => created,
    );
    this.context.enqueue({ p: this.path, a: "call", n: "add", v: [name ?? null] }, () => {
      this.book.checkWrite({ structure: true }, "worksheets.add");
      created = this.book.createSheet(name ?? this.book.defaultSheetName());
    });
    return proxy;
  }
}

class FakeWorksheet extends FakeProxy<SheetData> {
  constructor(
    context: FakeContext,
    path: string,
    resolver: () => SheetData | null,
    nullable = false,
    probed = false,
  ) {
    super(context, path, resolver, nullable);
    if (probed) this.resolve();
  }

  protected override isDeleted(s: SheetData): boolean {
    return s.deleted;
  }

  /** The loaded view of `s` (used by collection loads). */
  snapshot(s: SheetData, props: string[]): Record<string, unknown> {
    const snap: Record<string, unknown> = {};
    for (const p of props) snap[p] = this.read(s, p);
    this.adopt(snap);
    return snap;
  }

  protected read(s: SheetData, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "id":
        return s.id;
      case "position":
        return this.book.sheets.filter((x) => !x.deleted).indexOf(s);
      default:
        throw new FakeOfficeError("InvalidArgument", `Worksheet.${prop} is not supported by the fake`);
    }
  }

  get name(): string {
    return this.got("name");
  }

  set name(value: string) {
    this.queueSet("name", value, (s) => this.book.renameSheet(s, value));
  }

  get visibility(): FakeVisibility {
    return this.got("visibility");
  }

  set visibility(value: FakeVisibility) {
    this.queueSet("visibility", value, (s) => {
      this.book.requireApi(2, "Worksheet.visibility (set)");
      if (
        value !== "Visible" &&
        this.book.sheets.filter((x) => !x.deleted && x.visibility === "Visible" && x !== s).length === 0
      ) {
        throw new FakeOfficeError("InvalidOperation", "a workbook must keep one visible sheet");
      }
      s.visibility = value;
      if (value !== "Visible" && this.book.activeSheetId === s.id) this.book.activateNeighbour(s);
    });
  }

  get position(): number {
    return this.got("position");
  }

  get id(): string {
    return this.got("id");
  }

  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.child(`getNextOrNullObject(${visibleOnly ?? false})`),
      this.from((s) => {
        const live = this.book.sheets.filter((x) => !x.deleted);
        return (
          live.slice(live.indexOf(s) + 1).find((x) => !visibleOnly || x.visibility === "Visible") ?? null
        );
      }),
      true,
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      this.child(`getUsedRangeOrNullObject(${valuesOnly ?? false})`),
      this.from((s) => {
        const rect = this.book.usedRect(s, valuesOnly ?? false);
        return rect ? { sheet: s, ...rect } : null;
      }),
      true,
    );
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this.child(`getRange(${JSON.stringify(address ?? null)})`), () => {
      const s = this.entity();
      return address
        ? { sheet: s, ...parseRangeAddress(address) }
        : { sheet: s, row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, this.child(`getRangeByIndexes(${row},${col},${rows},${cols})`), () => {
      this.book.requireApi(7, "getRangeByIndexes");
      if (rows < 1 || cols < 1 || row < 0 || col < 0 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeOfficeError("InvalidArgument", `getRangeByIndexes(${row},${col},${rows},${cols})`);
      }
      return { sheet: this.entity(), row, col, rows, cols };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.child(`getCell(${row},${col})`), () => ({
      sheet: this.entity(),
      row,
      col,
      rows: 1,
      cols: 1,
    }));
  }

  protected override writeScope(s: SheetData, name: string): WriteScope | null {
    if (name === "activate") return null;
    if (name === "name" || name === "visibility" || name === "delete" || name === "position")
      return { structure: true };
    return { sheet: s };
  }

  activate(): void {
    this.queueCall("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "cannot activate a hidden sheet");
      this.book.activeSheetId = s.id;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (s) => this.book.deleteSheet(s));
  }

  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, this.child("tables"), () => this.entity());
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, this.child("charts"), () => this.entity());
  }

  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.context, this.child("pageLayout"), () => this.entity());
  }

  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.context, this.child("freezePanes"), () => this.entity());
  }

  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.context, this.child("notes"), () => {
      this.book.requireApi(18, "Worksheet.notes");
      return this.entity();
    });
  }
}

class FakeRange extends FakeProxy<RangeData> {
  /** Resolves a range passed as an argument to another operation (at execution time). */
  rangeData(): RangeData {
    return this.entity();
  }

  protected override isDeleted(r: RangeData): boolean {
    return r.sheet.deleted;
  }

  protected read(r: RangeData, prop: string): unknown {
    switch (prop) {
      case "address":
        return `${sheetPrefix(r.sheet.name)}!${rectAddress(r)}`;
      case "rowCount":
        return r.rows;
      case "columnCount":
        return r.cols;
      case "rowIndex":
        return r.row;
      case "columnIndex":
        return r.col;
      case "values":
        return this.book.grid(r, (s, row, col) => s.values[row]?.[col] ?? "");
      case "numberFormat":
        return this.book.grid(r, (s, row, col) => s.formats[row]?.[col] ?? "General");
      case "formulas":
        return this.book.grid(
          r,
          (s, row, col) => s.formulas.get(key(row, col)) ?? s.values[row]?.[col] ?? "",
        );
      default:
        throw new FakeOfficeError("InvalidArgument", `Range.${prop} is not supported by the fake`);
    }
  }

  get address(): string {
    return this.got("address");
  }
  get rowCount(): number {
    return this.got("rowCount");
  }
  get columnCount(): number {
    return this.got("columnCount");
  }
  get rowIndex(): number {
    return this.got("rowIndex");
  }
  get columnIndex(): number {
    return this.got("columnIndex");
  }

  get values(): FakeValue[][] {
    return this.got("values");
  }

  set values(grid: (FakeValue | null)[][]) {
    this.queueSet("values", grid, (r) => this.book.writeValues(r, grid));
  }

  get numberFormat(): string[][] {
    return this.got("numberFormat");
  }

  set numberFormat(grid: (string | null)[][]) {
    this.queueSet("numberFormat", grid, (r) => this.book.writeFormats(r, grid));
  }

  get formulas(): FakeValue[][] {
    return this.got("formulas");
  }

  set hyperlink(link: Excel.RangeHyperlink) {
    this.queueSet("hyperlink", link, (r) => {
      this.book.requireApi(7, "Range.hyperlink");
      if (link.address) throw new FakeOfficeError("InvalidArgument", "the fake only takes internal links");
      r.sheet.hyperlinks.set(key(r.row, r.col), { ...link });
      r.sheet.version++;
    });
  }

  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.context, this.child("format"), () => this.entity());
  }

  protected override writeScope(r: RangeData, name: string): WriteScope | null {
    return name === "select" ? null : { sheet: r.sheet };
  }

  select(): void {
    this.queueCall("select", [], (r) => {
      if (this.book.activeSheetId !== r.sheet.id)
        throw new FakeOfficeError("InvalidOperation", "select on an inactive sheet");
      this.book.selection = { sheet: r.sheet.name, address: rectAddress(r) };
    });
  }

  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.child(`getCell(${row},${col})`), () => {
      const r = this.entity();
      return { sheet: r.sheet, row: r.row + row, col: r.col + col, rows: 1, cols: 1 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      this.child(`getUsedRangeOrNullObject(${valuesOnly ?? false})`),
      this.from((r) => {
        const used = this.book.usedRect(r.sheet, valuesOnly ?? false);
        if (!used) return null;
        const row = Math.max(used.row, r.row);
        const col = Math.max(used.col, r.col);
        const rowEnd = Math.min(used.row + used.rows, r.row + r.rows);
        const colEnd = Math.min(used.col + used.cols, r.col + r.cols);
        if (rowEnd <= row || colEnd <= col) return null;
        return { sheet: r.sheet, row, col, rows: rowEnd - row, cols: colEnd - col };
      }),
      true,
    );
  }

  /** The overlap with another range of the same sheet (an address or a range), or a null object. */
  getIntersectionOrNullObject(other: string | FakeRange): FakeRange {
    const label = typeof other === "string" ? JSON.stringify(other) : "range";
    return new FakeRange(
      this.context,
      this.child(`getIntersectionOrNullObject(${label})`),
      this.from((r) => {
        this.book.requireApi(4, "Range.getIntersectionOrNullObject");
        const o = typeof other === "string" ? parseRangeAddress(other) : other.rangeData();
        const row = Math.max(o.row, r.row);
        const col = Math.max(o.col, r.col);
        const rowEnd = Math.min(o.row + o.rows, r.row + r.rows);
        const colEnd = Math.min(o.col + o.cols, r.col + r.cols);
        if (rowEnd <= row || colEnd <= col) return null;
        return { sheet: r.sheet, row, col, rows: rowEnd - row, cols: colEnd - col };
      }),
      true,
    );
  }

  clear(applyTo?: string): void {
    this.queueCall("clear", [applyTo ?? "All"], (r) => this.book.clearRange(r, applyTo ?? "All"));
  }
}

class FakeRangeFormat extends FakeProxy<RangeData> {
  protected read(r: RangeData, prop: string): unknown {
    if (prop === "columnWidth") return r.sheet.columnWidths.get(r.col) ?? 48;
    throw new FakeOfficeError("InvalidArgument", `RangeFormat.${prop}`);
  }

  get columnWidth(): number {
    return this.got("columnWidth");
  }

  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (r) => {
      for (let c = r.col; c < r.col + r.cols; c++) r.sheet.columnWidths.set(c, points);
      r.sheet.version++;
    });
  }

  set wrapText(_value: boolean) {
    this.queueSet("wrapText", _value, () => undefined);
  }

  set verticalAlignment(value: string) {
    this.queueSet("verticalAlignment", value, (r) => {
      if (value === "Top") r.sheet.topAligned.push(rectAddress(r));
    });
  }

  get borders(): FakeRangeBorderCollection {
    return new FakeRangeBorderCollection(this.context, this.child("borders"), () => this.entity());
  }

  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, this.child("font"), () => this.entity());
  }

  get fill(): FakeRangeFill {
    return new FakeRangeFill(this.context, this.child("fill"), () => this.entity());
  }
}

class FakeRangeBorderCollection extends FakeProxy<RangeData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "RangeBorderCollection loads are not supported by the fake");
  }

  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, this.child(`getItem(${index})`), () => this.entity(), index);
  }
}

/** One edge of a range's borders; the fake records a range once its outer edges are all continuous. */
class FakeRangeBorder extends FakeProxy<RangeData> {
  constructor(
    context: FakeContext,
    path: string,
    resolver: () => RangeData | null,
    private readonly edge: string,
  ) {
    super(context, path, resolver);
  }

  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "RangeBorder loads are not supported by the fake");
  }

  set style(value: string) {
    this.queueSet("style", value, (r) => {
      const address = rectAddress(r);
      if (value === "Continuous" && this.edge === "EdgeTop" && !r.sheet.borders.includes(address))
        r.sheet.borders.push(address);
    });
  }
}

/** `Worksheet.pageLayout` (ExcelApi 1.9): what was set is recorded by property name. */
class FakePageLayout extends FakeProxy<SheetData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "PageLayout loads are not supported by the fake");
  }

  private record(prop: string, value: unknown): void {
    this.queueSet(prop, value, (s) => {
      this.book.requireApi(9, `PageLayout.${prop}`);
      s.pageLayout[prop] = value;
    });
  }

  set orientation(value: string) {
    this.record("orientation", value);
  }
  set paperSize(value: string) {
    this.record("paperSize", value);
  }
  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.record("zoom", { ...value });
  }
  set centerHorizontally(value: boolean) {
    this.record("centerHorizontally", value);
  }
  set leftMargin(value: number) {
    this.record("leftMargin", value);
  }
  set rightMargin(value: number) {
    this.record("rightMargin", value);
  }
  set topMargin(value: number) {
    this.record("topMargin", value);
  }
  set bottomMargin(value: number) {
    this.record("bottomMargin", value);
  }
  set headerMargin(value: number) {
    this.record("headerMargin", value);
  }
  set footerMargin(value: number) {
    this.record("footerMargin", value);
  }

  setPrintTitleRows(rows: string): void {
    this.queueCall("setPrintTitleRows", [rows], (s) => {
      this.book.requireApi(9, "setPrintTitleRows");
      s.pageLayout.printTitleRows = rows;
    });
  }

  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const record = (prop: string, value: string): void => this.record(prop, value);
    const footers = {
      set leftFooter(v: string) {
        record("leftFooter", v);
      },
      set centerFooter(v: string) {
        record("centerFooter", v);
      },
      set rightFooter(v: string) {
        record("rightFooter", v);
      },
    } as unknown as Record<string, string>;
    return { defaultForAllPages: footers };
  }
}

class FakeRangeFont extends FakeProxy<RangeData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "RangeFont reads are not supported by the fake");
  }

  set bold(value: boolean) {
    this.queueSet("bold", value, (r) =>
      this.book.eachCell(r, (s, k) => s.fonts.set(k, { ...s.fonts.get(k), bold: value })),
    );
  }

  set size(value: number) {
    this.queueSet("size", value, (r) =>
      this.book.eachCell(r, (s, k) => s.fonts.set(k, { ...s.fonts.get(k), size: value })),
    );
  }
}

class FakeRangeFill extends FakeProxy<RangeData> {
  protected read(r: RangeData, prop: string): unknown {
    const fills = new Set<string>();
    let first: FakeFill = NO_FILL;
    this.book.eachCell(
      r,
      (s, k) => {
        const f = s.fills.get(k) ?? NO_FILL;
        if (fills.size === 0) first = f;
        fills.add(JSON.stringify(f));
      },
      false,
    );
    const mixed = fills.size > 1;
    switch (prop) {
      case "color":
        return mixed ? null : first.color;
      case "pattern":
        this.book.requireApi(9, "RangeFill.pattern");
        return mixed ? null : first.pattern;
      case "patternColor":
        this.book.requireApi(9, "RangeFill.patternColor");
        return mixed ? null : (first.patternColor ?? "#000000");
      default:
        throw new FakeOfficeError("InvalidArgument", `RangeFill.${prop}`);
    }
  }

  get color(): string {
    return this.got("color");
  }

  set color(value: string) {
    this.queueSet("color", value, (r) =>
      this.book.eachCell(r, (s, k) => {
        const old = s.fills.get(k) ?? NO_FILL;
        s.fills.set(k, {
          ...old,
          color: value.toUpperCase(),
          pattern: old.pattern === "None" ? "Solid" : old.pattern,
        });
      }),
    );
  }

  get pattern(): string {
    return this.got("pattern");
  }

  set pattern(value: string) {
    this.queueSet("pattern", value, (r) => {
      this.book.requireApi(9, "RangeFill.pattern");
      this.book.eachCell(r, (s, k) => {
        if (value === "None") s.fills.delete(k);
        else s.fills.set(k, { ...(s.fills.get(k) ?? NO_FILL), pattern: value });
      });
    });
  }

  get patternColor(): string {
    return this.got("patternColor");
  }

  set patternColor(value: string) {
    this.queueSet("patternColor", value, (r) => {
      this.book.requireApi(9, "RangeFill.patternColor");
      this.book.eachCell(r, (s, k) =>
        s.fills.set(k, { ...(s.fills.get(k) ?? NO_FILL), patternColor: value.toUpperCase() }),
      );
    });
  }

  clear(): void {
    this.queueCall("clear", [], (r) => this.book.eachCell(r, (s, k) => s.fills.delete(k)));
  }
}

class FakeTableCollection extends FakeProxy<SheetData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "TableCollection loads are not supported by the fake");
  }

  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let created: FakeTableData | null = null;
    const proxy = new FakeTable(this.context, this.child("add()"), () => created);
    const arg = typeof address === "string" ? address : "<range>";
    this.context.enqueue({ p: this.path, a: "call", n: "add", v: [arg, hasHeaders] }, () => {
      this.book.checkWrite({ sheet: this.entity() }, "tables.add");
      const s = this.entity();
      const rect: Rect = typeof address === "string" ? parseRangeAddress(address) : address.rangeData();
      const overlaps = s.tables.some((t) => {
        const o = parseRangeAddress(t.address);
        return (
          o.row < rect.row + rect.rows &&
          rect.row < o.row + o.rows &&
          o.col < rect.col + rect.cols &&
          rect.col < o.col + o.cols
        );
      });
      if (overlaps) throw new FakeOfficeError("InvalidOperation", "tables cannot overlap");
      created = { name: this.book.nextTableName(), address: rectAddress(rect), style: "TableStyleMedium2" };
      s.tables.push(created);
      s.version++;
    });
    return proxy;
  }
}

class FakeTable extends FakeProxy<FakeTableData> {
  protected read(t: FakeTableData, prop: string): unknown {
    if (prop === "name") return t.name;
    throw new FakeOfficeError("InvalidArgument", `Table.${prop}`);
  }

  get name(): string {
    return this.got("name");
  }

  set style(value: string) {
    this.queueSet("style", value, (t) => {
      t.style = value;
    });
  }
}

class FakeChartCollection extends FakeProxy<SheetData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "ChartCollection loads are not supported by the fake");
  }

  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    let created: FakeChartData | null = null;
    const proxy = new FakeChart(this.context, this.child("add()"), () => created);
    this.context.enqueue(
      { p: this.path, a: "call", n: "add", v: [type, "<range>", seriesBy ?? "Auto"] },
      () => {
        const s = this.entity();
        this.book.checkWrite({ sheet: s }, "charts.add");
        const rect = source.rangeData();
        created = {
          name: `Chart ${s.charts.length + 1}`,
          type,
          title: "",
          source: rectAddress(rect),
          xValues: null,
          position: null,
        };
        s.charts.push(created);
        s.version++;
      },
    );
    return proxy;
  }
}

class FakeChart extends FakeProxy<FakeChartData> {
  protected read(c: FakeChartData, prop: string): unknown {
    if (prop === "name") return c.name;
    throw new FakeOfficeError("InvalidArgument", `Chart.${prop}`);
  }

  get name(): string {
    return this.got("name");
  }

  set name(value: string) {
    this.queueSet("name", value, (c) => {
      c.name = value;
    });
  }

  get title(): { text: string } {
    const queueSet = (text: string): void =>
      this.context.enqueue({ p: this.child("title"), a: "set", n: "text", v: text }, () => {
        this.entity().title = text;
      });
    return {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "ChartTitle.text");
      },
      set text(value: string) {
        queueSet(value);
      },
    };
  }

  get series(): { getItemAt(index: number): { setXAxisValues(range: FakeRange): void } } {
    const enqueue = (range: FakeRange): void =>
      this.context.enqueue(
        { p: this.child("series.getItemAt(0)"), a: "call", n: "setXAxisValues", v: ["<range>"] },
        () => {
          this.book.requireApi(7, "ChartSeries.setXAxisValues");
          this.entity().xValues = rectAddress(range.rangeData());
        },
      );
    return {
      getItemAt(index: number) {
        if (index !== 0) throw new FakeOfficeError("InvalidArgument", "the fake has one series");
        return { setXAxisValues: enqueue };
      },
    };
  }

  setPosition(start: FakeRange | string, _end?: FakeRange | string): void {
    this.context.enqueue({ p: this.path, a: "call", n: "setPosition", v: ["<range>"] }, () => {
      const c = this.entity();
      c.position = typeof start === "string" ? start : (rectAddress(start.rangeData()).split(":")[0] ?? null);
    });
  }
}

class FakeFreezePanes extends FakeProxy<SheetData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "FreezePanes loads are not supported by the fake");
  }

  freezeRows(count: number): void {
    this.queueCall("freezeRows", [count], (s) => {
      this.book.requireApi(7, "freezeRows");
      s.freeze = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count: number): void {
    this.queueCall("freezeColumns", [count], (s) => {
      this.book.requireApi(7, "freezeColumns");
      s.freeze = { rows: 0, columns: count };
    });
  }

  freezeAt(range: FakeRange | string): void {
    this.queueCall("freezeAt", ["<range>"], (s) => {
      this.book.requireApi(7, "freezeAt");
      const rect = typeof range === "string" ? parseRangeAddress(range) : range.rangeData();
      s.freeze = { rows: rect.row + rect.rows, columns: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.queueCall("unfreeze", [], (s) => {
      s.freeze = null;
    });
  }
}

class FakeNoteCollection extends FakeProxy<SheetData> {
  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "NoteCollection loads are not supported by the fake");
  }

  add(cellAddress: FakeRange | string, content: string): void {
    this.context.enqueue(
      {
        p: this.path,
        a: "call",
        n: "add",
        v: [typeof cellAddress === "string" ? cellAddress : "<range>", content],
      },
      () => {
        const s = this.entity();
        const rect =
          typeof cellAddress === "string" ? parseRangeAddress(cellAddress) : cellAddress.rangeData();
        if (rect.rows !== 1 || rect.cols !== 1)
          throw new FakeOfficeError("InvalidCellAddress", "a note needs one cell");
        const k = key(rect.row, rect.col);
        this.book.checkWrite({ sheet: s }, "notes.add");
        if (s.threadedComments.has(k))
          throw new FakeOfficeError("InvalidOperation", "a cell with a threaded comment cannot have a note");
        if (s.notes.has(k)) throw new FakeOfficeError("InvalidOperation", "the cell already has a note");
        s.notes.set(k, content);
        s.version++;
      },
    );
  }

  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(
      this.context,
      this.child(`getItemOrNullObject(${JSON.stringify(address)})`),
      this.from((s) => {
        const p = parseCellAddress(address);
        if (!p || !s.notes.has(key(p.row, p.col))) return null;
        return { sheet: s, key: key(p.row, p.col) };
      }),
      true,
    );
  }
}

class FakeNote extends FakeProxy<{ sheet: SheetData; key: string }> {
  protected read(n: { sheet: SheetData; key: string }, prop: string): unknown {
    if (prop === "content") return n.sheet.notes.get(n.key) ?? null;
    throw new FakeOfficeError("InvalidArgument", `Note.${prop}`);
  }

  get content(): string {
    return this.got("content");
  }

  delete(): void {
    this.queueCall("delete", [], (n) => {
      n.sheet.notes.delete(n.key);
      n.sheet.version++;
    });
  }
}

class FakeNamedItemCollection extends FakeProxy<FakeWorkbook> {
  private itemProxies: FakeNamedItem[] | null = null;

  constructor(context: FakeContext) {
    super(context, context.define(null, "names"), () => context.book);
  }

  protected read(): unknown {
    throw new FakeOfficeError("InvalidArgument", "load names with items/… properties");
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = parseProps(props);
    this.context.enqueue({ p: this.path, a: "load", n: names }, () => {
      const live = this.book.names.filter((n) => !n.deleted);
      this.itemProxies = live.map((n) => new FakeNamedItem(this.context, this.child(`[${n.name}]`), () => n));
      return live.map((n, i) => this.itemProxies?.[i]?.snapshotOf(n, names));
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.itemProxies) throw new FakeOfficeError("PropertyNotLoaded", "names.items");
    return this.itemProxies;
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameData | null = null;
    const proxy = new FakeNamedItem(this.context, this.child(`add(${JSON.stringify(name)})`), () => created);
    this.context.enqueue({ p: this.path, a: "call", n: "add", v: [name, "<range>", comment ?? ""] }, () => {
      this.book.requireApi(4, "NamedItemCollection.add");
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
        throw new FakeOfficeError("InvalidArgument", `bad name ${name}`);
      if (this.book.names.some((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `name ${name} exists`);
      }
      if (typeof reference === "string")
        throw new FakeOfficeError("InvalidArgument", "the fake takes a Range");
      const r = reference.rangeData();
      created = {
        name,
        sheet: r.sheet,
        address: rectAddress(r),
        visible: true,
        comment: comment ?? "",
        deleted: false,
      };
      this.book.names.push(created);
    });
    return proxy;
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, this.child(`getItem(${JSON.stringify(name)})`), () => {
      return this.book.names.find((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase()) ?? null;
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.child(`getItemOrNullObject(${JSON.stringify(name)})`),
      () => this.book.names.find((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
    );
  }
}

class FakeNamedItem extends FakeProxy<NameData> {
  protected override isDeleted(n: NameData): boolean {
    return n.deleted;
  }

  snapshotOf(n: NameData, props: string[]): Record<string, unknown> {
    const snap: Record<string, unknown> = {};
    for (const p of props) snap[p] = this.read(n, p);
    this.adopt(snap);
    return snap;
  }

  protected read(n: NameData, prop: string): unknown {
    const broken = !n.sheet || n.sheet.deleted;
    switch (prop) {
      case "name":
        return n.name;
      case "type":
        return broken ? "Error" : "Range";
      case "formula":
        if (broken) return "=#REF!";
        return `=${sheetPrefix(n.sheet?.name ?? "")}!${n.address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      default:
        throw new FakeOfficeError("InvalidArgument", `NamedItem.${prop}`);
    }
  }

  get name(): string {
    return this.got("name");
  }
  get formula(): string {
    return this.got("formula");
  }
  get type(): string {
    return this.got("type");
  }
  get visible(): boolean {
    return this.got("visible");
  }
  set visible(value: boolean) {
    this.queueSet("visible", value, (n) => {
      n.visible = value;
    });
  }
  get comment(): string {
    return this.got("comment");
  }

  /** The range the name refers to, or a null object when it refers to none (a deleted sheet). */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      this.child("getRangeOrNullObject()"),
      this.from((n) => {
        this.book.requireApi(4, "NamedItem.getRangeOrNullObject");
        return !n.sheet || n.sheet.deleted ? null : { sheet: n.sheet, ...parseRangeAddress(n.address) };
      }),
      true,
    );
  }

  delete(): void {
    this.queueCall("delete", [], (n) => {
      this.book.requireApi(4, "NamedItem.delete");
      n.deleted = true;
    });
  }
}

/**
 * The in-memory workbook. Tests build it, run the adapter against it with `run`, then inspect
 * sheets and `syncs`.
 */
export class FakeWorkbook {
  /** Every sync of every `run`, in order. */
  readonly syncs: SyncRecord[] = [];
  /** Sheets in workbook order (deleted ones are dropped). */
  sheets: SheetData[] = [];
  /** Workbook-level named items. */
  names: NameData[] = [];
  /** The active sheet's id. */
  activeSheetId: string | null = null;
  /** The last selected cell or range. */
  selection: { sheet: string; address: string } | null = null;
  /** Current calculation mode. */
  calculationMode = "Automatic";
  /** Every calculation mode set through the API, in order. */
  readonly calculationModeHistory: string[] = [];
  /** How often screen updating / API calculation was suspended. */
  screenUpdatingSuspensions = 0;
  apiCalculationSuspensions = 0;
  /** When true, a method called on a null object fails the batch instead of giving another null object. */
  nullChainThrows = false;
  /** The workbook's structure is protected: sheets cannot be added, deleted, renamed or hidden. */
  structureProtected = false;
  /** The workbook is read-only (opened read-only, or view mode on the web): every write is refused. */
  readOnly = false;
  /** The user is editing a cell: Excel refuses every batch until they leave the cell. */
  cellEditMode = false;
  /**
   * Like Excel on the web: a sync whose request or response would be over 5 MB fails with
   * `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` (and its loads are lost).
   * Set to false for a desktop-like host with no such limit.
   */
  enforcePayloadLimits = true;
  private nextSheetId = 1;
  private nextTable = 1;

  /** Creates a workbook that supports ExcelApi up to 1.`apiMinor` (default 1.18). */
  constructor(readonly apiMinor = 18) {}

  /** Runs a batch like `Excel.run`, with a final sync when operations are left queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    // The fake implements the subset of Excel.RequestContext the adapter uses; the cast is the seam.
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  }

  /** `Office.context.requirements.isSetSupported("ExcelApi", version)` for this fake. */
  isSetSupported(version: string): boolean {
    const [major, minor] = version.split(".").map(Number);
    return major === 1 && (minor ?? 0) <= this.apiMinor;
  }

  /** Throws like Office.js does when an API newer than the host is used. */
  requireApi(minor: number, what: string): void {
    if (minor > this.apiMinor) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi 1.${minor}`);
  }

  /** Forgets recorded syncs (e.g. after setting up). */
  resetSyncs(): void {
    this.syncs.length = 0;
  }

  /** Largest request and response of the recorded syncs. */
  get maxRequestBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
  get maxResponseBytes(): number {
    return Math.max(0, ...this.syncs.map((s) => s.responseBytes));
  }

  /** Adds a sheet with values (and number formats) for a test. */
  addSheet(name: string, setup: FakeSheetSetup = {}): this {
    const s = this.createSheet(name);
    const { row: r0, col: c0 } = setup.origin ?? { row: 0, col: 0 };
    (setup.rows ?? []).forEach((row, i) => {
      const out: FakeValue[] = (s.values[r0 + i] = []);
      row.forEach((v, j) => {
        if (v !== null && v !== "") out[c0 + j] = v;
      });
    });
    (setup.formats ?? []).forEach((row, i) => {
      const out: (string | undefined)[] = (s.formats[r0 + i] = []);
      row.forEach((f, j) => {
        if (f !== null) out[c0 + j] = f;
      });
    });
    if (setup.visibility) s.visibility = setup.visibility;
    return this;
  }

  /** Sets a cell's fill for a test (a colour gives a solid fill). */
  setFill(sheet: string, address: string, fill: string | FakeFill): this {
    const s = this.sheetByName(sheet);
    const p = parseCellAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    s.fills.set(
      key(p.row, p.col),
      typeof fill === "string" ? { color: fill.toUpperCase(), pattern: "Solid", patternColor: null } : fill,
    );
    return this;
  }

  /** Protects a sheet for a test: writes to its cells are refused. */
  protectSheet(sheet: string): this {
    this.sheetByName(sheet).protected = true;
    return this;
  }

  /** Adds a threaded comment to a cell for a test (such a cell cannot get a note). */
  setThreadedComment(sheet: string, address: string, text: string): this {
    const p = parseCellAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    this.sheetByName(sheet).threadedComments.set(key(p.row, p.col), text);
    return this;
  }

  /** Refuses a write the workbook's protection or read-only state forbids, like Excel does. */
  checkWrite(scope: WriteScope, what: string): void {
    if (this.readOnly) throw new FakeOfficeError("AccessDenied", `the workbook is read-only (${what})`);
    if (scope.structure && this.structureProtected)
      throw new FakeOfficeError("AccessDenied", `the workbook's structure is protected (${what})`);
    if (scope.sheet?.protected)
      throw new FakeOfficeError("AccessDenied", `the sheet "${scope.sheet.name}" is protected (${what})`);
  }

  /** Adds a note to a cell for a test. */
  setNote(sheet: string, address: string, text: string): this {
    const p = parseCellAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    this.sheetByName(sheet).notes.set(key(p.row, p.col), text);
    return this;
  }

  /** Sheet names in workbook order. */
  sheetNames(): string[] {
    return this.sheets.filter((s) => !s.deleted).map((s) => s.name);
  }

  /** The live sheet with this exact name (throws when absent). */
  sheetByName(name: string): SheetData {
    const s = this.sheets.find((x) => !x.deleted && x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** A sheet's visibility. */
  visibilityOf(name: string): FakeVisibility {
    return this.sheetByName(name).visibility;
  }

  /** The value of one cell (`""` when empty). */
  value(sheet: string, address: string): FakeValue {
    const p = parseCellAddress(address);
    if (!p) throw new Error(`bad address ${address}`);
    return this.sheetByName(sheet).values[p.row]?.[p.col] ?? "";
  }

  /** All values of a sheet's used range as rows (trailing blanks dropped). */
  rows(sheet: string): FakeValue[][] {
    const s = this.sheetByName(sheet);
    const rect = this.usedRect(s, true);
    if (!rect) return [];
    return this.grid({ sheet: s, ...rect }, (x, r, c) => x.values[r]?.[c] ?? "");
  }

  /** The name of the active sheet. */
  activeSheetName(): string | null {
    return this.sheets.find((s) => s.id === this.activeSheetId && !s.deleted)?.name ?? null;
  }

  /** Workbook-level names with what they refer to. */
  namedItems(): Array<{ name: string; sheet: string | null; address: string; visible: boolean }> {
    return this.names
      .filter((n) => !n.deleted)
      .map((n) => ({
        name: n.name,
        sheet: n.sheet && !n.sheet.deleted ? n.sheet.name : null,
        address: n.address,
        visible: n.visible,
      }));
  }

  /** A deep, plain copy of everything about a sheet, for before/after comparisons. */
  snapshot(name: string): FakeSheetSnapshot {
    const s = this.sheetByName(name);
    const cells: Record<string, FakeValue> = {};
    const formats: Record<string, string> = {};
    s.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== undefined && v !== "") cells[cellAddress(r, c)] = v;
      }),
    );
    s.formats.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f !== undefined) formats[cellAddress(r, c)] = f;
      }),
    );
    const byAddress = <T>(m: Map<string, T>): Record<string, T> =>
      Object.fromEntries(
        [...m.entries()].map(([k, v]) => {
          const [r, c] = k.split(",").map(Number) as [number, number];
          return [cellAddress(r, c), structuredClone(v)];
        }),
      );
    return {
      name: s.name,
      visibility: s.visibility,
      cells,
      formats,
      formulas: byAddress(s.formulas),
      fills: byAddress(s.fills),
      notes: byAddress(s.notes),
      hyperlinks: byAddress(s.hyperlinks),
      tables: structuredClone(s.tables),
      charts: structuredClone(s.charts),
      freeze: s.freeze ? { ...s.freeze } : null,
      columnWidths: Object.fromEntries([...s.columnWidths.entries()].map(([c, w]) => [columnLetter(c), w])),
      pageLayout: structuredClone(s.pageLayout),
      borders: [...s.borders],
      topAligned: [...s.topAligned],
    };
  }

  // ---- internals used by the proxies -------------------------------------------------------

  findSheet(name: string): SheetData | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => !s.deleted && (s.name.toLowerCase() === lower || s.id === name)) ?? null;
  }

  activeSheet(): SheetData {
    const s = this.sheets.find((x) => x.id === this.activeSheetId && !x.deleted);
    if (!s) throw new FakeOfficeError("ItemNotFound", "no active sheet");
    return s;
  }

  defaultSheetName(): string {
    let i = this.sheets.length + 1;
    while (this.findSheet(`Sheet${i}`)) i++;
    return `Sheet${i}`;
  }

  createSheet(name: string): SheetData {
    checkSheetName(name);
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `sheet "${name}" exists`);
    const s: SheetData = {
      id: `{sheet-${this.nextSheetId++}}`,
      name,
      visibility: "Visible",
      protected: false,
      threadedComments: new Map(),
      deleted: false,
      values: [],
      formats: [],
      formulas: new Map(),
      fills: new Map(),
      fonts: new Map(),
      hyperlinks: new Map(),
      notes: new Map(),
      tables: [],
      charts: [],
      freeze: null,
      columnWidths: new Map(),
      pageLayout: {},
      borders: [],
      topAligned: [],
      usedCache: null,
      version: 0,
    };
    this.sheets.push(s);
    if (this.activeSheetId === null) this.activeSheetId = s.id;
    return s;
  }

  renameSheet(s: SheetData, name: string): void {
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== s) throw new FakeOfficeError("ItemAlreadyExists", `sheet "${name}" exists`);
    s.name = name;
  }

  deleteSheet(s: SheetData): void {
    if (s.visibility === "VeryHidden")
      throw new FakeOfficeError("InvalidOperation", `a VeryHidden sheet ("${s.name}") cannot be deleted`);
    const visible = this.sheets.filter((x) => !x.deleted && x.visibility === "Visible");
    if (visible.length === 1 && visible[0] === s) {
      throw new FakeOfficeError("InvalidOperation", "a workbook must keep one visible sheet");
    }
    if (this.activeSheetId === s.id) this.activateNeighbour(s);
    s.deleted = true;
    this.sheets = this.sheets.filter((x) => x !== s);
  }

  activateNeighbour(s: SheetData): void {
    const live = this.sheets.filter((x) => !x.deleted);
    const i = live.indexOf(s);
    const next =
      live.slice(i + 1).find((x) => x.visibility === "Visible") ??
      live
        .slice(0, i)
        .reverse()
        .find((x) => x.visibility === "Visible");
    this.activeSheetId = next?.id ?? null;
  }

  nextTableName(): string {
    return `Table${this.nextTable++}`;
  }

  usedRect(s: SheetData, valuesOnly: boolean): Rect | null {
    if (s.usedCache && s.usedCache.version === s.version) {
      return valuesOnly ? s.usedCache.valuesOnly : s.usedCache.all;
    }
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    const take = (r: number, c: number): void => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    s.values.forEach((row, r) => row?.forEach((v, c) => v !== undefined && v !== "" && take(r, c)));
    const valuesRect = r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    s.formats.forEach((row, r) => row?.forEach((f, c) => f !== undefined && take(r, c)));
    for (const m of [s.fills, s.formulas]) {
      for (const k of m.keys()) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        take(r, c);
      }
    }
    const allRect = r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    s.usedCache = { valuesOnly: valuesRect, all: allRect, version: s.version };
    return valuesOnly ? valuesRect : allRect;
  }

  grid<T>(r: RangeData, cell: (s: SheetData, row: number, col: number) => T): T[][] {
    if (r.rows * r.cols > 5_000_000)
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "more than 5,000,000 cells");
    const out: T[][] = new Array<T[]>(r.rows);
    for (let i = 0; i < r.rows; i++) {
      const row = new Array<T>(r.cols);
      for (let j = 0; j < r.cols; j++) row[j] = cell(r.sheet, r.row + i, r.col + j);
      out[i] = row;
    }
    return out;
  }

  eachCell(r: RangeData, fn: (s: SheetData, k: string) => void, mutates = true): void {
    if (r.rows * r.cols > 1_000_000)
      throw new FakeOfficeError("InvalidArgument", "the fake formats at most 1,000,000 cells at once");
    for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) fn(r.sheet, key(r.row + i, r.col + j));
    if (mutates) r.sheet.version++;
  }

  checkShape(r: RangeData, grid: ReadonlyArray<ReadonlyArray<unknown>>, what: string): void {
    if (grid.length !== r.rows || grid.some((row) => row.length !== r.cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `${what}: the array does not match the range ${rectAddress(r)}`,
      );
    }
  }

  writeValues(r: RangeData, grid: ReadonlyArray<ReadonlyArray<FakeValue | null>>): void {
    this.checkShape(r, grid, "values");
    const s = r.sheet;
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return; // Office.js leaves a cell unchanged for null
        const rr = r.row + i;
        const cc = r.col + j;
        const k = key(rr, cc);
        const fmt = s.formats[rr]?.[cc];
        s.formulas.delete(k);
        if (v === "") {
          if (s.values[rr]) delete s.values[rr][cc];
          return;
        }
        let stored: FakeValue = v;
        if (typeof v === "string" && fmt !== "@") {
          // Like Excel: without the Text format, =…, +…, -…, @… become formulas and numeric text becomes a number.
          if (/^[=+\-@]/.test(v) && v.length > 1) {
            s.formulas.set(k, v);
            stored = "#NAME?";
          } else if (/^\s*-?\d+(\.\d+)?\s*$/.test(v)) stored = Number(v);
        }
        (s.values[rr] ??= [])[cc] = stored;
      }),
    );
    s.version++;
  }

  writeFormats(r: RangeData, grid: ReadonlyArray<ReadonlyArray<string | null>>): void {
    this.checkShape(r, grid, "numberFormat");
    const s = r.sheet;
    grid.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f === null) return;
        (s.formats[r.row + i] ??= [])[r.col + j] = f;
      }),
    );
    s.version++;
  }

  clearRange(r: RangeData, applyTo: string): void {
    const s = r.sheet;
    const contents = applyTo === "Contents" || applyTo === "All";
    const formats = applyTo === "Formats" || applyTo === "All";
    const inRange = (row: number, col: number): boolean =>
      row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;
    const end = Math.min(r.row + r.rows, Math.max(s.values.length, s.formats.length));
    for (let rr = r.row; rr < end; rr++) {
      const values = s.values[rr];
      const fmts = s.formats[rr];
      if (contents && values) values.forEach((_, c) => inRange(rr, c) && delete values[c]);
      if (formats && fmts) fmts.forEach((_, c) => inRange(rr, c) && delete fmts[c]);
    }
    const maps: Map<string, unknown>[] = [
      ...(contents ? [s.formulas, s.hyperlinks] : []),
      ...(formats ? [s.fills] : []),
    ];
    for (const m of maps) {
      for (const k of [...m.keys()]) {
        const [row, col] = k.split(",").map(Number) as [number, number];
        if (inRange(row, col)) m.delete(k);
      }
    }
    s.version++;
  }
}
