/**
 * The ribbon commands without Office: 校验 (validate) and 生成汇总 (summarize) run against any
 * workbook host and tell the user what happened through a notify function. commands.ts wires them
 * to `Office.actions` and an Office dialog; tests pass the recording fake and a recorder.
 */
import { officeReason } from "../adapters/office/errors";
import type { check, IsoDate, Lang, Report, SummarySheetId } from "../engine";
import { checkWorkbook, localToday } from "../host/checkWorkbook";
import { errorText, HostFailure, officeReasonText } from "../host/errors";
import { LOCAL_ENGINE } from "../host/localEngine";
import type { WorkbookHost, WriteOutcome } from "../host/types";

/** The two ExecuteFunction commands of the manifest. */
export type CommandName = "validate" | "summarize";

/** What the user is told after a command: a title and one paragraph, in their language. */
export interface CommandMessage {
  /** `clean`: no errors or warnings; `problems`: some; `error`: the command failed. */
  readonly kind: "clean" | "problems" | "error";
  readonly title: string;
  readonly text: string;
  /** The sheet the result is in (问题清单), where it can be shown if the dialog cannot open. */
  readonly sheet?: string;
}

/** Office ends an ExecuteFunction command that has not completed after 5 minutes. */
export const OFFICE_COMMAND_LIMIT_MS = 5 * 60 * 1000;

/** Kept free of the limit for completing cleanly after the message (ms). */
export const COMPLETE_MARGIN_MS = 10_000;

/** At least this long is kept for the message dialog when the work runs long (ms). */
export const DIALOG_RESERVE_MS = 30_000;

/** What a command needs. */
export interface CommandDeps {
  readonly host: WorkbookHost;
  /**
   * Shows the message for at most `waitMs`; resolves when the user has seen it, or with `false`
   * when it could not be shown.
   */
  readonly notify: (message: CommandMessage, waitMs: number) => Promise<boolean | void>;
  /** Another way to tell the user when `notify` could not (Office: the 问题清单 title row). */
  readonly fallback?: (message: CommandMessage) => Promise<void>;
  readonly lang: Lang;
  /** Today's date, injected so runs are reproducible (default: the local calendar day). */
  readonly today?: () => IsoDate;
  /** The engine's check (tests wrap it to shape a report). */
  readonly check?: typeof check;
  /** Office's time limit for a command (ms; tests shorten it) and the clock it is measured on. */
  readonly limitMs?: number;
  readonly now?: () => number;
}

/** The part of Office's command event the handler uses. */
export interface CommandEvent {
  completed(): void;
}

const TEXT = {
  zh: {
    validated: "校验完成",
    summarized: "汇总表已生成",
    failed: "操作未完成",
    clean: "未发现错误或警告。",
    found: (e: number, w: number, sheet: string) => `发现 ${e} 个错误、${w} 个警告，详见“${sheet}”工作表。`,
    infos: (n: number) => (n > 0 ? `另有 ${n} 条提示。` : ""),
    written: (sheet: string) => `已写入全部汇总表并打开“${sheet}”。`,
    renamed: (wanted: string, used: string) => `工作簿中已有名为“${wanted}”的工作表，新表命名为“${used}”。`,
    error: (detail: string) =>
      `出现问题：${detail} 您的工作表没有被修改。请重试；如果问题仍然存在，请打开“自评助手”任务窗格查看。`,
  },
  en: {
    validated: "Validation finished",
    summarized: "Summary sheets written",
    failed: "The command did not finish",
    clean: "No errors or warnings found.",
    found: (e: number, w: number, sheet: string) =>
      `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"} — see the ${sheet} sheet.`,
    infos: (n: number) => (n > 0 ? ` ${n} ${n === 1 ? "note" : "notes"} too.` : ""),
    written: (sheet: string) => `All summary sheets were written and ${sheet} is open.`,
    renamed: (wanted: string, used: string) =>
      `A sheet named ${wanted} already exists, so the new one is called ${used}.`,
    error: (detail: string) =>
      `Something went wrong: ${detail} Your sheets were not changed. Try again; if it keeps happening, open the task pane.`,
  },
} as const;

/** Today's local calendar day as `YYYY-MM-DD` (written once, in the use case). */
export { localToday };

/** The UI language for an Office display language such as `zh-CN` or `en-US`. */
export function langOf(displayLanguage: string | undefined): Lang {
  return /^zh/i.test(displayLanguage ?? "") ? "zh" : "en";
}

function nameOf(outcome: WriteOutcome, id: SummarySheetId, fallback: string): string {
  return outcome.sheets.find((s) => s.id === id)?.name ?? fallback;
}

