/**
 * File mode's 打开工作簿 button and the File System Access picker: where the browser has
 * `showOpenFilePicker`, a picked file keeps its handle and 校验 reads it again after it changed on
 * disk, like a dropped file; cancelling does nothing; without the API the file input opens.
 */
import "@testing-library/jest-dom";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FileSession } from "../adapters/file";
import { createFileHost } from "../adapters/file";
import { FileModeRoot } from "./FileModeRoot";
import { UI_STRINGS } from "./i18n";
import { createFakeHost, type FakeHost } from "./testing/fakeHost";
import { FastStyles, setupDom } from "./testing/setupDom";
import { sampleWorkbook } from "./testing/workbook";

jest.mock("../adapters/file", () => ({ createFileHost: jest.fn() }));

setupDom();

const zh = UI_STRINGS.zh;
const created = createFileHost as jest.MockedFunction<typeof createFileHost>;
type PickerWindow = { showOpenFilePicker?: unknown };

function fakeSession(file: File): FileSession {
  return {
    host: createFakeHost(sampleWorkbook(), { kind: "file" }),
    fileName: file.name,
    download: async () => undefined,
    Preview: () => null,
    closePreview: () => undefined,
    dispose: () => undefined,
  };
}

/** A handle whose file the test replaces, as an edit in Excel or WPS would. */
function fakeHandle(first: File) {
  let current = first;
  const handle = {
    kind: "file" as const,
    name: first.name,
    getFile: jest.fn(async () => current),
  };
  return {
    handle: handle as unknown as FileSystemFileHandle & { getFile: jest.Mock },
    change(next: File) {
      current = next;
    },
  };
}

/**
 * Render file mode with `picker` as the browser's showOpenFilePicker (none: the browser lacks it),
 * watch the file input for clicks, and press 打开工作簿.
 */
async function pressChooseFile(picker?: jest.Mock) {
  if (picker) (globalThis as PickerWindow).showOpenFilePicker = picker;
  const input = jest.fn();
  const user = userEvent.setup();
  render(<FileModeRoot initialLang="zh" theme="light" />, { wrapper: FastStyles });
  const element = document.querySelector<HTMLInputElement>("input[type=file]")!;
  element.addEventListener("click", input);
  await user.click(screen.getByRole("button", { name: zh.chooseFile }));
  return { user, input, element };
}

/** A showOpenFilePicker that fails with the DOMException `name`. */
function failingPicker(name: string, message: string): jest.Mock {
  return jest.fn(async () => {
    throw new DOMException(message, name);
  });
}

/** The text of the file given to the n-th createFileHost call. */
async function textOfOpened(n: number): Promise<string> {
  const file = created.mock.calls[n]?.[0];
  if (!file) throw new Error(`no file opened at call ${n}`);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

beforeEach(() => {
  created.mockReset();
  created.mockImplementation(async (file) => fakeSession(file as File));
  localStorage.clear();
});

afterEach(() => {
  delete (globalThis as PickerWindow).showOpenFilePicker;
});

test("a file picked through showOpenFilePicker keeps its handle: 校验 reads it again once it changed", async () => {
  const disk = fakeHandle(new File(["第一版"], "台账.xlsx", { lastModified: 1_000 }));
  const picker = jest.fn(async () => [disk.handle]);
  const { user, input } = await pressChooseFile(picker);
  await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  expect(picker).toHaveBeenCalledTimes(1);
  expect(picker.mock.calls[0]).toEqual([
    expect.objectContaining({
      multiple: false,
      types: [
        expect.objectContaining({
          accept: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx", ".xlsm"] },
        }),
      ],
    }),
  ]);
  expect(input).not.toHaveBeenCalled();
  const check = await screen.findByRole("button", { name: zh.checkButton });
  await waitFor(() => expect(check).toBeEnabled());
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  expect(await textOfOpened(0)).toBe("第一版");

  // Edited and saved elsewhere: 校验 reads the new contents through the handle.
  disk.change(new File(["第二版，改过了"], "台账.xlsx", { lastModified: 2_000 }));
  await user.click(screen.getByRole("button", { name: zh.checkButton }));
  await waitFor(() => expect(created).toHaveBeenCalledTimes(2));
  // The new host is checked as any opened file is.
  const reread = created.mock.results[1]!.value as Promise<FileSession>;
  await waitFor(async () =>
    expect(((await reread).host as FakeHost).callsOf("readWorkbook")).toHaveLength(1),
  );
  await waitFor(() => expect(screen.getByRole("button", { name: zh.checkButton })).toBeEnabled());
  await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  expect(await textOfOpened(1)).toBe("第二版，改过了");
  expect(screen.queryByText(zh.diskReopen("台账.xlsx"))).toBeNull();
});

test("cancelling the picker does nothing: no file input, no file, no error", async () => {
  const picker = failingPicker("AbortError", "The user aborted a request.");
  const { input } = await pressChooseFile(picker);
  await waitFor(() => expect(picker).toHaveBeenCalledTimes(1));
  await Promise.resolve();
  expect(input).not.toHaveBeenCalled();
  expect(created).not.toHaveBeenCalled();
  expect(screen.queryByRole("alert")).toBeNull();
  expect(screen.getByRole("button", { name: zh.chooseFile })).toBeEnabled();
});

test("another picker failure falls back to the file input", async () => {
  const picker = failingPicker(
    "SecurityError",
    "Cross origin sub frames aren't allowed to show a file picker.",
  );
  const { input } = await pressChooseFile(picker);
  await waitFor(() => expect(input).toHaveBeenCalledTimes(1));
  expect(created).not.toHaveBeenCalled();
});

test("without showOpenFilePicker the button opens the file input, and the picked file is opened", async () => {
  expect((globalThis as PickerWindow).showOpenFilePicker).toBeUndefined();
  const { user, input, element } = await pressChooseFile();
  expect(input).toHaveBeenCalledTimes(1);
  const file = new File(["台账"], "台账.xlsx");
  await user.upload(element, file);
  await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  expect(created.mock.calls[0]?.[0]).toBe(file);
});
