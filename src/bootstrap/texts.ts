/**
 * What the bootstrap says when the pane cannot start, in Chinese and English: what happened, what
 * still works (the ribbon's 校验 / 生成汇总, the browser mode) and how to get a supported Excel.
 */
import type { BootProblem } from "./detect";

/** A start-up message ready to show. */
export interface BootText {
  /** The page's language tag for the message. */
  readonly lang: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** Technical detail (missing features, the error), shown apart. */
  readonly detail?: string;
}

const STILL_WORKS = {
  zh: "仍然可以使用：Excel 功能区“自评助手”组中的“校验”和“生成汇总”按钮（不需要任务窗格）；也可以在任意新版浏览器（Edge、Chrome、Safari 14.1 及以上）中使用浏览器模式打开 .xlsx 文件，见 docs/browser-mode.md。",
  en: "Still available: the 校验 (Validate) and 生成汇总 (Summarize) buttons in Excel's 自评助手 ribbon group, which need no task pane; or the browser mode in any recent browser (Edge, Chrome, Safari 14.1 or later) on an .xlsx file, see docs/browser-mode.md.",
};

const TEXTS: Record<"zh" | "en", Record<BootProblem, { title: string; paragraphs: string[] }>> = {
  zh: {
    unsupported: {
      title: "这个版本的 Excel 无法显示自评助手任务窗格",
      paragraphs: [
        "此 Excel 用来显示加载项的浏览器组件太旧（例如 Office 2016/2019 批量许可版使用的 Internet Explorer 11，或旧版 Edge），任务窗格无法在其中运行。",
        STILL_WORKS.zh,
        "要使用任务窗格：请使用 Microsoft 365 或 Office 2021 及以上版本，并安装 Microsoft Edge WebView2 运行时（Windows）；Mac 需要 macOS 11 或以上（或 Safari 14.1 及以上）。",
      ],
    },
    "office-js-failed": {
      title: "无法加载 Office 的脚本",
      paragraphs: [
        "任务窗格在 Excel 中打开，但没能从 appsforoffice.microsoft.com 下载 Office 的脚本（office.js），可能是没有网络或被防火墙拦截。",
        "请检查网络后关闭并重新打开任务窗格。" + STILL_WORKS.zh,
      ],
    },
    "office-not-ready": {
      title: "Excel 没有响应",
      paragraphs: [
        "Office 的脚本已加载，但 Excel 没有完成加载项的初始化。请关闭并重新打开任务窗格；如果仍然如此，请重新启动 Excel。",
        STILL_WORKS.zh,
      ],
    },
    "startup-error": {
      title: "自评助手启动时出错",
      paragraphs: [
        "任务窗格没能启动。请关闭并重新打开任务窗格；如果问题仍然存在，请把下面的信息发给维护人员。",
        STILL_WORKS.zh,
      ],
    },
  },
  en: {
    unsupported: {
      title: "This version of Excel cannot show the ziping task pane",
      paragraphs: [
        "The browser component this Excel uses for add-ins is too old for the task pane (for example Internet Explorer 11 in volume-licensed Office 2016/2019, or the old Edge).",
        STILL_WORKS.en,
        "For the task pane, use Microsoft 365 or Office 2021 or later with the Microsoft Edge WebView2 Runtime installed (Windows); on a Mac, macOS 11 or later (or Safari 14.1 or later).",
      ],
    },
    "office-js-failed": {
      title: "Office's script could not be loaded",
      paragraphs: [
        "The task pane is open in Excel but could not download Office's script (office.js) from appsforoffice.microsoft.com: there may be no network, or a firewall blocks it.",
        "Check the network, then close and reopen the task pane. " + STILL_WORKS.en,
      ],
    },
    "office-not-ready": {
      title: "Excel did not respond",
      paragraphs: [
        "Office's script loaded but Excel did not finish starting the add-in. Close and reopen the task pane; if it keeps happening, restart Excel.",
        STILL_WORKS.en,
      ],
    },
    "startup-error": {
      title: "ziping could not start",
      paragraphs: [
        "The task pane did not start. Close and reopen it; if it keeps happening, send the text below to whoever maintains ziping for you.",
        STILL_WORKS.en,
      ],
    },
  },
};

/** The message for a start-up problem in `lang`, with its technical detail. */
export function bootMessage(problem: BootProblem, lang: "zh" | "en", detail?: string): BootText {
  const t = TEXTS[lang][problem];
  const label =
    problem === "unsupported"
      ? lang === "zh"
        ? "缺少的功能："
        : "Missing features: "
      : lang === "zh"
        ? "详细信息："
        : "Details: ";
  const tag = lang === "zh" ? "zh-CN" : "en-US";
  return detail
    ? { lang: tag, title: t.title, paragraphs: t.paragraphs, detail: label + detail }
    : { lang: tag, title: t.title, paragraphs: t.paragraphs };
}
