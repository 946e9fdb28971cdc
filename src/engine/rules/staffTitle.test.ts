import { staffTitle } from "./staffTitle";
import { flat, makeRead, runRule, testSettings } from "./testing";

describe("staff.title", () => {
  it("accepts every title the default settings allow", () => {
    const titles = testSettings().allowedTitles;
    expect(titles).toEqual(expect.arrayContaining(["主席", "执行主席", "部长", "干事"]));
    expect(runRule(staffTitle, makeRead({ roster: titles.map((title) => ({ title })) }))).toEqual([]);
  });

  it("flags titles outside the list, exactly matched", () => {
    const read = makeRead({ roster: [{ title: "部长助理" }, { title: "秘书长" }, { title: "干事" }] });
    expect(flat(runRule(staffTitle, read), ["row", "column", "value"])).toEqual([
      [2, "职务", "部长助理"],
      [3, "职务", "秘书长"],
    ]);
  });

  it("follows allowedTitles from the settings (a school that forbids 主席)", () => {
    const read = makeRead({ roster: [{ title: "主席" }, { title: "执行主席" }] });
    const settings = testSettings({ allowedTitles: ["执行主席", "部长", "干事"] });
    const findings = runRule(staffTitle, read, settings);
    expect(flat(findings, ["row", "params.allowed"])).toEqual([[2, "执行主席、部长、干事"]]);
  });
});
