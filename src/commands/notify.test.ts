import { dialogNotifier, dialogUrl, type DialogUi } from "./notify";
import { readDialogContent } from "./dialog";

type Handler = () => void;

beforeAll(() => {
  // The two enums notify.ts reads from office.js, with their run-time values.
  (globalThis as unknown as { Office: unknown }).Office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  };
});

function fakeUi(status: "succeeded" | "failed") {
  const opened: string[] = [];
  const handlers = new Map<string, Handler>();
  let closed = 0;
  const ui: DialogUi = {
    displayDialogAsync(address, _options, callback) {
      opened.push(address);
      const dialog = {
        addEventHandler: (type: string, h: Handler) => handlers.set(type, h),
        close: () => void closed++,
      };
      callback({
        status,
        value: dialog,
        error: { code: 12007, message: "busy", name: "x" },
      } as unknown as Office.AsyncResult<Office.Dialog>);
    },
  };
  return { ui, opened, handlers, closed: () => closed };
}

describe("the command message dialog", () => {
  const message = { kind: "problems" as const, title: "校验完成", text: "发现 2 个错误 & <b>x</b>" };

  it("passes the message in the query string of dialog.html next to the commands page", () => {
    const url = dialogUrl("https://localhost:3000/commands.html?_host_Info=x", message, "zh");
    expect(url.startsWith("https://localhost:3000/dialog.html?")).toBe(true);
    expect(readDialogContent(new URL(url).search)).toEqual({ lang: "zh", ...message });
  });

  it("resolves when the user presses OK, and closes the dialog", async () => {
    const f = fakeUi("succeeded");
    const shown = dialogNotifier(f.ui, "https://localhost:3000/commands.html", "zh")(message);
    expect(f.opened).toHaveLength(1);
    f.handlers.get("dialogMessageReceived")?.();
    await shown;
    expect(f.closed()).toBe(1);
  });

  it("resolves after a timeout when nobody answers", async () => {
    const f = fakeUi("succeeded");
    await dialogNotifier(f.ui, "https://localhost:3000/commands.html", "en", 5)(message);
    expect(f.closed()).toBe(1);
  });

  it("resolves (and logs) when the dialog cannot open", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    // false: the command then tells the user another way (the 问题清单 title row).
    expect(
      await dialogNotifier(fakeUi("failed").ui, "https://localhost:3000/commands.html", "en")(message),
    ).toBe(false);
    expect(errors).toHaveBeenCalledWith("ziping:", message.title, message.text, expect.anything());
    errors.mockRestore();
  });
});
