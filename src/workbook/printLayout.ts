/**
 * How a sheet prints, decided from its planned column widths alone (pure: no adapter, no I/O).
 *
 * The rule keeps printed text legible: the body font is Calibri 11, and a finance team reads 8 pt on
 * paper, so no sheet prints below MIN_PRINT_SCALE (75%: 11 pt x 0.75 = 8.25 pt).
 * - A sheet whose columns fit one page wide at 75% or more is fitted to one page wide (any number tall).
 * - A wider sheet prints at a fixed scale with no fitting, across several pages. The columns are packed
 *   into pages left to right at 75%, a group of columns that a spec starts with `pageBreakBefore` (a
 *   year's months) moves whole to a new page when it does not fit on the current one, and every page
 *   start is an explicit column break, so Excel and LibreOffice break at the same columns and a page
 *   never starts in the middle of a group that fits on one. The scale is then the largest (at most 100%)
 *   at which every one of those pages still fits, never below 75%.
 * - A one-page sheet (`onePage`) is fitted to one page wide and one tall, whatever the scale: the
 *   template keeps it small enough to stay legible (the print test measures it).
 *
 * Page sizes are the smaller of A4 and US Letter in each direction, with Excel's "Narrow" margins
 * (PRINT_MARGINS), so the rule holds on either paper.
 */

export const MIN_PRINT_SCALE = 75;
/** Charts' text in points: the body's size, so that it too prints at 8 pt or more (Excel's is 10). */
export const CHART_FONT_POINTS = 11;
/**
 * Share of the printable width the packing fills: LibreOffice renders Calibri's metric twin Carlito a
 * little wider than Excel's column arithmetic, and a page that overflows by one column prints that
 * column alone on a page of its own.
 */
const SAFETY = 0.95;

/**
 * Every sheet's margins in inches: Excel's "Narrow" preset (0.25" left and right, 0.75" top and bottom)
 * with the top and bottom at 0.5", room enough for a header and footer: more of each page is table.
 */
export const PRINT_MARGINS = {
  left: 0.25,
  right: 0.25,
  top: 0.5,
  bottom: 0.5,
  header: 0.25,
  footer: 0.25,
} as const;

