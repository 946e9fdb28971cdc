/**
 * Where each block of a summary sheet lands, so adapters, freeze panes and charts agree: the title
 * in row 1, a blank row, then each block (caption row if any, header row, data rows) followed by
 * one blank row. All columns start at A.
 */
import type { SummarySheet } from "../types";

/** The 1-based Excel rows of one rendered block. */
export interface BlockLayout {
  readonly id: string;
  /** Row of the caption line, or null without a caption. */
  readonly captionRow: number | null;
  readonly headerRow: number;
  /** First data row (equals `headerRow + 1` even when the block has no rows). */
  readonly firstDataRow: number;
  /** Last data row; `headerRow` when the block has no rows. */
  readonly lastDataRow: number;
}

/** Row of the first block's first line (title in row 1, then one blank row). */
export const FIRST_BLOCK_ROW = 3;

/** The rows each block of a sheet occupies when rendered as README.md describes. */
export function summaryLayout(sheet: Pick<SummarySheet, "blocks">): BlockLayout[] {
  const out: BlockLayout[] = [];
  let next = FIRST_BLOCK_ROW;
  for (const block of sheet.blocks) {
    const captionRow = block.caption !== undefined ? next++ : null;
    const headerRow = next++;
    const lastDataRow = headerRow + block.rows.length;
    out.push({ id: block.id, captionRow, headerRow, firstDataRow: headerRow + 1, lastDataRow });
    next = lastDataRow + 2;
  }
  return out;
}
