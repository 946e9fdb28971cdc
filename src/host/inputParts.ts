/**
 * A large workbook crosses a worker boundary in parts of a few thousand rows: one structured clone
 * of 200,000 rows holds the sending and the receiving thread for a few hundred ms each, while a
 * part takes a few ms, so the page can paint and show progress between parts.
 */
import type { RawCell, SheetInput, WorkbookInput } from "../engine";

/** Rows per part. */
export const PART_ROWS = 10_000;

/**
 * One part: rows of sheet `sheet` (the first part of a sheet also carries the sheet's other fields,
 * and the very first part the workbook's own fields, such as `date1904`).
 */
export interface InputPart {
  readonly sheet: number;
  readonly workbook?: Omit<WorkbookInput, "sheets">;
  readonly meta?: Omit<SheetInput, "rows">;
  readonly rows: ReadonlyArray<ReadonlyArray<RawCell>>;
}

/** Whether `input` is worth sending in parts. */
export function isLarge(input: WorkbookInput, partRows = PART_ROWS): boolean {
  let rows = 0;
  for (const s of input.sheets) rows += s.rows.length;
  return rows > partRows;
}

/** The parts of `input`, in order; every sheet has at least one (an empty sheet: no rows). */
export function* inputParts(input: WorkbookInput, partRows = PART_ROWS): Generator<InputPart> {
  // Without the workbook's own fields a large 1904 workbook would be read in the 1900 system.
  const { sheets, ...workbook } = input;
  for (let sheet = 0; sheet < sheets.length; sheet++) {
    const { rows, ...meta } = sheets[sheet] as SheetInput;
    for (let at = 0; at === 0 || at < rows.length; at += partRows) {
      yield {
        sheet,
        ...(sheet === 0 && at === 0 ? { workbook } : {}),
        ...(at === 0 ? { meta } : {}),
        rows: rows.slice(at, at + partRows),
      };
    }
  }
}

/** Collects parts back into a workbook. */
export class InputAssembler {
  private sheets: Array<{ meta: Omit<SheetInput, "rows">; rows: Array<ReadonlyArray<RawCell>> }> = [];
  private workbook: Omit<WorkbookInput, "sheets"> = {};

  add(part: InputPart): void {
    if (part.workbook) this.workbook = part.workbook;
    const target = part.meta
      ? (this.sheets[part.sheet] = { meta: part.meta, rows: [] })
      : this.sheets[part.sheet];
    if (!target) throw new Error(`workbook part for sheet ${part.sheet} arrived before its first part`);
    for (const row of part.rows) target.rows.push(row);
  }

  /** The workbook so far; the assembler starts over. */
  take(): WorkbookInput {
    const sheets = this.sheets.map((s) => ({ ...s.meta, rows: s.rows }));
    const workbook = this.workbook;
    this.sheets = [];
    this.workbook = {};
    return { ...workbook, sheets };
  }
}
