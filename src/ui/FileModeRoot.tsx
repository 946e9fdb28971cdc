/**
 * File mode's glue: the pane with an 打开工作簿 area; a chosen file is opened by the file adapter
 * (loaded on demand, with ExcelJS and the preview grid, in its own chunk) and becomes the host.
 */
import * as React from "react";
import type { Lang } from "../engine";
import type { FileSession } from "../adapters/file";
import { App, type PreviewContext } from "./App";
import type { ThemeName } from "./hostDetect";

/** Props of {@link FileModeRoot}. */
export interface FileModeRootProps {
  readonly initialLang: Lang;
  readonly theme: ThemeName;
}

const loadFileAdapter = () => import(/* webpackChunkName: "file-mode" */ "../adapters/file");

/** The pane in file mode: nothing open at first, then the workbook the user chose. */
export function FileModeRoot({ initialLang, theme }: FileModeRootProps): React.JSX.Element {
  const [session, setSession] = React.useState<FileSession | null>(null);
  const current = React.useRef<FileSession | null>(null);

  React.useEffect(() => {
    // Fetch the file adapter while the user looks for a file, so opening feels immediate.
    const timer = setTimeout(() => void loadFileAdapter().catch(() => undefined), 300);
    return () => {
      clearTimeout(timer);
      current.current?.dispose();
    };
  }, []);

  const onOpenFile = React.useCallback(async (file: File) => {
    const { createFileHost } = await loadFileAdapter();
    const next = await createFileHost(file);
    current.current?.dispose();
    current.current = next;
    setSession(next);
  }, []);

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
      {...(session
        ? {
            fileName: session.fileName,
            onDownload: session.download,
            renderPreview,
            closePreview: session.closePreview,
          }
        : {})}
    />
  );
}
