/**
 * The zip side of the lean reader: list a package's parts from its central directory and inflate
 * one part, whole or in chunks, without unpacking the rest. Browser-safe (fflate, Uint8Array).
 * The file has passed `sniffWorkbook` first (sizes, overlaps, encryption), so this only has to be
 * correct, not suspicious — except that it never inflates more than a part's declared size.
 */
import { Inflate, inflateSync } from "fflate";
import { WorkbookReadError } from "../errors";

/** One part of the package, as the central directory describes it. */
export interface ZipPart {
  /** Part name without a leading slash, e.g. `xl/worksheets/sheet1.xml`. */
  readonly name: string;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the compressed data (after the local header). */
  readonly dataStart: number;
}

const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

function corrupt(detail: string): WorkbookReadError {
  return new WorkbookReadError("corrupt", detail);
}

const utf8 = new TextDecoder("utf-8");

/** Every part of the package by name (a later duplicate name is ignored, as unzip tools do). */
export function listParts(bytes: Uint8Array): Map<string, ZipPart> {
  let eocd = -1;
  for (let i = bytes.length - 22, stop = Math.max(0, bytes.length - 22 - 0xffff); i >= stop; i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end of central directory");
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  const loc = eocd - 20;
  if (loc >= 0 && u32(bytes, loc) === SIG_ZIP64_LOCATOR) {
    const rec = u64(bytes, loc + 8);
    if (u32(bytes, rec) === SIG_ZIP64_EOCD) {
      count = u64(bytes, rec + 32);
      cdOffset = u64(bytes, rec + 48);
    }
  }
  const parts = new Map<string, ZipPart>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt("damaged central directory");
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = utf8
      .decode(bytes.subarray(p + 46, p + 46 + nameLen))
      .replace(/\\/g, "/")
      .replace(/^\/+/, "");
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64: the real values follow, in this order, in extra field 0x0001.
      let q = p + 46 + nameLen;
      const end = q + extraLen;
      while (q + 4 <= end && u16(bytes, q) !== 0x0001) q += 4 + u16(bytes, q + 2);
      let r = q + 4;
      if (uncompressedSize === 0xffffffff) {
        uncompressedSize = u64(bytes, r);
        r += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(bytes, r);
        r += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(bytes, r);
    }
    if (u32(bytes, localOffset) !== SIG_LOCAL) throw corrupt(`local header of ${name} is missing`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (!name.endsWith("/") && !parts.has(name)) {
      parts.set(name, { name, method, compressedSize, uncompressedSize, dataStart });
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

function compressedData(bytes: Uint8Array, part: ZipPart): Uint8Array {
  const end = part.dataStart + part.compressedSize;
  if (end > bytes.length) throw corrupt(`data of ${part.name} is cut off`);
  return bytes.subarray(part.dataStart, end);
}

function checkMethod(part: ZipPart): void {
  if (part.method !== 0 && part.method !== 8) {
    throw new WorkbookReadError("not-xlsx", `${part.name} uses compression method ${part.method}`);
  }
}

/** A whole part, inflated (for the small parts: workbook, relationships, styles). */
export function partBytes(bytes: Uint8Array, part: ZipPart): Uint8Array {
  checkMethod(part);
  const data = compressedData(bytes, part);
  if (part.method === 0) return data;
  let out: Uint8Array;
  try {
    // The declared size bounds the output: a part that lies about its size is cut there, never more.
    out = inflateSync(data, { out: new Uint8Array(part.uncompressedSize) });
  } catch (err) {
    throw corrupt(`${part.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== part.uncompressedSize) {
    throw corrupt(`${part.name} inflates to ${out.length} bytes, not the declared ${part.uncompressedSize}`);
  }
  return out;
}

/** Compressed bytes fed to the inflater per step (about 1–2 MB of XML out of each). */
const STEP = 16 * 1024;

/** One piece of an inflating part: XML bytes, and the compressed bytes consumed so far. */
export interface InflatedPiece {
  readonly chunk: Uint8Array;
  readonly consumed: number;
}

/**
 * A part inflated piece by piece, in order: memory stays at one step's output however large the
 * part. Inflating more than the declared size is an error (a part lying about its size).
 */
export function* inflatePieces(bytes: Uint8Array, part: ZipPart): Generator<InflatedPiece, void> {
  checkMethod(part);
  const data = compressedData(bytes, part);
  if (part.method === 0) {
    for (let i = 0; i < data.length; i += STEP * 4) {
      const end = Math.min(data.length, i + STEP * 4);
      yield { chunk: data.subarray(i, end), consumed: end };
    }
    return;
  }
  let produced = 0;
  let out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    out.push(chunk);
  });
  for (let i = 0; i < data.length || i === 0; i += STEP) {
    const end = Math.min(data.length, i + STEP);
    try {
      inflater.push(data.subarray(i, end), end === data.length);
    } catch (err) {
      throw corrupt(`${part.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (produced > part.uncompressedSize) {
      // Reported as damage, as JSZip (inside ExcelJS) reports this size mismatch.
      throw corrupt(`${part.name} inflates beyond its declared ${part.uncompressedSize} bytes`);
    }
    const pieces = out;
    out = [];
    for (const chunk of pieces) yield { chunk, consumed: end };
    if (end === data.length) break;
  }
  if (produced !== part.uncompressedSize) {
    throw corrupt(`${part.name} inflates to ${produced} bytes, not the declared ${part.uncompressedSize}`);
  }
}
