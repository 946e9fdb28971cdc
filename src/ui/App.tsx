/**
 * The task pane: workbook status with kind corrections, the 校验 / 生成汇总表 actions with
 * progress, findings grouped by rule, the 自评表 indicators, settings and report sentences — the
 * same pane in Excel (Office.js host) and in a browser on an .xlsx (file host).
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import {
  ArrowDownloadRegular,
  CheckmarkCircleRegular,
  DismissRegular,
  FolderOpenRegular,
  TableSimpleRegular,
} from "@fluentui/react-icons";
import type { Finding, IsoDate, Lang, SettingsInput, SummarySheet, TableInfo } from "../engine";
import { errorText } from "../host/errors";
import type { WorkbookHost } from "../host/types";
import { createEngineRunner, type EngineRunner } from "./engineClient";
import { FileOpenPanel, pickWorkbook } from "./FileOpenPanel";
import { FindingsView } from "./FindingsView";
import type { ThemeName } from "./hostDetect";
import { IndicatorsView } from "./IndicatorsView";
import { LANG_TAGS, LangContext, UI_STRINGS, langFromLocale, storeLang, storedLang } from "./i18n";
import { ReportDownload } from "./ReportDownload";
import { ReportView } from "./ReportView";
import { SettingsPanel } from "./SettingsPanel";
import { SummaryView } from "./SummaryView";
import { sheetStatuses } from "./sheetStatus";
import { usePane } from "./usePane";
import { WorkbookStatus } from "./WorkbookStatus";
import { localToday } from "../host/checkWorkbook";
import { visuallyHidden } from "./styles";

/** Props of {@link App}; see src/ui/README.md for how file mode plugs in. */
export interface AppProps {
  /** The workbook to work on; null while none is open (file mode before a file is chosen). */
  readonly host: WorkbookHost | null;
  /**
   * Where the pane runs; only read while no host exists (Excel shows 正在启动…, file mode the open
   * area). Once there is a host, what shows is decided by its `capabilities`.
   */
  readonly mode: "office" | "file";
  /** Start-up language (default: the stored choice, else the browser's). */
  readonly initialLang?: Lang;
  readonly theme?: ThemeName;
  /**
   * File mode: open a file the user picked or dropped (rejects with a localised error); a dropped
   * file comes with its DataTransferItem, for a File System Access handle where there is one (a
   * file picked through `showOpenFilePicker` comes with an item that gives its handle).
   */
  readonly onOpenFile?: (file: File, item?: DroppedItem) => Promise<void>;
  /** File mode: run before 校验; false when the check must not run (the file was reopened, or must be). */
  readonly beforeCheck?: () => Promise<boolean>;
  /** File mode: the file on disk changed since it was read (press 校验), or must be reopened. */
  readonly diskNotice?: DiskNotice;
  /** File mode: the open file's name. */
  readonly fileName?: string;
  /**
   * File mode: the preview slot, held in view beside the pane (or over the bottom of a narrow
   * one) so that opening a finding never moves the list; `onClosed` is for the preview to call
   * when the user closes it (focus goes back to the finding).
   */
  readonly renderPreview?: (context: PreviewContext) => React.ReactNode;
  /** File mode: close the preview (the findings were filtered to another sheet). */
  readonly closePreview?: () => void;
  /** File mode: download the workbook with the summary sheets (called after host.writeSummary). */
  readonly onDownload?: () => Promise<void>;
  /** Where the engine runs (default: a Web Worker, in-thread where there is none). */
  readonly engine?: EngineRunner;
  /** Check as soon as a host is available (default true). */
  readonly autoCheck?: boolean;
  /** Today's date for the check (default: the local date). */
  readonly today?: () => IsoDate;
}

/**
 * A dropped item: Chromium can give its File System Access handle (not in TypeScript's DOM types).
 * A file picked with `showOpenFilePicker` comes with one that gives the picker's handle.
 */
