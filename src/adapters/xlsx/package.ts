/**
 * The .xlsx file as a package (a zip of XML parts), for the reader and the writer alike: recognise
 * what a file is before trusting it, refuse decompression bombs, read parts whole or in pieces,
 * read and edit relationships (`.rels` parts) and content types (`[Content_Types].xml`), and delete
 * parts with what only they use. Browser-safe (fflate only).
 */
import { zipSync, strFromU8, strToU8, type Zippable } from "fflate";
import { WorkbookReadError } from "./errors";
import { DEFAULT_SNIFF_LIMITS, type SniffLimits } from "./limits";
import { sniffWorkbook } from "./sniff";
import { applySplices, escapeAttr, findElement, findElements, scanTags, XmlShapeError } from "./xml";
import { ZipError, ZipView, type InflatedPiece, type ZipEntry } from "./zip";

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
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
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
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // Bad percent-encoding (`%zz`): the target is taken as written; it names no part, which is damage.
  }
  for (const seg of decoded.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

/** A zip refusal as the workbook error every caller understands. */
function asWorkbookError(err: unknown): unknown {
  return err instanceof ZipError ? new WorkbookReadError(err.code, err.detail) : err;
}

/**
 * The one package class (issue 12): a checked zip (`zip.ts`, the same view the sniffer used) whose
 * parts are inflated on demand — whole and kept (for the writer, and the small parts) or in pieces
 * (for the reader's sheets) — and edited in place. Part names are matched ignoring case: the zip
 * view refuses names that differ only in case, and some writers disagree with their own
 * relationships (`[content_types].xml`, `xl/Workbook.xml`).
 */
export class XlsxPackage {
  /** Stored name → bytes once inflated or written, or the zip entry not yet inflated. */
  private readonly parts = new Map<string, Uint8Array | ZipEntry>();
  private readonly lower = new Map<string, string>();

  private constructor(private readonly zip: ZipView) {
    for (const entry of zip.parts()) {
      const name = entry.name;
      this.parts.set(name, entry);
      this.lower.set(name.toLowerCase(), name);
    }
  }

  /** Open `bytes` (checked with {@link inspectPackage} first). */
  static open(bytes: Uint8Array, limits: Partial<SniffLimits> = {}): XlsxPackage {
    inspectPackage(bytes, limits);
    try {
      return new XlsxPackage(ZipView.open(bytes, { ...DEFAULT_SNIFF_LIMITS, ...limits }));
    } catch (err) {
      throw asWorkbookError(err);
    }
  }

  /** The stored name of a part, matched ignoring case; undefined when absent. */
  resolve(part: string): string | undefined {
    return this.parts.has(part) ? part : this.lower.get(part.toLowerCase());
  }

  /** True when the part exists. */
  has(part: string): boolean {
    return this.resolve(part) !== undefined;
  }

  /** Part names in package order. */
  names(): string[] {
    return [...this.parts.keys()];
  }

  /** Compressed size of a part still in the zip (0 once written), for progress. */
  compressedSize(part: string): number {
    const name = this.resolve(part);
    const stored = name === undefined ? undefined : this.parts.get(name);
    return stored && !(stored instanceof Uint8Array) ? stored.compressedSize : 0;
  }

  /** A part as bytes, inflated once and kept; throws `corrupt` when it is missing. */
  bytes(part: string): Uint8Array {
    const name = this.resolve(part);
    const stored = name === undefined ? undefined : this.parts.get(name);
    if (name === undefined || stored === undefined)
      throw new WorkbookReadError("corrupt", `missing part ${part}`);
    if (stored instanceof Uint8Array) return stored;
    let data: Uint8Array;
    try {
      data = this.zip.read(stored);
    } catch (err) {
      throw asWorkbookError(err);
    }
    this.parts.set(name, data);
    return data;
  }

  /**
   * A part inflated in pieces, not kept (a worksheet of a large log): memory stays at one piece.
   * Throws `corrupt` when it is missing.
   */
  *pieces(part: string): Generator<InflatedPiece, void> {
    const name = this.resolve(part);
    const stored = name === undefined ? undefined : this.parts.get(name);
    if (stored === undefined) throw new WorkbookReadError("corrupt", `missing part ${part}`);
    if (stored instanceof Uint8Array) {
      yield { chunk: stored, consumed: stored.length };
      return;
    }
    try {
      yield* this.zip.pieces(stored);
    } catch (err) {
      throw asWorkbookError(err);
    }
  }

  /** A part as text (UTF-8; a BOM is dropped). */
  text(part: string): string {
    return strFromU8(this.bytes(part)).replace(/^\uFEFF/, "");
  }

  /** Write a part (kept in place, under its stored name, when it exists; appended otherwise). */
  setText(part: string, text: string): void {
    const name = this.resolve(part) ?? part;
    this.parts.set(name, strToU8(text));
    this.lower.set(name.toLowerCase(), name);
  }

  /**
   * Write a part given as text chunks (a worksheet too long for one string): each chunk is encoded
   * on its own and the bytes are joined, so no string ever holds the whole part.
   */
  setChunks(part: string, chunks: readonly string[]): void {
    const encoded = chunks.map((c) => strToU8(c));
    const data = new Uint8Array(encoded.reduce((sum, e) => sum + e.length, 0));
    let at = 0;
    for (const e of encoded) {
      data.set(e, at);
      at += e.length;
    }
    const name = this.resolve(part) ?? part;
    this.parts.set(name, data);
    this.lower.set(name.toLowerCase(), name);
  }

  /** Remove a part (no error when absent). */
  delete(part: string): void {
    const name = this.resolve(part);
    if (name === undefined) return;
    this.parts.delete(name);
    this.lower.delete(name.toLowerCase());
  }

  /** The relationships of `owner` (empty when it has no `.rels` part). */
  relationships(owner: string): Relationship[] {
    const relsPath = relsPathOf(owner);
    if (!this.has(relsPath)) return [];
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

  /** The workbook part (the package's officeDocument target, when that part exists). */
  workbookPart(): string {
    const rel = this.relationships("").find(
      (r) => r.type.endsWith("/officeDocument") && r.part && this.has(r.part),
    );
    return this.resolve(rel?.part ?? "xl/workbook.xml") ?? "xl/workbook.xml";
  }

  /**
   * Delete `roots` and every part reachable only through them (their tables, drawings, comments …),
   * with their relationship parts and content-type overrides.
   */
  deleteUnreachable(roots: readonly string[], contentTypes: ContentTypes): void {
    if (roots.length === 0) return;
    const candidates = new Set<string>();
    const walk = (part: string): void => {
      if (candidates.has(part) || !this.has(part)) return;
      candidates.add(part);
      for (const r of this.relationships(part)) if (r.part) walk(r.part);
    };
    roots.forEach(walk);
    // What is still reachable from the package root without going through the removed sheets.
    const reachable = new Set<string>();
    const visit = (owner: string): void => {
      for (const r of this.relationships(owner)) {
        if (!r.part || reachable.has(r.part) || roots.includes(r.part)) continue;
        reachable.add(r.part);
        visit(r.part);
      }
    };
    visit("");
    for (const part of candidates) {
      if (reachable.has(part)) continue;
      this.delete(part);
      this.delete(relsPathOf(part));
      contentTypes.remove(`/${part}`);
    }
  }

  /** A part name not yet used, like `xl/worksheets/sheet7.xml`. */
  freeName(prefix: string, suffix: string, taken: ReadonlySet<string> = new Set()): string {
    for (let n = 1; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!this.has(name) && !taken.has(name)) return name;
    }
  }

  /** Zip the package again; every part is written with a fixed time stamp so output is reproducible. */
  toBytes(): Uint8Array {
    const files: Zippable = {};
    for (const name of this.parts.keys()) files[name] = this.bytes(name);
    return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
  }
}

// ---------------------------------------------------------------------------------------------
// Editing relationships and content types
// ---------------------------------------------------------------------------------------------

const EMPTY_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRel}"></Relationships>`;

