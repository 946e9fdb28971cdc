/**
 * Style rules several views share, as Griffel objects each view spreads into its own makeStyles
 * (one definition, so a fix to how text is hidden or lists are reset reaches every view).
 */
import type { GriffelStyle } from "@fluentui/react-components";

/** Off screen but read by screen readers: for headings and words that only assistive technology needs. */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
};

/** A list without bullets or indent, its items stacked `gap` apart. */
export function plainList(gap: string): GriffelStyle {
  return { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap };
}
