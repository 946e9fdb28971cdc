/**
 * Shows a command's message in an Office dialog (dialog.html, text passed in the query string) and
 * resolves when the user closes it, so the command's `event.completed()` does not close it early.
 */
import type { Lang } from "../engine";
import type { CommandMessage } from "./run";

/** How long a message stays open before the command completes anyway (ms). */
export const DIALOG_TIMEOUT_MS = 5 * 60 * 1000;

/** Longest message text passed in the dialog's URL. */
const MAX_TEXT = 1500;

/** The dialog page's URL for a message, next to `base` (the commands page). */
export function dialogUrl(base: string, message: CommandMessage, lang: Lang): string {
  const url = new URL("dialog.html", base);
  url.search = new URLSearchParams({
    lang,
    kind: message.kind,
    title: message.title,
    text: message.text.length > MAX_TEXT ? `${message.text.slice(0, MAX_TEXT - 1)}…` : message.text,
  }).toString();
  return url.href;
}

/** The part of `Office.context.ui` used here (injected in tests). */
export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

/**
 * A notify function for the ribbon commands that opens the message dialog. It resolves true once
 * the message was shown (closed by the user, or left open `waitMs` — the time the command has left
 * under Office's limit — at most `timeoutMs`), false when the dialog could not open (12007, 12009…)
 * so the command can tell the user another way.
 */
export function dialogNotifier(
  ui: DialogUi,
  base: string,
  lang: Lang,
  timeoutMs = DIALOG_TIMEOUT_MS,
): (message: CommandMessage, waitMs?: number) => Promise<boolean> {
  return (message, waitMs = timeoutMs) =>
    new Promise<boolean>((resolve) => {
      ui.displayDialogAsync(
        dialogUrl(base, message, lang),
        { height: 30, width: 30, displayInIframe: true },
        (result) => {
          if (result.status !== Office.AsyncResultStatus.Succeeded) {
            // Leave a trace; the command then tells the user another way (run.ts, handleCommand).
            console.error("ziping:", message.title, message.text, result.error);
            resolve(false);
            return;
          }
          const dialog = result.value;
          let timer: ReturnType<typeof setTimeout> | undefined;
          const done = (): void => {
            if (timer !== undefined) clearTimeout(timer);
            timer = undefined;
            try {
              dialog.close();
            } catch {
              // Already closed by the user.
            }
            resolve(true);
          };
          timer = setTimeout(done, Math.max(0, Math.min(timeoutMs, waitMs)));
          // The dialog's OK button sends a message; the close box raises an event (12006).
          dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
          dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
        },
      );
    });
}
