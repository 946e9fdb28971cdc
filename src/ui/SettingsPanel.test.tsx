import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SettingsPanel } from "./SettingsPanel";
import { LangContext, UI_STRINGS } from "./i18n";
import { FastStyles, setupDom } from "./testing/setupDom";
import type { Lang, SettingSourceEntry } from "../engine";

setupDom();

function show(lang: Lang, sources: readonly SettingSourceEntry[]): void {
  render(
    <FastStyles>
      <FluentProvider theme={webLightTheme}>
        <LangContext.Provider value={{ lang, t: UI_STRINGS[lang] }}>
          <SettingsPanel
            saved={{}}
            sheetSettings={{}}
            today="2023-06-30"
            busy={false}
            savedNotice={false}
            onSave={() => undefined}
            sources={sources}
          />
        </LangContext.Provider>
      </FluentProvider>
    </FastStyles>,
  );
}

describe("SettingsPanel: settings that differ from the defaults, with their source", () => {
  it("lists each with its source and warns when a limit was loosened", () => {
    show("zh", [
      { key: "schoolName", value: "示例大学", source: "sheet", loosened: false },
      { key: "presidiumMax", value: 9, source: "state", loosened: true },
    ]);
    const section = screen.getByRole("region", { name: "与默认值不同的设置及来源" });
    const items = within(section)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "schoolName = 示例大学（基本信息表）",
      "presidiumMax = 9（工作簿中保存的助手设置（_ziping_state），放宽了限制）",
    ]);
    expect(within(section).getByText(/有规则限制比默认值宽松/)).toBeTruthy();
  });

  it("shows no warning when nothing was loosened, in English too", () => {
    show("en", [{ key: "presidiumMax", value: 3, source: "config", loosened: false }]);
    const section = screen.getByRole("region", { name: /differ from the defaults/ });
    expect(within(section).getByRole("listitem").textContent).toBe("presidiumMax = 3 (the --config file)");
    expect(within(section).queryByText(/looser than the defaults/)).toBeNull();
  });
});
