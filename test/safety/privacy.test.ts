/**
 * Private by design (issue 6): the engine, the CLI and the xlsx adapter make no network calls.
 * Statically: nothing in their import graph — our sources and the npm packages they pull in — loads
 * a network module, and our sources use no browser network API. At run time: the CLI checks the
 * sample with every Node network entry point and `fetch` trapped, and none is touched.
 */
import { createRequire, builtinModules } from "node:module";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOT = resolve(__dirname, "..", "..");
const SCOPES = ["src/engine", "src/cli", "src/adapters/xlsx"];

/** Modules that talk to the network (bare and `node:` forms are both checked). */
const NETWORK_MODULES = new Set([
  "http",
  "https",
  "http2",
  "net",
  "tls",
  "dgram",
  "dns",
  "dns/promises",
  "inspector",
  "child_process", // spawning curl or PowerShell is a network call by other means
  "undici",
  "node-fetch",
  "cross-fetch",
  "isomorphic-fetch",
  "axios",
  "got",
  "request",
  "superagent",
  "ky",
  "ws",
  "socket.io-client",
  "@sentry/node",
  "@sentry/browser",
  "posthog-js",
  "mixpanel",
  "applicationinsights",
]);

/** Identifiers that mean a browser network call (or loading code from the network). */
const NETWORK_GLOBALS = new Set([
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "EventSource",
  "sendBeacon",
  "importScripts",
  "RTCPeerConnection",
]);

/**
 * Third-party packages the three scopes may import, each checked transitively below. A new
 * dependency fails this test until someone has looked at it and added it here.
 */
// docx (issue 11): builds the Word report in memory (Packer.pack to bytes); checked by the transitive test below.
const KNOWN_PACKAGES = new Set(["docx", "exceljs", "fflate", "saxes", "zod"]);

/** Tests and their helpers (a `testing/` folder or a `testing.ts` beside the tests) ship in no bundle. */
function isTest(file: string): boolean {
  return /\.test\.tsx?$|\/testing\.tsx?$/.test(file) || file.includes(`${"/"}testing${"/"}`);
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name) && !name.endsWith(".d.ts") && !isTest(p)) out.push(p);
  }
  return out;
}

/** Every module specifier of a file: imports, exports, `require(…)`, `import(…)`. */
function specifiers(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function bare(spec: string): string {
  const s = spec.replace(/^node:/, "");
  const parts = s.split("/");
  return s.startsWith("@") ? parts.slice(0, 2).join("/") : s === "dns/promises" ? s : (parts[0] ?? s);
}

function resolveLocal(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
    join(base, "index.js"),
    base.replace(/\.js$/, ".ts"),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

interface Graph {
  readonly ours: Set<string>;
  readonly packages: Map<string, string>; // package name → a file that imports it
  readonly problems: string[];
}

/** Walk our sources from the three scopes through relative imports. */
function ourGraph(): Graph {
  const ours = new Set<string>();
  const packages = new Map<string, string>();
  const problems: string[] = [];
  const queue = SCOPES.flatMap((s) => sourceFiles(join(ROOT, s)));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (ours.has(file)) continue;
    ours.add(file);
    for (const spec of specifiers(file)) {
      const where = relative(ROOT, file);
      if (spec.startsWith(".")) {
        const target = resolveLocal(file, spec);
        if (target && !isTest(target)) queue.push(target);
        continue;
      }
      const name = bare(spec);
      if (NETWORK_MODULES.has(name)) problems.push(`${where} imports the network module "${spec}"`);
      else if (spec.startsWith("node:") || builtinModules.includes(name)) continue;
      else packages.set(name, where);
    }
  }
  return { ours, packages, problems };
}

/** Walk an npm package's runtime files (Node resolution) and report network modules it loads. */
function packageProblems(pkg: string, importer: string, seen = new Set<string>()): string[] {
  const problems: string[] = [];
  let entry: string;
  try {
    entry = createRequire(join(ROOT, importer)).resolve(pkg);
  } catch {
    return [`${pkg} (imported by ${importer}) cannot be resolved`];
  }
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !/\.(js|cjs|mjs)$/.test(file)) continue;
    seen.add(file);
    const req = createRequire(file);
    for (const spec of specifiers(file)) {
      const name = bare(spec);
      if (NETWORK_MODULES.has(name)) {
        problems.push(`${relative(ROOT, file)} (in ${pkg}) loads "${spec}"`);
        continue;
      }
      if (spec.startsWith("node:") || builtinModules.includes(name)) continue;
      try {
        queue.push(req.resolve(spec));
      } catch {
        // Optional or browser-only requires that Node cannot resolve are never loaded in Node.
      }
    }
  }
  return problems;
}

