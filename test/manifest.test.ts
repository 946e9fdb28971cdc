/**
 * The add-in manifest, checked offline: well-formed, valid against Microsoft's task-pane XSDs
 * (../shared/office-schemas), every resid defined and at most 32 characters, every URL https,
 * every icon present at its size, zh-CN with an en-US override for every string, the commands it
 * names registered, and the production build's manifest pointing at ADDIN_URL.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SaxesParser } from "saxes";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const VALIDATOR = path.resolve(ROOT, "..", "shared", "office-schemas", "validate-manifest.sh");
// The helper webpack.config.js uses to write the public URL into dist/web/manifest.xml.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS build script shared with webpack
const manifestUrl = require("../scripts/manifest-url.js") as {
  DEV_URL: string;
  publicUrl(addinUrl: string | undefined): string;
  rewriteManifest(manifest: string, url: string): string;
};

interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: Element[];
  text: string;
  readonly parent: Element | null;
}

/** Parses XML into a small element tree; throws on anything that is not well-formed. */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: false });
  const root: Element = { name: "#document", attributes: {}, children: [], text: "", parent: null };
  let current = root;
  parser.on("opentag", (tag) => {
    const el: Element = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      children: [],
      text: "",
      parent: current,
    };
    current.children.push(el);
    current = el;
  });
  parser.on("text", (t) => {
    current.text += t;
  });
  parser.on("closetag", () => {
    current = current.parent ?? root;
  });
  parser.write(xml).close();
  return root;
}

function all(el: Element, pred: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const c of el.children) {
    if (pred(c)) out.push(c);
    all(c, pred, out);
  }
  return out;
}

const local = (name: string): string => name.replace(/^.*:/, "");
const byName = (root: Element, name: string): Element[] => all(root, (e) => local(e.name) === name);

