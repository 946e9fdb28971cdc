/**
 * 报告要点: the report sentences of the last check under their section headings, with a button
 * that copies them all as plain text.
 */
import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CopyRegular } from "@fluentui/react-icons";
import { useLang } from "./i18n";
import type { SentenceView } from "../host/engineSession";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  intro: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { margin: 0 },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS} 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, overflowWrap: "anywhere", whiteSpace: "pre-wrap", userSelect: "text" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Copy text to the clipboard: the async API where allowed, else a selected textarea and `copy`. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Office webviews may refuse the async clipboard; try the older way below.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return typeof document.execCommand === "function" && document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Join sentences as the text a user pastes into a report: heading lines, then the sentence. */
export function sentencesAsText(sentences: readonly SentenceView[]): string {
  const out: string[] = [];
  let heading: string | null = null;
  for (const s of sentences) {
    if (s.heading !== heading) {
      if (out.length > 0) out.push("");
      out.push(s.heading);
      heading = s.heading;
    }
    out.push(s.text);
  }
  return out.join("\n");
}

/** The report sentences with a copy button. */
export function ReportView({
  sentences,
}: {
  readonly sentences: readonly SentenceView[];
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useLang();
  const [status, setStatus] = React.useState<"copied" | "failed" | null>(null);
  const sections: Array<{ heading: string; texts: string[] }> = [];
  for (const s of sentences) {
    const last = sections[sections.length - 1];
    if (last && last.heading === s.heading) last.texts.push(s.text);
    else sections.push({ heading: s.heading, texts: [s.text] });
  }
  if (sentences.length === 0) return <Text>{t.reportEmpty}</Text>;
  return (
    <div className={styles.root}>
      <p className={styles.intro}>{t.reportIntro}</p>
      <div className={styles.actions}>
        <Button
          icon={<CopyRegular />}
          onClick={() => {
            void copyText(sentencesAsText(sentences)).then((ok) => setStatus(ok ? "copied" : "failed"));
          }}
        >
          {t.copy}
        </Button>
        <Text role="status">{status === "copied" ? t.copied : status === "failed" ? t.copyFailed : ""}</Text>
      </div>
      {sections.map((sec, i) => (
        <section key={`${sec.heading}-${i}`} className={styles.section}>
          <h3 className={styles.heading}>{sec.heading}</h3>
          {sec.texts.map((text, j) => (
            <p key={j} className={styles.text}>
              {text}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
