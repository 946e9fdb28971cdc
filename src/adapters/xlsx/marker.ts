/**
 * How ziping recognises its own sheets in a workbook, whatever they are called now: a hidden
 * workbook-level defined name per summary sheet, `_ziping_sheet_<id>`, referring to its A1. Excel
 * keeps the reference right when the sheet is renamed or moved; a deleted sheet leaves `#REF!`.
 * The Office adapter uses the same names (`workbook.names`), so either host finds the other's sheets.
 */
import type { SummarySheetId } from "../../engine/types";
import { SUMMARY_SHEET_IDS } from "../../engine/summary/names";

/** Prefix of our marker names. */
export const MARKER_PREFIX = "_ziping_sheet_";

/** The marker name of one of our sheets. */
export function markerName(id: SummarySheetId): string {
  return `${MARKER_PREFIX}${id}`;
}

/** The summary sheet id a defined name marks, or null when it is not one of ours. */
export function markedId(definedName: string): SummarySheetId | null {
  if (!definedName.toLowerCase().startsWith(MARKER_PREFIX)) return null;
  const id = definedName.slice(MARKER_PREFIX.length);
  return (SUMMARY_SHEET_IDS as readonly string[]).includes(id) ? (id as SummarySheetId) : null;
}

/** `'Sheet name'!$A$1`: a reference to a sheet's first cell, quoted as Excel writes it. */
export function sheetReference(sheet: string, cell = "$A$1"): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** A sheet name quoted for a formula or link (`'It''s'`). */
export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The sheet a reference such as `'自评表'!$A$1` or `Sheet1!A1` points at, or null (e.g. `#REF!`). */
export function referencedSheet(reference: string): string | null {
  const text = reference.trim().replace(/^=/, "");
  if (text.startsWith("'")) {
    let name = "";
    for (let i = 1; i < text.length; i++) {
      const c = text[i];
      if (c === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
        } else {
          return text[i + 1] === "!" ? name : null;
        }
      } else {
        name += c;
      }
    }
    return null;
  }
  const bang = text.indexOf("!");
  if (bang <= 0) return null;
  const name = text.slice(0, bang);
  return /[#\s()'"]/.test(name) ? null : name;
}
