/**
 * The read-only sheet preview of file mode: a virtualised grid (only the rows and columns in view
 * are rendered) of the rows around a finding's cell, which the engine sends (the page holds no
 * workbook), scrolled to that cell, with the cell outlined and its row highlighted and the table's
 * header row kept above. Cell values are shown only as text.
 */
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { matchHeader, type Lang, type RawCell, type SheetInput, type TableInfo } from "../../engine";
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

/** What the preview shows: a sheet (or the rows of it around the cell) and the cell to bring into view. */
export interface PreviewTarget {
  /** The rows shown: `origin.row` is the first of them. */
  readonly sheet: SheetInput;
  /** A1 address of the cell to highlight, e.g. `F7`. */
  readonly cell: string;
  /** The table's header row and its cells, for when it lies above the rows shown. */
  readonly header?: { readonly row: number; readonly cells: readonly RawCell[] };
}

/** Props of {@link SheetPreview}. */
export interface SheetPreviewProps extends PreviewTarget {
  /** The table's header row (1-based): kept in view above the rows, like Excel's frozen panes. */
  readonly headerRow?: number;
  /** Columns (1-based) that say whose row it is (name, student id): kept in view at the left. */
  readonly keyColumns?: readonly number[];
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
  // The row number and the identifying columns, held at the left while the rest scrolls.
  frozen: { position: "sticky", left: 0, zIndex: 1, display: "flex", height: "100%" },
  frozenCell: { position: "relative", flexShrink: 0 },
  // Opaque: the scrolling columns pass underneath.
  frozenData: { backgroundColor: tokens.colorNeutralBackground1 },
  sheetHeader: { backgroundColor: tokens.colorNeutralBackground2, fontWeight: tokens.fontWeightSemibold },
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
  const { sheet, cell, header, lang, onClose, height = 360, autoFocus = true, headerRow, keyColumns } = props;
  const styles = useStyles();
  const t = fileMessages(lang);
  const scrollerRef = React.useRef<HTMLDivElement | null>(null);
  const viewport = useViewport(scrollerRef);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0 });

  const target = React.useMemo(() => parseA1(cell), [cell]);
  const geo = React.useMemo(() => geometry(sheet, target), [sheet, target]);
  const targetIndex = target ? { row: target.row - geo.firstRow, col: target.col - geo.firstCol } : null;

  // Frozen columns (0-based in the grid) and the columns that scroll, each in a slot of its own.
  // A narrow preview freezes fewer: at least one scrolling column must stay in view beside them.
  const roomFor = Math.max(0, Math.floor((viewport.width - ROW_NUMBER_WIDTH) / COLUMN_WIDTH) - 1);
  const frozen = React.useMemo(
    () =>
      [...new Set(keyColumns ?? [])]
        .map((c) => c - geo.firstCol)
        .filter((c) => c >= 0 && c < geo.colCount)
        .slice(0, roomFor)
        .sort((a, b) => a - b),
    [keyColumns, geo, roomFor],
  );
  const scrolling = React.useMemo(() => {
    const out: number[] = [];
    for (let c = 0; c < geo.colCount; c++) if (!frozen.includes(c)) out.push(c);
    return out;
  }, [frozen, geo]);
  const frozenWidth = ROW_NUMBER_WIDTH + frozen.length * COLUMN_WIDTH;
  const frozenKey = frozen.join(",");
  // The table's header row stays above the data while the target row is below it (even when the
  // rows shown start after it: then its cells come with the target).
  const headerCells =
    headerRow === undefined
      ? undefined
      : headerRow >= geo.firstRow
        ? sheet.rows[headerRow - geo.firstRow]
        : header?.row === headerRow
          ? header.cells
          : undefined;
  const headerIndex =
    headerRow !== undefined && headerCells && targetIndex && headerRow - geo.firstRow < targetIndex.row
      ? headerRow - geo.firstRow
      : null;
  const headHeight = HEADER_HEIGHT * (headerIndex === null ? 1 : 2);

  // Vertical scroll range, compressed when the sheet is taller than browsers allow.
  const fullHeight = geo.rowCount * ROW_HEIGHT;
  const bodyViewport = Math.max(ROW_HEIGHT, viewport.height - headHeight);
  const canvasBody = Math.min(fullHeight, MAX_SCROLL_PX);
  const ratio =
    fullHeight > canvasBody ? (fullHeight - bodyViewport) / Math.max(1, canvasBody - bodyViewport) : 1;
  const virtualTop = scroll.top * ratio;
  const offset = scroll.top - virtualTop;
  const canvasWidth = frozenWidth + scrolling.length * COLUMN_WIDTH;

  const focusedFor = React.useRef<string | null>(null);
  // Bring the target into view (row centred, column visible) whenever the target changes.
  React.useLayoutEffect(() => {
    const el = scrollerRef.current;
    if (!el || !targetIndex) return;
    const wantedVirtual = Math.max(0, targetIndex.row * ROW_HEIGHT - (bodyViewport - ROW_HEIGHT) / 2);
    const top = Math.round(wantedVirtual / ratio);
    const slot = scrolling.indexOf(targetIndex.col);
    const cellLeft = Math.max(0, slot) * COLUMN_WIDTH;
    const visibleWidth = Math.max(COLUMN_WIDTH, (el.clientWidth || viewport.width) - frozenWidth);
    el.scrollTop = top;
    // Keep the sheet's first columns in view when the cell fits (or is frozen); else centre the cell.
    el.scrollLeft =
      slot < 0 || cellLeft + COLUMN_WIDTH <= visibleWidth
        ? 0
        : Math.max(0, cellLeft - (visibleWidth - COLUMN_WIDTH) / 2);
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
    // Focus moves with a new target only: a re-centring after a resize leaves focus where it is.
    const target = `${sheet.name}!${cell}`;
    if (autoFocus && focusedFor.current !== target) el.focus({ preventScroll: true });
    focusedFor.current = target;
    // Only a new target (or sheet) moves the view; resizing must not yank the user's scroll
    // position. A change in which columns are frozen does move it: the columns themselves move (and
    // the first measurement of the scroller, right after opening, is such a change on a narrow pane).
  }, [sheet, cell, frozenKey]);

  const onScroll = React.useCallback((e: React.UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScroll({ top: el.scrollTop, left: el.scrollLeft });
  }, []);

  const rowStart = Math.max(0, Math.floor(virtualTop / ROW_HEIGHT) - OVERSCAN);
  const rowEnd = Math.min(geo.rowCount, Math.ceil((virtualTop + bodyViewport) / ROW_HEIGHT) + OVERSCAN);
  const slotStart = Math.max(0, Math.floor(scroll.left / COLUMN_WIDTH) - 2);
  const slotEnd = Math.min(
    scrolling.length,
    Math.ceil((scroll.left + viewport.width - frozenWidth) / COLUMN_WIDTH) + 2,
  );
  const slots: Array<[number, number]> = [];
  for (let i = slotStart; i < slotEnd; i++) slots.push([i, scrolling[i] as number]);

  const dataCell = (
    r: number,
    c: number,
    left: number | null,
    header: boolean,
    extra?: string,
  ): React.JSX.Element => {
    const excelRow = geo.firstRow + r;
    const value = ((header ? headerCells : sheet.rows[r]) ?? [])[c];
    const address = `${columnLetter(geo.firstCol + c)}${excelRow}`;
    const isTarget = !header && targetIndex?.row === r && targetIndex.col === c;
    const text = cellText(value);
    return (
      <div
        key={c}
        role={header ? "columnheader" : "cell"}
        aria-colindex={c + 2}
        data-cell={header ? undefined : address}
        data-highlight={isTarget ? "cell" : undefined}
        aria-current={isTarget ? "location" : undefined}
        title={text.length > 12 ? text.slice(0, 1000) : undefined}
        className={mergeClasses(
          styles.cell,
          left === null && styles.frozenCell,
          left === null && styles.frozenData,
          typeof value === "number" && styles.number,
          extra,
          isTarget && styles.highlightCell,
        )}
        style={left === null ? { width: COLUMN_WIDTH } : { left, width: COLUMN_WIDTH }}
      >
        {text}
      </div>
    );
  };

  const letterHeader = (c: number, left: number | null): React.JSX.Element => (
    <div
      key={c}
      role="columnheader"
      aria-colindex={c + 2}
      className={mergeClasses(styles.cell, styles.columnHeader, left === null && styles.frozenCell)}
      style={left === null ? { width: COLUMN_WIDTH } : { left, width: COLUMN_WIDTH }}
    >
      {columnLetter(geo.firstCol + c)}
    </div>
  );

  const gridRow = (r: number, top: number, header: boolean): React.JSX.Element => {
    const excelRow = geo.firstRow + r;
    const isTargetRow = !header && targetIndex?.row === r;
    const extra = header ? styles.sheetHeader : undefined;
    return (
      <div
        key={header ? "header" : r}
        role="row"
        aria-rowindex={r + 2}
        data-row={header ? undefined : excelRow}
        data-header-row={header ? excelRow : undefined}
        data-highlight={isTargetRow ? "row" : undefined}
        className={mergeClasses(styles.row, isTargetRow && styles.highlightRow)}
        style={{ top, width: canvasWidth }}
      >
        <div className={styles.frozen} style={{ width: frozenWidth }}>
          <div
            role="rowheader"
            aria-colindex={1}
            className={mergeClasses(
              styles.cell,
              styles.rowHeader,
              styles.frozenCell,
              isTargetRow && styles.highlightRowHeader,
            )}
            style={{ width: ROW_NUMBER_WIDTH }}
          >
            {excelRow}
          </div>
          {frozen.map((c) =>
            dataCell(r, c, null, header, mergeClasses(extra, isTargetRow && styles.highlightRow)),
          )}
        </div>
        {slots.map(([slot, c]) => dataCell(r, c, frozenWidth + slot * COLUMN_WIDTH, header, extra))}
      </div>
    );
  };

  const rows: React.JSX.Element[] = [];
  for (let r = rowStart; r < rowEnd; r++) rows.push(gridRow(r, headHeight + r * ROW_HEIGHT + offset, false));

  const targetRowNumber = target?.row ?? geo.firstRow;
  return (
    <section
      className={styles.root}
      data-testid="file-preview"
      data-sheet={sheet.name}
      data-target={cell}
      onKeyDown={(e) => {
        // Esc closes the preview, as it closes any panel that opened over the user's work.
        if (e.key === "Escape" && onClose && !e.defaultPrevented) {
          e.preventDefault();
          onClose();
        }
      }}
    >
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
          style={{ width: canvasWidth, height: headHeight + canvasBody }}
        >
          {/* The header's row group is the sticky element: a sticky row would be held inside its 24 px group. */}
          <div
            role="rowgroup"
            className={styles.headerRow}
            style={{ width: canvasWidth, height: headHeight }}
          >
            <div role="row" aria-rowindex={1} style={{ position: "relative", height: HEADER_HEIGHT }}>
              <div className={styles.frozen} style={{ width: frozenWidth, zIndex: 3 }}>
                <div
                  role="columnheader"
                  aria-colindex={1}
                  className={mergeClasses(
                    styles.cell,
                    styles.columnHeader,
                    styles.rowHeader,
                    styles.frozenCell,
                  )}
                  style={{ width: ROW_NUMBER_WIDTH }}
                >
                  <span className={styles.srOnly}>{t.rowHeader}</span>
                </div>
                {frozen.map((c) => letterHeader(c, null))}
              </div>
              {slots.map(([slot, c]) => letterHeader(c, frozenWidth + slot * COLUMN_WIDTH))}
            </div>
            {headerIndex !== null && gridRow(headerIndex, HEADER_HEIGHT, true)}
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
  /** The recognised tables (the pane's last check): their header rows and identifying columns stay in view. */
  readonly tables?: readonly TableInfo[];
  /** Called after the user closed the preview (button or Esc): the pane puts focus back. */
  readonly onClosed?: () => void;
}

