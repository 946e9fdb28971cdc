/**
 * One worksheet part for the lean reader: `<sheetData>` cells and `<mergeCell>` ranges into the
 * engine's rows, with costs bounded by the cells present, not by their addresses (issue 13):
 * - a row is padded with blanks only across small gaps; a value far to the right (column XFD)
 *   leaves a hole, which V8 stores sparsely, instead of 16,384 slots;
 * - merged areas are cleared in one sweep over the rows present, each row looking up only the
 *   merges that cover it, instead of each merge walking every row;
 * - the cells kept are counted against a budget shared by all sheets ({@link CellBudget}).
 */
import { excelSerialToDate, type RawCell } from "../../../engine";
import { WorkbookReadError } from "../errors";
import { decodeEscapes, detach } from "./strings";
import { attribute, decodeAttributeValue, type XmlSink } from "../xml";

const EMPTY_ROW: readonly RawCell[] = Object.freeze([]);
/** Excel's own limits: a row or column past them is damage, not data. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
/** A gap of blank cells up to this wide is padded with nulls; a wider one stays a hole. */
const MAX_PADDED_GAP = 256;

/** Non-blank cells kept across all sheets of one workbook, against the documented limit. */
export class CellBudget {
  private used = 0;
  constructor(readonly limit: number) {}

  /** Count one more cell; past the limit the workbook is refused (`too-many-cells`). */
  take(): void {
    if (++this.used > this.limit)
      throw new WorkbookReadError("too-many-cells", `more than ${this.limit} non-blank cells`);
  }
}

/** A row whose present cells are few compared with its length (it holds holes). */
function isSparse(row: readonly RawCell[], present: number): boolean {
  return row.length > MAX_PADDED_GAP && present * 4 < row.length;
}

/** Column indices of the cells present in a row, in order (holes skipped without walking them). */
function presentColumns(row: readonly RawCell[], sparse: boolean): number[] {
  if (!sparse) {
    const cols: number[] = [];
    for (let c = 0; c < row.length; c++) if (row[c] !== null && row[c] !== undefined) cols.push(c);
    return cols;
  }
  const cols: number[] = [];
  for (const key in row) {
    const c = Number(key);
    if (Number.isInteger(c) && row[c] !== null && row[c] !== undefined) cols.push(c);
  }
  return cols.sort((a, b) => a - b);
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Index of the last merge in `active` (sorted by left) whose left is at most `col`, or -1. */
function lastStartingBefore(active: readonly Merge[], col: number): number {
  let lo = 0;
  let hi = active.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((active[mid] as Merge).left <= col) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Add a merge to a min-heap ordered by bottom row. */
function heapPush(heap: Merge[], m: Merge): void {
  heap.push(m);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as Merge).bottom <= m.bottom) break;
    heap[i] = heap[parent] as Merge;
    i = parent;
  }
  heap[i] = m;
}

/** Take the merge with the smallest bottom row from a min-heap. */
function heapPop(heap: Merge[]): Merge | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let least = i;
    const leastBottom = (k: number): number => (k === i ? last.bottom : (heap[k] as Merge).bottom);
    if (l < heap.length && leastBottom(l) < leastBottom(least)) least = l;
    if (r < heap.length && leastBottom(r) < leastBottom(least)) least = r;
    if (least === i) break;
    heap[i] = heap[least] as Merge;
    i = least;
  }
  heap[i] = last;
  return top;
}

/** The strict form of a number in a `<v>`: `12abc` or `0x1A` is not a number, whatever parseFloat says. */
const NUMBER_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** A numeric `<v>`: the number, or the text as written when it is not wholly a number. */
function numberOrText(v: string): number | string {
  return NUMBER_RE.test(v) ? Number(v) : v;
}

const enum Mode {
  None,
  Value,
  Formula,
  RunText,
}