function validate(file: string): ReturnType<typeof spawnSync> {
  return spawnSync("bash", [VALIDATOR, file], { encoding: "utf8" });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in the repository a development URL serves. */
function localFile(url: string): string {
  expect(url.startsWith(manifestUrl.DEV_URL)).toBe(true);
  return path.join(ROOT, url.slice(manifestUrl.DEV_URL.length));
}

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = parseXml(xml);
const resources = byName(doc, "Resources")[0] as Element;
const defined = new Map(
  all(resources, (e) => e.attributes.id !== undefined && e.attributes.DefaultValue !== undefined).map((e) => [
    e.attributes.id as string,
    e,
  ]),
);

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(() => parseXml(xml)).not.toThrow();
    expect(() => parseXml("<a><b></a>")).toThrow();
  });

  it("validates against the offline Office add-in XSDs", () => {
    const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
    if (probe.error) {
      throw new Error(
        "xmllint is missing: install it with `apt-get install -y libxml2-utils` (Debian/Ubuntu).",
      );
    }
    if (!fs.existsSync(VALIDATOR)) {
      throw new Error(
        `The offline schemas are missing: expected ${VALIDATOR} (shared/office-schemas next to this repository).`,
      );
    }
    const result = validate(MANIFEST);
    expect({ status: result.status, stderr: String(result.stderr).trim() }).toEqual({
      status: 0,
      stderr: `${MANIFEST} validates`,
    });
  });

  it("is an Excel task-pane add-in that reads and writes the document and needs ExcelApi 1.7", () => {
    const app = byName(doc, "OfficeApp")[0] as Element;
    expect(app.attributes["xsi:type"]).toBe("TaskPaneApp");
    expect(byName(doc, "Id")[0]?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(byName(doc, "Permissions")[0]?.text).toBe("ReadWriteDocument");
    expect(
      byName(app, "Host")
        .filter((h) => h.attributes.Name)
        .map((h) => h.attributes.Name),
    ).toEqual(["Workbook"]);
    expect(byName(doc, "Set").map((s) => s.attributes)).toEqual([{ Name: "ExcelApi", MinVersion: "1.7" }]);
    expect(byName(doc, "Runtimes")).toEqual([]);
  });

  it("has a 自评助手 group on the Home tab with 校验, 生成汇总 and 打开助手", () => {
    const tab = byName(doc, "OfficeTab")[0] as Element;
    expect(tab.attributes.id).toBe("TabHome");
    const group = byName(tab, "Group")[0] as Element;
    const label = (e: Element): string =>
      defined.get(byName(e, "Label")[0]?.attributes.resid ?? "")?.attributes.DefaultValue ?? "";
    expect(label(group)).toBe("自评助手");
    const controls = byName(group, "Control").map((c) => {
      const action = byName(c, "Action")[0] as Element;
      return [label(c), action.attributes["xsi:type"], byName(action, "FunctionName")[0]?.text ?? null];
    });
    expect(controls).toEqual([
      ["校验", "ExecuteFunction", "validate"],
      ["生成汇总", "ExecuteFunction", "summarize"],
      ["打开助手", "ShowTaskpane", null],
    ]);
    const url = (resid: string | undefined): string | undefined =>
      defined.get(resid ?? "")?.attributes.DefaultValue;
    expect(url(byName(doc, "FunctionFile")[0]?.attributes.resid)).toBe(`${manifestUrl.DEV_URL}commands.html`);
    const pane = byName(group, "SourceLocation")[0]?.attributes.resid;
    expect(url(pane)).toBe(`${manifestUrl.DEV_URL}taskpane.html`);
    expect(byName(doc, "DefaultSettings")[0]?.children[0]?.attributes.DefaultValue).toBe(
      `${manifestUrl.DEV_URL}taskpane.html`,
    );
  });

  it("defines every resid it uses, each at most 32 characters, and uses every one it defines", () => {
    const used = all(doc, (e) => e.attributes.resid !== undefined).map((e) => e.attributes.resid as string);
    for (const id of used) expect([id, defined.has(id)]).toEqual([id, true]);
    for (const id of defined.keys()) {
      expect(id.length).toBeLessThanOrEqual(32);
      expect(used).toContain(id);
    }
  });

  it("uses https for every URL", () => {
    const urls = all(doc, () => true)
      .flatMap((e) => [...Object.values(e.attributes), e.children.length === 0 ? e.text.trim() : ""])
      .filter(
        (v) =>
          /^[a-z][a-z0-9+.-]*:\/\//i.test(v) &&
          !v.startsWith("http://schemas.microsoft.com/") &&
          !v.startsWith("http://www.w3.org/"),
      );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it("has every icon file, with the pixel size it is declared at", () => {
    const sized: Array<[string, number]> = [
      [byName(doc, "IconUrl")[0]?.attributes.DefaultValue ?? "", 32],
      [byName(doc, "HighResolutionIconUrl")[0]?.attributes.DefaultValue ?? "", 64],
    ];
    for (const img of byName(doc, "Image").filter((e) => e.attributes.resid)) {
      sized.push([
        defined.get(img.attributes.resid ?? "")?.attributes.DefaultValue ?? "",
        Number(img.attributes.size),
      ]);
    }
    expect(new Set(sized.map(([, s]) => s))).toEqual(new Set([16, 32, 64, 80]));
    for (const [url, size] of sized) {
      const file = localFile(url);
      expect([file, fs.existsSync(file)]).toEqual([file, true]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("is zh-CN by default with an en-US override for every string", () => {
    expect(byName(doc, "DefaultLocale")[0]?.text).toBe("zh-CN");
    const strings = [
      ...byName(doc, "DisplayName"),
      ...byName(doc, "Description").filter((e) => e.attributes.DefaultValue !== undefined),
      ...[...defined.values()].filter((e) => local(e.name) === "String"),
    ];
    expect(strings.length).toBeGreaterThanOrEqual(9);
    for (const s of strings) {
      expect(s.attributes.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const overrides = s.children
        .filter((c) => local(c.name) === "Override")
        .map((c) => c.attributes.Locale);
      expect([s.attributes.id ?? s.name, overrides]).toEqual([s.attributes.id ?? s.name, ["en-US"]]);
    }
  });

  it("names functions that commands.ts registers", async () => {
    const names = byName(doc, "FunctionName").map((f) => f.text);
    await import("../src/commands/commands");
    for (const n of names)
      expect([n, typeof (globalThis as unknown as Record<string, unknown>)[n]]).toEqual([n, "function"]);
  });
});

describe("the support matrix in docs/office-addin.md", () => {
  const docs = fs.readFileSync(path.join(ROOT, "docs", "office-addin.md"), "utf8");
  const minMinor = (): number => {
    const min = byName(doc, "Set").find((e) => e.attributes.Name === "ExcelApi")?.attributes.MinVersion ?? "";
    return Number(/^1\.(\d+)$/.exec(min)?.[1] ?? NaN);
  };

  /** The matrix rows after the marker comment: cells of each table row below the header. */
  function matrix(): string[][] {
    const from = docs.indexOf("The manifest test reads this table");
    expect(from).toBeGreaterThan(0);
    const lines = docs.slice(from).split("\n").slice(1);
    const table = lines.slice(lines.findIndex((l) => l.startsWith("|")));
    const rows = table.slice(
      0,
      table.findIndex((l) => !l.startsWith("|")),
    );
    return rows.slice(2).map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }

  it("admits exactly the Excels whose ExcelApi reaches the manifest's MinVersion, and gives those the ribbon", () => {
    const rows = matrix();
    expect(rows.length).toBeGreaterThan(5);
    for (const [excel, , api, admitted, ribbon, pane] of rows) {
      const version = Number(/^1\.(\d+)/.exec(api ?? "")?.[1] ?? NaN);
      expect([excel, Number.isNaN(version)]).toEqual([excel, false]);
      // Requirement-set versions compare by their minor number (1.17 is newer than 1.7).
      const shouldAdmit = version >= minMinor();
      expect([excel, admitted]).toEqual([excel, shouldAdmit ? "yes" : "no"]);
      expect([excel, ribbon]).toEqual([excel, shouldAdmit ? "yes" : "—"]);
      if (!shouldAdmit) expect([excel, pane]).toEqual([excel, "—"]);
    }
    // The matrix covers an Excel the manifest keeps out (volume-licensed Office 2016).
    expect(rows.some((r) => r[3] === "no")).toBe(true);
  });

  it("no document claims “Excel 2016 or later” (volume-licensed Office 2016 cannot load the add-in)", () => {
    const files = [
      path.join(ROOT, "README.md"),
      ...fs.readdirSync(path.join(ROOT, "docs")).map((f) => path.join(ROOT, "docs", f)),
    ];
    for (const file of files.filter((f) => f.endsWith(".md"))) {
      const text = fs.readFileSync(file, "utf8");
      expect([file, /(Excel|Office) 2016 or later|Office 2016\+/i.test(text)]).toEqual([file, false]);
    }
  });
});

describe("the built manifest", () => {
  const ADDIN_URL = "https://ziping.example.edu/addin";

  it("points every URL at ADDIN_URL, as webpack writes it, and still validates", () => {
    // Load the real webpack config in production mode in plain Node and run its manifest
    // transform. copy-webpack-plugin is stubbed to a holder of its options: the test is about our
    // transform, not the plugin (whose schema check needs ajv 8, see \`npm ls ajv\`).
    const script = `
      const Module = require("node:module");
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === "copy-webpack-plugin") return class { constructor(o) { this.patterns = o.patterns; } };
        return load.call(this, request, ...rest);
      };
      const config = await require("./webpack.config.js")({}, { mode: "production" });
      const pattern = config.plugins.flatMap((p) => p.patterns || []).find((p) => p.from === "manifest.xml");
      const out = pattern.transform(require("node:fs").readFileSync("manifest.xml"));
      process.stdout.write(String(out));
    `;
    const run = spawnSync(
      process.execPath,
      ["--input-type=commonjs", "-e", `(async () => { ${script} })()`],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, ADDIN_URL },
      },
    );
    expect(run.stderr).toBe("");
    const built = run.stdout;
    expect(built).toBe(manifestUrl.rewriteManifest(xml, `${ADDIN_URL}/`));
    expect(built).toContain(`${ADDIN_URL}/taskpane.html`);
    expect(built).toContain(`${ADDIN_URL}/commands.html`);
    expect(built).toContain(`${ADDIN_URL}/assets/icon-80.png`);
    expect(built).not.toContain("localhost");
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-manifest-"));
    const file = path.join(tmp, "manifest.xml");
    fs.writeFileSync(file, built);
    expect(validate(file).status).toBe(0);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("is what scripts/manifest-url.js makes of the development manifest", () => {
    const built = manifestUrl.rewriteManifest(xml, manifestUrl.publicUrl(ADDIN_URL));
    expect(built.split(`${ADDIN_URL}/`).length).toBe(xml.split(manifestUrl.DEV_URL).length);
  });

  it("accepts only an https ADDIN_URL and defaults to the development URL", () => {
    expect(manifestUrl.publicUrl(undefined)).toBe("https://localhost:3000/");
    expect(manifestUrl.publicUrl("https://a.example/x/")).toBe("https://a.example/x/");
    expect(() => manifestUrl.publicUrl("http://a.example/")).toThrow(/https/);
    expect(() => manifestUrl.publicUrl("not a url")).toThrow(/not a URL/);
  });
});
