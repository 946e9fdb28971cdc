import fc from "fast-check";
import type { Parsed, RawCell } from "../types";
import {
  cellText,
  normalizeHeader,
  normalizeText,
  parseDate,
  parseFailedCount,
  parseGrade,
  parseHours,
  parseLevel,
  parseNumber,
  parsePolitical,
  parseRank,
  parseText,
  parseYesNo,
  rankText,
  toHalfWidth,
} from "./normalize";
import { cellArbitraries, meaning, toFullWidth } from "./testing";

const value = <T>(p: Parsed<T>): T | "blank" | "invalid" => (p.state === "ok" ? p.value : p.state);
const err = (error: string): RawCell => ({ error });

describe("cellText", () => {
  it.each<[RawCell, string]>([
    [null, ""],
    ["  as written ", "  as written "],
    [42, "42"],
    [0.1 + 0.2, "0.3"],
    [-0, "0"],
    [2021001234567890, "2021001234567890"],
    [1e21, "1e+21"],
    [NaN, "NaN"],
    [true, "TRUE"],
    [false, "FALSE"],
    [new Date(Date.UTC(2022, 2, 8)), "2022-03-08"],
    [new Date(NaN), "Invalid Date"],
    [err("#N/A"), "#N/A"],
  ])("%p → %p", (raw, text) => expect(cellText(raw)).toBe(text));
});

describe("normalizeText", () => {
  it.each([
    ["２０２１", "2021"],
    ["３０％", "30%"],
    ["\u3000张三\u00a0", "张三"],
    ["Party\u3000\u3000member", "Party member"],
    ["a \t\n b", "a b"],
    ["\u200b学号\ufeff", "学号"],
    ["ＡＢＣ（ｘ）", "ABC(x)"],
    ["", ""],
    ["已经正常", "已经正常"],
  ])("%p → %p", (raw, text) => expect(normalizeText(raw)).toBe(text));

  it("leaves non-ASCII full-width forms such as ￥ alone", () => expect(toHalfWidth("￥５")).toBe("￥5"));
});

describe("parseText", () => {
  it.each<[RawCell, string]>([
    [" 张三 ", "张三"],
    [2021001234, "2021001234"],
    [true, "TRUE"],
    [new Date(Date.UTC(2021, 8, 1)), "2021-09-01"],
  ])("%p reads as %p", (raw, text) => expect(parseText(raw)).toEqual({ state: "ok", value: text }));

  it.each<RawCell>([null, "", "\u3000 \u00a0"])("%p is blank", (raw) =>
    expect(parseText(raw)).toEqual({ state: "blank" }),
  );

  it.each<[RawCell, string]>([
    [err("#REF!"), "#REF!"],
    [NaN, "NaN"],
    [new Date(NaN), "Invalid Date"],
  ])("%p is invalid with raw %p", (raw, text) =>
    expect(parseText(raw)).toEqual({ state: "invalid", raw: text }),
  );
});

describe("parseNumber", () => {
  it.each<[RawCell, number]>([
    [12, 12],
    [-0, 0],
    ["12", 12],
    [" 3.5 ", 3.5],
    ["２１,５００", 21500],
    ["21,500.25", 21500.25],
    ["+3", 3],
    ["-3", -3],
    ["\u22121.5", -1.5],
    ["－２", -2],
    [".5", 0.5],
    ["1e+21", 1e21],
  ])("%p → %p", (raw, n) => expect(parseNumber(raw)).toEqual({ state: "ok", value: n }));

  it.each<RawCell>([
    "abc",
    "1,5",
    "12,34,567",
    "Infinity",
    "NaN",
    "0x10",
    "1 2",
    NaN,
    Infinity,
    -Infinity,
    true,
    err("#VALUE!"),
    new Date(0),
    "1e999",
  ])("%p is invalid", (raw) => expect(parseNumber(raw).state).toBe("invalid"));

  it("keeps the text as written in an invalid result", () =>
    expect(parseNumber(" 约12 ")).toEqual({ state: "invalid", raw: " 约12 " }));

  it.each<RawCell>([null, "", "  "])("%p is blank", (raw) => expect(parseNumber(raw).state).toBe("blank"));
});

