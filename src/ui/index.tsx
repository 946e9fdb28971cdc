/**
 * The task pane's entry point, loaded by the bootstrap (src/bootstrap) once the browser has the
 * features the pane needs: the shell (FluentProvider and a spinner) renders at once, then the host
 * is detected — Excel through Office.js, or file mode in a plain browser — and the pane, loaded
 * lazily, takes over. Until the pane is on screen, any failure (office.js missing inside Office, a
 * chunk that cannot load, an error while rendering) is handed to the bootstrap, which shows what
 * happened and what still works instead of an endless spinner.
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
import type { BootGlobal, BootProblem, BootState } from "../bootstrap/detect";

const App = React.lazy(() =>
  import(/* webpackChunkName: "pane" */ "./App").then((m) => ({ default: m.App })),
);
const FileModeRoot = React.lazy(() =>
  import(/* webpackChunkName: "pane" */ "./FileModeRoot").then((m) => ({ default: m.FileModeRoot })),
);

/** What the bootstrap leaves on the page (absent when the bundle is loaded some other way). */
const bootstrap = (): BootState | undefined => (window as unknown as BootGlobal).zipingBoot;

/** Shows a start-up problem through the bootstrap (or, without it, on the console). */
function reportBootProblem(problem: BootProblem, error?: unknown): void {
  const boot = bootstrap();
  if (boot) boot.fail(problem, error);
  else console.error("ziping: the pane could not start", problem, error);
}

type Boot =
  | { readonly state: "detecting" }
  | { readonly state: "failed" }
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

/**
 * Detect the host and, in Excel, create the Office.js adapter. Inside Office without a usable
 * office.js the bootstrap shows why (never file mode: the user is in Excel, not in a browser).
 */
async function start(): Promise<Boot> {
  const env = await detectEnvironment();
  if (env.mode === "unavailable") {
    reportBootProblem(env.reason);
    return { state: "failed" };
  }
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

/** Tells the bootstrap the pane is on screen: from now on the pane shows its own errors. */
function Started(): null {
  React.useEffect(() => bootstrap()?.started(), []);
  return null;
}

/** Hands an error while the pane is first rendered (a lazy chunk that cannot load…) to the bootstrap. */
class StartupBoundary extends React.Component<{ readonly children: React.ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    reportBootProblem("startup-error", error);
  }

  override render(): React.ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** The whole page: shell first, then the pane for the detected host. */
function Root(): React.JSX.Element | null {
  const [boot, setBoot] = React.useState<Boot>({ state: "detecting" });
  const firstLang = storedLang() ?? langFromLocale(navigator.language);
  const lang =
    boot.state === "detecting" || boot.state === "failed" ? firstLang : (storedLang() ?? boot.env.lang);
  const theme = useColorScheme(
    boot.state === "detecting" || boot.state === "failed" ? preferredTheme(window) : boot.env.theme,
    boot.state === "file",
  );

  React.useEffect(() => {
    let alive = true;
    start().then(
      (b) => {
        if (alive) setBoot(b);
      },
      (error: unknown) => {
        reportBootProblem("startup-error", error);
        if (alive) setBoot({ state: "failed" });
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  React.useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
  }, [lang]);

  const shell = <Shell lang={lang} theme={theme} />;
  if (boot.state === "detecting") return shell;
  if (boot.state === "failed") return null;
  return (
    <StartupBoundary>
      <React.Suspense fallback={shell}>
        {boot.state === "office" ? (
          <App host={boot.host} mode="office" initialLang={lang} theme={theme} />
        ) : (
          <FileModeRoot initialLang={lang} theme={theme} />
        )}
        <Started />
      </React.Suspense>
    </StartupBoundary>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<Root />);
else reportBootProblem("startup-error", new Error("the page has no #root element"));
