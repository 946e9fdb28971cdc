/**
 * The one zip view (issue 13), property-tested over random zip directories: it accepts exactly the
 * directories whose names are distinct (ignoring case) and safe, lists them in order with the data
 * they hold, never throws on damaged bytes, and the sniffer, the reader's package and the view
 * always agree on what a file is.
 */
import fc from "fast-check";
import { zipSync, strToU8 } from "fflate";
import { writeZip, zipEntry } from "../../../scripts/make-bad-fixtures";
import { WorkbookReadError } from "./errors";
import { XlsxPackage } from "./package";
import { DEFAULT_SNIFF_LIMITS } from "./limits";
import { sniffWorkbook } from "./sniff";
import { readZipDirectory, ZipError, ZipView } from "./zip";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Entry names from a small alphabet, so duplicates, case collisions and `..` come up often. */
const segment = fc.constantFrom("a", "A", "b", "xl", "XL", "..", ".", "", "sheet1.xml", "Sheet1.xml");
const entryName = fc
  .tuple(fc.boolean(), fc.array(segment, { minLength: 1, maxLength: 3 }))
  .map(([absolute, segs]) => `${absolute ? "/" : ""}${segs.join("/")}`)
  .filter((n) => n.length > 0);
const entries = fc.array(fc.tuple(entryName, fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 8 });

function safe(name: string): boolean {
  if (name.startsWith("/")) return false;
  const segs = name.split("/");
  return segs.every((s, i) => s !== ".." && s !== "." && (s !== "" || i === segs.length - 1));
}

describe("readZipDirectory", () => {
  it("accepts exactly the directories with distinct, safe names, in order, with their data", () => {
    fc.assert(
      fc.property(entries, (list) => {
        const zip = writeZip(list.map(([name, text]) => zipEntry(name, enc.encode(text))));
        const dir = readZipDirectory(zip, DEFAULT_SNIFF_LIMITS);
        const lower = list.map(([n]) => n.toLowerCase());
        const acceptable = new Set(lower).size === lower.length && list.every(([n]) => safe(n));
        expect(dir.ok).toBe(acceptable);
        if (!dir.ok) {
          expect(dir.code).toBe("truncated");
          return;
        }
        expect(dir.entries.map((e) => e.name)).toEqual(list.map(([n]) => n));
        const view = ZipView.open(zip, DEFAULT_SNIFF_LIMITS);
        dir.entries.forEach((e, i) => expect(dec.decode(view.read(e))).toBe(list[i]?.[1]));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, and the sniffer, the package and the view agree, whatever bytes are damaged", () => {
    const files = {
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/worksheets/sheet1.xml": strToU8("<worksheet>".padEnd(400, "x")),
    };
    const valid = zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
    expect(readZipDirectory(valid, DEFAULT_SNIFF_LIMITS).ok).toBe(true);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(valid.length),
        (flips, cut) => {
          const bytes = valid.slice(0, Math.max(cut, valid.length - 40));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          const dir = readZipDirectory(bytes, DEFAULT_SNIFF_LIMITS);
          const sniffed = sniffWorkbook(bytes);
          // A zip the view refuses is refused by the sniff with the same code.
          const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
          if (isZip && !dir.ok) expect(sniffed).toMatchObject({ ok: false, code: dir.code });
          let opened: XlsxPackage | null = null;
          try {
            opened = XlsxPackage.open(bytes);
          } catch (err) {
            expect(err).toBeInstanceOf(WorkbookReadError);
          }
          expect(opened !== null).toBe(sniffed.ok);
          if (opened === null) return;
          for (const name of opened.names()) {
            try {
              opened.bytes(name);
            } catch (err) {
              expect(err).toBeInstanceOf(WorkbookReadError);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses a second end record hidden in the comment, and a central directory with a gap", () => {
    const zip = writeZip([zipEntry("a.xml", enc.encode("<a/>"))]);
    const end = zip.slice(zip.length - 22);
    const fake = end.slice();
    const withComment = end.slice();
    withComment.set([22, 0], 20);
    const twoEnds = new Uint8Array([...zip.subarray(0, zip.length - 22), ...withComment, ...fake]);
    expect(readZipDirectory(twoEnds, DEFAULT_SNIFF_LIMITS)).toMatchObject({ ok: false, code: "truncated" });
    // Four stray bytes between the directory and the end record.
    const gap = new Uint8Array([...zip.subarray(0, zip.length - 22), 0, 0, 0, 0, ...end]);
    expect(readZipDirectory(gap, DEFAULT_SNIFF_LIMITS)).toMatchObject({ ok: false, code: "truncated" });
  });

  it("counts the bytes really inflated against the total, however often a part is read", () => {
    const zip = writeZip([zipEntry("a.xml", new Uint8Array(1000))]);
    const view = ZipView.open(zip, { ...DEFAULT_SNIFF_LIMITS, maxTotalUncompressed: 2500 });
    const [entry] = view.parts();
    if (!entry) throw new Error("no entry");
    view.read(entry);
    view.read(entry);
    expect(view.inflatedBytes).toBe(2000);
    expect(() => view.read(entry)).toThrow(ZipError);
    expect(() => [...view.pieces(entry)]).toThrow(expect.objectContaining({ code: "bomb" }));
  });
});
