import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { RawCell, SheetInput } from "../../engine/types";
import { bindPreview, SheetPreview, type PreviewTarget } from "./Preview";

function bigSheet(rows: number): SheetInput {
  const data: RawCell[][] = [["日期", "活动名称", "学号", "时长"]];
  for (let i = 1; i < rows; i++)
    data.push(["2022-03-01", `活动${i}`, `2021${String(i).padStart(6, "0")}`, i % 7]);
  return { name: "活动记录", rows: data };
}

function inProvider(node: React.ReactNode) {
  return render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}

describe("SheetPreview", () => {
  it("renders only the rows in view of a 200,000-row sheet, with the target cell and row highlighted", () => {
    const { container } = inProvider(<SheetPreview sheet={bigSheet(200_000)} cell="D150000" lang="zh" />);
    const rows = container.querySelectorAll('[role="rowgroup"] [role="row"][data-row]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(80);
    const cell = container.querySelector('[data-highlight="cell"]');
    expect(cell?.getAttribute("data-cell")).toBe("D150000");
    expect(cell?.textContent).toBe(String(149_999 % 7));
    const row = container.querySelector('[data-highlight="row"]');
    expect(row?.getAttribute("data-row")).toBe("150000");
    expect(container.querySelector('[role="table"]')?.getAttribute("aria-rowcount")).toBe("200001");
    expect(screen.getByText("预览：活动记录!D150000")).toBeTruthy();
  });

  it("shows markup in a cell as literal text", () => {
    const sheet: SheetInput = { name: "名单", rows: [["姓名"], ["<img src=x onerror=alert(1)>"]] };
    const { container } = inProvider(<SheetPreview sheet={sheet} cell="A2" lang="en" />);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector('[data-cell="A2"]')?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(screen.getByText("Preview: 名单!A2")).toBeTruthy();
  });

  it("extends the grid to a target beyond the used range and honours the sheet origin", () => {
    const sheet: SheetInput = { name: "S", rows: [["a", "b"]], origin: { row: 5, col: 3 } };
    const { container } = inProvider(<SheetPreview sheet={sheet} cell="F9" lang="zh" />);
    expect(container.querySelector('[data-cell="C5"]')?.textContent).toBe("a");
    expect(container.querySelector('[data-highlight="cell"]')?.getAttribute("data-cell")).toBe("F9");
  });

  it("binds to a host's preview state and closes", () => {
    let target: PreviewTarget | null = null;
    const listeners = new Set<() => void>();
    const source = {
      getPreview: () => target,
      subscribePreview: (l: () => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      closePreview: () => {
        target = null;
        listeners.forEach((l) => l());
      },
    };
    const Preview = bindPreview(source, () => "zh");
    const { container } = inProvider(<Preview />);
    expect(container.querySelector('[data-testid="file-preview"]')).toBeNull();
    act(() => {
      target = { sheet: { name: "名单", rows: [["姓名"], ["张三"]] }, cell: "A2" };
      listeners.forEach((l) => l());
    });
    expect(container.querySelector('[data-highlight="cell"]')?.textContent).toBe("张三");
    fireEvent.click(screen.getByRole("button", { name: "关闭预览" }));
    expect(container.querySelector('[data-testid="file-preview"]')).toBeNull();
  });
});