describe("parseHours", () => {
  it.each<[RawCell, number]>([
    [2, 2],
    ["2", 2],
    ["2小时", 2],
    ["２小时", 2],
    ["2 小时", 2],
    ["2个小时", 2],
    ["1.5h", 1.5],
    ["1.5H", 1.5],
    ["2时", 2],
    ["2 hours", 2],
    ["1 hour", 1],
    ["2.5 hrs", 2.5],
    ["2.5hr", 2.5],
    ["1小时30分钟", 1.5],
    ["1h30m", 1.5],
    ["45分钟", 0.75],
    ["0", 0],
    ["-1", -1],
  ])("%p → %p", (raw, n) => expect(parseHours(raw)).toEqual({ state: "ok", value: n }));

  it.each<RawCell>(["两小时", "h", "2天", "abc小时", "-1小时30分", true, err("#N/A"), NaN])(
    "%p is invalid",
    (raw) => expect(parseHours(raw).state).toBe("invalid"),
  );
});

describe("parseDate", () => {
  it.each<[RawCell, string]>([
    [new Date(Date.UTC(2022, 2, 8)), "2022-03-08"],
    [new Date(Date.UTC(2022, 2, 8, 23, 59)), "2022-03-08"],
    [44628, "2022-03-08"],
    [44628.75, "2022-03-08"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [73415, "2100-12-31"],
    [20220308, "2022-03-08"],
    ["44628", "2022-03-08"],
    ["20220308", "2022-03-08"],
    ["2022-03-08", "2022-03-08"],
    ["2022/3/8", "2022-03-08"],
    ["2022.3.8", "2022-03-08"],
    ["2022年3月8日", "2022-03-08"],
    ["2022 年 3 月 8 日", "2022-03-08"],
    ["2022年3月8号", "2022-03-08"],
    ["2022年03月08日 14:30", "2022-03-08"],
    ["2022-03-08 14:30", "2022-03-08"],
    ["2022/3/8 14:30:05", "2022-03-08"],
    ["2022-03-08T14:30:00.000Z", "2022-03-08"],
    ["2022-03-08 2:30 PM", "2022-03-08"],
    ["２０２２－０３－０８", "2022-03-08"],
    ["２０２２年３月８日", "2022-03-08"],
    ["２０２２／３／８", "2022-03-08"],
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
  ])("%p → %p", (raw, iso) => expect(parseDate(raw)).toEqual({ state: "ok", value: iso }));

  it.each<RawCell>([
    60,
    0,
    0.5,
    -1,
    73416,
    NaN,
    Infinity,
    "2022-02-30",
    "2022-13-01",
    "2022-00-10",
    "2022-04-31",
    "2100-02-29",
    "1900-02-29",
    "1899-12-31",
    "2101-01-01",
    "2022-03/08",
    "3/8/2022",
    "3月8日",
    "22-3-8",
    "昨天",
    "20221301",
    true,
    err("#N/A"),
    new Date(NaN),
    new Date(Date.UTC(1850, 0, 1)),
  ])("%p is invalid", (raw) => expect(parseDate(raw).state).toBe("invalid"));

  it.each<RawCell>([null, "", "\u3000"])("%p is blank", (raw) => expect(parseDate(raw).state).toBe("blank"));
});

describe("parseRank", () => {
  const size = (n: number): Parsed<number> => ({ state: "ok", value: n });

  it.each<[RawCell, Parsed<number> | undefined, { fraction: number; position?: number; size?: number }]>([
    ["5/120", undefined, { fraction: 5 / 120, position: 5, size: 120 }],
    ["５／１２０", undefined, { fraction: 5 / 120, position: 5, size: 120 }],
    ["5 / 120", undefined, { fraction: 5 / 120, position: 5, size: 120 }],
    ["第5名/120人", undefined, { fraction: 5 / 120, position: 5, size: 120 }],
    ["5/120", size(200), { fraction: 5 / 120, position: 5, size: 120 }],
    ["4.2%", undefined, { fraction: 0.042 }],
    ["前10%", undefined, { fraction: 0.1 }],
    ["前 10 %", undefined, { fraction: 0.1 }],
    ["前１０％", undefined, { fraction: 0.1 }],
    ["top 30%", undefined, { fraction: 0.3 }],
    ["100%", undefined, { fraction: 1 }],
    [0.215, undefined, { fraction: 0.215 }],
    ["0.215", undefined, { fraction: 0.215 }],
    [1, undefined, { fraction: 1 }],
    [5, size(120), { fraction: 5 / 120, position: 5, size: 120 }],
    ["5", size(120), { fraction: 5 / 120, position: 5, size: 120 }],
    ["第5名", size(120), { fraction: 5 / 120, position: 5, size: 120 }],
    [1, size(120), { fraction: 1 / 120, position: 1, size: 120 }],
    [0.5, size(120), { fraction: 0.5 }],
  ])("%p (size %p) → %p", (raw, majorSize, rank) =>
    expect(parseRank(raw, majorSize)).toEqual({ state: "ok", value: rank }),
  );

  it.each<[RawCell, Parsed<number> | undefined]>([
    [5, undefined],
    ["5", undefined],
    [5, { state: "blank" }],
    [5, { state: "invalid", raw: "x" }],
    [121, size(120)],
    ["121/120", undefined],
    ["0/120", undefined],
    ["5/0", undefined],
    [0, size(120)],
    [0, undefined],
    [-0.1, undefined],
    [1.5, undefined],
    ["0%", undefined],
    ["101%", undefined],
    ["前十", undefined],
    ["优秀", undefined],
    [true, undefined],
    [err("#DIV/0!"), undefined],
    [NaN, undefined],
  ])("%p (size %p) is invalid", (raw, majorSize) => expect(parseRank(raw, majorSize).state).toBe("invalid"));

  it("reads a blank cell as blank", () => expect(parseRank(" ").state).toBe("blank"));
});

describe("parseYesNo", () => {
  const yes: RawCell[] = [
    "有",
    "是",
    "√",
    "✓",
    "✔",
    "Y",
    "y",
    "yes",
    "YES",
    "true",
    "TRUE",
    "1",
    1,
    true,
    "Ｙｅｓ",
  ];
  const no: RawCell[] = ["无", "否", "×", "✗", "✘", "N", "n", "no", "No", "false", "0", 0, false, "ＮＯ"];
  it.each(yes)("%p is yes", (raw) => expect(parseYesNo(raw)).toEqual({ state: "ok", value: true }));
  it.each(no)("%p is no", (raw) => expect(parseYesNo(raw)).toEqual({ state: "ok", value: false }));
  it.each<RawCell>(["maybe", "2", 2, 0.5, "有时", err("#N/A"), new Date(0)])("%p is invalid", (raw) =>
    expect(parseYesNo(raw).state).toBe("invalid"),
  );
});

describe("parseFailedCount", () => {
  it.each<[RawCell, number]>([
    [0, 0],
    [2, 2],
    ["2", 2],
    ["２", 2],
    ["0门", 0],
    ["2门", 2],
    ["2 门", 2],
    ["无", 0],
    ["有", 1],
    ["否", 0],
    ["是", 1],
    ["yes", 1],
    ["no", 0],
    ["×", 0],
    [true, 1],
    [false, 0],
    ["无挂科", 0],
    ["2.0", 2],
  ])("%p → %p", (raw, n) => expect(parseFailedCount(raw)).toEqual({ state: "ok", value: n }));

  it.each<RawCell>([-1, 1.5, "-1", "1.5门", "若干", NaN, err("#N/A")])("%p is invalid", (raw) =>
    expect(parseFailedCount(raw).state).toBe("invalid"),
  );
});

describe("parsePolitical", () => {
  it.each<[RawCell, string, string]>([
    ["中共党员", "中共党员", "party"],
    ["党员", "党员", "party"],
    ["正式党员", "正式党员", "party"],
    ["中共预备党员", "中共预备党员", "probationary"],
    ["预备党员", "预备党员", "probationary"],
    ["中共党员（预备）", "中共党员(预备)", "probationary"],
    ["共青团员", "共青团员", "league"],
    [" 团员 ", "团员", "league"],
    ["Party member", "Party member", "party"],
    ["CPC Member", "CPC Member", "party"],
    ["probationary party member", "probationary party member", "probationary"],
    ["League member", "League member", "league"],
    ["CYL member", "CYL member", "league"],
    ["群众", "群众", "other"],
    ["无党派人士", "无党派人士", "other"],
    [12, "12", "other"],
  ])("%p → %p / %p", (raw, label, status) =>
    expect(parsePolitical(raw)).toEqual({ state: "ok", value: { label, status } }),
  );

  it("reads blank and error cells as blank and invalid", () => {
    expect(parsePolitical("").state).toBe("blank");
    expect(parsePolitical(null).state).toBe("blank");
    expect(parsePolitical(err("#N/A"))).toEqual({ state: "invalid", raw: "#N/A" });
  });
});

describe("parseLevel", () => {
  it.each<[RawCell, string]>([
    ["本科", "undergraduate"],
    ["本科生", "undergraduate"],
    ["专科", "junior"],
    ["高职", "junior"],
    ["硕士", "master"],
    ["硕士研究生", "master"],
    ["研究生", "master"],
    ["博士", "doctor"],
    ["博士研究生", "doctor"],
    ["Undergraduate", "undergraduate"],
    ["Bachelor", "undergraduate"],
    ["Master's", "master"],
    ["postgraduate", "master"],
    ["PhD", "doctor"],
    ["junior college", "junior"],
  ])("%p → %p", (raw, level) => expect(parseLevel(raw)).toEqual({ state: "ok", value: level }));

  it.each<RawCell>(["大一", "学生", 1, true, err("#N/A")])("%p is invalid", (raw) =>
    expect(parseLevel(raw).state).toBe("invalid"),
  );
});

describe("parseGrade", () => {
  it.each<[RawCell, number]>([
    [2021, 2021],
    ["2021", 2021],
    ["2021级", 2021],
    ["2021 级", 2021],
    ["２０２１级", 2021],
    ["21级", 2021],
    ["２１级", 2021],
    ["2021.0", 2021],
  ])("%p → %p", (raw, year) => expect(parseGrade(raw)).toEqual({ state: "ok", value: year }));

  it.each<RawCell>(["2021届", "21", 21, 2021.5, 1850, "3000级", "大一", true, new Date(0), err("#N/A")])(
    "%p is invalid",
    (raw) => expect(parseGrade(raw).state).toBe("invalid"),
  );
});

describe("normalizeHeader", () => {
  it.each([
    ["服务时长（小时）", "服务时长"],
    ["服务时长(小时)", "服务时长"],
    ["hours (h)", "hours"],
    ["Student ID", "studentid"],
    ["学 号", "学号"],
    ["姓\u3000名", "姓名"],
    ["姓\n名", "姓名"],
    ["\u00a0职务\u00a0", "职务"],
    ["姓名*", "姓名"],
    ["*姓名", "姓名"],
    ["姓名：", "姓名"],
    ["姓名:", "姓名"],
    ["时长【小时】*：", "时长"],
    ["ＳＴＵＤＥＮＴ　ＩＤ", "studentid"],
    ["Student No.", "studentno"],
    ["(h)", "(h)"],
    ["", ""],
  ])("%p → %p", (raw, header) => expect(normalizeHeader(raw)).toBe(header));
});

describe("hostile cells", () => {
  const long = "长".repeat(16_000) + " 2022-03-08 " + "x".repeat(16_000);
  it.each(parsersForHostile())("%s reads a 32,767-character cell promptly", (_name, parse) => {
    // A runaway regex would hang here; the bad-input corpus bounds the time of whole files.
    expect(["ok", "invalid"]).toContain(parse(long).state);
  });
});

function parsersForHostile(): Array<[string, (raw: RawCell) => Parsed<unknown>]> {
  return [
    ["parseText", parseText],
    ["parseNumber", parseNumber],
    ["parseHours", parseHours],
    ["parseDate", parseDate],
    ["parseRank", (raw) => parseRank(raw)],
    ["parseYesNo", parseYesNo],
    ["parseFailedCount", parseFailedCount],
    ["parsePolitical", parsePolitical],
    ["parseLevel", parseLevel],
    ["parseGrade", parseGrade],
    ["normalizeHeader", (raw) => ({ state: "ok", value: normalizeHeader(String(raw)) })],
  ];
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

const samples = [
  "2022-03-08",
  "2022/3/8",
  "2022年3月8日",
  "44628",
  "5/120",
  "前10%",
  "0.215",
  "2小时",
  "1.5h",
  "21,500",
  "有",
  "无",
  "Yes",
  "中共党员",
  "Party member",
  "本科",
  "2021级",
  "2门",
  "服务时长（小时）",
  "Student ID",
];
const { text, rawCell, asciiText } = cellArbitraries(samples);

const parsers: ReadonlyArray<[string, (raw: RawCell) => Parsed<unknown>]> = [
  ["parseText", parseText],
  ["parseNumber", parseNumber],
  ["parseHours", parseHours],
  ["parseDate", parseDate],
  ["parseRank", (raw) => parseRank(raw)],
  ["parseRank with size", (raw) => parseRank(raw, { state: "ok", value: 150 })],
  ["parseYesNo", parseYesNo],
  ["parseFailedCount", parseFailedCount],
  ["parsePolitical", parsePolitical],
  ["parseLevel", parseLevel],
  ["parseGrade", parseGrade],
];

describe.each(parsers)("%s properties", (_name, parse) => {
  it("never throws, always returns a well-formed result, and is deterministic", () =>
    fc.assert(
      fc.property(rawCell, (raw) => {
        const a = parse(raw);
        expect(["ok", "blank", "invalid"]).toContain(a.state);
        if (a.state === "invalid") expect(typeof a.raw).toBe("string");
        expect(parse(raw)).toEqual(a);
      }),
    ));

  it("reads full-width input as its half-width twin", () =>
    fc.assert(
      fc.property(asciiText, (s) => expect(meaning(parse(toFullWidth(s)))).toEqual(meaning(parse(s)))),
    ));
});

describe("canonical forms read back unchanged", () => {
  const canonical: ReadonlyArray<[string, (raw: RawCell) => Parsed<unknown>, (v: never) => RawCell]> = [
    ["parseText", parseText, (v: string) => v],
    ["parseDate", parseDate, (v: string) => v],
    ["parseYesNo", parseYesNo, (v: boolean) => v],
    ["parseFailedCount", parseFailedCount, (v: number) => cellText(v)],
    ["parsePolitical", parsePolitical, (v: { label: string }) => v.label],
    ["parseLevel", parseLevel, (v: string) => v],
    ["parseGrade", parseGrade, (v: number) => cellText(v)],
    ["parseRank", (raw) => parseRank(raw), (v: Parameters<typeof rankText>[0]) => rankText(v)],
  ];
  it.each(canonical)("%s", (_name, parse, form) =>
    fc.assert(
      fc.property(rawCell, (raw) => {
        const a = parse(raw);
        if (a.state === "ok") expect(parse(form(a.value as never))).toEqual(a);
      }),
    ),
  );

  it.each<[string, (raw: RawCell) => Parsed<number>]>([
    ["parseNumber", parseNumber],
    ["parseHours", parseHours],
  ])("%s: a number cell reads as itself and its text form is a fixed point", (_name, parse) =>
    fc.assert(
      fc.property(rawCell, (raw) => {
        if (typeof raw === "number" && Number.isFinite(raw))
          expect(value(parse(raw))).toBe(raw === 0 ? 0 : raw);
        const a = parse(raw);
        if (a.state !== "ok") return;
        const again = parse(cellText(a.value));
        expect(again.state).toBe("ok");
        if (again.state === "ok") expect(cellText(again.value)).toBe(cellText(a.value));
      }),
    ),
  );
});

describe("text normaliser properties", () => {
  it.each<[string, (s: string) => string]>([
    ["normalizeText", normalizeText],
    ["normalizeHeader", normalizeHeader],
  ])("%s never throws, is idempotent and maps full-width to half-width", (_name, f) => {
    fc.assert(
      fc.property(text, (s) => {
        const once = f(s);
        expect(f(once)).toBe(once);
      }),
    );
    fc.assert(fc.property(asciiText, (s) => expect(f(toFullWidth(s))).toBe(f(s))));
  });

  it("normalizeText leaves no edge or double white space", () =>
    fc.assert(
      fc.property(text, (s) => {
        const t = normalizeText(s);
        expect(t).not.toMatch(/^\s|\s$|\s\s|[\uff01-\uff5e]/);
      }),
    ));

  it("normalizeHeader leaves no white space or upper-case Latin letters", () =>
    fc.assert(fc.property(text, (s) => expect(normalizeHeader(s)).not.toMatch(/\s|[A-Z]|[\uff01-\uff5e]/))));
});
