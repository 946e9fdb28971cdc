/**
 * The shape of src/ as an import graph: no import cycle, and the layers of README's layout (the
 * engine stands alone, Office.js code does not reach into the .xlsx layer, file mode does not reach
 * into the pane, the pane reaches adapters only through their index.ts). Every import counts:
 * type-only, re-exports, `import("…")` in types and dynamic imports. Packages are the lint rule's
 * business (`no-restricted-imports` in eslint.config.mjs), except ExcelJS: a dev dependency, the
 * tests' oracle, which only test helpers may load.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "..");
const SRC = path.join(ROOT, "src");

/** File → the project files it imports, as paths relative to the repository root with "/". */
type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The non-test .ts/.tsx files under `dir` (declaration files declare, they do not import). */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => path.join(dir, f));
}

const relative = (file: string): string => path.relative(ROOT, file).split(path.sep).join("/");

/** The import graph of `files`, each import resolved the way the compiler resolves it. */
function importGraph(files: readonly string[]): ImportGraph {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const inProject = new Set(files.map(relative));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      const target = resolved && relative(resolved.resolvedFileName);
      if (target && inProject.has(target)) targets.add(target);
    }
    graph.set(relative(file), [...targets].sort());
  }
  return graph;
}

/** Every cycle of the graph, one per strongly connected component, as a path back to its start. */
function cycles(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative so that a deep chain of imports cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, index.size);
    low.set(start, index.get(start)!);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = graph.get(top.node) ?? [];
      if (top.next < targets.length) {
        const w = targets[top.next++]!;
        if (!index.has(w)) {
          index.set(w, index.size);
          low.set(w, index.get(w)!);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) low.set(top.node, Math.min(low.get(top.node)!, index.get(w)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const component: string[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) {
        onStack.delete(w);
        component.push(w);
        if (w === top.node) break;
      }
      const selfLoop = (graph.get(top.node) ?? []).includes(top.node);
      if (component.length > 1 || selfLoop) components.push(cycleIn(graph, new Set(component)));
    }
  }
  return components;
}

