import { paint, printable, terminalSafe } from "./print";

const ESC = "\u001b";

describe("printable", () => {
  it("shows escape, control and bidi characters as code points; line breaks become spaces", () => {
    expect(printable(`a${ESC}]0;title\u0007b`)).toBe("a<U+001B>]0;title<U+0007>b");
    expect(printable("invoice\u202Etxt.exe")).toBe("invoice<U+202E>txt.exe");
    expect(printable("\u2066x\u2069\u200f\u061c")).toBe("<U+2066>x<U+2069><U+200F><U+061C>");
    expect(printable("a\nb\tc\rd")).toBe("a b c d");
    expect(printable("学生会 2022")).toBe("学生会 2022");
  });
});

describe("terminalSafe", () => {
  it("keeps our colours and line breaks, and neutralises every other escape or control", () => {
    const red = paint(true).red("错误");
    expect(terminalSafe(`${red}\n`)).toBe(`${red}\n`);
    expect(terminalSafe(`${ESC}[2J${ESC}]0;x\u0007\u202Eok\r\n`)).toBe(
      "<U+001B>[2J<U+001B>]0;x<U+0007><U+202E>ok\n",
    );
  });

  it("never lets an escape character through except as a colour sequence", () => {
    for (const text of [`${ESC}`, `${ESC}[`, `${ESC}[31`, `x${ESC}P`, `${ESC}[1;2H`]) {
      const safe = terminalSafe(text);
      // eslint-disable-next-line no-control-regex -- stripping our colour sequences is the point
      expect(safe.replace(/\u001b\[[0-9;]*m/g, "")).not.toContain(ESC);
    }
  });
});