/** Fields that say whose row it is, kept in view at the preview's left. */
const IDENTIFYING_FIELDS: ReadonlySet<string> = new Set(["name", "studentId"]);

/** The header row and the identifying columns (1-based) of the previewed sheet's recognised table, if any. */
export function tableFrame(
  target: PreviewTarget,
  tables: readonly TableInfo[] | undefined,
): { headerRow?: number; keyColumns?: number[] } {
  const { sheet } = target;
  const table = tables?.find((t) => t.sheet === sheet.name);
  if (!table) return {};
  const firstRow = sheet.origin?.row ?? 1;
  const firstCol = sheet.origin?.col ?? 1;
  const header =
    (target.header?.row === table.headerRow ? target.header.cells : sheet.rows[table.headerRow - firstRow]) ??
    [];
  const keyColumns: number[] = [];
  const taken = new Set<string>();
  header.forEach((value, i) => {
    const hit = matchHeader(table.kind, cellText(value));
    if (hit && IDENTIFYING_FIELDS.has(hit.field) && !taken.has(hit.field)) {
      taken.add(hit.field);
      keyColumns.push(firstCol + i);
    }
  });
  return { headerRow: table.headerRow, keyColumns };
}

/**
 * A component showing `source`'s current preview (nothing while it is closed), for the pane's
 * preview slot; `pageLang` gives the language when the pane passes none.
 */
export function bindPreview(
  source: PreviewSource,
  pageLang: () => Lang,
): (props: BoundPreviewProps) => React.JSX.Element | null {
  function FilePreview({ lang, height, tables, onClosed }: BoundPreviewProps): React.JSX.Element | null {
    const target = React.useSyncExternalStore(source.subscribePreview, source.getPreview, source.getPreview);
    const frame = React.useMemo(() => (target ? tableFrame(target, tables) : {}), [target, tables]);
    if (!target) return null;
    return (
      <SheetPreview
        sheet={target.sheet}
        cell={target.cell}
        {...(target.header ? { header: target.header } : {})}
        lang={lang ?? pageLang()}
        onClose={() => {
          source.closePreview();
          onClosed?.();
        }}
        {...frame}
        {...(height === undefined ? {} : { height })}
      />
    );
  }
  return FilePreview;
}
