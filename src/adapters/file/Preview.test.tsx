import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { RawCell, SheetInput } from "../../engine";
import { bindPreview, SheetPreview, tableFrame, type PreviewTarget } from "./Preview";

function bigSheet(rows: number): SheetInput {
  const data: RawCell[][] = [["日期", "活动名称", "学号", "时长"]];
  for (let i = 1; i < rows; i++)
    data.push(["2022-03-01", `活动${i}`, `2021${String(i).padStart(6, "0")}`, i % 7]);
  return { name: "活动记录", rows: data };
}

/** A preview source like the file host's, opened and closed by the test. */
function fakeSource(initial: PreviewTarget | null) {
  let target = initial;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  return {
    getPreview: () => target,
    subscribePreview: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    closePreview: () => {
      target = null;
      changed();
    },
    open: (next: PreviewTarget) => {
      target = next;
      changed();
    },
  };
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
    const source = fakeSource(null);
    const Preview = bindPreview(source, () => "zh");
    const { container } = inProvider(<Preview />);
    expect(container.querySelector('[data-testid="file-preview"]')).toBeNull();
    act(() => source.open({ sheet: { name: "名单", rows: [["姓名"], ["张三"]] }, cell: "A2" }));
    expect(container.querySelector('[data-highlight="cell"]')?.textContent).toBe("张三");
    fireEvent.click(screen.getByRole("button", { name: "关闭预览" }));
    expect(container.querySelector('[data-testid="file-preview"]')).toBeNull();
  });

  it("keeps the table's header row and the row's name and student id in view at a far-right cell", () => {
    const header = ["序号", "姓名", "学号", ...Array.from({ length: 20 }, (_, i) => `列${i + 1}`)];
    const rows: RawCell[][] = [["2023 学年工作人员名单"], header];
    for (let i = 1; i <= 300; i++)
      rows.push([i, `学生${i}`, `2021${String(i).padStart(4, "0")}`, ...header.slice(3)]);
    const sheet: SheetInput = { name: "名单", rows };
    const frame = tableFrame({ sheet, cell: "W250" }, [
      { kind: "roster", sheet: "名单", headerRow: 2, rows: 300, source: "headers" },
    ]);
    expect(frame).toEqual({ headerRow: 2, keyColumns: [2, 3] });
    const { container } = inProvider(<SheetPreview sheet={sheet} cell="W250" lang="zh" {...frame} />);
    expect(container.querySelector('[data-highlight="cell"]')?.getAttribute("data-cell")).toBe("W250");
    // The header row is drawn above the rows even though row 2 is far out of the rows in view.
    const headerRow = container.querySelector('[data-header-row="2"]');
    expect(headerRow?.textContent).toContain("姓名");
    expect(headerRow?.textContent).toContain("学号");
    expect(container.querySelector('[data-row="2"]')).toBeNull();
    // The target row shows whose it is, though its columns B and C are far left of W.
    const target = container.querySelector('[data-highlight="row"]');
    expect(target?.querySelector('[data-cell="B250"]')?.textContent).toBe("学生248");
    expect(target?.querySelector('[data-cell="C250"]')?.textContent).toBe("20210248");
  });

  it("keeps the header row in view when only rows far below it were sent, with its cells", () => {
    const header = ["序号", "姓名", "学号"];
    const rows: RawCell[][] = [];
    for (let i = 1000; i < 1100; i++) rows.push([i, `学生${i}`, `2021${i}`]);
    const target: PreviewTarget = {
      sheet: { name: "名单", origin: { row: 1001, col: 1 }, rows },
      cell: "B1050",
      header: { row: 2, cells: header },
    };
    const frame = tableFrame(target, [
      { kind: "roster", sheet: "名单", headerRow: 2, rows: 5000, source: "headers" },
    ]);
    expect(frame).toEqual({ headerRow: 2, keyColumns: [2, 3] });
    const { container } = inProvider(<SheetPreview {...target} lang="zh" {...frame} />);
    expect(container.querySelector('[data-header-row="2"]')?.textContent).toContain("学号");
    expect(container.querySelector('[data-highlight="cell"]')?.textContent).toBe("学生1049");
  });

  it("knows no frame for a sheet that is not a recognised table", () => {
    expect(tableFrame({ sheet: { name: "备注", rows: [["说明"]] }, cell: "A1" }, [])).toEqual({});
  });

  it("closes on Esc and says so, so the pane can put focus back on the finding", () => {
    const source = fakeSource({ sheet: { name: "名单", rows: [["姓名"], ["张三"]] }, cell: "A2" });
    const Preview = bindPreview(source, () => "zh");
    const closed = jest.fn();
    const { container } = inProvider(<Preview onClosed={closed} />);
    const grid = screen.getByTestId("file-preview-grid");
    fireEvent.keyDown(grid, { key: "Escape" });
    expect(container.querySelector('[data-testid="file-preview"]')).toBeNull();
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
