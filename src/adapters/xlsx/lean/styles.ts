/**
 * The styles part for the lean reader: which cell style indices (cellXfs) format numbers as dates,
 * by ExcelJS's rules (built-in ids 14–22 and 45–47, or a custom code with y, m, d, h, s).
 */
import { isDateFormat } from "../../../engine";
import { attribute, attributeMap, scanXml } from "../xml";

/** The built-in number formats that ExcelJS knows and that read as dates or times (src/engine/workbook/dates.ts decides which are dates). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
};

/** For each cell style index: does it format numbers as dates? */
export function readDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(local, attrs, empty) {
      if (local === "numFmt") {
        const a = attributeMap(attrs);
        const id = parseInt(a.get("numFmtId") ?? "", 10);
        const code = a.get("formatCode");
        if (Number.isFinite(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, "$1"));
      } else if (local === "cellXfs") {
        inCellXfs = !empty;
      } else if (local === "xf" && inCellXfs) {
        xfFormats.push(parseInt(attribute(attrs, "numFmtId") ?? "", 10));
      }
    },
    close(local) {
      if (local === "cellXfs") inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => (id ? isDateFormat(custom.get(id) ?? BUILTIN_FORMATS[id]) : false));
}
