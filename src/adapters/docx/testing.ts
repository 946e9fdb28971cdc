/**
 * Re-open a .docx the way a reader would: unzip it and parse `word/document.xml` (saxes, a strict
 * XML parser), giving the paragraphs' text, the tables' rows of cell texts and the raw XML.
 * Only tests import this file.
 */
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";

/** What a .docx holds, as text. */
export interface OpenedDocx {
  /** Body paragraphs outside tables, in order. */
  readonly paragraphs: string[];
  /** Each table as rows of cell texts. */
  readonly tables: string[][][];
  readonly xml: string;
}

/** Unzip and parse a .docx; throws when the package or its XML is broken. */
export function openDocx(bytes: Uint8Array): OpenedDocx {
  const files = unzipSync(bytes);
  const part = files["word/document.xml"];
  if (!part) throw new Error("no word/document.xml");
  const xml = strFromU8(part);
  const paragraphs: string[] = [];
  const tables: string[][][] = [];
  let depth = 0;
  let text = "";
  let inText = false;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  const parser = new SaxesParser();
  parser.on("error", (e) => {
    throw e;
  });
  parser.on("opentag", (tag) => {
    if (tag.name === "w:tbl") {
      depth++;
      tables.push([]);
    } else if (tag.name === "w:tr") row = [];
    else if (tag.name === "w:tc") cell = [];
    else if (tag.name === "w:p") text = "";
    else if (tag.name === "w:t") inText = true;
  });
  parser.on("text", (t) => {
    if (inText) text += t;
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:t") inText = false;
    else if (tag.name === "w:p") {
      if (cell) cell.push(text);
      else if (depth === 0) paragraphs.push(text);
    } else if (tag.name === "w:tc" && row && cell) {
      row.push(cell.join("\n"));
      cell = null;
    } else if (tag.name === "w:tr" && row) {
      tables[tables.length - 1]?.push(row);
      row = null;
    } else if (tag.name === "w:tbl") depth--;
  });
  parser.write(xml).close();
  return { paragraphs, tables, xml };
}
