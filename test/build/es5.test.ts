/**
 * The ribbon commands, the result dialog and the pane's bootstrap must parse in Internet Explorer
 * 11's Trident (Office 2019 volume-licensed) and the old Edge webview: each built entry is parsed
 * as ECMAScript 5, so a regression to newer syntax (`?.`, `=>`, class fields…) fails here.
 */
import { parse } from "acorn";
import { LEGACY_ENTRIES, legacyBundles } from "./legacyBuild";

jest.setTimeout(180_000);

test.each(LEGACY_ENTRIES)("the built %s entry parses as ES5", async (entry) => {
  const code = (await legacyBundles())[entry];
  expect(code.length).toBeGreaterThan(100);
  expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
});

test("the ES5 parse rejects newer syntax (the check can fail)", () => {
  for (const modern of ["var a = b?.c;", "var f = () => 1;", "class A { x = 1 }", "let x = 1;"])
    expect(() => parse(modern, { ecmaVersion: 5, sourceType: "script" })).toThrow();
});
