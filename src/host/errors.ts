/**
 * Host failures as data, like findings: every host and adapter throws a {@link HostFailure} with a
 * stable code and the values its message needs; the edge (CLI, ribbon, pane) words it in the
 * user's current language from the one catalogue below. The failure's own `message` and `detail`
 * are English technical text for logs, never shown to a user as the reason.
 */
import type { Lang } from "../engine";
import type { HostError } from "./types";

/** An Office.js error code whose meaning the catalogue explains to the user. */
export type OfficeReason = "InvalidOperationInCellEditMode" | "AccessDenied" | "InvalidOperation";

/** How far a mark run got before Excel refused: nothing changed, or what to press to restore. */
export type MarksStage = "nothing-changed" | "partly-marked" | "partly-cleared";

/** Every host failure code and the values its message is rendered from. */
export interface HostFailureParams {
  // A workbook's bytes were refused before parsing (src/adapters/xlsx/sniff.ts decides these).
  readonly empty: Record<string, never>;
  readonly "not-xlsx": Record<string, never>;
  readonly xls: Record<string, never>;
  readonly encrypted: Record<string, never>;
  readonly csv: Record<string, never>;
  readonly truncated: Record<string, never>;
  readonly "too-large": { readonly maxFileBytes: number; readonly maxEntries: number };
  readonly bomb: { readonly maxTotalUncompressed: number; readonly maxPartRatio: number };
  // A workbook that passed the pre-check could still not be read or edited.
  readonly corrupt: Record<string, never>;
  readonly unsupported: Record<string, never>;
  readonly "too-many-cells": Record<string, never>;
  // The settings saved in the workbook could not be used (the check runs without them).
  readonly "state-unreadable": { readonly detail: string };
  readonly "bad-state": { readonly detail: string };
  // A finding's sheet is not in the workbook shown (browser mode's preview).
  readonly "sheet-missing": { readonly sheet: string };
  // Files on disk (CLI). `option` names the command-line option the file came from.
  readonly "input-not-regular": { readonly file: string };
  readonly "output-exists": { readonly option: string; readonly file: string };
  readonly "output-same-as-input": { readonly option: string; readonly file: string };
  readonly "output-io": { readonly file: string; readonly reason: string };
  // Excel (Office.js). `reason` is an {@link OfficeReason}, or Excel's own text when not one.
  readonly "row-too-large": { readonly sheet: string; readonly row: number };
  readonly "marks-incomplete": { readonly stage: MarksStage; readonly reason: string };
  readonly "command-too-long": Record<string, never>;
}

/** A host failure code. */
export type HostFailureCode = keyof HostFailureParams;

/**
 * The one error every host and adapter throws: `code` and typed `params` (what the edge words in
 * the user's language), `detail` in English for logs.
 */
