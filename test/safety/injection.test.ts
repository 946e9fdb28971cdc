/**
 * No injection (issue 6): text from the user's sheets that starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is written into our summary sheets as text — never as a formula (OWASP CSV
 * injection) — in every column we copy; every hyperlink we write stays inside the workbook; and
 * the console report does not pass terminal control sequences hidden in cells to the terminal.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { INJECTION_VALUES, ODD_SHEET_NAMES, TERMINAL_ESCAPES } from "../../scripts/make-bad-fixtures";
import {
  BAD_DIR,
  decodeXml,
  openPackage,
  openWorkbook,
  runCli,
  type CliRun,
  type RawPackage,
} from "./harness";

const FORMULA_LIKE = /^[=+\-@\t\r]/;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "ziping-injection-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** One cell of a worksheet part as written. */
interface RawCell {
  readonly ref: string;
  readonly style: number;
  readonly type: string;
  readonly hasFormula: boolean;
  readonly text: string | null;
}

/** Decode OOXML `_xHHHH_` escapes (and `_x005F_` for a literal underscore sequence). */
function decodeOoxml(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
    .map((m) => decodeOoxml(decodeXml(m[1] ?? "")))
    .join("");
}

function sharedStrings(pkg: RawPackage): string[] {
  if (!pkg.parts["xl/sharedStrings.xml"]) return [];
  return [...pkg.text("xl/sharedStrings.xml").matchAll(/<(?:\w+:)?si\b[^>]*>([\s\S]*?)<\/(?:\w+:)?si>/g)].map(
    (m) => textOf(m[1] ?? ""),
  );
}

/** Every cell of a worksheet part, with its text resolved (inline or shared). */
function rawCells(pkg: RawPackage, part: string): RawCell[] {
  const sst = sharedStrings(pkg);
  const xml = pkg.text(part);
  return [...xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)].map((m) => {
    const attrs = m[1] ?? "";
    const inner = m[2] ?? "";
    const attr = (name: string): string => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? "";
    const type = attr("t");
    const value = /<(?:\w+:)?v>([\s\S]*?)<\/(?:\w+:)?v>/.exec(inner)?.[1];
    const text =
      type === "inlineStr"
        ? textOf(inner)
        : type === "s"
          ? (sst[Number(value)] ?? null)
          : value !== undefined
            ? decodeXml(value)
            : null;
    return {
      ref: attr("r"),
      style: Number(attr("s") || 0),
      type,
      hasFormula: /<(?:\w+:)?f[\s>/]/.test(inner),
      text,
    };
  });
}

/** `quotePrefix` of each cell format (cellXfs) in styles.xml, by index. */
function quotePrefixes(pkg: RawPackage): boolean[] {
  const styles = pkg.text("xl/styles.xml");
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? "";
  return [...cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) =>
    /\bquotePrefix="(1|true)"/.test(m[1] ?? ""),
  );
}