/** Uses of browser network APIs in one of our files (comments and strings do not count). */
function networkGlobals(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && NETWORK_GLOBALS.has(node.text)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(ROOT, file)}:${line + 1} uses ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no network: the import graph", () => {
  const graph = ourGraph();

  it("covers the engine, the CLI and the xlsx adapter", () => {
    const rel = [...graph.ours].map((f) => relative(ROOT, f));
    expect(rel.some((f) => f.startsWith("src/engine/"))).toBe(true);
    expect(rel.some((f) => f.startsWith("src/adapters/xlsx/"))).toBe(true);
    expect(rel.some((f) => f.startsWith("src/cli/"))).toBe(true);
  });

  it("none of our files imports a network module", () => {
    expect(graph.problems).toEqual([]);
  });

  it("none of our files uses fetch, XMLHttpRequest, WebSocket, sendBeacon …", () => {
    expect([...graph.ours].flatMap(networkGlobals)).toEqual([]);
  });

  it("imports only third-party packages someone has checked", () => {
    const unknown = [...graph.packages].filter(([name]) => !KNOWN_PACKAGES.has(name));
    expect(unknown.map(([name, by]) => `${name} (imported by ${by})`)).toEqual([]);
  });

  it("the packages we import load no network module, transitively", () => {
    const problems = [...graph.packages].flatMap(([name, by]) => packageProblems(name, by));
    expect(problems).toEqual([]);
  });

  it("would notice a network import (the check itself works)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ziping-privacy-"));
    try {
      const file = join(dir, "bad.ts");
      writeFileSync(
        file,
        'import http from "node:http";\nconst x = require("axios");\n// fetch( in a comment is fine\nexport const f = () => fetch("https://example.com");\n',
      );
      expect(specifiers(file).map(bare)).toEqual(["http", "axios"]);
      expect(networkGlobals(file)).toHaveLength(1);
      const seen = new Set<string>();
      expect(packageProblems("exceljs", "package.json", seen)).toEqual([]);
      // The walk really goes through ExcelJS and its dependencies (JSZip, unzipper, archiver …).
      expect(seen.size).toBeGreaterThan(300);
      expect([...seen].some((f) => f.includes("node_modules/jszip/"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("no network: at run time", () => {
  const SAMPLE = join(ROOT, "samples", "sample-2022.xlsx");

  it("the CLI checks the sample and writes its outputs without touching the network", async () => {
    expect(existsSync(SAMPLE)).toBe(true);
    /* eslint-disable @typescript-eslint/no-require-imports -- patch the very module objects the CLI will require */
    const http = require("node:http");
    const https = require("node:https");
    const net = require("node:net");
    const tls = require("node:tls");
    const dns = require("node:dns");
    const dgram = require("node:dgram");
    const childProcess = require("node:child_process");
    /* eslint-enable @typescript-eslint/no-require-imports */
    const calls: string[] = [];
    const trap = (name: string) => (): never => {
      calls.push(name);
      throw new Error(`network call ${name} during a check`);
    };
    const spies = [
      jest.spyOn(http, "request").mockImplementation(trap("http.request")),
      jest.spyOn(http, "get").mockImplementation(trap("http.get")),
      jest.spyOn(https, "request").mockImplementation(trap("https.request")),
      jest.spyOn(https, "get").mockImplementation(trap("https.get")),
      jest.spyOn(net, "connect").mockImplementation(trap("net.connect")),
      jest.spyOn(net, "createConnection").mockImplementation(trap("net.createConnection")),
      jest.spyOn(net.Socket.prototype, "connect").mockImplementation(trap("net.Socket#connect")),
      jest.spyOn(tls, "connect").mockImplementation(trap("tls.connect")),
      jest.spyOn(dns, "lookup").mockImplementation(trap("dns.lookup")),
      jest.spyOn(dgram, "createSocket").mockImplementation(trap("dgram.createSocket")),
      jest.spyOn(childProcess, "spawn").mockImplementation(trap("child_process.spawn")),
      jest.spyOn(childProcess, "exec").mockImplementation(trap("child_process.exec")),
    ];
    const originalFetch = globalThis.fetch;
    globalThis.fetch = trap("fetch") as unknown as typeof fetch;
    const stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    const stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), "ziping-privacy-"));
    try {
      // Loaded after the traps are set, so even module initialisation is covered.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate late load
      const { run } = require("../../src/cli/main") as { run: (argv: string[]) => Promise<number> };
      const code = await run([
        "check",
        SAMPLE,
        "--json",
        join(dir, "report.json"),
        "--out",
        join(dir, "out.xlsx"),
        "--lang",
        "zh",
      ]);
      expect([0, 1]).toContain(code);
      expect(existsSync(join(dir, "out.xlsx"))).toBe(true);
    } finally {
      globalThis.fetch = originalFetch;
      for (const s of spies) s.mockRestore();
      stderr.mockRestore();
      stdout.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(calls).toEqual([]);
  });
});

describe("dependencies", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages?: Record<string, unknown>;
  };

  it("does not use the registry's `xlsx` package (its last published version has known advisories)", () => {
    for (const field of ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"]) {
      const deps = (pkg[field] ?? {}) as Record<string, string>;
      expect(Object.keys(deps)).not.toContain("xlsx");
    }
    const locked = Object.keys(lock.packages ?? {}).filter((p) => /(^|\/)node_modules\/xlsx$/.test(p));
    expect(locked).toEqual([]);
  });

  it("ships no ExcelJS: it is the tests' oracle, a dev dependency (the lean reader and the package writer ship)", () => {
    expect(Object.keys((pkg.dependencies ?? {}) as Record<string, string>)).not.toContain("exceljs");
    expect(Object.keys((pkg.devDependencies ?? {}) as Record<string, string>)).toContain("exceljs");
  });

  it("has the audit script that CI runs", () => {
    const scripts = (pkg.scripts ?? {}) as Record<string, string>;
    expect(scripts["audit:prod"]).toBe("npm audit --omit=dev --audit-level=high");
  });
});
