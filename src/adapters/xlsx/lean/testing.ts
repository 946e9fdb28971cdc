/**
 * Hand-made .xlsx packages for the lean reader's tests: a workbook part, relationships, content
 * types and the given sheets, styles and shared strings, zipped with fflate (parts can be stored
 * uncompressed). Only tests import this.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** One sheet of a hand-made package. */
export interface TestSheet {
  readonly name: string;
  /** The `<sheetData>` content (rows), or a whole worksheet document when it starts with `<?xml` or `<`+prefix. */
  readonly xml: string;
  readonly state?: "hidden" | "veryHidden";
  /** A chart sheet instead of a worksheet. */
  readonly chart?: boolean;
  /** Extra worksheet children after sheetData (e.g. mergeCells). */
  readonly after?: string;
}

/** What goes into a hand-made package. */
export interface TestPackage {
  readonly sheets: readonly TestSheet[];
  /** `<numFmts>` content and the numFmtId of each cellXfs entry (index 0 first). */
  readonly styles?: { readonly numFmts?: string; readonly xfs: readonly number[] };
  /** `<si>` items, as XML. */
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  /** Part names stored without compression. */
  readonly stored?: readonly string[];
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/** The package's bytes. */
export function makeXlsx(p: TestPackage): Uint8Array {
  const files: Record<string, string> = {};
  const overrides: string[] = [];
  const rels: string[] = [];
  const sheetTags: string[] = [];
  p.sheets.forEach((s, i) => {
    const n = i + 1;
    const part = s.chart ? `xl/chartsheets/sheet${n}.xml` : `xl/worksheets/sheet${n}.xml`;
    files[part] = s.chart
      ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><chartsheet xmlns="${MAIN}"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`
      : /^<\?xml|^<\w+:worksheet/.test(s.xml)
        ? s.xml
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.xml}</sheetData>${s.after ?? ""}</worksheet>`;
    overrides.push(
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chart ? "chartsheet" : "worksheet"}+xml"/>`,
    );
    rels.push(
      `<Relationship Id="rId${n}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${s.chart ? "chartsheets" : "worksheets"}/sheet${n}.xml"/>`,
    );
    sheetTags.push(
      `<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`,
    );
  });
  if (p.styles) {
    const xfs = p.styles.xfs.map(
      (id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`,
    );
    files["xl/styles.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
      (p.styles.numFmts ? `<numFmts>${p.styles.numFmts}</numFmts>` : "") +
      `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`;
    rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`,
    );
  }
  if (p.sharedStrings) {
    files["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${p.sharedStrings.length}" uniqueCount="${p.sharedStrings.length}">` +
      `${p.sharedStrings.join("")}</sst>`;
    rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    overrides.push(
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`,
    );
  }
  files["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
    (p.date1904 ? `<workbookPr date1904="1"/>` : "<workbookPr/>") +
    `<sheets>${sheetTags.join("")}</sheets></workbook>`;
  files["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels.join("")}</Relationships>`;
  files["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `${overrides.join("")}</Types>`;
  const zippable: Zippable = {};
  for (const [name, text] of Object.entries(files)) {
    zippable[name] = p.stored?.includes(name) ? [strToU8(text), { level: 0 }] : strToU8(text);
  }
  return zipSync(zippable, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
