/** The bootstrap's decisions: inside Office or not, the UI language, the missing features. */
import { bootLang, hostInfo, insideOffice, missingFeatures, type BootWindow } from "./detect";
import { bootMessage } from "./texts";

function page(search: string, extra: Partial<BootWindow> = {}): BootWindow {
  return { location: { search }, navigator: { language: "en-US" }, ...extra };
}

const storage = (values: Record<string, string>) => ({ getItem: (k: string) => values[k] ?? null });

test("Office's _host_Info (in the URL or in sessionStorage) means inside Office; a plain page is not", () => {
  expect(insideOffice(page("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0"))).toBe(true);
  expect(insideOffice(page("?x=1&_HOST_INFO=Excel$Mac$16.01$en-US"))).toBe(true);
  expect(
    insideOffice(page("", { sessionStorage: storage({ hostInfoValue: "Excel|Web|16.00|zh-CN" }) })),
  ).toBe(true);
  expect(insideOffice(page(""))).toBe(false);
  expect(insideOffice(page("?mode=office"))).toBe(false);
  const blocked = {
    getItem: (): string | null => {
      throw new Error("SecurityError");
    },
  };
  expect(insideOffice(page("", { sessionStorage: blocked }))).toBe(false);
});

test("the language: the user's choice, else Office's (from _host_Info), else the browser's", () => {
  expect(bootLang(page("?_host_Info=Excel$Win32$16.01$zh-CN$$$$0"))).toBe("zh");
  expect(
    bootLang(page("?_host_Info=Excel$Win32$16.01$en-GB$$$$0", { navigator: { language: "zh-CN" } })),
  ).toBe("en");
  expect(bootLang(page("", { navigator: { language: "zh-TW" } }))).toBe("zh");
  expect(
    bootLang(page("?_host_Info=Excel$Win32$16.01$zh-CN", { localStorage: storage({ "ziping.lang": "en" }) })),
  ).toBe("en");
  expect(hostInfo(page("?_host_Info=Excel%24Web"))).toBe("Excel$Web");
});

test("this Node has every feature the pane needs; each one removed is named", () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const browserOnly = {
    fetch: () => undefined,
    Worker: function Worker() {},
    ResizeObserver: function ResizeObserver() {},
  };
  const modern = Object.assign(Object.create(g) as Record<string, unknown>, browserOnly, { globalThis: g });
  expect(missingFeatures(modern)).toEqual([]);
  for (const name of ["Promise", "Proxy", "BigInt", "TextDecoder", "ResizeObserver"]) {
    const without = Object.assign(Object.create(modern) as Record<string, unknown>, { [name]: undefined });
    expect(missingFeatures(without)).toEqual([name]);
  }
  // An ES5-only browser (Internet Explorer 11) lacks nearly all of them.
  const es5 = { Object: { keys: Object.keys }, String: { prototype: {} } };
  expect(missingFeatures(es5)).toEqual(
    expect.arrayContaining(["Promise", "Map/Set/WeakMap", "Symbol", "fetch"]),
  );
});

test("every message says what still works, in Chinese and in English", () => {
  for (const problem of ["unsupported", "office-js-failed", "office-not-ready", "startup-error"] as const) {
    const zh = bootMessage(problem, "zh", "x");
    const en = bootMessage(problem, "en", "x");
    expect(zh.lang).toBe("zh-CN");
    expect(en.lang).toBe("en-US");
    expect(zh.paragraphs.join("")).toContain("校验");
    expect(zh.paragraphs.join("")).toContain("浏览器模式");
    expect(en.paragraphs.join("")).toContain("browser mode");
    expect(en.detail).toMatch(/x$/);
  }
  expect(bootMessage("startup-error", "en").detail).toBeUndefined();
});