/** Printable width in points at 100%: landscape 11" (Letter) and portrait 8.27" (A4), less margins. */
const PRINTABLE_WIDTH = {
  landscape: (11 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 72,
  portrait: (8.27 - PRINT_MARGINS.left - PRINT_MARGINS.right) * 72,
};
/**
 * A column `width` characters wide is 7 * width + 5 pixels in Calibri 11 (its maximum digit width is
 * 7 px at 96 dpi, plus padding), and a pixel is 0.75 pt.
 */
export const columnPoints = (width: number): number => 0.75 * (7 * width + 5);

export interface PrintRequest {
  readonly landscape: boolean;
  readonly fitToWidth: boolean;
  readonly onePage?: boolean;
}

export interface PrintDecision {
  /** Fit to pages (fitToWidth x fitToHeight, 0 = as many as needed), or a fixed scale. */
  readonly fit?: { readonly wide: number; readonly tall: number };
  /** Fixed scale in percent, when not fitted. */
  readonly scale?: number;
  /** 0-based columns that start a new printed page (explicit column breaks), left to right. */
  readonly columnBreaks: readonly number[];
  /** Pages across. */
  readonly pagesWide: number;
  /** Leading columns repeated on every page across (fewer than asked when they would crowd a page). */
  readonly titleColumns: number;
}

/**
 * The print rule above. `widths` are the planned column widths in characters from column A;
 * `titleColumns` the leading columns repeated on every page; `groupStarts` the columns a spec starts
 * a group with (pageBreakBefore).
 */
export function decidePrint(
  request: PrintRequest,
  widths: readonly number[],
  titleColumns = 0,
  groupStarts: readonly number[] = []
): PrintDecision {
  if (request.onePage)
    return { fit: { wide: 1, tall: 1 }, columnBreaks: [], pagesWide: 1, titleColumns: 0 };
  if (!request.fitToWidth) return { columnBreaks: [], pagesWide: 1, titleColumns };
  const printable = request.landscape ? PRINTABLE_WIDTH.landscape : PRINTABLE_WIDTH.portrait;
  const points = widths.map(columnPoints);
  const total = points.reduce((a, b) => a + b, 0);
  if ((100 * SAFETY * printable) / total >= MIN_PRINT_SCALE)
    return { fit: { wide: 1, tall: 0 }, columnBreaks: [], pagesWide: 1, titleColumns: 0 };

  // Pack at the minimum scale: what one page holds, less the repeated title columns.
  // Title columns are repeated only while they take at most a third of a page (else fewer, or none).
  const room = (SAFETY * printable * 100) / MIN_PRINT_SCALE;
  const width = (n: number) => points.slice(0, n).reduce((a, b) => a + b, 0);
  // Every group (with the repeated columns) should fit on a page: fewer repeated columns first.
  const groups = [...groupStarts].sort((a, b) => a - b);
  const groupWidth = (i: number) =>
    points.slice(groups[i], groups[i + 1] ?? points.length).reduce((a, b) => a + b, 0);
  const widestGroup = Math.max(0, ...groups.map((_, i) => groupWidth(i)));
  let repeated = titleColumns;
  while (repeated > 0 && (width(repeated) > room / 3 || width(repeated) + widestGroup > room))
    repeated -= 1;
  const pack = (repeat: number) => {
    const titles = width(repeat);
    const starts = new Set(groupStarts.filter((c) => c > repeat));
    const groupEnd = (c: number) => {
      let end = c + 1;
      while (end < points.length && !starts.has(end)) end += 1;
      return end;
    };
    const pages: { start: number; width: number }[] = [{ start: 0, width: titles }];
    for (let c = repeat; c < points.length; c++) {
      const page = pages[pages.length - 1];
      let needed = points[c];
      // A group moves whole to the next page when it does not fit here but would on a page of its own.
      if (starts.has(c) || c === repeat) {
        const group = points.slice(c, groupEnd(c)).reduce((a, b) => a + b, 0);
        if (titles + group <= room) needed = group;
      }
      if (page.width > titles && page.width + needed > room)
        pages.push({ start: c, width: titles + points[c] });
      else page.width += points[c];
    }
    return pages;
  };
  // Repeated columns are dropped when the sheet takes fewer pages without them.
  let pages = pack(repeated);
  if (repeated > 0 && pack(0).length < pages.length) {
    repeated = 0;
    pages = pack(0);
  }
  // The smallest legible scale: more rows on each page, so fewer pages.
  const scale = MIN_PRINT_SCALE;
  return {
    scale,
    columnBreaks: pages.slice(1).map((p) => p.start),
    pagesWide: pages.length,
    titleColumns: repeated,
  };
}

/**
 * The scale at which columns `widths` wide fill one page across (at most 100%, with SAFETY's slack):
 * for a sheet that fits one page wide but is printed as a fixed scale.
 */
export function fittedScale(request: PrintRequest, widths: readonly number[]): number {
  const printable = request.landscape ? PRINTABLE_WIDTH.landscape : PRINTABLE_WIDTH.portrait;
  const total = widths.map(columnPoints).reduce((a, b) => a + b, 0);
  return Math.max(MIN_PRINT_SCALE, Math.min(100, Math.floor((100 * SAFETY * printable) / total)));
}

/**
 * The print areas of a sheet printed across pages: the first page's columns with every row, then each
 * further page's columns with only the rows that hold something in them (a wide table's rows). A
 * sheet's title, notes and figures sit in its first columns; without this, every page across would
 * print their rows again, empty, above the table.
 */
export function stripAreas(
  columnBreaks: readonly number[],
  lastColumn: number,
  lastRow: number,
  /** The first and last row with a cell, table or chart in a column; undefined when it is empty. */
  rowsIn: (column: number) => { top: number; bottom: number } | undefined
): { top: number; left: number; bottom: number; right: number }[] {
  const starts = [0, ...columnBreaks];
  return starts.flatMap((left, i) => {
    const right = (starts[i + 1] ?? lastColumn + 1) - 1;
    if (i === 0) return [{ top: 0, left, bottom: lastRow, right }];
    const spans = Array.from({ length: right - left + 1 }, (_, c) => rowsIn(left + c)).filter(
      (s): s is { top: number; bottom: number } => s !== undefined
    );
    if (spans.length === 0) return [];
    const top = Math.min(...spans.map((s) => s.top));
    const bottom = Math.max(...spans.map((s) => s.bottom));
    return [{ top, left, bottom, right }];
  });
}

/**
 * A sheet's printed pages across keep any room they have to spare for their wrapped text columns (up
 * to the width their text wants): long text takes fewer lines, and the sheet fewer pages down. A
 * column widens only while the pages across stay the same.
 */
export function widenWrapped(
  widths: readonly number[],
  wrapped: ReadonlyMap<number, number>,
  request: PrintRequest,
  titleColumns = 0,
  groupStarts: readonly number[] = []
): number[] {
  const out = [...widths];
  if (wrapped.size === 0 || request.onePage || !request.fitToWidth) return out;
  const pages = (w: readonly number[]) => {
    const d = decidePrint(request, w, titleColumns, groupStarts);
    return `${d.pagesWide}|${d.columnBreaks.join(",")}|${d.titleColumns}`;
  };
  const before = pages(out);
  const full = new Set<number>();
  // One character at a time, to the column furthest from the width it wants, while the pages hold.
  for (;;) {
    const open = [...wrapped].filter(([c, wanted]) => out[c] < wanted && !full.has(c));
    if (open.length === 0) return out;
    const [column] = open.reduce((a, b) => (b[1] - out[b[0]] > a[1] - out[a[0]] ? b : a));
    out[column] += 1;
    if (pages(out) !== before) {
      out[column] -= 1;
      full.add(column);
    }
  }
}
