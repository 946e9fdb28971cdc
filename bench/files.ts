/**
 * The benchmark's .xlsx files under bench/.work, generated once and reused while the generator
 * (GENERATOR_VERSION) is unchanged: the 200,000-row union and the folder of school workbooks.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  GENERATOR_VERSION,
  SCHOOL_COUNT,
  schoolWorkbook,
  sizedWorkbook,
  writeWorkbookXlsx,
  type SizeName,
} from "./generate";
import { log, WORK } from "./util";

const MANIFEST = path.join(WORK, "manifest.json");

interface Manifest {
  readonly generator: number;
  readonly done: Record<string, true>;
}

function manifest(): Manifest {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
    if (m.generator === GENERATOR_VERSION) return m;
  } catch {
    // No manifest yet, or an unreadable one: start again.
  }
  return { generator: GENERATOR_VERSION, done: {} };
}

function remember(m: Manifest, key: string): void {
  m.done[key] = true;
  mkdirSync(WORK, { recursive: true });
  writeFileSync(MANIFEST, JSON.stringify(m, null, 1));
}

/** The .xlsx of a named size (generated when missing or stale). */
export async function sizedFile(size: SizeName): Promise<string> {
  const m = manifest();
  const file = path.join(WORK, "files", `union-${size}.xlsx`);
  if (!m.done[file] || !existsSync(file)) {
    log(`generating ${path.relative(WORK, file)} …`);
    const t = performance.now();
    await writeWorkbookXlsx(sizedWorkbook(size), file);
    log(`  ${Math.round(performance.now() - t)} ms`);
    remember(m, file);
  }
  return file;
}

/** The folder of school workbooks for the batch bench (generated when missing or stale). */
export async function schoolsFolder(): Promise<string> {
  const m = manifest();
  const dir = path.join(WORK, "schools");
  const key = `${dir}#${SCHOOL_COUNT}`;
  const complete =
    m.done[key] &&
    existsSync(dir) &&
    readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length === SCHOOL_COUNT;
  if (!complete) {
    log(`generating ${SCHOOL_COUNT} school workbooks …`);
    rmSync(dir, { recursive: true, force: true });
    const t = performance.now();
    for (let i = 0; i < SCHOOL_COUNT; i++) {
      await writeWorkbookXlsx(
        schoolWorkbook(i),
        path.join(dir, `school-${String(i + 1).padStart(3, "0")}.xlsx`),
      );
    }
    log(`  ${Math.round(performance.now() - t)} ms`);
    remember(m, key);
  }
  return dir;
}