/** The sheet name and cell of an internal link location such as `'It''s'!A1` or `Sheet1!B2`. */
function parseLocation(location: string): { sheet: string; cell: string } | null {
  const quoted = /^'((?:[^']|'')+)'!(\$?[A-Z]{1,3}\$?\d+)$/.exec(location);
  if (quoted) return { sheet: (quoted[1] ?? "").replace(/''/g, "'"), cell: quoted[2] ?? "" };
  const plain = /^([^'!]+)!(\$?[A-Z]{1,3}\$?\d+)$/.exec(location);
  return plain ? { sheet: plain[1] ?? "", cell: plain[2] ?? "" } : null;
}

interface Checked {
  readonly run: CliRun;
  readonly pkg: RawPackage;
  readonly ours: ReadonlyArray<{ name: string; part: string }>;
  readonly cells: readonly RawCell[];
  readonly workbook: ExcelJS.Workbook;
}

async function checkOut(fixture: string, lang: "zh" | "en"): Promise<Checked> {
  const out = join(tmp, `${fixture}.${lang}.xlsx`);
  const run = await runCli(["check", join(BAD_DIR, fixture), "--out", out, "--lang", lang]);
  expect(run.thrown).toBeUndefined();
  expect([0, 1]).toContain(run.code);
  const input = await openWorkbook(join(BAD_DIR, fixture));
  const userSheets = new Set(input.worksheets.map((ws) => ws.name));
  const pkg = openPackage(out);
  const ours = pkg.sheets.filter((s) => !userSheets.has(s.name));
  expect(ours.length).toBeGreaterThanOrEqual(6);
  return {
    run,
    pkg,
    ours,
    cells: ours.flatMap((s) => rawCells(pkg, s.part)),
    workbook: await openWorkbook(out),
  };
}

describe.each(["zh", "en"] as const)("summary sheets in %s", (lang) => {
  let c: Checked;
  beforeAll(async () => {
    c = await checkOut("injection.xlsx", lang);
  }, 60_000);

  it("hold no formula at all (raw XML: no <f>, no formula-string cells)", () => {
    expect(c.cells.length).toBeGreaterThan(50);
    expect(c.cells.filter((cell) => cell.hasFormula || cell.type === "str").map((cell) => cell.ref)).toEqual(
      [],
    );
  });

  it("hold no formula as ExcelJS reads them", () => {
    const formulas: string[] = [];
    for (const { name } of c.ours) {
      c.workbook.getWorksheet(name)?.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula)
            formulas.push(`${name}!${cell.address}`);
        }),
      );
    }
    expect(formulas).toEqual([]);
  });

  it("copy every injected value through as the original text", () => {
    const texts = new Set(c.cells.map((cell) => cell.text));
    for (const value of INJECTION_VALUES) {
      // Cell text is trimmed by the normaliser; what is shown must be the value itself, not a result.
      const shown = texts.has(value) || texts.has(value.trim());
      if (!shown) throw new Error(`${JSON.stringify(value)} is not shown as text in any summary sheet`);
    }
    // Sheet names starting with = + - @ are quoted as text where we name them.
    for (const name of ["=工作人员名单", "+志愿活动"]) expect(texts).toContain(name);
  });

  it("mark formula-like text with quotePrefix so an edit in Excel keeps it text", () => {
    const quoted = quotePrefixes(c.pkg);
    const formulaLike = c.cells.filter((cell) => cell.text !== null && FORMULA_LIKE.test(cell.text));
    expect(formulaLike.length).toBeGreaterThan(10);
    expect(
      formulaLike.filter((cell) => !quoted[cell.style]).map((cell) => `${cell.ref}: ${cell.text}`),
    ).toEqual([]);
  });

  it("link only to cells inside the workbook", () => {
    expectInternalLinks(c);
  });

  it("keep terminal control sequences out of the console report", () => {
    // Colour is off (not a TTY, NO_COLOR), so any control character would come from the data.
    for (const stream of [c.run.stdout, c.run.stderr])
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      expect(stream).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The values themselves are still reported (made visible, not dropped).
    expect(c.run.stdout).toMatch(/2J|共青团员/);
    expect(TERMINAL_ESCAPES.length).toBeGreaterThan(0);
  });
});

function expectInternalLinks(c: Checked): void {
  const sheetNames = new Set(c.pkg.sheets.map((s) => s.name));
  const problems: string[] = [];
  let links = 0;
  for (const { name, part } of c.ours) {
    const xml = c.pkg.text(part);
    for (const m of xml.matchAll(/<(?:\w+:)?hyperlink\b([^>]*)\/?>/g)) {
      links++;
      const attrs = m[1] ?? "";
      if (/\br:id=/.test(attrs)) problems.push(`${name}: a relationship (external) link ${attrs}`);
      const location = decodeXml(/\blocation="([^"]*)"/.exec(attrs)?.[1] ?? "");
      const target = parseLocation(location);
      if (!target) problems.push(`${name}: unreadable location ${JSON.stringify(location)}`);
      else if (!sheetNames.has(target.sheet))
        problems.push(`${name}: link to a missing sheet ${target.sheet}`);
    }
    const rels = part.replace(/([^/]+)$/, "_rels/$1.rels");
    if (c.pkg.parts[rels]) {
      const relsXml = c.pkg.text(rels);
      if (/TargetMode="External"/.test(relsXml) || /relationships\/hyperlink"/.test(relsXml))
        problems.push(`${name}: external relationships in ${rels}`);
    }
  }
  expect(problems).toEqual([]);
  expect(links).toBeGreaterThan(0);
}

describe("hyperlinks in our sheets point inside the workbook", () => {
  it("even when the user's cells link to https:, mailto: and file: targets", async () => {
    expectInternalLinks(await checkOut("hyperlinks.xlsx", "zh"));
  }, 60_000);

  it("with sheet names that need quoting (spaces, < > \" | ' & # %)", async () => {
    const c = await checkOut("odd-sheet-names.xlsx", "zh");
    expectInternalLinks(c);
    const targets = c.ours.flatMap(({ part }) =>
      [...c.pkg.text(part).matchAll(/\blocation="([^"]*)"/g)].map(
        (m) => parseLocation(decodeXml(m[1] ?? ""))?.sheet,
      ),
    );
    for (const name of ODD_SHEET_NAMES) expect(targets).toContain(name);
  }, 60_000);
});

describe("the JSON report", () => {
  it("carries the injected values as plain strings", async () => {
    const json = join(tmp, "injection.json");
    await runCli(["check", join(BAD_DIR, "injection.xlsx"), "--json", json, "--lang", "zh"]);
    const report = JSON.parse(readFileSync(json, "utf8")) as { findings: Array<{ value?: unknown }> };
    const values = new Set(report.findings.map((f) => f.value));
    expect(INJECTION_VALUES.some((v) => values.has(v) || values.has(v.trim()))).toBe(true);
  });
});
