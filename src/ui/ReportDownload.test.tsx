import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { reportDocument } from "../engine";
import { exampleResult } from "../engine/summary/testing";
import { TextEncoder } from "node:util";
import { ReportDownload } from "./ReportDownload";

// Browsers have TextEncoder (the docx package needs it); jsdom does not.
Object.assign(globalThis, { TextEncoder });

describe("ReportDownload", () => {
  it("offers the report draft as a .docx file", async () => {
    const offered: Blob[] = [];
    const create = jest.fn((b: Blob) => {
      offered.push(b);
      return "blob:report";
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const names: string[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <ReportDownload draft={reportDocument(exampleResult(), "zh")} />
      </FluentProvider>,
    );
    await userEvent.click(screen.getByRole("button", { name: "下载自评报告初稿（Word）" }));
    await waitFor(() => expect(create).toHaveBeenCalled());
    expect(offered[0]?.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(offered[0]?.size).toBeGreaterThan(1000);
    expect(names).toEqual(["自评报告初稿.docx"]);
    click.mockRestore();
  });
});