export class HostFailure<C extends HostFailureCode = HostFailureCode> extends Error implements HostError {
  override readonly name: string = "HostFailure";
  constructor(
    readonly code: C,
    readonly params: HostFailureParams[C],
    readonly detail?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(
      detail ? `${code}: ${detail}` : code,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

type Templates = { readonly [C in HostFailureCode]: (p: HostFailureParams[C]) => string };

const MiB = 1024 * 1024;

/** A byte limit as users read it: whole GiB when exact, else MiB. */
function mib(n: number): string {
  return n >= 1024 * MiB && n % (1024 * MiB) === 0 ? `${n / (1024 * MiB)} GiB` : `${Math.round(n / MiB)} MiB`;
}

const OFFICE_REASONS: Readonly<Record<OfficeReason, Readonly<Record<Lang, string>>>> = {
  InvalidOperationInCellEditMode: {
    zh: "Excel 正在编辑某个单元格，请先按 Enter 或 Esc 结束编辑再试",
    en: "Excel is editing a cell: press Enter or Esc to finish editing, then try again",
  },
  AccessDenied: {
    zh: "工作表或工作簿受保护，或工作簿是只读的（请撤销保护或启用编辑后再试）",
    en: "a sheet or the workbook is protected, or the workbook is read-only (unprotect it or enable editing, then try again)",
  },
  InvalidOperation: {
    zh: "Excel 拒绝了其中一项修改（例如单元格已有批注对话）",
    en: "Excel refused one of the changes (for example a cell with a threaded comment)",
  },
};

/** True for an Office.js error code the catalogue explains. */
export function isOfficeReason(code: unknown): code is OfficeReason {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(OFFICE_REASONS, code);
}

/** What an Office.js error code means for the user, in `lang` (a clause, without a full stop). */
export function officeReasonText(reason: OfficeReason, lang: Lang): string {
  return OFFICE_REASONS[reason][lang];
}

/** An Office reason code in words, or Excel's own text as it came. */
const why = (reason: string, lang: Lang) => (isOfficeReason(reason) ? OFFICE_REASONS[reason][lang] : reason);

const ZH: Templates = {
  empty: () => "文件是空的（0 字节）：请确认文件已保存完整后再试。",
  "not-xlsx": () =>
    "这不是 Excel 工作簿（.xlsx）：请在 Excel 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。",
  xls: () => "这是旧版 Excel 97-2003 工作簿（.xls）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试。",
  encrypted: () =>
    "工作簿设置了打开密码，无法读取：请在 Excel 中去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）并另存一份后再试。",
  csv: () =>
    "这是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 中打开它，另存为“Excel 工作簿 (*.xlsx)”后再试。",
  truncated: () =>
    "文件不完整或已损坏（可能下载或复制时中断）：请重新获取原文件，或在 Excel 中打开并另存后再试。",
  "too-large": (p) =>
    `文件过大（上限 ${mib(p.maxFileBytes)}，最多 ${p.maxEntries} 个内部部件）：请删去无关的工作表或数据后再试。`,
  bomb: (p) =>
    `文件解压后的大小异常（总计上限 ${mib(p.maxTotalUncompressed)}，或单个部件压缩比超过 ${p.maxPartRatio}:1），疑似“压缩炸弹”，已拒绝读取。`,
  corrupt: () => "工作簿内容已损坏，无法读取：请在 Excel 中打开并重新保存（或用“打开并修复”）后再试。",
  unsupported: () =>
    "工作簿使用了 ziping 不支持的格式（如 Strict Open XML）：请在 Excel 中另存为“Excel 工作簿 (*.xlsx)”后再试。",
  // The limit is MAX_CELLS in adapters/xlsx/lean/read.ts and docs/privacy.md.
  "too-many-cells": () =>
    "工作簿中的非空单元格过多（上限 400 万个，所有工作表合计）：请删去无关的工作表或数据后再试。",
  // Unreadable or damaged: to the user the same thing, the detail tells which.
  "state-unreadable": (p) => `工作簿中保存的助手设置无法读取（${p.detail}），已忽略。`,
  "bad-state": (p) => ZH["state-unreadable"](p),
  "sheet-missing": (p) => `工作簿中没有名为“${p.sheet}”的工作表。`,
  "input-not-regular": (p) => `${p.file} 不是普通文件（可能是设备或管道），请指定一个 .xlsx 文件。`,
  "output-exists": (p) => `${p.option} 指定的文件已存在：${p.file}。如需覆盖，请加 --force。`,
  "output-same-as-input": (p) =>
    `${p.option} 不能是输入文件本身（${p.file}）：ziping 从不修改原文件，请换一个文件名。`,
  "output-io": (p) => `无法写入 ${p.file}：${p.reason}`,
  "row-too-large": (p) =>
    `工作表“${p.sheet}”第${p.row}行的内容过多，超过 Excel 一次能传给加载项的上限（约 5 MB）。请缩短或拆分该行最长的单元格后再校验。`,
  "marks-incomplete": (p) =>
    ({
      "nothing-changed": `没有标记任何单元格：${why(p.reason, "zh")}。工作表没有被修改。`,
      "partly-marked": `标记没有全部完成：${why(p.reason, "zh")}。已标记的单元格都有记录，点击“清除标记”即可恢复原样。`,
      "partly-cleared": `清除标记没有全部完成：${why(p.reason, "zh")}。再次点击“清除标记”即可恢复其余单元格。`,
    })[p.stage],
  "command-too-long": () =>
    "功能区命令没能在 Office 规定的 5 分钟内完成（工作簿较大时会这样）。请打开“自评助手”任务窗格校验，任务窗格没有这个时间限制。",
};

const EN: Templates = {
  empty: () => "The file is empty (0 bytes): make sure it was saved completely and try again.",
  "not-xlsx": () =>
    "This is not an Excel workbook (.xlsx): open it in Excel, save it as “Excel Workbook (*.xlsx)” and try again.",
  xls: () =>
    "This is an old Excel 97-2003 workbook (.xls): save it in Excel as “Excel Workbook (*.xlsx)” and try again.",
  encrypted: () =>
    "The workbook is password-protected and cannot be read: remove the password in Excel (File → Info → Protect Workbook → Encrypt with Password), save a copy and try again.",
  csv: () =>
    "This is a CSV text file, not an Excel workbook: open it in Excel, save it as “Excel Workbook (*.xlsx)” and try again.",
  truncated: () =>
    "The file is incomplete or damaged (perhaps an interrupted download or copy): get the original again, or open it in Excel and save it again.",
  "too-large": (p) =>
    `The file is too large (limit ${mib(p.maxFileBytes)}, at most ${p.maxEntries} parts): remove unrelated sheets or data and try again.`,
  bomb: (p) =>
    `The file would expand to an abnormal size when unpacked (limit ${mib(p.maxTotalUncompressed)} in total, or a part compressed more than ${p.maxPartRatio}:1) — a likely decompression bomb, so it was refused.`,
  corrupt: () =>
    "The workbook's content is damaged and cannot be read: open it in Excel and save it again (or use Open and Repair), then retry.",
  unsupported: () =>
    "The workbook uses a format ziping does not support (such as Strict Open XML): save it in Excel as “Excel Workbook (*.xlsx)” and try again.",
  "too-many-cells": () =>
    "The workbook holds too many non-blank cells (limit 4 million, all sheets together): remove unrelated sheets or data and try again.",
  "state-unreadable": (p) =>
    `The helper settings saved in the workbook cannot be read (${p.detail}) and were ignored.`,
  "bad-state": (p) => EN["state-unreadable"](p),
  "sheet-missing": (p) => `The workbook has no sheet named “${p.sheet}”.`,
  "input-not-regular": (p) =>
    `${p.file} is not a regular file (perhaps a device or a pipe); name one .xlsx file.`,
  "output-exists": (p) => `The ${p.option} file already exists: ${p.file}. Add --force to overwrite it.`,
  "output-same-as-input": (p) =>
    `${p.option} cannot be the input file itself (${p.file}): ziping never modifies the original; choose another name.`,
  "output-io": (p) => `Cannot write ${p.file}: ${p.reason}`,
  "row-too-large": (p) =>
    `Row ${p.row} of the sheet “${p.sheet}” holds more text than Excel can pass to the add-in at once ` +
    `(about 5 MB). Shorten or split the longest cells of that row, then check again.`,
  "marks-incomplete": (p) =>
    ({
      "nothing-changed": `No cell was marked: ${why(p.reason, "en")}. Your sheets were not changed.`,
      "partly-marked": `Marking did not finish: ${why(p.reason, "en")}. Every cell marked so far is recorded; 清除标记 (Clear marks) restores them exactly.`,
      "partly-cleared": `Clearing the marks did not finish: ${why(p.reason, "en")}. Press 清除标记 (Clear marks) again to restore the rest.`,
    })[p.stage],
  "command-too-long": () =>
    "The ribbon command could not finish within Office's 5-minute limit (this happens with large workbooks). Open the task pane and check there: it has no such limit.",
};

const CATALOGUE: Readonly<Record<Lang, Templates>> = { zh: ZH, en: EN };

/** Every host failure code, for tests and documentation. */
export const HOST_FAILURE_CODES = Object.keys(ZH) as readonly HostFailureCode[];

/** True for a code the catalogue words. */
export function isHostFailureCode(code: unknown): code is HostFailureCode {
  return typeof code === "string" && Object.prototype.hasOwnProperty.call(ZH, code);
}

/** True when `err` is a host failure with one of `codes`: its params are then typed. */
export function isHostFailure<C extends HostFailureCode>(err: unknown, ...codes: C[]): err is HostFailure<C> {
  return err instanceof HostFailure && (codes as HostFailureCode[]).includes(err.code);
}

/** A failure's one-line message in `lang`, rendered from its code and params. */
export function hostFailureMessage<C extends HostFailureCode>(
  code: C,
  params: HostFailureParams[C],
  lang: Lang,
): string {
  return (CATALOGUE[lang][code] as (p: HostFailureParams[C]) => string)(params);
}

/**
 * Anything thrown, as text for a user in `lang`: a host failure (or its `{code, params}` after
 * crossing a worker) from the catalogue, any other error by its own message.
 */
export function errorText(err: unknown, lang: Lang): string {
  const e = err as { code?: unknown; params?: unknown; message?: unknown; name?: unknown } | null;
  if (
    typeof e === "object" &&
    e !== null &&
    isHostFailureCode(e.code) &&
    typeof e.params === "object" &&
    e.params
  )
    return hostFailureMessage(e.code, e.params as never, lang);
  if (err instanceof Error) return err.message || err.name;
  if (typeof e?.message === "string") return e.message;
  return String(err);
}
