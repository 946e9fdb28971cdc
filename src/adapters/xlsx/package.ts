/**
 * The .xlsx file as a package (a zip of XML parts): recognise what a file is before trusting it,
 * refuse decompression bombs, and read or edit parts and relationships. Browser-safe (fflate only).
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from "fflate";
import { WorkbookReadError } from "./errors";
import { sniffWorkbook, type SniffLimits } from "./sniff";
import { findElements, scanTags } from "./xml";

/** Bytes from any of the forms browsers and Node hand out. */
export function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * Check that `bytes` is a readable .xlsx package within `limits`, reading only the zip directory
 * (see `sniff.ts`). Throws a {@link WorkbookReadError} saying what the file is instead.
 */
export function inspectPackage(bytes: Uint8Array, limits: Partial<SniffLimits> = {}): void {
  const sniffed = sniffWorkbook(bytes, limits);
  if (!sniffed.ok) throw new WorkbookReadError(sniffed.code, sniffed.detail);
}

/** A relationship from a `.rels` part, with its target resolved to a part name. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  /** Part name without a leading slash, e.g. `xl/worksheets/sheet1.xml`; null for external targets. */
  readonly part: string | null;
}

/** Relationship type URIs (transitional OOXML). */
export const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  table: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/table",
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
} as const;

/** Namespaces used when writing parts. */
export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strictMain: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRel: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;

/** Content types of the parts we add. */
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The `.rels` part that holds the relationships of `part`. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolve a relationship target against the part that owns it. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith("/")) return normalise(target.slice(1));
  const base = ownerPart.slice(0, ownerPart.lastIndexOf("/") + 1);
  return normalise(base + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of decodeURI(path).split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** A package opened for editing: parts in their original order, as bytes. */
export class XlsxPackage {
  private readonly parts: Map<string, Uint8Array>;

  private constructor(parts: Map<string, Uint8Array>) {
    this.parts = parts;
  }

  /** Open `bytes` (checked with {@link inspectPackage} first). */
  static open(bytes: Uint8Array, limits: Partial<SniffLimits> = {}): XlsxPackage {
    inspectPackage(bytes, limits);
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (err) {
      throw new WorkbookReadError("corrupt", err instanceof Error ? err.message : String(err));
    }
    const parts = new Map<string, Uint8Array>();
    for (const [name, data] of Object.entries(files)) {
      if (!name.endsWith("/")) parts.set(name.replace(/^\//, ""), data);
    }
    return new XlsxPackage(parts);
  }

  /** True when the part exists. */
  has(part: string): boolean {
    return this.parts.has(part);
  }

  /** Part names in package order. */
  names(): string[] {
    return [...this.parts.keys()];
  }

  /** A part as bytes; throws `corrupt` when it is missing. */
  bytes(part: string): Uint8Array {
    const data = this.parts.get(part);
    if (!data) throw new WorkbookReadError("corrupt", `missing part ${part}`);
    return data;
  }

  /** A part as text (UTF-8; a BOM is dropped). */
  text(part: string): string {
    return strFromU8(this.bytes(part)).replace(/^\uFEFF/, "");
  }

  /** Write a part (kept in place when it exists, appended otherwise). */
  setText(part: string, text: string): void {
    this.parts.set(part, strToU8(text));
  }

  /** Remove a part (no error when absent). */
  delete(part: string): void {
    this.parts.delete(part);
  }

  /** The relationships of `owner` (empty when it has no `.rels` part). */
  relationships(owner: string): Relationship[] {
    const relsPath = relsPathOf(owner);
    if (!this.parts.has(relsPath)) return [];
    const xml = this.text(relsPath);
    return findElements(xml, "Relationship", scanTags(xml)).map(({ tag }) => {
      const target = tag.attrs.get("Target") ?? "";
      const external = tag.attrs.get("TargetMode") === "External";
      return {
        id: tag.attrs.get("Id") ?? "",
        type: tag.attrs.get("Type") ?? "",
        target,
        part: external ? null : resolveTarget(owner === "" ? "/" : owner, target),
      };
    });
  }

  /** The workbook part (the package's officeDocument target). */
  workbookPart(): string {
    const rel = this.relationships("").find((r) => r.type.endsWith("/officeDocument") && r.part);
    return rel?.part ?? "xl/workbook.xml";
  }

  /** A part name not yet used, like `xl/worksheets/sheet7.xml`. */
  freeName(prefix: string, suffix: string, taken: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.parts.has(name) && !taken.has(name)) return name;
    }
  }

  /** Zip the package again; every part is written with a fixed time stamp so output is reproducible. */
  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const [name, data] of this.parts) files[name] = data;
    return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
  }
}
