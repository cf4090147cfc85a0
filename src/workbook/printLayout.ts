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
 * Page sizes are the smaller of A4 and US Letter in each direction, with Excel's default margins
 * (0.7" left and right, 0.75" top and bottom), so the rule holds on either paper.
 */

export const MIN_PRINT_SCALE = 75;

/** Printable width in points at 100%: landscape 11" - 1.4", portrait 8.27" (A4) - 1.4". */
const PRINTABLE_WIDTH = { landscape: 9.6 * 72, portrait: 6.87 * 72 };
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
  if ((100 * printable) / total >= MIN_PRINT_SCALE)
    return { fit: { wide: 1, tall: 0 }, columnBreaks: [], pagesWide: 1, titleColumns: 0 };

  // Pack at the minimum scale: what one page holds, less the repeated title columns.
  // Title columns are repeated only while they take at most a third of a page (else fewer, or none).
  const room = (printable * 100) / MIN_PRINT_SCALE;
  const width = (n: number) => points.slice(0, n).reduce((a, b) => a + b, 0);
  let repeated = titleColumns;
  while (repeated > 0 && width(repeated) > room / 3) repeated -= 1;
  const titles = width(repeated);
  const starts = new Set(groupStarts.filter((c) => c > repeated));
  const groupEnd = (c: number) => {
    let end = c + 1;
    while (end < points.length && !starts.has(end)) end += 1;
    return end;
  };
  const pages: { start: number; width: number }[] = [{ start: 0, width: titles }];
  for (let c = repeated; c < points.length; c++) {
    const page = pages[pages.length - 1];
    let needed = points[c];
    // A group moves whole to the next page when it does not fit here but would fit on a page of its own.
    if (starts.has(c) || c === repeated) {
      const group = points.slice(c, groupEnd(c)).reduce((a, b) => a + b, 0);
      if (titles + group <= room) needed = group;
    }
    if (page.width > titles && page.width + needed > room)
      pages.push({ start: c, width: titles + points[c] });
    else page.width += points[c];
  }
  const widest = Math.max(...pages.map((p) => p.width));
  const scale = Math.max(MIN_PRINT_SCALE, Math.min(100, Math.floor((100 * printable) / widest)));
  return {
    scale,
    columnBreaks: pages.slice(1).map((p) => p.start),
    pagesWide: pages.length,
    titleColumns: repeated,
  };
}
