/**
 * A fast pre-check of a workbook's raw bytes, run before ExcelJS sees the file. It tells a user in
 * one line why a file cannot be used (empty, old .xls, password-protected, a CSV, a broken or
 * truncated download, too large, a decompression bomb) instead of letting the xlsx library throw a
 * stack trace or inflate gigabytes into memory. It reads only the zip central directory (sizes
 * declared there) and, for OLE2 files, the compound-file directory: nothing is inflated.
 *
 * Browser-safe: no Node built-ins, no Buffer — plain Uint8Array and DataView. The reader and the
 * writer run it on every file through `inspectPackage` (package.ts).
 *
 * The limits and the refusal codes live in `limits.ts`, which the zip view (`zip.ts`) shares.
 */

import { DEFAULT_SNIFF_LIMITS, type SniffCode, type SniffLimits } from "./limits";
import { readZipDirectory } from "./zip";

/** The outcome of a sniff: usable, or refused with a code and an English technical detail. */
export type SniffResult = { ok: true } | { ok: false; code: SniffCode; detail?: string };

const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const SIG_LOCAL = 0x04034b50;
const SIG_EOCD = 0x06054b50;

/**
 * Check raw bytes before parsing them as .xlsx. Never throws: any unexpected structure is a
 * refusal (`truncated` or `not-xlsx`), never an exception.
 */
export function sniffWorkbook(bytes: Uint8Array, limits: Partial<SniffLimits> = {}): SniffResult {
  const lim: SniffLimits = { ...DEFAULT_SNIFF_LIMITS, ...limits };
  try {
    return sniff(bytes, lim);
  } catch (err) {
    // Bounds are checked everywhere; this is a last line so a bug here never becomes a stack trace.
    return { ok: false, code: "truncated", detail: `unreadable structure (${String(err)})` };
  }
}

function sniff(bytes: Uint8Array, lim: SniffLimits): SniffResult {
  if (bytes.length === 0) return { ok: false, code: "empty" };
  if (bytes.length > lim.maxFileBytes)
    return {
      ok: false,
      code: "too-large",
      detail: `file is ${bytes.length} bytes, limit ${lim.maxFileBytes}`,
    };
  if (startsWith(bytes, OLE2_MAGIC)) return sniffCompoundFile(bytes);
  if (bytes.length >= 4 && u32(bytes, 0) === SIG_LOCAL) return sniffZip(bytes, lim);
  if (bytes.length >= 4 && u32(bytes, 0) === SIG_EOCD)
    return { ok: false, code: "not-xlsx", detail: "an empty zip archive" };
  if (looksLikeCsv(bytes)) return { ok: false, code: "csv" };
  return { ok: false, code: "not-xlsx", detail: describeNonZip(bytes) };
}

// ---------------------------------------------------------------------------------------------
// Zip (OOXML package)
// ---------------------------------------------------------------------------------------------

function sniffZip(bytes: Uint8Array, lim: SniffLimits): SniffResult {
  // The same directory the reader and the writer will use (zip.ts): what passes here is what is read.
  const dir = readZipDirectory(bytes, lim);
  if (!dir.ok) return { ok: false, code: dir.code, detail: dir.detail };
  const entries = dir.entries;
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (entries.some((e) => (e.flags & 1) !== 0))
    return { ok: false, code: "encrypted", detail: "zip entries are password-encrypted" };
  if (!names.has("[content_types].xml"))
    return {
      ok: false,
      code: "not-xlsx",
      detail: describeOtherZip(names) ?? "a zip without [Content_Types].xml",
    };
  if (!names.has("xl/workbook.xml"))
    return {
      ok: false,
      code: "not-xlsx",
      detail: describeOtherZip(names) ?? "an Office package without xl/workbook.xml",
    };
  const odd = entries.find((e) => e.method !== 0 && e.method !== 8);
  if (odd)
    return { ok: false, code: "not-xlsx", detail: `${odd.name} uses compression method ${odd.method}` };
  return { ok: true };
}

function describeOtherZip(names: ReadonlySet<string>): string | null {
  if (names.has("xl/workbook.bin")) return "an Excel binary workbook (.xlsb)";
  if (names.has("word/document.xml")) return "a Word document (.docx)";
  if (names.has("ppt/presentation.xml")) return "a PowerPoint presentation (.pptx)";
  if (names.has("mimetype") && names.has("content.xml")) return "an OpenDocument file (.ods/.odt)";
  return null;
}

// ---------------------------------------------------------------------------------------------
// OLE2 / Compound File Binary: an old .xls, or an encrypted .xlsx (ECMA-376 agile/standard encryption)
// ---------------------------------------------------------------------------------------------

const ENCRYPTION_STREAMS = ["encryptioninfo", "encryptedpackage"];

