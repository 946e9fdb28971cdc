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
    void handleCommand(name, event, {
      host: createOfficeHost({ noteText: (f) => formatFinding(f, lang) }),
      notify: dialogNotifier(officeUi, window.location.href, lang),
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
  if (typeof Office !== "undefined" && Office.actions) Office.actions.associate(name, action);
}