/** 0-based column of an A1 reference's letters (`"AB12"` → 27), or -1. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** 0-based row of an A1 reference (`"AB12"` → 11), or -1. */
function rowOf(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? parseInt(m[0], 10) - 1 : -1;
}

/** ExcelJS's second decoding of `t="str"` text (it decodes entities once more). */
function xmlDecodeAgain(text: string): string {
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

function isoDate(text: string): Date {
  const t = text.trim();
  return new Date(
    /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : /[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`,
  );
}

/** A value as a {@link RawCell}, as `readXlsx` shapes it. */
function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : detach(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: "#VALUE!" } : value;
  if (typeof value === "object" && typeof (value as { error?: unknown }).error === "string") {
    return { error: (value as { error: string }).error };
  }
  return null;
}

/** Reads `<sheetData>` cells and `<mergeCell>` ranges of one worksheet. */
export class SheetSink implements XmlSink {
  private readonly rows: Array<RawCell[] | undefined> = [];
  /** Non-blank cells of each row, to tell a sparse row from a dense one. */
  private readonly present: number[] = [];
  private readonly merges: string[] = [];
  private cellsInRow = 0;
  private rowIndex = -1;
  private cells: RawCell[] | null = null;
  private col = -1;
  // The cell being read.
  private inCell = false;
  private type = "";
  private dateStyle = false;
  private value: string | undefined = undefined;
  private formula = "";
  private shared = false;
  private inInline = false;
  private inRun = false;
  private inPhonetic = false;
  private runs: string[] | null = null;
  private runText: string[] = [];
  private mode = Mode.None;
  private readonly dateOffset: number;

  constructor(
    private readonly strings: ReadonlyArray<string | null>,
    private readonly dateStyles: readonly boolean[],
    date1904: boolean,
    private readonly budget: CellBudget,
  ) {
    this.dateOffset = date1904 ? 1462 : 0;
  }

  open(local: string, attrs: string, empty: boolean): void {
    switch (local) {
      case "c":
        this.openCell(attrs);
        if (empty) this.closeCell();
        return;
      case "v":
        if (this.inCell && !empty) this.mode = Mode.Value;
        return;
      case "row": {
        const r = attribute(attrs, "r");
        const n = r === undefined ? NaN : parseInt(r, 10);
        this.rowIndex = Number.isFinite(n) ? n - 1 : this.rowIndex + 1;
        this.cells = [];
        this.cellsInRow = 0;
        this.col = -1;
        if (empty) this.closeRow();
        return;
      }
      case "f":
        if (!this.inCell) return;
        if (attribute(attrs, "t") !== undefined) this.shared = true;
        if (!empty) this.mode = Mode.Formula;
        return;
      case "is":
        if (this.inCell) this.inInline = !empty;
        return;
      case "r":
        if (this.inInline && !this.inPhonetic && !empty) {
          this.inRun = true;
          this.runText = [];
          (this.runs ??= []).push("");
        }
        return;
      case "rPh":
        if (this.inInline) this.inPhonetic = !empty;
        return;
      case "t":
        if (!this.inInline || this.inPhonetic || empty) return;
        if (this.inRun) {
          this.runText = [];
          this.mode = Mode.RunText;
        } else this.mode = Mode.Value;
        return;
      case "mergeCell": {
        const ref = attribute(attrs, "ref");
        if (ref) this.merges.push(ref);
        return;
      }
      default:
        return;
    }
  }

  text(text: string): void {
    switch (this.mode) {
      case Mode.Value:
        this.value = this.value === undefined ? text : this.value + text;
        return;
      case Mode.Formula:
        this.formula += text;
        return;
      case Mode.RunText:
        this.runText.push(text);
        return;
      default:
        return;
    }
  }

  close(local: string): void {
    switch (local) {
      case "c":
        this.closeCell();
        return;
      case "v":
      case "f":
        this.mode = Mode.None;
        return;
      case "t":
        if (this.mode === Mode.RunText && this.runs) {
          this.runs[this.runs.length - 1] = decodeEscapes(this.runText.join(""));
        }
        this.mode = Mode.None;
        return;
      case "r":
        this.inRun = false;
        return;
      case "rPh":
        this.inPhonetic = false;
        return;
      case "is":
        this.inInline = false;
        return;
      case "row":
        this.closeRow();
        return;
      default:
        return;
    }
  }

  private openCell(attrs: string): void {
    let ref: string | undefined;
    let type = "";
    let style = 0;
    // The three attributes a cell needs, without building a map for each of a million cells.
    const n = attrs.length;
    let i = 0;
    while (i < n) {
      const eq = attrs.indexOf("=", i);
      if (eq < 0) break;
      const name = attrs.slice(i, eq).trim();
      let q = eq + 1;
      while (q < n && attrs[q] !== '"' && attrs[q] !== "'") q++;
      const end = attrs.indexOf(attrs[q] as string, q + 1);
      if (q >= n || end < 0) break;
      const raw = attrs.slice(q + 1, end);
      if (name === "r") ref = raw.indexOf("&") < 0 ? raw : decodeAttributeValue(raw);
      else if (name === "t") type = raw.indexOf("&") < 0 ? raw : decodeAttributeValue(raw);
      else if (name === "s") style = parseInt(raw, 10) || 0;
      i = end + 1;
    }
    if (this.cells === null) {
      // A cell outside a row (malformed, but readable): give it a row of its own.
      this.rowIndex = ref !== undefined && rowOf(ref) >= 0 ? rowOf(ref) : this.rowIndex + 1;
      this.cells = [];
      this.cellsInRow = 0;
      this.col = -1;
    }
    const col = ref === undefined ? -1 : columnOf(ref);
    this.col = col >= 0 ? col : this.col + 1;
    this.inCell = true;
    this.type = type;
    this.dateStyle = style > 0 && this.dateStyles[style] === true;
    this.value = undefined;
    this.formula = "";
    this.shared = false;
    this.inInline = false;
    this.inRun = false;
    this.inPhonetic = false;
    this.runs = null;
    this.mode = Mode.None;
  }

  private closeCell(): void {
    if (!this.inCell) return;
    this.inCell = false;
    this.mode = Mode.None;
    const value = this.cellValue();
    const cells = this.cells;
    if (value === null || cells === null || this.col >= MAX_COLS) return;
    // Pad small gaps (the common case, and what ExcelJS gives); a wide gap stays a hole.
    if (this.col - cells.length <= MAX_PADDED_GAP) while (cells.length < this.col) cells.push(null);
    if (cells[this.col] === undefined || cells[this.col] === null) {
      this.budget.take();
      this.cellsInRow++;
    }
    cells[this.col] = value;
  }

  private cellValue(): RawCell {
    const v = this.value;
    if (this.formula.length > 0 || this.shared) {
      // A formula: its cached result, typed by `t`; a date format makes any result a date (as ExcelJS does).
      if (!v) return null;
      let result: unknown;
      switch (this.type) {
        case "str":
          result = xmlDecodeAgain(v);
          break;
        case "b":
          result = parseInt(v, 10) !== 0;
          break;
        case "e":
          result = { error: v };
          break;
        default:
          result = numberOrText(v);
      }
      return toRawCell(this.dateStyle ? this.toDate(result) : result);
    }
    if (this.runs !== null) return this.type === "inlineStr" ? toRawCell(this.runs.join("")) : null;
    if (v === undefined) return null;
    switch (this.type) {
      case "s": {
        const index = parseInt(v, 10);
        return index >= 0 && index < this.strings.length ? (this.strings[index] ?? null) : null;
      }
      case "str":
        return toRawCell(xmlDecodeAgain(v));
      case "inlineStr":
        return toRawCell(v);
      case "b":
        return parseInt(v, 10) !== 0;
      case "e":
        return { error: v };
      case "d":
        return toRawCell(isoDate(v));
      default: {
        const n = numberOrText(v);
        return toRawCell(this.dateStyle && typeof n === "number" ? this.toDate(n) : n);
      }
    }
  }

  /**
   * A number in a date format as the engine converts serials (both date systems); a number that
   * cannot be a date stays a number. A cached formula result of another type keeps ExcelJS's coercion.
   */
  private toDate(value: unknown): unknown {
    if (typeof value === "number") return excelSerialToDate(value, this.dateOffset > 0) ?? value;
    return new Date(Math.round((Number(value) - 25569 + this.dateOffset) * 86_400_000));
  }

  private closeRow(): void {
    const cells = this.cells;
    this.cells = null;
    if (cells === null || this.rowIndex < 0) return;
    if (this.rowIndex >= MAX_ROWS)
      throw new WorkbookReadError("corrupt", `row ${this.rowIndex + 1} is past Excel's last row`);
    // A later row element with the same number replaces the earlier one (as in ExcelJS).
    this.rows[this.rowIndex] = cells.length > 0 ? cells : undefined;
    this.present[this.rowIndex] = this.cellsInRow;
  }

  /** The sheet's rows as `readXlsx` gives them: merged areas cleared, trailing blanks dropped. */
  finish(): RawCell[][] {
    const rows = this.rows;
    this.clearMerged();
    let last = rows.length;
    while (last > 0 && rows[last - 1] === undefined) last--;
    const out: RawCell[][] = new Array<RawCell[]>(last);
    for (let r = 0; r < last; r++) out[r] = rows[r] ?? (EMPTY_ROW as RawCell[]);
    return out;
  }

  /**
   * Clear every merged area but its top-left cell, in one sweep down the rows present: merges enter
   * when the sweep reaches their top row and leave after their bottom row; in each row, each cell
   * present looks up the one merge that can cover it (merges in a row do not overlap in valid
   * files; in a file whose merges overlap, the one starting last to the left wins). The cost is
   * the cells present and the merges, never the addresses the merges span.
   */
  private clearMerged(): void {
    const rows = this.rows;
    const merges: Merge[] = [];
    for (const ref of this.merges) {
      const [a, b = a] = ref.split(":") as [string, string?];
      const m = { top: rowOf(a), left: columnOf(a), bottom: rowOf(b), right: columnOf(b) };
      if (m.top < 0 || m.left < 0 || m.bottom < m.top || m.right < m.left) continue;
      if (m.top >= rows.length) continue;
      merges.push(m);
    }
    if (merges.length === 0) return;
    merges.sort((x, y) => x.top - y.top);
    let next = 0;
    // Active merges sorted by left column, and the same merges in a min-heap by bottom row.
    const active: Merge[] = [];
    const ending: Merge[] = [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (row === undefined) continue;
      while (next < merges.length && (merges[next] as Merge).top <= r) {
        const m = merges[next++] as Merge;
        active.splice(lastStartingBefore(active, m.left) + 1, 0, m);
        heapPush(ending, m);
      }
      while (ending.length > 0 && (ending[0] as Merge).bottom < r) {
        const m = heapPop(ending) as Merge;
        let i = lastStartingBefore(active, m.left);
        while (i >= 0 && active[i] !== m) i--;
        if (i >= 0) active.splice(i, 1);
      }
      if (active.length === 0) continue;
      const sparse = isSparse(row, this.present[r] ?? 0);
      let cleared = false;
      for (const c of presentColumns(row, sparse)) {
        const m = active[lastStartingBefore(active, c)];
        if (m === undefined || c > m.right || (r === m.top && c === m.left)) continue;
        row[c] = null;
        cleared = true;
      }
      if (!cleared) continue;
      let len = 0;
      for (const c of presentColumns(row, sparse)) len = c + 1;
      row.length = len;
      if (len === 0) rows[r] = undefined;
    }
  }
}
