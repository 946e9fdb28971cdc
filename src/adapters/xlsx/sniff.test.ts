import ExcelJS from "exceljs";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCompoundFile, rezip, writeZip, zipEntry } from "../../../scripts/make-bad-fixtures";
import { SNIFF_CODES } from "./limits";
import { sniffWorkbook, type SniffResult } from "./sniff";

const enc = new TextEncoder();
const FIXTURES = join(__dirname, "..", "..", "..", "test", "fixtures", "bad");

async function smallWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("工作人员名单");
  ws.addRow(["姓名", "学号"]);
  ws.addRow(["王晓明", "202101000"]);
  return rezip(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

function code(r: SniffResult): string {
  return r.ok ? "ok" : r.code;
}

/** A refusal reached by the checks themselves, not by the last-resort catch of an internal throw. */
function wellFormed(r: SniffResult): boolean {
  return r.ok || (SNIFF_CODES.includes(r.code) && !(r.detail ?? "").startsWith("unreadable structure"));
}

let valid: Uint8Array;
beforeAll(async () => {
  valid = await smallWorkbook();
});

describe("sniffWorkbook", () => {
  it("accepts a real .xlsx", () => {
    expect(sniffWorkbook(valid)).toEqual({ ok: true });
  });

  it("refuses zero bytes as empty", () => {
    expect(code(sniffWorkbook(new Uint8Array(0)))).toBe("empty");
  });

  it("refuses a file above the size limit before looking inside", () => {
    expect(code(sniffWorkbook(valid, { maxFileBytes: valid.length - 1 }))).toBe("too-large");
    expect(code(sniffWorkbook(valid, { maxFileBytes: valid.length }))).toBe("ok");
  });

  describe("OLE2 compound files", () => {
    it("calls a compound file with a Workbook stream an old .xls", () => {
      const cfb = buildCompoundFile([{ name: "Workbook", data: new Uint8Array(5000) }]);
      expect(code(sniffWorkbook(cfb))).toBe("xls");
    });

    it("calls a compound file with EncryptionInfo/EncryptedPackage an encrypted .xlsx", () => {
      const cfb = buildCompoundFile([
        { name: "EncryptionInfo", data: new Uint8Array(300) },
        { name: "EncryptedPackage", data: new Uint8Array(9000) },
      ]);
      expect(code(sniffWorkbook(cfb))).toBe("encrypted");
    });

    it("finds the encryption streams even when the directory is damaged", () => {
      const cfb = buildCompoundFile([
        { name: "EncryptionInfo", data: new Uint8Array(300) },
        { name: "EncryptedPackage", data: new Uint8Array(9000) },
      ]);
      const damaged = cfb.slice();
      damaged[0x30] = 0xee; // first directory sector now points nowhere
      damaged[0x31] = 0xee;
      expect(code(sniffWorkbook(damaged))).toBe("encrypted");
    });

    it("calls a bare OLE2 header (nothing else) an .xls, never throws", () => {
      const header = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(code(sniffWorkbook(header))).toBe("xls");
    });

    it("tells an old Word document apart", () => {
      const cfb = buildCompoundFile([{ name: "WordDocument", data: new Uint8Array(5000) }]);
      expect(code(sniffWorkbook(cfb))).toBe("not-xlsx");
    });
  });

  describe("text", () => {
    it.each([
      ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode("姓名,学号\r\n王晓明,1\r\n")])],
      ["plain ASCII", enc.encode("name,id\nWang,1\n")],
      // 姓名,学号 in GBK, as Excel on Chinese Windows saves "CSV (逗号分隔)".
      ["GBK", new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xd1, 0xa7, 0xba, 0xc5, 0x0d, 0x0a])],
      ["UTF-16LE tab-separated (Unicode text)", new Uint8Array([0xff, 0xfe, ...utf16le("姓名\t学号\r\n")])],
      ["semicolon-separated", enc.encode("naam;id\r\nJan;1\r\n")],
    ])("recognises a CSV in %s", (_label, bytes) => {
      expect(code(sniffWorkbook(bytes))).toBe("csv");
    });

    it.each([
      [
        "HTML (a web export named .xls)",
        enc.encode("<html><body><table><tr><td>a,b</td></tr></table></body></html>"),
      ],
      [
        "Excel 2003 XML",
        enc.encode('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>'),
      ],
      ["PDF", enc.encode("%PDF-1.7\n1 0 obj\n")],
      ["a text without delimiters", enc.encode("hello world\n")],
    ])("refuses %s as not-xlsx", (_label, bytes) => {
      expect(code(sniffWorkbook(bytes))).toBe("not-xlsx");
    });
  });

  describe("zip packages", () => {
    it("refuses an empty zip and a zip that is not an Office package", () => {
      expect(code(sniffWorkbook(writeZip([])))).toBe("not-xlsx");
      expect(code(sniffWorkbook(writeZip([zipEntry("readme.txt", enc.encode("hi"))])))).toBe("not-xlsx");
    });

    it("refuses a Word document and an .xlsb with a detail naming them", () => {
      const docx = writeZip([
        zipEntry("[Content_Types].xml", enc.encode("<Types/>")),
        zipEntry("word/document.xml", enc.encode("<w/>")),
      ]);
      const xlsb = writeZip([
        zipEntry("[Content_Types].xml", enc.encode("<Types/>")),
        zipEntry("xl/workbook.bin", new Uint8Array(10)),
      ]);
      expect(sniffWorkbook(docx)).toEqual({ ok: false, code: "not-xlsx", detail: "a Word document (.docx)" });
      expect(sniffWorkbook(xlsb)).toMatchObject({
        ok: false,
        code: "not-xlsx",
        detail: expect.stringContaining("xlsb"),
      });
    });

    it("calls a cut file truncated", () => {
      for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
        const cut = valid.slice(0, Math.floor(valid.length * fraction));
        expect(code(sniffWorkbook(cut))).toBe("truncated");
      }
    });

    it("calls a file whose central directory points past the end truncated", () => {
      const bad = valid.slice();
      const eocd = bad.length - 22;
      bad[eocd + 16] = 0xff;
      bad[eocd + 17] = 0xff;
      bad[eocd + 18] = 0xff;
      bad[eocd + 19] = 0x0f;
      expect(code(sniffWorkbook(bad))).toBe("truncated");
    });

    it("refuses a part that declares an absurd compression ratio, without inflating it", () => {
      const zeros = new Uint8Array(200_000);
      const zip = writeZip([
        zipEntry("[Content_Types].xml", enc.encode("<Types/>")),
        zipEntry("xl/workbook.xml", enc.encode("<workbook/>")),
        zipEntry("xl/sharedStrings.xml", zeros),
      ]);
      expect(code(sniffWorkbook(zip, { ratioMinBytes: 100_000, maxPartRatio: 200 }))).toBe("bomb");
      // The same part is fine under the default limits (it is only 200 KB).
      expect(code(sniffWorkbook(zip))).toBe("ok");
    });

    it("refuses packages whose parts add up to more than the total limit", () => {
      expect(code(sniffWorkbook(valid, { maxTotalUncompressed: 100 }))).toBe("bomb");
    });

    it("refuses too many parts", () => {
      expect(code(sniffWorkbook(valid, { maxEntries: 2 }))).toBe("too-large");
    });

    it("refuses entries that share compressed data (overlapping-files bomb)", () => {
      const kernel = zipEntry("xl/a.bin", new Uint8Array(1000));
      const zip = writeZip([
        zipEntry("[Content_Types].xml", enc.encode("<Types/>")),
        zipEntry("xl/workbook.xml", enc.encode("<workbook/>")),
        kernel,
        { ...kernel, name: "xl/b.bin", shareDataOf: "xl/a.bin" },
      ]);
      expect(code(sniffWorkbook(zip))).toBe("bomb");
    });

    it("refuses zip-level password encryption", () => {
      const bad = valid.slice();
      // Set bit 0 of the general-purpose flags in the first central-directory record.
      const cd = findSignature(bad, 0x02014b50);
      bad[cd + 8] = (bad[cd + 8] ?? 0) | 1;
      expect(code(sniffWorkbook(bad))).toBe("encrypted");
    });

    it("reads ZIP64 sizes from the extra field", () => {
      // A ZIP64 extra field declaring 2^40 bytes for one part: refused as a bomb, not misread.
      const base = writeZip([
        zipEntry("[Content_Types].xml", enc.encode("<Types/>")),
        zipEntry("xl/workbook.xml", enc.encode("<workbook/>")),
      ]);
      const patched = withZip64Size(base, 2 ** 40);
      expect(code(sniffWorkbook(patched))).toBe("bomb");
    });
  });

  describe("the committed corpus", () => {
    it.each([
      ["zero-bytes.xlsx", "empty"],
      ["xls-renamed.xlsx", "xls"],
      ["encrypted.xlsx", "encrypted"],
      ["csv-renamed.xlsx", "csv"],
      ["random-binary.xlsx", "not-xlsx"],
      ["truncated.xlsx", "truncated"],
      ["bomb.xlsx", "bomb"],
      ["bomb-overlap.xlsx", "bomb"],
      ["bomb-lying-sizes.xlsx", "ok"],
      ["many-sheets.xlsx", "ok"],
    ])("%s → %s, in well under 100 ms", (file, expected) => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
      const start = performance.now();
      const result = sniffWorkbook(bytes);
      expect(performance.now() - start).toBeLessThan(100);
      expect(code(result)).toBe(expected);
    });
  });

  describe("properties", () => {
    it("never throws on arbitrary bytes", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
          return wellFormed(sniffWorkbook(bytes));
        }),
        { numRuns: 500 },
      );
    });

    it("never throws on arbitrary bytes behind a zip or OLE2 signature", () => {
      const prefixes = [
        [0x50, 0x4b, 0x03, 0x04],
        [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      ];
      fc.assert(
        fc.property(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 4096 }), (prefix, rest) => {
          const r = sniffWorkbook(new Uint8Array([...prefix, ...rest]));
          return r.ok === false && wellFormed(r);
        }),
        { numRuns: 300 },
      );
    });

    it("never throws on a real workbook with corrupted bytes, and never accepts a strict prefix", () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }),
          fc.nat(),
          (flips, cutAt) => {
            const bad = valid.slice();
            for (const [at, value] of flips) bad[at % bad.length] = value;
            const r = sniffWorkbook(bad);
            const cut = sniffWorkbook(valid.subarray(0, cutAt % valid.length));
            return wellFormed(r) && wellFormed(cut) && !cut.ok;
          },
        ),
        { numRuns: 300 },
      );
    });

    it("is deterministic", () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
          expect(sniffWorkbook(bytes)).toEqual(sniffWorkbook(bytes));
        }),
        { numRuns: 100 },
      );
    });
  });
});

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >>> 8);
  return out;
}

