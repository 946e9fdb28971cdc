/**
 * The built ribbon-command bundle runs where only ES5 exists (Internet Explorer 11's Trident): it is
 * loaded in a `vm` context whose ES2015+ built-ins are removed, so everything newer it uses must
 * come from its own core-js polyfills, and it runs 校验 and 生成汇总 to completion on the bundled
 * samples against the recording fake of Excel. What it writes and says must equal what the same
 * command compiled for Node writes and says.
 */
import * as path from "node:path";
import * as vm from "node:vm";
import ExcelJS from "exceljs";
import { FakeWorkbook, type FakeValue } from "../../src/adapters/office/testing/fakeExcel";
import { fakeHost } from "../../src/adapters/office/testing/fixtures";
import { handleCommand, type CommandMessage, type CommandName } from "../../src/commands/run";
import { legacyBundles } from "./legacyBuild";

jest.setTimeout(180_000);

/** Globals that ES5 does not have; the bundle must bring what it needs (core-js) or do without. */
const NOT_ES5 = [
  "Promise",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "WeakRef",
  "Symbol",
  "Reflect",
  "Proxy",
  "fetch",
  "globalThis",
  "queueMicrotask",
  "structuredClone",
  "TextEncoder",
  "TextDecoder",
  "URL",
  "URLSearchParams",
  "Intl",
];
const NOT_ES5_STATICS: Record<string, string[]> = {
  Object: ["assign", "entries", "values", "fromEntries", "getOwnPropertySymbols", "is", "setPrototypeOf"],
  Array: ["from", "of"],
  Number: ["isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt", "EPSILON"],
  Math: ["trunc", "sign", "log10", "log2", "hypot", "fround", "imul", "clz32", "cbrt", "expm1", "log1p"],
  String: ["fromCodePoint", "raw"],
};
const NOT_ES5_METHODS: Record<string, string[]> = {
  Array: [
    "find",
    "findIndex",
    "findLast",
    "findLastIndex",
    "fill",
    "includes",
    "flat",
    "flatMap",
    "at",
    "entries",
    "keys",
    "values",
    "copyWithin",
  ],
  String: [
    "includes",
    "startsWith",
    "endsWith",
    "repeat",
    "padStart",
    "padEnd",
    "trimStart",
    "trimEnd",
    "at",
    "codePointAt",
    "normalize",
    "replaceAll",
    "matchAll",
  ],
};

/** A context with only ES5's built-ins (and a timer, as every browser has). */
function es5Context(): vm.Context {
  const context = vm.createContext({ setTimeout, clearTimeout, console });
  const strip = [
    ...NOT_ES5.map((name) => `delete this[${JSON.stringify(name)}];`),
    ...Object.entries(NOT_ES5_STATICS).flatMap(([owner, names]) =>
      names.map((n) => `delete ${owner}[${JSON.stringify(n)}];`),
    ),
    ...Object.entries(NOT_ES5_METHODS).flatMap(([owner, names]) =>
      names.map((n) => `delete ${owner}.prototype[${JSON.stringify(n)}];`),
    ),
    "var window = this, self = this;",
  ].join("\n");
  vm.runInContext(strip, context);
  return context;
}

/** The recording fake workbook with the values and number formats of a sample .xlsx. */
async function fakeFromXlsx(file: string): Promise<FakeWorkbook> {
  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.readFile(file);
  const book = new FakeWorkbook();
  for (const ws of xlsx.worksheets) {
    const rows: (FakeValue | null)[][] = [];
    const formats: (string | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const values: (FakeValue | null)[] = (rows[r - 1] = []);
      const fmts: (string | null)[] = (formats[r - 1] = []);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        values[c - 1] = plain(cell.value);
        fmts[c - 1] = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
      });
    });
    for (let r = 0; r < rows.length; r++) {
      rows[r] ??= [];
      formats[r] ??= [];
    }
    book.addSheet(ws.name, {
      rows,
      formats,
      visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible",
    });
  }
  return book;
}

/** A cell value as Office.js would give it (dates as serials, formulas as their results). */
function plain(value: ExcelJS.CellValue): FakeValue | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("result" in value) return plain(value.result as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return null;
  }
  return value;
}

/**
 * Values from the fake (another realm) made to look like the page's own: in IE 11, office.js
 * builds its arrays with the page's `Array`, which core-js has made iterable; arrays from this
 * test's realm would not be. Plain arrays and objects are copied into the context, the fake's
 * objects are wrapped (their methods' results copied the same way), and a wrapped object handed
 * back to the fake is unwrapped so it sees its own object again.
 */
function membrane(context: vm.Context): (value: unknown) => unknown {
  const newArray = vm.runInContext("(function () { return []; })", context) as () => unknown[];
  const newObject = vm.runInContext("(function () { return {}; })", context) as () => Record<string, unknown>;
  const targets = new WeakMap<object, object>();
  const unwrap = (v: unknown): unknown => (typeof v === "object" && v !== null ? (targets.get(v) ?? v) : v);
  const into = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    if (targets.has(value)) return value;
    if (value instanceof Promise) return value.then(into);
    if (Array.isArray(value)) {
      const out = newArray();
      for (const v of value) out.push(into(v));
      return out;
    }
    const plainData =
      Object.getPrototypeOf(value) === Object.prototype &&
      Object.values(Object.getOwnPropertyDescriptors(value)).every((d) => "value" in d);
    if (plainData) {
      const out = newObject();
      for (const [k, v] of Object.entries(value)) out[k] = into(v);
      return out;
    }
    const proxy = new Proxy(value, {
      get(target, key) {
        const v = Reflect.get(target, key, target) as unknown;
        if (typeof v !== "function") return into(v);
        return (...args: unknown[]) =>
          into((v as (...a: unknown[]) => unknown).apply(target, args.map(unwrap)));
      },
      set(target, key, v) {
        return Reflect.set(target, key, v, target);
      },
    });
    targets.set(proxy, value);
    return proxy;
  };
  return into;
}

