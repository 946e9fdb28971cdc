/**
 * The few strings the file adapter shows itself (the preview's labels, the download name); the
 * pane's own strings live with the pane, failures in the host catalogue (src/host/errors.ts).
 */
import type { Lang } from "../../engine";

/** Every string of the file adapter, per language. */
export const FILE_MESSAGES = {
  zh: {
    previewTitle: (sheet: string, cell: string) => `预览：${sheet}!${cell}`,
    readOnly: "只读",
    previewRegion: (sheet: string) => `工作表“${sheet}”的只读预览`,
    highlightHint: (cell: string, row: number) => `第 ${row} 行已高亮，单元格 ${cell} 已加框。`,
    close: "关闭预览",
    rowHeader: "行号",
    downloadSuffix: "自评汇总",
  },
  en: {
    previewTitle: (sheet: string, cell: string) => `Preview: ${sheet}!${cell}`,
    readOnly: "read-only",
    previewRegion: (sheet: string) => `Read-only preview of sheet “${sheet}”`,
    highlightHint: (cell: string, row: number) => `Row ${row} is highlighted and cell ${cell} is outlined.`,
    close: "Close preview",
    rowHeader: "Row",
    downloadSuffix: "summary",
  },
} as const;

/** The message table of one language. */
export type FileMessages = (typeof FILE_MESSAGES)[Lang];

/** The file adapter's strings in `lang`. */
export function fileMessages(lang: Lang): FileMessages {
  return FILE_MESSAGES[lang];
}
