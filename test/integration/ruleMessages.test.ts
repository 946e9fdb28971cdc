/**
 * Every rule's messages, rendered from what the rules really emitted (ESLint's RuleTester checks
 * every placeholder the same way): the bundled samples and the golden workbooks are checked, and
 * each finding is rendered in Chinese and English with its params watched. A rule may only emit,
 * and its messages only read, the params its `meta.params` declares, and no sentence may show a
 * hole (undefined, NaN, null, empty quotes).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { readXlsx } from "../../src/adapters/xlsx/testing/exceljsOracle";
import { check, formatFinding, RULE_IDS, ruleById, type Finding } from "../../src/engine";
import { MAIN_SAMPLE, PROBLEMS_SAMPLE, ROOT, TODAY } from "./cli";

const WORKBOOKS = [
  MAIN_SAMPLE,
  PROBLEMS_SAMPLE,
  ...readdirSync(path.join(ROOT, "test", "golden"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(ROOT, "test", "golden", f)),
];

/** The finding with its params behind a proxy that records which params a message reads. */
function watched(f: Finding, read: Set<string>): Finding {
  if (f.params === undefined) return f;
  const params = new Proxy(f.params, {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { ...f, params } as Finding;
}

describe("rule messages from what the rules emitted", () => {
  const findings: Finding[] = [];

  beforeAll(async () => {
    for (const file of WORKBOOKS) {
      const input = await readXlsx(new Uint8Array(readFileSync(file)));
      findings.push(...check(input, { today: TODAY, file: path.basename(file) }).report.findings);
    }
  });

  it("covers every registered rule: each one emits on the samples or the golden workbooks", () => {
    const emitted = new Set(findings.map((f) => f.rule));
    expect(RULE_IDS.filter((id) => !emitted.has(id))).toEqual([]);
  });

  it("emits only declared params, and renders every finding in both languages without a hole", () => {
    const declared = (rule: string): readonly string[] => Object.keys(ruleById(rule)?.meta.params ?? {});
    const undeclared: string[] = [];
    const holes: string[] = [];
    for (const f of findings) {
      const params = declared(f.rule);
      for (const key of Object.keys(f.params ?? {})) {
        if (!params.includes(key)) undeclared.push(`${f.rule} emits ${key}`);
      }
      for (const lang of ["zh", "en"] as const) {
        const read = new Set<string>();
        const text = formatFinding(watched(f, read), lang);
        if (/undefined|NaN|\[object|null|“”|""/.test(text)) holes.push(`${f.rule} (${lang}): ${text}`);
        for (const key of read)
          if (!params.includes(key)) undeclared.push(`${f.rule} (${lang}) reads ${key}`);
      }
    }
    expect([...new Set(undeclared)]).toEqual([]);
    expect(holes).toEqual([]);
    // The check watched something: findings with params were rendered.
    expect(findings.some((f) => f.params !== undefined)).toBe(true);
  });
});