export interface DroppedItem {
  readonly getAsFileSystemHandle?: () => Promise<FileSystemHandle | null>;
}

/** What file mode knows about the file on disk: changed (校验 reads it again), or to reopen. */
export type DiskNotice = "changed" | "reopen" | null;

/** What the pane gives the preview slot. */
export interface PreviewContext {
  readonly lang: Lang;
  /** The recognised tables of the last check (header rows, identifying columns). */
  readonly tables?: readonly TableInfo[];
  readonly onClosed: () => void;
}

type TabId = "problems" | "assessment" | "summary" | "settings" | "report";
const TABS: readonly TabId[] = ["problems", "assessment", "settings", "report"];
// A host whose output is a download shows what it holds; in Excel those are sheets of the workbook.
const DOWNLOAD_TABS: readonly TabId[] = ["problems", "assessment", "summary", "settings", "report"];
const NO_SETTINGS: SettingsInput = {};

const useStyles = makeStyles({
  layout: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    // The full height lives here, not on FluentProvider: Fluent copies the provider's classes onto
    // its popup layer (applyStylesToPortals), and a 100vh white layer there covered the whole pane.
    minHeight: "100vh",
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: "280px",
    maxWidth: "720px",
    minWidth: 0,
  },
  // Beside the pane the preview stays at the top of the window; on a narrow pane it lies over the
  // window's bottom half. Either way opening a finding does not scroll the list away.
  preview: {
    flexGrow: 2,
    flexShrink: 1,
    flexBasis: "360px",
    minWidth: 0,
    maxWidth: "100%",
    position: "sticky",
    top: tokens.spacingHorizontalM,
    ":empty": { display: "none" },
    "@media (max-width: 679px)": {
      position: "fixed",
      top: "auto",
      left: 0,
      right: 0,
      bottom: 0,
      zIndex: 10,
      maxHeight: "50vh",
      overflowY: "auto",
      padding: tokens.spacingHorizontalXS,
      backgroundColor: tokens.colorNeutralBackground1,
      boxShadow: tokens.shadow16,
    },
  },
  // Room under the list for the preview lying over a narrow pane's bottom half.
  previewRoom: { "@media (max-width: 679px)": { paddingBottom: "52vh" } },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  titles: { display: "flex", flexDirection: "column", minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitle: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  lang: { width: "110px" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: "wrap" },
  panel: { minWidth: 0 },
  messages: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  wrap: { overflowWrap: "anywhere" },
  visuallyHidden,
});

function hasFiles(e: React.DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes("Files");
}