/** One cycle inside a strongly connected component: a shortest path from its first file back to it. */
function cycleIn(graph: ImportGraph, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const w of graph.get(node) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const cycle = [start];
        for (let n: string | undefined = node; n !== undefined && n !== start; n = cameFrom.get(n))
          cycle.splice(1, 0, n);
        return [...cycle, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, node);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** A layering rule: an import from a file under `from` that `forbids` its target breaks it. */
interface LayerRule {
  readonly name: string;
  readonly from: string;
  readonly forbids: (target: string) => boolean;
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

/** The layers of README's layout. */
const LAYER_RULES: readonly LayerRule[] = [
  {
    name: "src/engine imports nothing outside src/engine",
    from: "src/engine",
    forbids: (t) => !under("src/engine")(t),
  },
  {
    name: "src/adapters/office imports nothing from src/adapters/xlsx",
    from: "src/adapters/office",
    forbids: under("src/adapters/xlsx"),
  },
  {
    name: "src/adapters/file imports nothing from src/ui",
    from: "src/adapters/file",
    forbids: under("src/ui"),
  },
  {
    name: "src/ui imports adapters only through their index.ts",
    from: "src/ui",
    forbids: (t) => under("src/adapters")(t) && !/^src\/adapters\/[^/]+\/index\.tsx?$/.test(t),
  },
];

/** The imports that break `rule`, as "file → target". */
function violations(graph: ImportGraph, rule: LayerRule): string[] {
  return [...graph].flatMap(([file, targets]) =>
    under(rule.from)(file) ? targets.filter(rule.forbids).map((t) => `${file} → ${t}`) : [],
  );
}

/** The files of `files` that import the package `name` (or a module inside it). */
function importersOf(files: readonly string[], name: string): string[] {
  return files
    .filter((file) =>
      ts
        .preProcessFile(fs.readFileSync(file, "utf8"), true, true)
        .importedFiles.some((i) => i.fileName === name || i.fileName.startsWith(`${name}/`)),
    )
    .map(relative);
}

/** Test helpers: a `testing/` folder or a `testing.ts` (tests themselves are not in the graph). */
const isTestHelper = (file: string): boolean => /\/testing(\/|\.tsx?$)/.test(file);

/**
 * Breaches that landed on main after this test, each waiting for its owner's fix, with the fix.
 * The test fails on any other breach, and on a listed one that is gone, so the list only shrinks.
 */
const KNOWN_BREACHES: Readonly<Record<string, string>> = {};

describe("the import graph of src/", () => {
  const files = sourceFiles(SRC);
  const graph = importGraph(files);

  it("loads ExcelJS only in test helpers (it is the tests' oracle and a dev dependency)", () => {
    const importers = importersOf(files, "exceljs");
    expect(importers).toContain("src/adapters/xlsx/testing/exceljsOracle.ts");
    expect(importers.filter((f) => !isTestHelper(f))).toEqual([]);
  });

  it("is the graph of the project's files, type-only imports included", () => {
    // A sanity check that resolution works: a known type-only import and a known re-export.
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("src/engine/stats/political.ts")).toContain("src/engine/types.ts");
    expect(graph.get("src/adapters/xlsx/index.ts")).toContain("src/adapters/xlsx/limits.ts");
  });

  const found = new Set([
    ...cycles(graph).map((c) => c.join(" → ")),
    ...LAYER_RULES.flatMap((r) => violations(graph, r)),
  ]);
  const unknown = (breaches: readonly string[]) => breaches.filter((b) => !(b in KNOWN_BREACHES));

  it("has no import cycle", () => {
    expect(unknown(cycles(graph).map((c) => c.join(" → ")))).toEqual([]);
  });

  it.each(LAYER_RULES.map((r) => [r.name, r] as const))("%s", (_name, rule) => {
    expect(unknown(violations(graph, rule))).toEqual([]);
  });

  it("still has every known breach (remove the ones fixed, so the list only shrinks)", () => {
    expect(Object.keys(KNOWN_BREACHES).filter((b) => !found.has(b))).toEqual([]);
  });
});

describe("the checks themselves", () => {
  const graphOf = (edges: Record<string, readonly string[]>): ImportGraph => new Map(Object.entries(edges));

  it("find a cycle and print it as a path, and find none in a tree with shared leaves", () => {
    const withCycle = graphOf({ a: ["b"], b: ["c"], c: ["a", "d"], d: [], e: ["e"] });
    expect(cycles(withCycle).map((c) => c.join(" → "))).toEqual(["a → b → c → a", "e → e"]);
    expect(cycles(graphOf({ a: ["b", "c"], b: ["d"], c: ["d"], d: [] }))).toEqual([]);
  });

  it("count type-only imports, re-exports and import() types", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-architecture-"));
    try {
      const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
      write("a.ts", 'import type { B } from "./b";\nexport type A = B;\n');
      write("b.ts", 'export type B = Record<import("./c").C, number>;\n');
      write("c.ts", 'export * from "./d";\nexport type C = "c";\n');
      write("d.ts", 'export const load = () => import("./a");\n');
      const files = ["a.ts", "b.ts", "c.ts", "d.ts"].map((f) => path.join(dir, f));
      const name = (f: string) => relative(path.join(dir, f));
      expect(cycles(importGraph(files))).toEqual([
        [name("a.ts"), name("b.ts"), name("c.ts"), name("d.ts"), name("a.ts")],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(LAYER_RULES.map((r) => [r.name, r] as const))("flag a breach of: %s", (_name, rule) => {
    const breach: Record<string, string> = {
      "src/engine": "src/adapters/xlsx/index.ts",
      "src/adapters/office": "src/adapters/xlsx/zip.ts",
      "src/adapters/file": "src/ui/App.tsx",
      "src/ui": "src/adapters/file/session.ts",
    };
    const target = breach[rule.from]!;
    const file = `${rule.from}/x.ts`;
    expect(violations(graphOf({ [file]: [target] }), rule)).toEqual([`${file} → ${target}`]);
    expect(violations(graphOf({ [file]: [`${rule.from}/y.ts`], "src/other/z.ts": [target] }), rule)).toEqual(
      [],
    );
  });
});
