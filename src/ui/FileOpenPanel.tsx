/**
 * File mode's 打开工作簿 area: a button that opens the file picker, a drop zone, and what happened
 * (opening…, or why the file could not be used). The file never leaves the page.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular, FolderOpenRegular } from "@fluentui/react-icons";
import { useLang } from "./i18n";
import { visuallyHidden } from "./styles";

/** The file types the picker offers. */
export const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  compact: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  input: { ...visuallyHidden, border: 0, padding: 0 },
});

/** `window.showOpenFilePicker` (File System Access API; not in TypeScript's DOM types). */
type ShowOpenFilePicker = (options: {
  types: { description: string; accept: Record<string, string[]> }[];
  excludeAcceptAllOption: boolean;
  multiple: boolean;
}) => Promise<FileSystemFileHandle[]>;

/**
 * Pickers that failed in this page for another reason than the user's cancel (a policy, a
 * cross-origin frame…): they would fail again, so later presses open the file input at once.
 */
const failedPickers = new WeakSet<object>();
/** Each panel's way to ask for one more press, by its file input (which every caller passes). */
const pressAgainNotices = new WeakMap<HTMLInputElement, (show: boolean) => void>();

/**
 * Let the user pick a workbook. Where the browser has the File System Access picker (Chromium,
 * Edge, 360/QQ), use it and keep the file's handle, so that 校验 can read the file again after it
 * was edited; the user cancelling does nothing. Without the API, or once it failed otherwise, the
 * `<input type=file>` opens instead (its change handler takes the file, without a handle) — in the
 * same press where the browser still allows it, else the panel asks for one more press.
 */
export async function pickWorkbook(
  input: HTMLInputElement | null,
  onPicked: (file: File, handle: FileSystemFileHandle) => void,
): Promise<void> {
  const pressAgain = (input && pressAgainNotices.get(input)) ?? (() => undefined);
  pressAgain(false);
  const picker = (globalThis as { showOpenFilePicker?: ShowOpenFilePicker }).showOpenFilePicker;
  if (typeof picker === "function" && !failedPickers.has(picker)) {
    try {
      const [handle] = await picker.call(globalThis, {
        types: [{ description: "Excel", accept: { [XLSX_TYPE]: [".xlsx", ".xlsm"] } }],
        excludeAcceptAllOption: false,
        multiple: false,
      });
      if (handle) onPicked(await handle.getFile(), handle);
      return;
    } catch (err) {
      if ((err as { name?: unknown } | null)?.name === "AbortError") return;
      failedPickers.add(picker);
      // A browser opens a file input only during a press; a picker that refused may have used it up.
      const activation = (globalThis.navigator as { userActivation?: { isActive: boolean } } | undefined)
        ?.userActivation;
      if (activation && !activation.isActive) {
        pressAgain(true);
        return;
      }
    }
  }
  input?.click();
}

/** Props of {@link FileOpenPanel}. */
export interface FileOpenPanelProps {
  /** Open the chosen file; with its handle when it was picked through the File System Access API. */
  readonly onChoose: (file: File, handle?: FileSystemFileHandle) => void;
  /** A workbook is already open: the panel shrinks to one button. */
  readonly compact: boolean;
  /** A file is being dragged over the pane. */
  readonly dragging: boolean;
  /** The name of the file being opened, if any. */
  readonly opening: string | null;
  /** Why the last file could not be opened, if it could not. */
  readonly error: string | null;
  /** The file input, for another button that opens the picker (重新打开). */
  readonly inputRef?: React.RefObject<HTMLInputElement>;
}

/** The file picker and drop zone of file mode. */
export function FileOpenPanel({
  onChoose,
  compact,
  dragging,
  opening,
  error,
  inputRef: outerRef,
}: FileOpenPanelProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const ownRef = React.useRef<HTMLInputElement>(null);
  const inputRef = outerRef ?? ownRef;
  const headingId = React.useId();
  const [again, setAgain] = React.useState(false);
  React.useEffect(() => {
    const input = inputRef.current;
    if (!input) return undefined;
    pressAgainNotices.set(input, setAgain);
    return () => void pressAgainNotices.delete(input);
  }, [inputRef]);
  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(styles.zone, compact && styles.compact, dragging && styles.dragging)}
    >
      <h2 id={headingId} className={styles.heading}>
        {t.openHeading}
      </h2>
      {!compact && <p className={styles.hint}>{dragging ? t.dropNow : t.openHint}</p>}
      <div className={styles.row}>
        <Button
          appearance={compact ? "secondary" : "primary"}
          icon={compact ? <FolderOpenRegular /> : <DocumentArrowUpRegular />}
          onClick={() => void pickWorkbook(inputRef.current, onChoose)}
          disabledFocusable={opening !== null}
        >
          {compact ? t.openAnother : t.chooseFile}
        </Button>
        <input
          ref={inputRef}
          className={styles.input}
          type="file"
          accept={XLSX_ACCEPT}
          aria-label={t.chooseFile}
          // The button above is the control people and screen readers use; this is its mechanism.
          aria-hidden
          tabIndex={-1}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Reset so choosing the same file again (after fixing it) still fires a change.
            e.currentTarget.value = "";
            setAgain(false);
            if (file) onChoose(file);
          }}
        />
        {opening !== null && <Spinner size="tiny" label={t.opening(opening)} />}
      </div>
      {again && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <Text>{t.pickerPressAgain}</Text>
          </MessageBarBody>
        </MessageBar>
      )}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>
            <Text>{error}</Text>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