/** The pane. */
export function App(props: AppProps): React.JSX.Element {
  const { host, mode, onOpenFile, fileName, renderPreview, onDownload } = props;
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(
    () => props.initialLang ?? storedLang() ?? langFromLocale(globalThis.navigator?.language),
  );
  const t = UI_STRINGS[lang];
  const langValue = React.useMemo(() => ({ lang, t }), [lang, t]);
  const [engine] = React.useState<EngineRunner>(() => props.engine ?? createEngineRunner());
  const ownsEngine = props.engine === undefined;
  React.useEffect(() => (ownsEngine ? () => engine.dispose() : undefined), [engine, ownsEngine]);
  const today = props.today ?? (() => localToday());

  const previewRef = React.useRef<HTMLDivElement>(null);
  const fileInputRef = React.useRef<HTMLInputElement>(null);
  const [state, actions] = usePane({
    host,
    engine,
    autoCheck: props.autoCheck ?? true,
    today,
    fileName,
  });
  // The finding whose cell the preview shows: focus goes back to it when the preview closes.
  const opener = React.useRef<HTMLElement | null>(null);
  const [previewSheet, setPreviewSheet] = React.useState<string | null>(null);
  const selectFinding = (finding: Finding): void => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setPreviewSheet(finding.sheet ?? null);
    void actions.select(finding);
  };
  const onPreviewClosed = React.useCallback(() => {
    setPreviewSheet(null);
    const back = opener.current;
    if (back?.isConnected) back.focus();
  }, []);
  React.useEffect(() => setPreviewSheet(null), [host]);
  const onSheetFilter = (sheet: string): void => {
    // A preview of another sheet than the list now shows would answer a question no longer asked.
    if (sheet !== "" && previewSheet !== null && sheet !== previewSheet) {
      props.closePreview?.();
      setPreviewSheet(null);
    }
  };
  const runCheck = async (): Promise<void> => {
    // File mode: the file may have been edited since it was read; the host decides what to do.
    if (props.beforeCheck && !(await props.beforeCheck())) return;
    await actions.check();
  };
  const [tab, setTab] = React.useState<TabId>("problems");
  const tabs = host?.capabilities.download === true ? DOWNLOAD_TABS : TABS;
  const [summarySheets, setSummarySheets] = React.useState<readonly SummarySheet[] | null>(null);
  const checkedView = state.view;
  React.useEffect(() => {
    // Built when the tab is shown, from the last check, in the pane's language.
    if (tab !== "summary" || !checkedView) return undefined;
    let live = true;
    setSummarySheets(null);
    engine.summary(lang).then(
      (sheets) => {
        if (live) setSummarySheets(sheets);
      },
      () => {
        if (live) setSummarySheets([]);
      },
    );
    return () => {
      live = false;
    };
  }, [tab, checkedView, lang, engine]);
  const [dragging, setDragging] = React.useState(false);
  const [opening, setOpening] = React.useState<string | null>(null);
  const [openError, setOpenError] = React.useState<{ readonly file: string; readonly cause: unknown } | null>(
    null,
  );
  const idBase = React.useId();
  const statusHeadingId = `${idBase}-status`;

  React.useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
  }, [lang]);

  const changeLang = (next: Lang): void => {
    setLang(next);
    storeLang(next);
  };

  const openFile = async (file: File, item?: DroppedItem): Promise<void> => {
    if (!onOpenFile || opening !== null) return;
    setOpening(file.name);
    setOpenError(null);
    try {
      await (item ? onOpenFile(file, item) : onOpenFile(file));
    } catch (err) {
      setOpenError({ file: file.name, cause: err });
    } finally {
      setOpening(null);
    }
  };

  const onChoose = (file: File, handle?: FileSystemFileHandle): void => {
    void openFile(file, handle ? { getAsFileSystemHandle: async () => handle } : undefined);
  };

  const dropHandlers = onOpenFile
    ? {
        onDragOver: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDragging(true);
        },
        onDragLeave: (e: React.DragEvent) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
        },
        onDrop: (e: React.DragEvent) => {
          if (!hasFiles(e)) return;
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void openFile(file, e.dataTransfer.items?.[0] as DroppedItem | undefined);
        },
      }
    : {};

  const { view, busy, saved } = state;
  const statuses = React.useMemo(
    () => (view ? sheetStatuses(view.workbook, view.report.tables, saved?.overrides ?? []) : null),
    [view, saved],
  );
  // The pane asks the host what it can do instead of branching on where it runs.
  const canMark =
    host?.capabilities.marks === true && host.markCells !== undefined && host.clearMarks !== undefined;
  const isBusy = busy !== null;
  const showDownload = host?.capabilities.download === true && onDownload !== undefined;

  return (
    <FluentProvider
      theme={props.theme === "dark" ? webDarkTheme : webLightTheme}
      lang={LANG_TAGS[lang]}
      dir="ltr"
    >
      <LangContext.Provider value={langValue}>
        {/* One landmark for everything, the preview included (it sits beside the pane when there is room). */}
        <main
          className={mergeClasses(styles.layout, previewSheet !== null && styles.previewRoom)}
          {...dropHandlers}
        >
          <div className={styles.pane}>
            <header className={styles.header}>
              <div className={styles.titles}>
                <h1 className={styles.title}>{t.appTitle}</h1>
                <Caption1 className={styles.subtitle}>
                  {fileName ? t.currentFile(fileName) : t.appSubtitle}
                </Caption1>
              </div>
              <Field label={t.langLabel} size="small">
                <Select
                  className={styles.lang}
                  size="small"
                  value={lang}
                  onChange={(_, d) => changeLang(d.value === "en" ? "en" : "zh")}
                >
                  <option value="zh" lang="zh-CN">
                    {t.langNames.zh}
                  </option>
                  <option value="en" lang="en-US">
                    {t.langNames.en}
                  </option>
                </Select>
              </Field>
            </header>

            {onOpenFile && (
              <FileOpenPanel
                inputRef={fileInputRef}
                onChoose={onChoose}
                compact={host !== null}
                dragging={dragging}
                opening={opening}
                error={openError && `${t.openFailed(openError.file)} ${errorText(openError.cause, lang)}`}
              />
            )}

            {host === null && mode === "office" && <Spinner label={t.starting} />}

            {host !== null && (
              <>
                <section aria-labelledby={statusHeadingId} className={styles.section}>
                  <h2 id={statusHeadingId} className={styles.h2}>
                    {t.statusHeading}
                  </h2>
                  {statuses ? (
                    <WorkbookStatus
                      statuses={statuses}
                      busy={isBusy}
                      onChange={(s, k) => void actions.setSheetKind(s, k)}
                    />
                  ) : (
                    <Text>{t.statusNotRead}</Text>
                  )}
                </section>

                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    icon={<CheckmarkCircleRegular />}
                    disabledFocusable={isBusy}
                    onClick={() => void runCheck()}
                  >
                    {t.checkButton}
                  </Button>
                  {showDownload ? (
                    <Button
                      icon={<ArrowDownloadRegular />}
                      disabledFocusable={isBusy}
                      onClick={() => void actions.writeSummary(lang, onDownload)}
                    >
                      {t.downloadButton}
                    </Button>
                  ) : (
                    <Button
                      icon={<TableSimpleRegular />}
                      disabledFocusable={isBusy}
                      onClick={() => void actions.writeSummary(lang)}
                    >
                      {t.summaryButton}
                    </Button>
                  )}
                  {canMark && (
                    <Switch
                      label={t.highlightLabel}
                      checked={state.marking}
                      disabled={view === null}
                      onChange={(_, d) => void actions.setMarking(d.checked)}
                      title={t.highlightHint}
                    />
                  )}
                </div>

                {props.diskNotice && (
                  <MessageBar intent="warning">
                    <MessageBarBody className={styles.wrap}>
                      {props.diskNotice === "changed"
                        ? t.diskChanged(fileName ?? "")
                        : t.diskReopen(fileName ?? "")}
                    </MessageBarBody>
                    {props.diskNotice === "reopen" && (
                      <MessageBarActions>
                        <Button
                          icon={<FolderOpenRegular />}
                          onClick={() => void pickWorkbook(fileInputRef.current, onChoose)}
                        >
                          {t.reopenButton}
                        </Button>
                      </MessageBarActions>
                    )}
                  </MessageBar>
                )}

                <div role="status" aria-live="polite" className={styles.messages}>
                  {busy && (
                    <Field validationMessage={t.stages[busy.stage]} validationState="none">
                      <ProgressBar
                        aria-label={t.progressLabel}
                        thickness="large"
                        {...(busy.fraction === undefined ? {} : { value: busy.fraction })}
                      />
                    </Field>
                  )}
                  {state.outcome && (
                    <MessageBar intent="success">
                      <MessageBarBody className={styles.wrap}>
                        {t.summaryWritten}
                        {state.outcome.sheets.map((s) => s.name).join(lang === "zh" ? "、" : ", ")}
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  {state.outcome?.renamed.map((r) => (
                    <MessageBar key={r.used} intent="warning">
                      <MessageBarBody className={styles.wrap}>
                        {t.summaryRenamed(r.wanted, r.used)}
                      </MessageBarBody>
                    </MessageBar>
                  ))}
                  {state.notice === "downloaded" && (
                    <MessageBar intent="success">
                      <MessageBarBody>{t.downloadDone}</MessageBarBody>
                    </MessageBar>
                  )}
                </div>
                {state.error !== null && (
                  <MessageBar intent="error" role="alert">
                    <MessageBarBody className={styles.wrap}>
                      {t.runFailed}
                      {errorText(state.error.cause, lang)}
                    </MessageBarBody>
                    <MessageBarActions
                      containerAction={
                        <Button
                          appearance="transparent"
                          aria-label={t.dismiss}
                          icon={<DismissRegular />}
                          onClick={actions.dismissError}
                        />
                      }
                    />
                  </MessageBar>
                )}

                <TabList
                  className={styles.tabs}
                  selectedValue={tab}
                  onTabSelect={(_, d) => setTab(d.value as TabId)}
                  aria-label={t.mainTabsLabel}
                >
                  {tabs.map((id) => (
                    <Tab
                      key={id}
                      value={id}
                      id={`${idBase}-tab-${id}`}
                      aria-controls={`${idBase}-panel-${id}`}
                    >
                      {t.tabs[id]}
                    </Tab>
                  ))}
                </TabList>

                {tabs.map((id) => (
                  // Every panel stays mounted (hidden when not selected) so filters and typed settings survive a tab switch.
                  <div
                    key={id}
                    role="tabpanel"
                    id={`${idBase}-panel-${id}`}
                    aria-labelledby={`${idBase}-tab-${id}`}
                    hidden={tab !== id}
                    className={styles.panel}
                  >
                    <h2 className={styles.visuallyHidden}>{t.tabs[id]}</h2>
                    {id === "problems" &&
                      (view ? (
                        <FindingsView
                          report={view.report}
                          onSelect={selectFinding}
                          onSheetFilter={onSheetFilter}
                        />
                      ) : (
                        <Text>{isBusy ? t.stages.checking : t.notCheckedYet}</Text>
                      ))}
                    {id === "assessment" &&
                      (view ? (
                        <IndicatorsView indicators={view.report.indicators} settings={view.settings} />
                      ) : (
                        <Text>{t.assessmentEmpty}</Text>
                      ))}
                    {/* Only while shown: its spinner is a progress indicator, and it is built on demand. */}
                    {id === "summary" &&
                      tab === "summary" &&
                      (view ? <SummaryView sheets={summarySheets} /> : <Text>{t.assessmentEmpty}</Text>)}
                    {id === "settings" &&
                      (saved ? (
                        <SettingsPanel
                          saved={saved.settings}
                          sheetSettings={view?.sheetSettings ?? NO_SETTINGS}
                          otherSettings={view?.otherSettings ?? []}
                          sources={view?.report.settingSources ?? []}
                          today={today()}
                          busy={isBusy}
                          savedNotice={state.notice === "settingsSaved"}
                          onSave={(s) => void actions.saveSettings(s)}
                        />
                      ) : (
                        <Spinner size="small" aria-label={t.stages.reading} />
                      ))}
                    {id === "report" &&
                      (view ? (
                        <>
                          <ReportDownload draft={view.reportDocument[lang]} />
                          <ReportView sentences={view.sentences[lang]} />
                        </>
                      ) : (
                        <Text>{t.reportEmpty}</Text>
                      ))}
                  </div>
                ))}
              </>
            )}
          </div>
          {renderPreview && host?.capabilities.preview === true && (
            <div ref={previewRef} className={styles.preview}>
              {renderPreview({
                lang,
                onClosed: onPreviewClosed,
                ...(view ? { tables: view.report.tables } : {}),
              })}
            </div>
          )}
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}
