/**
 * Node-only file helpers around the byte-level adapter: read a workbook file, and write an output
 * file atomically (a temporary file in the same folder, then a rename) so a crash never leaves a
 * half-written workbook and an existing file is only replaced when asked.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/** Why an output file was not written. */
export class OutputFileError extends Error {
  override readonly name = "OutputFileError";
  constructor(
    readonly code: "exists" | "same-as-input" | "io",
    readonly file: string,
    detail?: string,
  ) {
    super(detail ? `${code}: ${file}: ${detail}` : `${code}: ${file}`);
  }
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

/**
 * Write `data` to `file` through a temporary file in the same folder and a rename; creates the
 * folder. Refuses protected paths, and existing files unless `overwrite`.
 */
export async function writeFileAtomic(
  file: string,
  data: Uint8Array | string,
  options: WriteFileOptions = {},
): Promise<void> {
  for (const p of options.protect ?? []) {
    if (await samePath(file, p)) throw new OutputFileError("same-as-input", file);
  }
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (err) {
    throw new OutputFileError("io", file, (err as Error).message);
  }
  if (!options.overwrite) {
    try {
      await fs.lstat(target);
      throw new OutputFileError("exists", file);
    } catch (err) {
      if (err instanceof OutputFileError) throw err;
    }
  }
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.writeFile(temp, data, { flag: "wx" });
    if (!options.overwrite) {
      // link() fails when the target appeared meanwhile, so a file created by someone else survives.
      try {
        await fs.link(temp, target);
        await fs.unlink(temp);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") throw new OutputFileError("exists", file);
        // File systems without hard links: fall back to rename after the check above.
      }
    }
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    if (err instanceof OutputFileError) throw err;
    throw new OutputFileError("io", file, (err as Error).message);
  }
}
