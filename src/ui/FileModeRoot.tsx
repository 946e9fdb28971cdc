/**
 * File mode's glue: the pane with an 打开工作簿 area; a chosen file is opened by the file adapter
 * (loaded on demand, with the preview grid, in its own chunk) and becomes the host. One engine
 * (the pane's worker) serves the pane and every file opened: it keeps the open file's bytes and
 * reads, checks and writes the workbook there.
 */
import * as React from "react";
import type { Lang } from "../engine";
import type { FileSession } from "../adapters/file";
import { App, type DiskNotice, type DroppedItem, type PreviewContext } from "./App";
import { createEngineRunner, type EngineRunner } from "./engineClient";
import type { ThemeName } from "./hostDetect";

/** Props of {@link FileModeRoot}. */
export interface FileModeRootProps {
  readonly initialLang: Lang;
  readonly theme: ThemeName;
}

const loadFileAdapter = () => import(/* webpackChunkName: "file-mode" */ "../adapters/file");

/** Where the open workbook came from, to tell whether the file on disk changed since it was read. */
interface Source {
  readonly file: File;
  readonly handle: FileSystemFileHandle | null;
}

/** What {@link probe} found out about the file on disk. */
type DiskState = "same" | "changed" | "unreadable";

/**
 * Compare the file on disk with what was read: through the handle where there is one; else by
 * reading one byte of the picked File, which Chromium refuses once the file was modified.
 */
async function probe(source: Source): Promise<DiskState> {
  try {
    if (source.handle) {
      const now = await source.handle.getFile();
      return now.lastModified !== source.file.lastModified || now.size !== source.file.size
        ? "changed"
        : "same";
    }
    await source.file.slice(0, 1).arrayBuffer();
    return "same";
  } catch {
    return "unreadable";
  }
}

/** The pane in file mode: nothing open at first, then the workbook the user chose. */
export function FileModeRoot({ initialLang, theme }: FileModeRootProps): React.JSX.Element {
  const [session, setSession] = React.useState<FileSession | null>(null);
  const current = React.useRef<FileSession | null>(null);
  const source = React.useRef<Source | null>(null);
  const [disk, setDisk] = React.useState<DiskNotice>(null);
  const [engine] = React.useState<EngineRunner>(() => createEngineRunner());

  React.useEffect(() => {
    // Fetch the file adapter while the user looks for a file, so opening feels immediate.
    const timer = setTimeout(() => void loadFileAdapter().catch(() => undefined), 300);
    return () => {
      clearTimeout(timer);
      current.current?.dispose();
      engine.dispose();
    };
  }, [engine]);

  const open = React.useCallback(
    async (file: File, handle: FileSystemFileHandle | null) => {
      const { createFileHost } = await loadFileAdapter();
      const next = await createFileHost(file, { engine });
      current.current?.dispose();
      current.current = next;
      source.current = { file, handle };
      setDisk(null);
      setSession(next);
    },
    [engine],
  );

  const onOpenFile = React.useCallback(
    async (file: File, item?: DroppedItem) => {
      // Ask for the handle at once: a drop's items are only readable during the drop event.
      const pending = item?.getAsFileSystemHandle?.().catch(() => null) ?? Promise.resolve(null);
      const handle = await pending;
      await open(file, handle?.kind === "file" ? (handle as FileSystemFileHandle) : null);
    },
    [open],
  );

  // Back in the window after editing the workbook in Excel or WPS: say that the file changed.
  React.useEffect(() => {
    if (!session) return undefined;
    const look = () => {
      const s = source.current;
      if (!s || document.visibilityState === "hidden") return;
      void probe(s).then((state) => {
        if (source.current !== s) return;
        setDisk(state === "same" ? null : s.handle && state === "changed" ? "changed" : "reopen");
      });
    };
    window.addEventListener("focus", look);
    document.addEventListener("visibilitychange", look);
    return () => {
      window.removeEventListener("focus", look);
      document.removeEventListener("visibilitychange", look);
    };
  }, [session]);

  /** Before 校验: read the file again when it changed (through its handle), or say it must be reopened. */
  const beforeCheck = React.useCallback(async (): Promise<boolean> => {
    const s = source.current;
    if (!s) return true;
    const state = await probe(s);
    if (state === "same") {
      setDisk(null);
      return true;
    }
    if (state === "changed" && s.handle) {
      // A new host for the new bytes: the pane reads and checks it as it does any opened file.
      await open(await s.handle.getFile(), s.handle);
      return false;
    }
    setDisk("reopen");
    return false;
  }, [open]);

  const Preview = session?.Preview;
  const renderPreview = React.useCallback(
    ({ lang, tables, onClosed }: PreviewContext) =>
      Preview ? <Preview lang={lang} onClosed={onClosed} {...(tables ? { tables } : {})} /> : null,
    [Preview],
  );

  return (
    <App
      host={session?.host ?? null}
      mode="file"
      initialLang={initialLang}
      theme={theme}
      onOpenFile={onOpenFile}
      engine={engine}
      {...(session
        ? {
            fileName: session.fileName,
            onDownload: session.download,
            renderPreview,
            closePreview: session.closePreview,
            beforeCheck,
            diskNotice: disk,
          }
        : {})}
    />
  );
}
