/** @jest-environment jsdom */
import { readDialogContent, renderDialog } from "./dialog";

describe("the dialog page", () => {
  beforeEach(() => {
    document.body.innerHTML = '<h1 id="title"></h1><p id="text"></p><button id="ok" type="button"></button>';
  });

  it("shows the message as text only and closes on OK or Escape", () => {
    const content = readDialogContent(
      "?lang=en&kind=error&title=Oops&text=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
    );
    let closes = 0;
    renderDialog(document, content, () => closes++);
    expect(document.getElementById("title")?.textContent).toBe("Oops");
    expect(document.getElementById("text")?.textContent).toBe("<img src=x onerror=alert(1)>");
    expect(document.querySelector("img")).toBeNull();
    expect(document.documentElement.lang).toBe("en-US");
    expect(document.getElementById("ok")?.textContent).toBe("OK");
    document.getElementById("ok")?.click();
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
    expect(closes).toBe(2);
  });

  it("defaults to Chinese", () => {
    expect(readDialogContent("")).toEqual({ lang: "zh", kind: "", title: "自评助手", text: "" });
  });
});
