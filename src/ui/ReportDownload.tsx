/**
 * 下载自评报告初稿: a button that lays out the report draft of the last check as a Word document
 * (src/adapters/docx) and offers it as a download — in file mode and inside Excel alike. Self-
 * contained (its own words in both languages) so the pane only places it.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentArrowDownRegular } from "@fluentui/react-icons";
import type { ReportDocument } from "../engine";
import { useLang } from "./i18n";

const WORDS = {
  zh: {
    button: "下载自评报告初稿（Word）",
    hint: "由数据生成的句子标有【请核对】，表格无法给出的部分标有【待填写】。",
    failed: "生成失败，请重试。",
    file: "自评报告初稿.docx",
  },
  en: {
    button: "Download the report draft (Word)",
    hint: "Generated sentences are marked [check]; parts the sheets cannot give are marked [to write].",
    failed: "Could not build the document; please try again.",
    file: "self-assessment-report-draft.docx",
  },
} as const;

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const useStyles = makeStyles({
  root: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Offer `bytes` as a file download through a temporary object URL. */
function offerFile(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_TYPE }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some webviews read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The download button for the report draft of the last check. */
export function ReportDownload({ draft }: { readonly draft: ReportDocument }): React.JSX.Element {
  const styles = useStyles();
  const { lang } = useLang();
  const w = WORDS[lang];
  const [state, setState] = React.useState<"idle" | "busy" | "failed">("idle");
  return (
    <div className={styles.root}>
      <Button
        icon={<DocumentArrowDownRegular />}
        disabled={state === "busy"}
        onClick={() => {
          setState("busy");
          // The Word layout (the docx package) loads on the first click, not with the pane.
          import(/* webpackChunkName: "docx" */ "../adapters/docx")
            .then(({ renderReportDocx }) => renderReportDocx(draft))
            .then((bytes) => {
              offerFile(bytes, w.file);
              setState("idle");
            })
            .catch(() => setState("failed"));
        }}
      >
        {w.button}
      </Button>
      <Text className={styles.hint} role="status">
        {state === "failed" ? w.failed : w.hint}
      </Text>
    </div>
  );
}