function findSignature(bytes: Uint8Array, sig: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === sig) return i;
  throw new Error("signature not found");
}

/**
 * Rewrite the last central-directory record of `zip` so its uncompressed size is 0xFFFFFFFF with a
 * ZIP64 extra field holding `size` (appended, and every later offset shifted).
 */
function withZip64Size(zip: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const cdOffset = view.getUint32(eocd + 16, true);
  const cdSize = view.getUint32(eocd + 12, true);
  // Find the last record.
  let p = cdOffset;
  let last = p;
  while (p < cdOffset + cdSize) {
    last = p;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  const extra = new Uint8Array(12);
  const ev = new DataView(extra.buffer);
  ev.setUint16(0, 0x0001, true);
  ev.setUint16(2, 8, true);
  ev.setUint32(4, size % 2 ** 32, true);
  ev.setUint32(8, Math.floor(size / 2 ** 32), true);
  const out = new Uint8Array(zip.length + extra.length);
  out.set(zip.subarray(0, p));
  out.set(extra, p);
  out.set(zip.subarray(p), p + extra.length);
  const ov = new DataView(out.buffer);
  ov.setUint32(last + 24, 0xffffffff, true);
  ov.setUint16(last + 30, view.getUint16(last + 30, true) + extra.length, true);
  ov.setUint32(eocd + extra.length + 12, cdSize + extra.length, true);
  return out;
}
