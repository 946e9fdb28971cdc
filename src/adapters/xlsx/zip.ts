/**
 * The one view of a zip package that the sniffer, the reader and the writer share (issue 13): the
 * same end record, the same central directory, the same entries, so what was checked is what is
 * read and what is written. It refuses what Excel would not open, or what two zip tools would read
 * differently: more than one plausible end record, a ZIP64 locator that disagrees with the classic
 * end record, a central directory that does not end where the end record begins, duplicate or
 * case-colliding entry names, names with `..`, `.` or an absolute path, a local header whose name
 * differs from the directory's, and entries whose data overlap or leave the file.
 *
 * Inflating goes through a {@link ZipView}: each part is inflated at most to its declared size
 * (more is damage), and the bytes actually inflated are counted across the whole package, however
 * often a part is asked for, against the total limit (`bomb`).
 *
 * Browser-safe: plain Uint8Array and fflate.
 */
import { Inflate, inflateSync } from "fflate";
import type { SniffCode, SniffLimits } from "./limits";

/** One entry of the central directory, checked against its local header. */
export interface ZipEntry {
  /** The name as stored (slashes as written; the view refuses backslashes and absolute names). */
  readonly name: string;
  readonly flags: number;
  /** 0 = stored, 8 = deflated. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
  /** Offset of the compressed data (after the local header). */
  readonly dataStart: number;
}

/** The directory, or the refusal with a sniff code and an English detail. */
export type ZipDirectory =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly code: SniffCode; readonly detail: string };

/** Why a zip could not be read or inflated (carries a workbook error code). */
export class ZipError extends Error {
  override readonly name = "ZipError";
  constructor(
    readonly code: SniffCode | "corrupt",
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}

/** A 64-bit little-endian value; sizes above 2^53 become huge numbers, which the limits refuse. */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x1_0000_0000;
}

const utf8 = new TextDecoder("utf-8");

class Refusal {
  constructor(
    readonly code: SniffCode,
    readonly detail: string,
  ) {}
}

function refuse(code: SniffCode, detail: string): never {
  throw new Refusal(code, detail);
}

/** Every end record whose comment reaches exactly the end of the file. */
function endRecords(bytes: Uint8Array): number[] {
  const found: number[] = [];
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (u32(bytes, i) === SIG_EOCD && i + 22 + u16(bytes, i + 20) === bytes.length) found.push(i);
  }
  return found;
}

/** Where the central directory is and how many entries it has, from the one end record. */
function locateDirectory(bytes: Uint8Array): {
  count: number;
  cdOffset: number;
  cdSize: number;
  cdEnd: number;
} {
  const ends = endRecords(bytes);
  if (ends.length === 0) refuse("truncated", "no end of central directory record");
  // A second record that also ends the file exactly (one hidden in the comment): two zip tools
  // would pick different directories.
  if (ends.length > 1) refuse("truncated", `${ends.length} end of central directory records`);
  const eocd = ends[0] as number;
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0)
    refuse("truncated", "a multi-volume (split) zip archive");
  const classic = {
    count: u16(bytes, eocd + 10),
    cdSize: u32(bytes, eocd + 12),
    cdOffset: u32(bytes, eocd + 16),
  };
  if (u16(bytes, eocd + 8) !== classic.count) refuse("truncated", "end record counts disagree");
  const loc = eocd - 20;
  const hasLocator = loc >= 0 && u32(bytes, loc) === SIG_ZIP64_LOCATOR;
  const maxed = classic.count === 0xffff || classic.cdSize === 0xffffffff || classic.cdOffset === 0xffffffff;
  if (!hasLocator) {
    if (maxed) refuse("truncated", "damaged ZIP64 end record");
    return { ...classic, cdEnd: eocd };
  }
  const rec = u64(bytes, loc + 8);
  if (rec + 56 > loc || u32(bytes, rec) !== SIG_ZIP64_EOCD) refuse("truncated", "damaged ZIP64 end record");
  const z64 = { count: u64(bytes, rec + 32), cdSize: u64(bytes, rec + 40), cdOffset: u64(bytes, rec + 48) };
  if (u64(bytes, rec + 24) !== z64.count) refuse("truncated", "ZIP64 end record counts disagree");
  // Every classic field that is not the "see ZIP64" marker must say the same as the ZIP64 record.
  if (
    (classic.count !== 0xffff && classic.count !== z64.count) ||
    (classic.cdSize !== 0xffffffff && classic.cdSize !== z64.cdSize) ||
    (classic.cdOffset !== 0xffffffff && classic.cdOffset !== z64.cdOffset)
  )
    refuse("truncated", "the ZIP64 end record disagrees with the end record");
  return { ...z64, cdEnd: rec };
}

