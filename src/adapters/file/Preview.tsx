/**
 * The read-only sheet preview of file mode: a virtualised grid (only the rows and columns in view
 * are rendered, so a 200,000-row sheet costs the same as a small one) scrolled to a finding's
 * cell, with the cell outlined and its row highlighted. Cell values are shown only as text.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import type { Lang, RawCell, SheetInput } from "../../engine/types";
import { cellText, columnLetter, parseA1 } from "./cells";
import { fileMessages } from "./messages";

/** Height of one grid row in pixels. */
export const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 24;
const ROW_NUMBER_WIDTH = 64;
const COLUMN_WIDTH = 112;
const OVERSCAN = 6;
/** Above this many pixels the scroll range is compressed (browsers cap element heights). */
const MAX_SCROLL_PX = 8_000_000;

/** What the preview shows: a sheet and the cell to bring into view. */
export interface PreviewTarget {
  readonly sheet: SheetInput;
  /** A1 address of the cell to highlight, e.g. `F7`. */
  readonly cell: string;
}

/** Props of {@link SheetPreview}. */
export interface SheetPreviewProps extends PreviewTarget {
  readonly lang: Lang;
  /** Called by the close button; no close button when absent. */
  readonly onClose?: () => void;
  /** Height of the scrolling grid in pixels (default 360). */
  readonly height?: number;
  /** Move keyboard focus to the grid when the preview opens or its target changes (default true). */
  readonly autoFocus?: boolean;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
  },
  title: {
    flexGrow: 1,
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  hint: { padding: `0 ${tokens.spacingHorizontalS}`, color: tokens.colorNeutralForeground2 },
  scroller: {
    position: "relative",
    overflow: "auto",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: `${ROW_HEIGHT - 1}px`,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  canvas: { position: "relative" },
  headerRow: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: `${HEADER_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { position: "absolute", left: 0, height: `${ROW_HEIGHT}px` },
  cell: {
    position: "absolute",
    top: 0,
    boxSizing: "border-box",
    height: "100%",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "pre",
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "end" },
  columnHeader: {
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
  },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    textAlign: "end",
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
  },
  corner: { zIndex: 3 },
  highlightRow: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  highlightRowHeader: {
    backgroundColor: tokens.colorPaletteYellowBackground3,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightBold,
  },
  highlightCell: {
    outline: `2px solid ${tokens.colorPaletteRedBorder2}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorPaletteRedBackground1,
    fontWeight: tokens.fontWeightSemibold,
    zIndex: 1,
  },
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

interface Geometry {
  readonly rowCount: number;
  readonly colCount: number;
  readonly firstRow: number;
  readonly firstCol: number;
}

function geometry(sheet: SheetInput, target: { row: number; col: number } | null): Geometry {
  const firstRow = sheet.origin?.row ?? 1;
  const firstCol = sheet.origin?.col ?? 1;
  let width = 0;
  for (const r of sheet.rows) if (r.length > width) width = r.length;
  const rowCount = Math.max(sheet.rows.length, target ? target.row - firstRow + 1 : 0, 1);
  const colCount = Math.max(width, target ? target.col - firstCol + 1 : 0, 1);
  return { rowCount, colCount, firstRow, firstCol };
}

function useViewport(ref: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = React.useState({ width: 600, height: 360 });
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const measure = () => {
      const width = el.clientWidth || 600;
      const height = el.clientHeight || 360;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** A read-only, virtualised view of one sheet, scrolled to `cell` with the cell and its row highlighted. */
export function SheetPreview(props: SheetPreviewProps): React.JSX.Element {
  const { sheet, cell, lang, onClose, height = 360, autoFocus = true } = props;
  const styles = useStyles();
  const t = fileMessages(lang);
  const scrollerRef = React.useRef<HTMLDivElement | null>(null);
  const viewport = useViewport(scrollerRef);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0 });

  const target = React.useMemo(() => parseA1(cell), [cell]);
  const geo = React.useMemo(() => geometry(sheet, target), [sheet, target]);
  const targetIndex = target ? { row: target.row - geo.firstRow, col: target.col - geo.firstCol } : null;

  // Vertical scroll range, compressed when the sheet is taller than browsers allow.
  const fullHeight = geo.rowCount * ROW_HEIGHT;
  const bodyViewport = Math.max(ROW_HEIGHT, viewport.height - HEADER_HEIGHT);
  const canvasBody = Math.min(fullHeight, MAX_SCROLL_PX);
  const ratio =
    fullHeight > canvasBody ? (fullHeight - bodyViewport) / Math.max(1, canvasBody - bodyViewport) : 1;
  const virtualTop = scroll.top * ratio;
  const offset = scroll.top - virtualTop;
  const canvasWidth = ROW_NUMBER_WIDTH + geo.colCount * COLUMN_WIDTH;

  // Bring the target into view (row centred, column visible) whenever the target changes.
  React.useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el || !targetIndex) return;
    const wantedVirtual = Math.max(0, targetIndex.row * ROW_HEIGHT - (bodyViewport - ROW_HEIGHT) / 2);
    const top = Math.round(wantedVirtual / ratio);
    const cellLeft = targetIndex.col * COLUMN_WIDTH;
    const visibleWidth = Math.max(COLUMN_WIDTH, (el.clientWidth || viewport.width) - ROW_NUMBER_WIDTH);
    el.scrollTop = top;
    // Keep the sheet's first columns (usually the name) in view when the cell fits; else centre the cell.
    el.scrollLeft =
      cellLeft + COLUMN_WIDTH <= visibleWidth ? 0 : Math.max(0, cellLeft - (visibleWidth - COLUMN_WIDTH) / 2);
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
    if (autoFocus) el.focus({ preventScroll: true });
    // Only a new target (or sheet) moves the view; resizing must not yank the user's scroll position.
  }, [sheet, cell]);

  const onScroll = React.useCallback((e: React.UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  }, []);

  const rowStart = Math.max(0, Math.floor(virtualTop / ROW_HEIGHT) - OVERSCAN);
  const rowEnd = Math.min(geo.rowCount, Math.ceil((virtualTop + bodyViewport) / ROW_HEIGHT) + OVERSCAN);
  const colStart = Math.max(0, Math.floor(scroll.left / COLUMN_WIDTH) - 2);
  const colEnd = Math.min(
    geo.colCount,
    Math.ceil((scroll.left + viewport.width - ROW_NUMBER_WIDTH) / COLUMN_WIDTH) + 2,
  );

  const columns: number[] = [];
  for (let c = colStart; c < colEnd; c++) columns.push(c);

  const rows: React.JSX.Element[] = [];
  for (let r = rowStart; r < rowEnd; r++) {
    const excelRow = geo.firstRow + r;
    const values: ReadonlyArray<RawCell> = sheet.rows[r] ?? [];
    const isTargetRow = targetIndex?.row === r;
    rows.push(
      <div
        key={r}
        role="row"
        aria-rowindex={r + 2}
        data-row={excelRow}
        data-highlight={isTargetRow ? "row" : undefined}
        className={mergeClasses(styles.row, isTargetRow && styles.highlightRow)}
        style={{ top: HEADER_HEIGHT + r * ROW_HEIGHT + offset, width: canvasWidth }}
      >
        <div
          role="rowheader"
          aria-colindex={1}
          className={mergeClasses(styles.cell, styles.rowHeader, isTargetRow && styles.highlightRowHeader)}
          style={{ position: "sticky", width: ROW_NUMBER_WIDTH }}
        >
          {excelRow}
        </div>
        {columns.map((c) => {
          const value = values[c];
          const address = `${columnLetter(geo.firstCol + c)}${excelRow}`;
          const isTarget = isTargetRow && targetIndex?.col === c;
          const text = cellText(value);
          return (
            <div
              key={c}
              role="cell"
              aria-colindex={c + 2}
              data-cell={address}
              data-highlight={isTarget ? "cell" : undefined}
              aria-current={isTarget ? "location" : undefined}
              title={text.length > 12 ? text.slice(0, 1000) : undefined}
              className={mergeClasses(
                styles.cell,
                typeof value === "number" && styles.number,
                isTarget && styles.highlightCell,
              )}
              style={{ left: ROW_NUMBER_WIDTH + c * COLUMN_WIDTH, width: COLUMN_WIDTH }}
            >
              {text}
            </div>
          );
        })}
      </div>,
    );
  }

  const targetRowNumber = target?.row ?? geo.firstRow;
  return (
    <section className={styles.root} data-testid="file-preview" data-sheet={sheet.name} data-target={cell}>
      <div className={styles.bar}>
        <Text weight="semibold" className={styles.title} title={t.previewTitle(sheet.name, cell)}>
          {t.previewTitle(sheet.name, cell)}
        </Text>
        <Caption1>{t.readOnly}</Caption1>
        {onClose && (
          <Button
            appearance="subtle"
            size="small"
            icon={<Dismiss20Regular />}
            aria-label={t.close}
            title={t.close}
            onClick={onClose}
          />
        )}
      </div>
      <Caption1 className={styles.hint}>{t.highlightHint(cell, targetRowNumber)}</Caption1>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        style={{ height }}
        role="region"
        aria-label={t.previewRegion(sheet.name)}
        tabIndex={0}
        onScroll={onScroll}
        data-testid="file-preview-grid"
      >
        <div
          role="table"
          aria-label={t.previewRegion(sheet.name)}
          aria-rowcount={geo.rowCount + 1}
          aria-colcount={geo.colCount + 1}
          className={styles.canvas}
          style={{ width: canvasWidth, height: HEADER_HEIGHT + canvasBody }}
        >
          {/* The header's row group is the sticky element: a sticky row would be held inside its 24 px group. */}
          <div role="rowgroup" className={styles.headerRow} style={{ width: canvasWidth }}>
            <div role="row" aria-rowindex={1} style={{ position: "relative", height: HEADER_HEIGHT }}>
              <div
                role="columnheader"
                aria-colindex={1}
                className={mergeClasses(styles.cell, styles.columnHeader, styles.rowHeader, styles.corner)}
                style={{ position: "sticky", width: ROW_NUMBER_WIDTH }}
              >
                <span className={styles.srOnly}>{t.rowHeader}</span>
              </div>
              {columns.map((c) => (
                <div
                  key={c}
                  role="columnheader"
                  aria-colindex={c + 2}
                  className={mergeClasses(styles.cell, styles.columnHeader)}
                  style={{ left: ROW_NUMBER_WIDTH + c * COLUMN_WIDTH, width: COLUMN_WIDTH }}
                >
                  {columnLetter(geo.firstCol + c)}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup">{rows}</div>
        </div>
      </div>
    </section>
  );
}

/** The preview state a host exposes (see `FileWorkbookHost`). */
export interface PreviewSource {
  readonly getPreview: () => PreviewTarget | null;
  readonly subscribePreview: (listener: () => void) => () => void;
  closePreview(): void;
}

/** Props of a bound preview: the language, else the page's `<html lang>`. */
export interface BoundPreviewProps {
  readonly lang?: Lang;
  readonly height?: number;
}

/**
 * A component showing `source`'s current preview (nothing while it is closed), for the pane's
 * preview slot; `pageLang` gives the language when the pane passes none.
 */
export function bindPreview(
  source: PreviewSource,
  pageLang: () => Lang,
): (props: BoundPreviewProps) => React.JSX.Element | null {
  function FilePreview({ lang, height }: BoundPreviewProps): React.JSX.Element | null {
    const target = React.useSyncExternalStore(source.subscribePreview, source.getPreview, source.getPreview);
    if (!target) return null;
    return (
      <SheetPreview
        sheet={target.sheet}
        cell={target.cell}
        lang={lang ?? pageLang()}
        onClose={() => source.closePreview()}
        {...(height === undefined ? {} : { height })}
      />
    );
  }
  return FilePreview;
}