/** A relationship target for `to`, relative to the folder of `from`. */
export function relativeTarget(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromDir.length && fromDir[common] === toParts[common]) common++;
  return [...fromDir.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

/** Edits one `.rels` part (a new, empty one when no text is given). */
export class RelsEditor {
  private text: string;
  constructor(xml: string = EMPTY_RELS) {
    this.text = xml;
  }

  /** Add a relationship; returns its id. */
  add(type: string, target: string, id?: string): string {
    const tags = scanTags(this.text);
    const ids = new Set(tags.filter((t) => t.local === "Relationship").map((t) => t.attrs.get("Id")));
    let relId = id;
    for (let n = ids.size + 1; relId === undefined || ids.has(relId); n++) relId = `rId${n}`;
    const root = findElement(this.text, "Relationships", tags);
    if (!root) throw new XmlShapeError("rels part without Relationships");
    const p = root.tag.prefix;
    const rel = `<${p}Relationship Id="${relId}" Type="${type}" Target="${escapeAttr(target)}"/>`;
    this.text =
      root.tag.kind === "empty"
        ? applySplices(this.text, [
            {
              start: root.tag.start,
              end: root.end,
              text: `<${root.tag.name} xmlns="${NS.packageRel}">${rel}</${root.tag.name}>`,
            },
          ])
        : applySplices(this.text, [{ start: root.contentEnd, end: root.contentEnd, text: rel }]);
    return relId;
  }

  /** Remove relationships by id. */
  remove(ids: ReadonlySet<string>): void {
    if (ids.size === 0) return;
    const splices = findElements(this.text, "Relationship")
      .filter((el) => ids.has(el.tag.attrs.get("Id") ?? ""))
      .map((el) => ({ start: el.tag.start, end: el.end, text: "" }));
    this.text = applySplices(this.text, splices);
  }

  /** The part's text with the edits. */
  xml(): string {
    return this.text;
  }
}

/** Edits `[Content_Types].xml`. */
export class ContentTypes {
  private text: string;
  constructor(xml: string) {
    this.text = xml;
  }

  /** Set the content type of one part. */
  override(partName: string, type: string): void {
    this.remove(partName);
    const root = findElement(this.text, "Types");
    if (!root || root.tag.kind === "empty") throw new XmlShapeError("content types without Types");
    const p = root.tag.prefix;
    this.text = applySplices(this.text, [
      {
        start: root.contentEnd,
        end: root.contentEnd,
        text: `<${p}Override PartName="${escapeAttr(partName)}" ContentType="${type}"/>`,
      },
    ]);
  }

  /** Drop the override of one part (part names compare case-insensitively, as in OPC). */
  remove(partName: string): void {
    const splices = findElements(this.text, "Override")
      .filter((el) => (el.tag.attrs.get("PartName") ?? "").toLowerCase() === partName.toLowerCase())
      .map((el) => ({ start: el.tag.start, end: el.end, text: "" }));
    if (splices.length > 0) this.text = applySplices(this.text, splices);
  }

  /** The override content type of one part, if any. */
  typeOf(partName: string): string | undefined {
    return findElements(this.text, "Override")
      .find((el) => (el.tag.attrs.get("PartName") ?? "").toLowerCase() === partName.toLowerCase())
      ?.tag.attrs.get("ContentType");
  }

  /** Drop the default for an extension when its content type matches `type`. */
  removeDefault(extension: string, type: RegExp): void {
    const splices = findElements(this.text, "Default")
      .filter(
        (el) =>
          (el.tag.attrs.get("Extension") ?? "").toLowerCase() === extension &&
          type.test(el.tag.attrs.get("ContentType") ?? ""),
      )
      .map((el) => ({ start: el.tag.start, end: el.end, text: "" }));
    if (splices.length > 0) this.text = applySplices(this.text, splices);
  }

  /** The part's text with the edits. */
  xml(): string {
    return this.text;
  }
}
