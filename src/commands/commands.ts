/**
 * The ribbon's ExecuteFunction commands (manifest.xml: FunctionName `validate` and `summarize`).
 * They run without the task pane, use the settings and sheet corrections saved in the workbook,
 * and always report back in a dialog before calling `event.completed()` (see run.ts).
 */
import { createOfficeHost } from "../adapters/office";
import { formatFinding, type Lang } from "../engine";
import { dialogNotifier, type DialogUi } from "./notify";
import { handleCommand, langOf, type CommandEvent, type CommandName } from "./run";

/** `Office.context.ui`, looked up only when a message is shown (a failure there is handled). */
const officeUi: DialogUi = {
  displayDialogAsync: (address, options, callback) =>
    Office.context.ui.displayDialogAsync(address, options, callback),
};

/** The function Office calls when the button is pressed. */
function commandFor(name: CommandName): (event: CommandEvent) => void {
  return (event) => {
    let lang: Lang = "zh";
    try {
      lang = langOf(Office.context.displayLanguage);
    } catch {
      // Keep the default language; the command must still run and complete.
    }
    const host = createOfficeHost({ noteText: (f) => formatFinding(f, lang) });
    void handleCommand(name, event, {
      host,
      notify: dialogNotifier(officeUi, window.location.href, lang),
      // The dialog could not open (12007: one already open, 12009: dialogs blocked): put the message
      // in the title row of 问题清单, where the user looks next.
      fallback: (m) => (m.sheet ? host.showInTitleRow(m.sheet, `${m.title}：${m.text}`) : Promise.resolve()),
      lang,
    });
  };
}

if (typeof Office !== "undefined") void Office.onReady();

const COMMANDS: readonly CommandName[] = ["validate", "summarize"];

for (const name of COMMANDS) {
  const action = commandFor(name);
  // Older clients look the function up on the global object; newer ones use Office.actions.
  (globalThis as unknown as Record<string, unknown>)[name] = action;
  try {
    if (typeof Office !== "undefined" && Office.actions) Office.actions.associate(name, action);
  } catch (error) {
    // Some clients have Office.actions without a working associate (older builds): the global
    // function above is what they call, so the button still works.
    console.error(`ziping: Office.actions.associate("${name}") failed`, error);
  }
}