function findExtra(
  bytes: Uint8Array,
  start: number,
  length: number,
  id: number,
): { start: number; end: number } | null {
  let q = start;
  const end = start + length;
  while (q + 4 <= end) {
    const size = u16(bytes, q + 2);
    if (u16(bytes, q) === id) return q + 4 + size <= end ? { start: q + 4, end: q + 4 + size } : null;
    q += 4 + size;
  }
  return null;
}

/** A name another tool could resolve outside the package or to a different entry. */
function unsafeName(name: string): string | null {
  if (name.includes("\\")) return "a backslash";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "an absolute path";
  if (name.includes("\u0000")) return "a NUL character";
  const segments = name.split("/");
  // A directory entry ends with "/": its last segment is empty, any other empty segment is odd.
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (s === ".." || s === ".") return `a "${s}" segment`;
    if (s === "" && i !== segments.length - 1) return "an empty segment";
  }
  return null;
}

function readEntries(bytes: Uint8Array, lim: SniffLimits): ZipEntry[] {
  const { count, cdOffset, cdSize, cdEnd } = locateDirectory(bytes);
  if (count > lim.maxEntries) refuse("too-large", `${count} zip entries, limit ${lim.maxEntries}`);
  if (cdOffset + cdSize > bytes.length)
    refuse("truncated", "central directory lies beyond the end of the file");
  // The directory ends where the end record begins: nothing hides between them.
  if (cdOffset + cdSize !== cdEnd) refuse("truncated", "central directory does not end at the end record");
  const entries: ZipEntry[] = [];
  const seen = new Map<string, string>();
  // Checked after the overlaps: entries sharing another's data are a bomb first, misnamed second.
  let misnamed: string | undefined;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdEnd || u32(bytes, p) !== SIG_CENTRAL)
      refuse("truncated", `central directory entry ${i} is damaged`);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > cdEnd) refuse("truncated", `central directory entry ${i} is cut`);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = utf8.decode(rawName);
    const odd = unsafeName(name);
    if (odd !== null) refuse("truncated", `entry name ${JSON.stringify(name)} has ${odd}`);
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined)
      refuse("truncated", `entries ${JSON.stringify(earlier)} and ${JSON.stringify(name)} collide`);
    seen.set(key, name);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    let localOffset = u32(bytes, p + 42);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // ZIP64 extended information: present fields follow in this fixed order.
      const extra = findExtra(bytes, p + 46 + nameLen, extraLen, 0x0001);
      if (!extra) refuse("truncated", `entry ${name} lacks its ZIP64 sizes`);
      let q = extra.start;
      const take = (): number => {
        if (q + 8 > extra.end) refuse("truncated", `entry ${name} has a damaged ZIP64 field`);
        const v = u64(bytes, q);
        q += 8;
        return v;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = take();
      if (compressedSize === 0xffffffff) compressedSize = take();
      if (localOffset === 0xffffffff) localOffset = take();
    }
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL)
      refuse("truncated", `local header of ${name} is missing`);
    const localNameLen = u16(bytes, localOffset + 26);
    const localName = bytes.subarray(localOffset + 30, localOffset + 30 + localNameLen);
    if (localNameLen !== nameLen || localName.some((b, k) => b !== rawName[k])) misnamed ??= name;
    const dataStart = localOffset + 30 + localNameLen + u16(bytes, localOffset + 28);
    entries.push({
      name,
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize,
      uncompressedSize,
      localOffset,
      dataStart,
    });
    p = end;
  }
  if (p !== cdOffset + cdSize) refuse("truncated", "central directory size disagrees with its entries");

  // Every entry's data lies inside the file, before the directory, without overlapping another.
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let previousEnd = 0;
  let previousName = "";
  for (const e of byOffset) {
    if (e.localOffset < previousEnd)
      refuse("bomb", `entries ${previousName} and ${e.name} share compressed data (overlapping zip entries)`);
    const dataEnd = e.dataStart + e.compressedSize;
    if (dataEnd > cdOffset) refuse("truncated", `data of ${e.name} is cut off`);
    previousEnd = dataEnd;
    previousName = e.name;
  }
  if (misnamed !== undefined) refuse("truncated", `local header of ${misnamed} names another entry`);

  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > lim.ratioMinBytes) {
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (ratio > lim.maxPartRatio)
        refuse(
          "bomb",
          `${e.name} inflates to ${e.uncompressedSize} bytes from ${e.compressedSize} (ratio ${Math.round(ratio)}:1)`,
        );
    }
  }
  if (total > lim.maxTotalUncompressed)
    refuse("bomb", `parts inflate to ${total} bytes in total, limit ${lim.maxTotalUncompressed}`);
  return entries;
}

