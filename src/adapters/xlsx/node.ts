/**
 * Node-only file helpers around the byte-level adapter: read a workbook file, and write an output
 * file atomically (a temporary file in the same folder, then a rename) so a crash never leaves a
 * half-written workbook and an existing file is only replaced when asked.
 */
import { randomBytes } from "node:crypto";
import { constants as fsConstants, promises as fs } from "node:fs";
import path from "node:path";
import { HostFailure } from "../../host/errors";
import { WorkbookReadError } from "./errors";
import { DEFAULT_SNIFF_LIMITS } from "./limits";

/** The outputs {@link writeFileAtomic} writes for the CLI, as its refusals name them. */
const OUTPUT_OPTIONS = "--out/--json/--report";

/** Why an output file was not written: it exists, it is the input, or the file system said no. */
function outputFailure(code: "output-exists" | "output-same-as-input", file: string): HostFailure {
  return new HostFailure(code, { option: OUTPUT_OPTIONS, file }, file);
}

function writeFailure(file: string, err: unknown): HostFailure {
  const reason = err instanceof Error ? err.message : String(err);
  return new HostFailure("output-io", { file, reason }, `${file}: ${reason}`, { cause: err });
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileOptions {
  /** Replace an existing file (otherwise an existing file is an `exists` error). */
  readonly overwrite?: boolean;
  /** Paths that must never be written (the input workbook). */
  readonly protect?: readonly string[];
}

/** Read a whole file as bytes. */
export async function readFileBytes(file: string): Promise<Uint8Array> {
  const buffer = await fs.readFile(file);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Read a workbook file as bytes, at most `maxBytes` (default: the sniff's file limit). Only a
 * regular file is read: `/dev/zero` has size 0 and never ends, a FIFO blocks until a writer comes,
 * so the size in `stat` cannot bound them. The file is opened without blocking, checked on the
 * open descriptor (no race with a swap after `stat`), and read with a hard cap on the bytes taken,
 * so a file that grows while it is read still cannot exceed the limit.
 * Throws an `input-not-regular` {@link HostFailure} for a non-regular file and `too-large` past the cap; the file
 * system's own error when it cannot be opened.
 */
export async function readInputFile(
  file: string,
  maxBytes: number = DEFAULT_SNIFF_LIMITS.maxFileBytes,
): Promise<Uint8Array> {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever.
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new HostFailure("input-not-regular", { file }, file);
    if (stat.size > maxBytes) throw new WorkbookReadError("too-large", `${stat.size} bytes`);
    // One byte more than the limit tells a file that grew past it from one that ends there.
    let buffer = new Uint8Array(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new WorkbookReadError("too-large", `more than ${maxBytes} bytes`);
      if (length === buffer.length) {
        // The file grew since `stat`: make room, never past the limit.
        const bigger = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1));
        bigger.set(buffer);
        buffer = bigger;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** True when two paths name the same file (after resolving links where the files exist). */
export async function samePath(a: string, b: string): Promise<boolean> {
  const real = async (p: string): Promise<string> => {
    const abs = path.resolve(p);
    try {
      return await fs.realpath(abs);
    } catch {
      // The file does not exist yet: resolve its folder instead.
      try {
        return path.join(await fs.realpath(path.dirname(abs)), path.basename(abs));
      } catch {
        return abs;
      }
    }
  };
  const [ra, rb] = await Promise.all([real(a), real(b)]);
  if (ra === rb) return true;
  // Same inode (hard links, case-insensitive file systems).
  try {
    const [sa, sb] = await Promise.all([fs.stat(ra), fs.stat(rb)]);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Write text pieces one after another: a large report never exists as one string. */
async function writeChunks(file: string, chunks: Iterable<string>): Promise<void> {
  const handle = await fs.open(file, "wx");
  try {
    for (const chunk of chunks) await handle.write(chunk, null, "utf8");
  } finally {
    await handle.close();
  }
}

/**
 * Write `data` (bytes, text, or text in pieces) to `file` through a temporary file in the same folder and a rename; creates the
 * folder. Refuses protected paths, and existing files unless `overwrite`.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string | Iterable<string>,
  options: WriteFileOptions = {},
): Promise<void> {
  for (const p of options.protect ?? []) {
    if (await samePath(file, p)) throw outputFailure("output-same-as-input", file);
  }
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw writeFailure(file, err);
  }
  if (!options.overwrite) {
    try {
      await fs.lstat(target);
      throw outputFailure("output-exists", file);
    } catch (err) {
      if (err instanceof HostFailure) throw err;
    }
  }
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    if (typeof data === "string" || data instanceof Uint8Array)
      await fs.writeFile(temp, data, { flag: "wx" });
    else await writeChunks(temp, data);
    if (!options.overwrite) {
      // link() fails when the target appeared meanwhile, so a file created by someone else survives.
      try {
        await fs.link(temp, target);
        await fs.unlink(temp);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") throw outputFailure("output-exists", file);
        // File systems without hard links: fall back to rename after the check above.
      }
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    if (err instanceof HostFailure) throw err;
    throw writeFailure(file, err);
  }
}