interface Pressed {
  readonly completed: number;
  readonly message: CommandMessage;
}

/** Loads the command bundle into an ES5-only context with a fake office.js over `book`. */
function loadBundle(
  code: string,
  book: FakeWorkbook,
  options: { associateThrows?: boolean } = {},
): { press(name: CommandName): Promise<Pressed> } {
  const context = es5Context();
  const actions: Record<string, (event: { completed(): void }) => void> = {};
  const dialogs: string[] = [];
  context.location = { href: "https://addin.example/commands.html" };
  context.navigator = {
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko",
    language: "zh-CN",
  };
  const into = membrane(context);
  context.Excel = {
    run: (batch: Parameters<FakeWorkbook["run"]>[0]) => book.run((ctx) => batch(into(ctx) as typeof ctx)),
  };
  context.Office = {
    onReady: (callback?: (info: unknown) => void) => {
      callback?.({ host: "Excel", platform: "PC" });
      return { then: (f: (info: unknown) => void) => f({ host: "Excel", platform: "PC" }) };
    },
    actions: {
      associate: (name: string, action: (typeof actions)[string]) => {
        if (options.associateThrows) throw new Error("associate is not available in this client");
        actions[name] = action;
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: (_set: string, version: string) => book.isSetSupported(version) },
      ui: {
        displayDialogAsync(address: string, _options: unknown, callback: (result: unknown) => void) {
          dialogs.push(address);
          const dialog = {
            // The user presses OK at once.
            addEventHandler: (type: string, handler: () => void) => {
              if (type === "dialogMessageReceived") setTimeout(handler, 0);
            },
            close: () => undefined,
          };
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
  };
  vm.runInContext(code, context, { filename: "commands.js" });
  return {
    press: (name) =>
      new Promise((resolve) => {
        // Clients without a working associate call the function of that name on the global object.
        const action = actions[name] ?? (context[name] as (typeof actions)[string] | undefined);
        if (!action) throw new Error(`${name} was not associated`);
        let completed = 0;
        action({
          completed: () => {
            completed++;
            const url = new URL(dialogs[dialogs.length - 1] ?? "about:blank");
            const q = url.searchParams;
            resolve({
              completed,
              message: {
                kind: q.get("kind") as CommandMessage["kind"],
                title: q.get("title") ?? "",
                text: q.get("text") ?? "",
              },
            });
          },
        });
      }),
  };
}

/** The same command compiled for Node, for comparison. */
async function pressNative(name: CommandName, book: FakeWorkbook): Promise<CommandMessage> {
  let message: CommandMessage | undefined;
  await handleCommand(
    name,
    { completed: () => undefined },
    {
      host: fakeHost(book),
      lang: "zh",
      notify: async (m) => {
        message = m;
      },
    },
  );
  if (!message) throw new Error("no message");
  return message;
}

const SAMPLES = ["sample-2022.xlsx", "sample-problems.xlsx"].map((f) =>
  path.resolve(__dirname, "../../samples", f),
);

test("the context really lacks ES2015 built-ins (the test can fail)", () => {
  const context = es5Context();
  expect(
    vm.runInContext(
      "typeof Promise + typeof Map + typeof Object.assign + typeof Array.from + typeof Symbol",
      context,
    ),
  ).toBe("undefinedundefinedundefinedundefinedundefined");
  expect(() => vm.runInContext("new Map()", context)).toThrow();
});

describe.each(SAMPLES)("the ES5 command bundle on %s", (file) => {
  test.each<CommandName>(["validate", "summarize"])(
    "%s runs to completion and matches the Node build",
    async (name) => {
      const { commands } = await legacyBundles();
      const book = await fakeFromXlsx(file);
      const reference = await fakeFromXlsx(file);
      const pressed = await loadBundle(commands, book).press(name);
      const expected = await pressNative(name, reference);
      expect(pressed.completed).toBe(1);
      // The dialog carries what the user reads; where the result is (`sheet`) stays in the command.
      const { sheet: _where, ...shown } = expected;
      expect(pressed.message).toEqual(shown);
      expect(pressed.message.kind).not.toBe("error");
      expect(book.sheetNames()).toEqual(reference.sheetNames());
      for (const sheet of book.sheetNames()) expect(book.snapshot(sheet)).toEqual(reference.snapshot(sheet));
    },
  );
});

test("a client whose Office.actions.associate throws still runs the command through the global function", async () => {
  const { commands } = await legacyBundles();
  const book = await fakeFromXlsx(SAMPLES[1] as string);
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const pressed = await loadBundle(commands, book, { associateThrows: true }).press("validate");
  errors.mockRestore();
  expect(pressed.completed).toBe(1);
  expect(pressed.message.kind).toBe("problems");
  expect(book.sheetNames()).toContain("问题清单");
});