function resultText(
  report: Report,
  lang: Lang,
  problemsSheet: string,
): Pick<CommandMessage, "kind" | "text"> {
  const t = TEXT[lang];
  const { errors, warnings, infos } = report.summary;
  if (errors + warnings === 0) return { kind: "clean", text: `${t.clean}${t.infos(infos)}` };
  return { kind: "problems", text: `${t.found(errors, warnings, problemsSheet)}${t.infos(infos)}` };
}

/** Runs one command to the end and returns what to tell the user; failures throw. */
export async function runCommand(name: CommandName, deps: CommandDeps): Promise<CommandMessage> {
  const { host, lang } = deps;
  const t = TEXT[lang];
  const run = await checkWorkbook(host, {
    today: (deps.today ?? localToday)(),
    engine: deps.check ? { ...LOCAL_ENGINE, check: deps.check } : LOCAL_ENGINE,
    write:
      name === "validate"
        ? { lang, only: ["problems"], activate: "problems" }
        : { lang, activate: "assessment" },
  });
  const result = run.result;
  const { sheets, outcome } = run.written as NonNullable<typeof run.written>;
  if (name === "validate") {
    const problems = nameOf(outcome, "problems", sheets.find((s) => s.id === "problems")?.name ?? "");
    const renamed = outcome.renamed.map((r) => t.renamed(r.wanted, r.used)).join("");
    const { kind, text } = resultText(result.report, lang, problems);
    return { kind, title: t.validated, text: `${text}${renamed ? ` ${renamed}` : ""}`, sheet: problems };
  }
  const assessment = nameOf(outcome, "assessment", "");
  const problems = nameOf(outcome, "problems", "");
  const renamed = outcome.renamed.map((r) => t.renamed(r.wanted, r.used)).join(lang === "zh" ? "" : " ");
  const { kind, text } = resultText(result.report, lang, problems);
  return {
    kind,
    title: t.summarized,
    text: [t.written(assessment), text, renamed].filter((s) => s !== "").join(lang === "zh" ? "" : " "),
    sheet: problems,
  };
}

/**
 * The message for a failed command, worded here in the user's language: a host failure from the
 * catalogue, an Office error code the user can act on explained, anything else by its text.
 */
export function errorMessage(error: unknown, lang: Lang): CommandMessage {
  const t = TEXT[lang];
  if (error instanceof HostFailure && error.code === "command-too-long")
    return { kind: "error", title: t.failed, text: errorText(error, lang) };
  const known = officeReason(error);
  const detail = known
    ? officeReasonText(known, lang)
    : error instanceof HostFailure
      ? errorText(error, lang)
      : error instanceof Error
        ? error.message
        : typeof error === "object" && error !== null && "message" in error
          ? String((error as { message: unknown }).message)
          : String(error);
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "";
  const shown = detail.trim() === "" ? code || "?" : detail.trim();
  return {
    kind: "error",
    title: t.failed,
    text: t.error(/[.。!！?？]$/.test(shown) ? shown : `${shown}${lang === "zh" ? "。" : "."}`),
  };
}

/** `work`, or a `command-too-long` host failure when it is not done within `ms`. */
function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new HostFailure("command-too-long", {}, `not done within ${ms} ms`)),
      Math.max(0, ms),
    );
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/**
 * Runs a command from a ribbon button: always tells the user what happened and always calls
 * `event.completed()`, even when the command or the message fails. Everything fits in Office's
 * 5-minute limit: the work is given up (with a message saying so) early enough to leave time for
 * the dialog, and the dialog stays open only for the time left. When the dialog cannot open, the
 * message goes to `fallback`.
 */
export async function handleCommand(
  name: CommandName,
  event: CommandEvent,
  deps: CommandDeps,
): Promise<void> {
  const now = deps.now ?? Date.now;
  const started = now();
  const left = (): number =>
    (deps.limitMs ?? OFFICE_COMMAND_LIMIT_MS) - COMPLETE_MARGIN_MS - (now() - started);
  try {
    let message: CommandMessage;
    try {
      message = await withinTime(runCommand(name, deps), left() - DIALOG_RESERVE_MS);
    } catch (error) {
      message = errorMessage(error, deps.lang);
    }
    let shown: boolean | void = false;
    try {
      shown = await deps.notify(message, Math.max(0, left()));
    } catch (error) {
      console.error("ziping: could not show the command's result", error);
    }
    if (shown === false && deps.fallback) await deps.fallback(message);
  } catch (error) {
    // Neither the dialog nor the fallback could say it; the console is the last place left.
    console.error("ziping: could not show the command's result", error);
  } finally {
    event.completed();
  }
}
