/**
 * 打开工作簿 where the browser has `showOpenFilePicker` but it fails (a cross-origin frame, a
 * policy): the press falls back to the file input, or says to press once more when the failed
 * picker used the press up; later presses go to the file input at once. The user's cancel is no
 * failure: the next press tries the picker again.
 */
import "@testing-library/jest-dom";
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FileOpenPanel } from "./FileOpenPanel";
import { UI_STRINGS } from "./i18n";
import { FastStyles, setupDom } from "./testing/setupDom";

setupDom();

const zh = UI_STRINGS.zh;
type PickerWindow = { showOpenFilePicker?: unknown };
type ActivationNavigator = { userActivation?: { isActive: boolean } };

function failingPicker(name: string) {
  return jest.fn(async () => {
    throw new DOMException(`picker refused (${name})`, name);
  });
}

function renderPanel() {
  const user = userEvent.setup();
  const onChoose = jest.fn();
  render(<FileOpenPanel onChoose={onChoose} compact={false} dragging={false} opening={null} error={null} />, {
    wrapper: FastStyles,
  });
  const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
  const opened = jest.fn();
  input.addEventListener("click", opened);
  const press = () => user.click(screen.getByRole("button", { name: zh.chooseFile }));
  return { user, input, opened, onChoose, press };
}

afterEach(() => {
  delete (globalThis as PickerWindow).showOpenFilePicker;
  delete (navigator as ActivationNavigator).userActivation;
});

test.each(["SecurityError", "NotAllowedError"])(
  "a picker failing with %s opens the file input in the same press, and later presses open it at once",
  async (name) => {
    const picker = failingPicker(name);
    (globalThis as PickerWindow).showOpenFilePicker = picker;
    const { opened, press } = renderPanel();

    await press();
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(picker).toHaveBeenCalledTimes(1);

    await press();
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(2));
    expect(picker).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(zh.pickerPressAgain)).toBeNull();
  },
);

test("a picker that failed after using the press up says to press again; the next press opens the file input", async () => {
  // The browser's own record of the press: the failed picker consumed it, as a blocked one can.
  const activation = { isActive: true };
  (navigator as ActivationNavigator).userActivation = activation;
  const picker = jest.fn(async () => {
    activation.isActive = false;
    throw new DOMException("The request is not allowed by the user agent.", "NotAllowedError");
  });
  (globalThis as PickerWindow).showOpenFilePicker = picker;
  const { user, input, opened, onChoose, press } = renderPanel();

  await press();
  expect(await screen.findByText(zh.pickerPressAgain)).toBeVisible();
  expect(opened).not.toHaveBeenCalled();

  activation.isActive = true;
  await press();
  await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
  expect(picker).toHaveBeenCalledTimes(1);
  expect(screen.queryByText(zh.pickerPressAgain)).toBeNull();

  const file = new File(["台账"], "台账.xlsx");
  await user.upload(input, file);
  expect(onChoose).toHaveBeenCalledWith(file);
});

test("cancelling the picker is no failure: the next press shows the picker again", async () => {
  const picker = failingPicker("AbortError");
  (globalThis as PickerWindow).showOpenFilePicker = picker;
  const { opened, press } = renderPanel();

  await press();
  await waitFor(() => expect(picker).toHaveBeenCalledTimes(1));
  await press();
  await waitFor(() => expect(picker).toHaveBeenCalledTimes(2));
  expect(opened).not.toHaveBeenCalled();
  expect(screen.queryByText(zh.pickerPressAgain)).toBeNull();
});
