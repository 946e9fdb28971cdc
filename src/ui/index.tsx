/**
 * The task pane's entry point: the shell (FluentProvider and a spinner) renders at once, then the
 * host is detected — Excel through Office.js, or file mode in a plain browser — and the pane,
 * loaded lazily, takes over.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import type { Lang } from "../engine";
import type { WorkbookHost } from "../host/types";
import { detectEnvironment, preferredTheme, type Environment, type ThemeName } from "./hostDetect";
import { LANG_TAGS, UI_STRINGS, langFromLocale, storedLang } from "./i18n";

const App = React.lazy(() =>
  import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.App })),
);
const FileModeRoot = React.lazy(() =>
  import(/* webpackChunkName: "pane" */ "./FileModeRoot").then((m) => ({ default: m.FileModeRoot })),
);

type Boot =
  | { readonly state: "detecting" }
  | { readonly state: "office"; readonly env: Environment; readonly host: WorkbookHost }
  | { readonly state: "file"; readonly env: Environment };

const useStyles = makeStyles({
  shell: {
    minHeight: "100vh",
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
  },
});

function Shell({ lang, theme }: { readonly lang: Lang; readonly theme: ThemeName }): React.JSX.Element {
  const styles = useStyles();
  return (
    <FluentProvider theme={theme === "dark" ? webDarkTheme : webLightTheme} lang={LANG_TAGS[lang]}>
      <div className={styles.shell}>
        <Spinner label={UI_STRINGS[lang].starting} />
      </div>
    </FluentProvider>
  );
}

/** Detect the host and, in Excel, create the Office.js adapter (file mode when anything fails). */
async function start(): Promise<Boot> {
  const env = await detectEnvironment();
  if (env.mode === "office") {
    try {
      const { createOfficeHost } = await import(/* webpackChunkName: "office" */ "../adapters/office");
      return { state: "office", env, host: createOfficeHost() };
    } catch {
      return { state: "file", env: { ...env, mode: "file" } };
    }
  }
  return { state: "file", env };
}

/** Follow the browser's light/dark preference while the page is open (file mode). */
function useColorScheme(initial: ThemeName, follow: boolean): ThemeName {
  const [theme, setTheme] = React.useState(initial);
  React.useEffect(() => setTheme(initial), [initial]);
  React.useEffect(() => {
    if (!follow || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = (): void => setTheme(query.matches ? "dark" : "light");
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, [follow]);
  return theme;
}

/** The whole page: shell first, then the pane for the detected host. */
function Root(): React.JSX.Element {
  const [boot, setBoot] = React.useState<Boot>({ state: "detecting" });
  const firstLang = storedLang() ?? langFromLocale(navigator.language);
  const lang = boot.state === "detecting" ? firstLang : (storedLang() ?? boot.env.lang);
  const theme = useColorScheme(
    boot.state === "detecting" ? preferredTheme(window) : boot.env.theme,
    boot.state === "file",
  );

  React.useEffect(() => {
    let alive = true;
    void start().then((b) => {
      if (alive) setBoot(b);
    });
    return () => {
      alive = false;
    };
  }, []);

  React.useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
  }, [lang]);

  const shell = <Shell lang={lang} theme={theme} />;
  if (boot.state === "detecting") return shell;
  return (
    <React.Suspense fallback={shell}>
      {boot.state === "office" ? (
        <App host={boot.host} mode="office" initialLang={lang} theme={theme} />
      ) : (
        <FileModeRoot initialLang={lang} theme={theme} />
      )}
    </React.Suspense>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Root />);
