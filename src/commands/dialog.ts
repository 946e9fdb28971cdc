/**
 * The message dialog of the ribbon commands: shows the title and text from the query string (as
 * text, never as HTML) and tells the command to finish when the user presses OK.
 */

/** The message read from the dialog page's query string. */
export interface DialogContent {
  readonly lang: "zh" | "en";
  readonly kind: string;
  readonly title: string;
  readonly text: string;
}

/** Reads the message from a query string such as `?lang=zh&kind=clean&title=…&text=…`. */
export function readDialogContent(search: string): DialogContent {
  const params = new URLSearchParams(search);
  const lang = params.get("lang") === "en" ? "en" : "zh";
  return {
    lang,
    kind: params.get("kind") ?? "",
    title: params.get("title") ?? (lang === "zh" ? "自评助手" : "Ziping"),
    text: params.get("text") ?? "",
  };
}

/** Fills the page with the message and calls `onClose` when OK is pressed (or Escape). */
export function renderDialog(doc: Document, content: DialogContent, onClose: () => void): void {
  doc.documentElement.lang = content.lang === "zh" ? "zh-CN" : "en-US";
  doc.title = content.title;
  const title = doc.getElementById("title");
  const text = doc.getElementById("text");
  const ok = doc.getElementById("ok");
  if (title) {
    title.textContent = content.title;
    title.dataset.kind = content.kind;
  }
  if (text) text.textContent = content.text;
  if (ok) {
    ok.textContent = content.lang === "zh" ? "确定" : "OK";
    ok.addEventListener("click", onClose);
    ok.focus();
  }
  doc.addEventListener("keydown", (e) => {
    if (e.key === "Escape") onClose();
  });
}

/** Starts the dialog page inside Office. */
function start(): void {
  const content = readDialogContent(window.location.search);
  const close = (): void => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  };
  renderDialog(document, content, close);
}

if (typeof window !== "undefined" && typeof document !== "undefined" && document.getElementById("ok")) {
  if (typeof Office !== "undefined") void Office.onReady(start);
  else start();
}
