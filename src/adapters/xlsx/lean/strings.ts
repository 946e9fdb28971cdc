/**
 * The shared-strings part for the lean reader: each `<si>` as plain text (rich-text runs joined,
 * phonetic runs left out, `_xHHHH_` escapes decoded as ExcelJS decodes them).
 */
import type { XmlSink } from "../xml";

/** `_xHHHH_` escapes, as ExcelJS decodes them (upper-case hex only). */
export function decodeEscapes(text: string): string {
  return text.indexOf("_x") < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collects `<si>` items: plain text, or the runs of rich text joined; phonetic runs left out. */
export class SharedStringsSink implements XmlSink {
  private inItem = false;
  private depthRun = false;
  private inPhonetic = false;
  private collecting = false;
  private text_: string[] = [];
  private plain: string | null = null;
  private runs: string[] | null = null;
  private runText = "";

  constructor(private readonly out: Array<string | null>) {}

  open(local: string, _attrs: string, empty: boolean): void {
    if (local === "si") {
      this.inItem = true;
      this.plain = null;
      this.runs = null;
      if (empty) this.closeItem();
    } else if (!this.inItem || this.inPhonetic) {
      return;
    } else if (local === "rPh") {
      this.inPhonetic = !empty;
    } else if (local === "r") {
      this.depthRun = !empty;
      this.runText = "";
      (this.runs ??= []).push("");
    } else if (local === "t") {
      this.text_ = [];
      this.collecting = !empty;
      if (empty) this.endText();
    }
  }

  text(text: string): void {
    if (this.collecting) this.text_.push(text);
  }

  close(local: string): void {
    if (local === "si") this.closeItem();
    else if (local === "rPh") this.inPhonetic = false;
    else if (this.inPhonetic) return;
    else if (local === "t" && this.collecting) this.endText();
    else if (local === "r") this.depthRun = false;
  }

  private endText(): void {
    this.collecting = false;
    const value = decodeEscapes(this.text_.join(""));
    if (this.depthRun && this.runs) this.runs[this.runs.length - 1] = value;
    else this.plain = value;
  }

  private closeItem(): void {
    this.inItem = false;
    this.inPhonetic = false;
    const value = this.runs ? this.runs.join("") : this.plain;
    this.out.push(value === null || value === "" ? null : detach(value));
  }
}

/**
 * A copy of text cut from a decoded chunk that does not keep the whole chunk (a megabyte or two of
 * XML) alive: V8 represents a long slice as a view of its parent string.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}
