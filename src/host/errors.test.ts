import { WORKBOOK_ERROR_CODES, WorkbookReadError } from "../adapters/xlsx/errors";
import { inspectPackage } from "../adapters/xlsx/package";
import {
  errorText,
  HOST_FAILURE_CODES,
  HostFailure,
  hostFailureMessage,
  type HostFailureCode,
  type HostFailureParams,
} from "./errors";

// One failure per code; the xlsx codes come from the adapter itself (with the limits it enforces).
const OTHERS: {
  readonly [C in Exclude<HostFailureCode, (typeof WORKBOOK_ERROR_CODES)[number]>]: HostFailureParams[C];
} = {
  "sheet-missing": { sheet: "活动记录" },
  "state-unreadable": { detail: "AccessDenied" },
  "bad-state": { detail: "Unexpected token in JSON at position 7" },
  "input-not-regular": { file: "/dev/zero" },
  "output-exists": { option: "--json", file: "out/报告.json" },
  "output-same-as-input": { option: "--out", file: "学生会.xlsx" },
  "output-io": { file: "out/a.xlsx", reason: "EACCES" },
  "row-too-large": { sheet: "志愿活动", row: 101 },
  "marks-incomplete": { stage: "partly-marked", reason: "AccessDenied" },
  "command-too-long": {},
};
const FAILURES: readonly HostFailure[] = [
  ...WORKBOOK_ERROR_CODES.map((code) => new WorkbookReadError(code, "detail for logs")),
  ...Object.entries(OTHERS).map(
    ([code, params]) => new HostFailure(code as HostFailureCode, params as never),
  ),
];

describe("the host failure catalogue", () => {
  it("has one example here for every code", () => {
    expect(FAILURES.map((f) => f.code).sort()).toEqual([...HOST_FAILURE_CODES].sort());
  });

  it.each(FAILURES.flatMap((f) => [[f.code, "zh", f] as const, [f.code, "en", f] as const]))(
    "words %s in %s as one plain line with every value it was given",
    (_code, lang, failure) => {
      const message = errorText(failure, lang);
      expect(message).toBe(hostFailureMessage(failure.code, failure.params as never, lang));
      expect(message.length).toBeGreaterThan(10);
      expect(message).not.toMatch(/[\r\n]/);
      expect(message).not.toMatch(/Error:|\bat \S+ \(\S+:\d+|undefined|NaN|\[object|\{|\}|detail for logs/);
      // Chinese text in zh; English in en (where only the pane's button 清除标记 is quoted).
      if (lang === "zh") expect(message).toMatch(/[\u4e00-\u9fff]{4}/);
      else
        expect(message.replace(/清除标记|志愿活动|活动记录|报告|学生会/g, "")).not.toMatch(/[\u4e00-\u9fff]/);
      for (const value of Object.values(failure.params as Record<string, string | number>)) {
        if (failure.code === "marks-incomplete") continue; // its values are codes, worded below
        // Byte limits are stated in MiB, as users read them.
        const bytes = typeof value === "number" && value >= 1024 * 1024;
        expect(message).toContain(bytes ? `${value / (1024 * 1024)} MiB` : String(value));
      }
    },
  );

  it("gives every code its own message in each language", () => {
    for (const lang of ["zh", "en"] as const) {
      expect(new Set(FAILURES.map((f) => errorText(f, lang))).size).toBe(FAILURES.length);
    }
  });

  it("states the limits the reader enforces", () => {
    const message = (code: "too-large" | "bomb") => errorText(new WorkbookReadError(code), "en");
    expect(message("too-large")).toContain("100 MiB");
    expect(message("bomb")).toContain("256 MiB");
    expect(message("bomb")).toContain("200:1");
    const larger = new HostFailure("bomb", { maxTotalUncompressed: 1024 ** 3, maxPartRatio: 200 });
    expect(errorText(larger, "zh")).toContain("1 GiB");
  });

  it("words a real refusal from its code, keeping the technical detail for logs only", () => {
    let thrown: unknown;
    try {
      inspectPackage(new TextEncoder().encode("姓名,学号\n张三,2021001\n"));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(HostFailure);
    expect(errorText(thrown, "zh")).toContain("CSV 文本文件");
    expect(errorText(thrown, "en")).toContain("CSV text file");
  });

  it("explains Excel's refusal inside a mark failure, or quotes Excel's own text", () => {
    const edit = new HostFailure("marks-incomplete", {
      stage: "nothing-changed",
      reason: "InvalidOperationInCellEditMode",
    });
    expect(errorText(edit, "zh")).toBe(
      "没有标记任何单元格：Excel 正在编辑某个单元格，请先按 Enter 或 Esc 结束编辑再试。工作表没有被修改。",
    );
    const other = new HostFailure("marks-incomplete", {
      stage: "partly-cleared",
      reason: "the network dropped",
    });
    expect(errorText(other, "en")).toContain(": the network dropped. Press 清除标记");
  });

  it("keeps its words after crossing a worker as plain {code, params}", () => {
    const failure = new WorkbookReadError("too-large");
    const cloned: unknown = structuredClone({
      code: failure.code,
      params: failure.params,
      message: failure.message,
    });
    expect(errorText(cloned, "en")).toBe(errorText(failure, "en"));
  });

  it("shows any other error by its own message", () => {
    expect(errorText(new Error("boom"), "en")).toBe("boom");
    expect(errorText({ code: "ItemNotFound", message: "no such sheet" }, "zh")).toBe("no such sheet");
    expect(errorText("plain", "zh")).toBe("plain");
  });
});