function sniffCompoundFile(bytes: Uint8Array): SniffResult {
  const names = compoundFileNames(bytes) ?? scanUtf16Names(bytes);
  if (names.some((n) => ENCRYPTION_STREAMS.includes(n.toLowerCase())))
    return {
      ok: false,
      code: "encrypted",
      detail: "an encrypted OOXML package (EncryptionInfo/EncryptedPackage)",
    };
  if (names.some((n) => n.toLowerCase() === "worddocument"))
    return { ok: false, code: "not-xlsx", detail: "an old Word document (.doc)" };
  return { ok: false, code: "xls", detail: "an OLE2 compound file (Excel 97-2003 .xls or similar)" };
}

/** Stream and storage names from the CFB directory, or null when the structure is unreadable. */
function compoundFileNames(bytes: Uint8Array): string[] | null {
  if (bytes.length < 512) return null;
  const sectorShift = u16(bytes, 0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return null;
  const sectorSize = 1 << sectorShift;
  const fatSectorCount = u32(bytes, 0x2c);
  const firstDirSector = u32(bytes, 0x30);
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  // The first 109 FAT sector numbers sit in the header (DIFAT); that covers files up to ~7 MB with
  // 512-byte sectors, enough to reach the directory of any file worth sniffing.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatSectorCount, 109); i++) {
    const s = u32(bytes, 0x4c + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (s: number): number | null => {
    const perSector = sectorSize / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return null;
    const at = sectorOffset(fs) + (s % perSector) * 4;
    return at + 4 <= bytes.length ? u32(bytes, at) : null;
  };
  const names: string[] = [];
  let sector: number | null = firstDirSector;
  const seen = new Set<number>();
  while (sector !== null && sector < 0xfffffffa) {
    if (seen.has(sector) || seen.size > 4096) return null;
    seen.add(sector);
    const base = sectorOffset(sector);
    if (base + sectorSize > bytes.length) return null;
    for (let off = base; off < base + sectorSize; off += 128) {
      const nameBytes = u16(bytes, off + 0x40);
      const type = bytes[off + 0x42];
      if (type === 0 || nameBytes < 2 || nameBytes > 64) continue;
      let name = "";
      for (let k = 0; k < nameBytes - 2; k += 2) name += String.fromCharCode(u16(bytes, off + k));
      names.push(name);
    }
    sector = next(sector);
  }
  return names.length > 0 ? names : null;
}

/** Fallback for a damaged directory: look for the encryption stream names anywhere (UTF-16LE). */
function scanUtf16Names(bytes: Uint8Array): string[] {
  const found: string[] = [];
  for (const name of ["EncryptionInfo", "EncryptedPackage", "Workbook", "WordDocument"]) {
    const pattern = new Uint8Array(name.length * 2);
    for (let i = 0; i < name.length; i++) pattern[i * 2] = name.charCodeAt(i);
    if (indexOf(bytes, pattern) >= 0) found.push(name);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Text: CSV (UTF-8, GBK or UTF-16 as Excel saves it) versus anything else
// ---------------------------------------------------------------------------------------------

function looksLikeCsv(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = decodeUtf16(head.subarray(2), true);
  else if (head[0] === 0xfe && head[1] === 0xff) text = decodeUtf16(head.subarray(2), false);
  else {
    // Single-byte or multi-byte (UTF-8, GBK) text has no NUL and almost no control characters.
    let control = 0;
    for (const b of head) {
      if (b === 0) return false;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
    }
    if (control > head.length / 100) return false;
    // Decode only to find delimiters and markup; non-ASCII bytes become placeholders.
    text = "";
    for (const b of head) text += b < 0x80 ? String.fromCharCode(b) : "\u00b7";
  }
  const start = text.replace(/^\ufeff/, "").trimStart();
  if (start.startsWith("<") || start.startsWith("{") || start.startsWith("%PDF")) return false;
  const lines = start.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  const first = lines[0];
  if (first === undefined) return false;
  return /[,\t;]/.test(first);
}

function describeNonZip(bytes: Uint8Array): string {
  const start = String.fromCharCode(...bytes.subarray(0, 64))
    .replace(/^\ufeff|^\u00ef\u00bb\u00bf/, "")
    .trimStart()
    .toLowerCase();
  if (start.startsWith("<?xml") || start.startsWith("<workbook"))
    return "an XML file (perhaps an Excel 2003 XML spreadsheet)";
  if (start.startsWith("<html") || start.startsWith("<!doctype") || start.startsWith("<table"))
    return "an HTML page (perhaps a web export named .xls/.xlsx)";
  if (start.startsWith("%pdf")) return "a PDF document";
  if (start.startsWith("rar!")) return "a RAR archive";
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "a gzip archive";
  return "no zip signature";
}

// ---------------------------------------------------------------------------------------------
// Little-endian readers (return 0 past the end instead of throwing)
// ---------------------------------------------------------------------------------------------

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((v, i) => bytes[i] === v);
}

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function decodeUtf16(raw: Uint8Array, littleEndian: boolean): string {
  let s = "";
  for (let i = 0; i + 1 < raw.length; i += 2) {
    s += String.fromCharCode(littleEndian ? u16(raw, i) : ((raw[i] ?? 0) << 8) | (raw[i + 1] ?? 0));
  }
  return s;
}
