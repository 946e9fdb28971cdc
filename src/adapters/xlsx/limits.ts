/**
 * What the sniffer (`sniff.ts`) and the zip view (`zip.ts`) refuse and the limits they refuse it by,
 * in a module of its own so that neither has to import the other's types.
 *
 * Input limits (documented for users in docs/privacy.md, "输入限制 / Input limits"):
 * - the file itself: at most 100 MiB (`too-large`);
 * - at most 10,000 parts (zip entries) in the package (`too-large`);
 * - the sum of all parts' uncompressed sizes: at most 256 MiB (`bomb`) — several hundred thousand
 *   rows of records, far more than any union keeps;
 * - one part that inflates to more than 100 MiB at a compression ratio above 200:1 (`bomb`) —
 *   real worksheets compress about 5–20:1, a run of one repeated byte about 1000:1;
 * - parts whose compressed data overlap each other (the "overlapping files" zip bomb) (`bomb`).
 * The sniffer checks the sizes the zip central directory declares; the zip view (`zip.ts`) that the
 * reader and the writer share also counts the bytes really inflated against the same total, and
 * stops a part at its declared size (test/fixtures/bad/bomb-lying-sizes.xlsx). The directory is
 * read by that same view, which refuses ambiguous or unsafe zips (`truncated`): what passes the
 * sniffer is exactly what is read and written.
 */

/** Why a file was refused. */
export type SniffCode =
  "empty" | "not-xlsx" | "xls" | "encrypted" | "csv" | "truncated" | "too-large" | "bomb";

/** Every refusal code, in the order the docs list them. */
export const SNIFF_CODES: readonly SniffCode[] = [
  "empty",
  "not-xlsx",
  "xls",
  "encrypted",
  "csv",
  "truncated",
  "too-large",
  "bomb",
];

/** Input limits; every one can be lowered (tests) or raised (a caller who knows better). */
export interface SniffLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Largest number of zip entries. */
  readonly maxEntries: number;
  /** Largest sum of declared uncompressed sizes, in bytes. */
  readonly maxTotalUncompressed: number;
  /** A part above `ratioMinBytes` uncompressed must compress by at most this ratio. */
  readonly maxPartRatio: number;
  /** Parts at or below this uncompressed size are never refused for their ratio. */
  readonly ratioMinBytes: number;
}

const MiB = 1024 * 1024;

/** The documented defaults (see the module comment and docs/privacy.md). */
export const DEFAULT_SNIFF_LIMITS: SniffLimits = {
  maxFileBytes: 100 * MiB,
  maxEntries: 10_000,
  maxTotalUncompressed: 256 * MiB,
  maxPartRatio: 200,
  ratioMinBytes: 100 * MiB,
};