/**
 * Read and check the central directory of `bytes` (a zip: it starts with a local header). Never
 * throws: anything unexpected is a refusal.
 */
export function readZipDirectory(bytes: Uint8Array, limits: SniffLimits): ZipDirectory {
  try {
    return { ok: true, entries: readEntries(bytes, limits) };
  } catch (err) {
    if (err instanceof Refusal) return { ok: false, code: err.code, detail: err.detail };
    // Bounds are checked everywhere; this is a last line so a bug here never becomes a stack trace.
    return { ok: false, code: "truncated", detail: `unreadable structure (${String(err)})` };
  }
}

/** Compressed bytes fed to the inflater per step (about 1–2 MB of XML out of each). */
const STEP = 16 * 1024;

/** One piece of an inflating part: bytes, and the compressed bytes consumed so far. */
export interface InflatedPiece {
  readonly chunk: Uint8Array;
  readonly consumed: number;
}

/**
 * A checked package, opened for reading parts: entries by name (exact, or ignoring case since
 * names cannot collide), inflation bounded per part by its declared size and in total by the
 * limit, counted on the bytes really inflated.
 */
export class ZipView {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    readonly bytes: Uint8Array,
    /** Entries in directory order (directories included). */
    readonly entries: readonly ZipEntry[],
    private readonly maxTotal: number,
  ) {
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Open `bytes`; throws {@link ZipError} with the directory's refusal. */
  static open(bytes: Uint8Array, limits: SniffLimits): ZipView {
    const dir = readZipDirectory(bytes, limits);
    if (!dir.ok) throw new ZipError(dir.code, dir.detail);
    return new ZipView(bytes, dir.entries, limits.maxTotalUncompressed);
  }

  /** The parts (entries that are not directories), in directory order. */
  parts(): ZipEntry[] {
    return this.entries.filter((e) => !e.name.endsWith("/"));
  }

  /** A part by name, ignoring case (some writers disagree with their own relationships). */
  part(name: string): ZipEntry | undefined {
    const e = this.byName.get(name.toLowerCase());
    return e && !e.name.endsWith("/") ? e : undefined;
  }

  /** Bytes inflated so far, all parts together. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  private count(entry: ZipEntry, n: number): void {
    this.inflated += n;
    if (this.inflated > this.maxTotal)
      throw new ZipError("bomb", `inflating ${entry.name} passes ${this.maxTotal} bytes in total`);
  }

  private compressed(entry: ZipEntry): Uint8Array {
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError("not-xlsx", `${entry.name} uses compression method ${entry.method}`);
    if ((entry.flags & 1) !== 0) throw new ZipError("encrypted", `${entry.name} is encrypted`);
    return this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  }

  /** A whole part, inflated. */
  read(entry: ZipEntry): Uint8Array {
    const data = this.compressed(entry);
    if (entry.method === 0) {
      this.count(entry, data.length);
      return data;
    }
    let out: Uint8Array;
    try {
      // The declared size bounds the output: a part that lies about its size is cut there, never more.
      out = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    } catch (err) {
      throw new ZipError("corrupt", `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    this.count(entry, out.length);
    if (out.length !== entry.uncompressedSize)
      throw new ZipError(
        "corrupt",
        `${entry.name} inflates to ${out.length} bytes, not the declared ${entry.uncompressedSize}`,
      );
    return out;
  }

  /**
   * A part inflated piece by piece, in order: memory stays at one step's output however large the
   * part. Inflating more than the declared size is damage.
   */
  *pieces(entry: ZipEntry): Generator<InflatedPiece, void> {
    const data = this.compressed(entry);
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += STEP * 4) {
        const end = Math.min(data.length, i + STEP * 4);
        this.count(entry, end - i);
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
      const before = produced;
      try {
        inflater.push(data.subarray(i, end), end === data.length);
      } catch (err) {
        throw new ZipError("corrupt", `${entry.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (produced > entry.uncompressedSize)
        throw new ZipError(
          "corrupt",
          `${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`,
        );
      this.count(entry, produced - before);
      const pieces = out;
      out = [];
      for (const chunk of pieces) yield { chunk, consumed: end };
      if (end === data.length) break;
    }
    if (produced !== entry.uncompressedSize)
      throw new ZipError(
        "corrupt",
        `${entry.name} inflates to ${produced} bytes, not the declared ${entry.uncompressedSize}`,
      );
  }
}
