import { cellPosition, rangeBounds } from "./addresses";
import { PlannedFormat, PlannedRange } from "./plan";

// Rows that hold wrapped text are given a height for their lines: neither Excel (for cells written by
// a program) nor LibreOffice (on opening a file) grows a row for wrapped text by itself, so without it
// a wrapped label or note prints on top of the next row.

/** Excel's default row height for Calibri 11, in points: one line. */
export const LINE_POINTS = 15;
/**
 * Characters of ordinary text a column of width w holds on one line: its width counts the widest
 * digit, and text averages narrower; a little under 1.2 per unit, less what word breaks waste.
 */
const CHARACTERS_PER_WIDTH = 1.05;

/** Lines a text takes wrapped at word breaks in a column `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * CHARACTERS_PER_WIDTH));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= capacity) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      // A word longer than a line breaks across lines itself.
      lines += Math.floor(Math.max(0, word.length - 1) / capacity);
      used = word.length % capacity || capacity;
    }
  }
  return lines;
}

/** The height each row with wrapped text needs (rows of one line are left at the default). */
export function wrappedRowHeights(
  ranges: readonly PlannedRange[],
  formats: readonly PlannedFormat[],
  widths: readonly number[],
  /** Merged areas: their first cell wraps over all their columns. */
  merges: readonly string[] = []
): { row: number; points: number }[] {
  const mergedWidth = new Map<string, number>();
  for (const merge of merges) {
    const { top, left, right } = rangeBounds(merge);
    mergedWidth.set(
      `${top}:${left}`,
      widths.slice(left, right + 1).reduce((a, b) => a + b, 0)
    );
  }
  const text = new Map<string, string>();
  for (const range of ranges) {
    const origin = cellPosition(range.address);
    range.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const shown = cell.formula === undefined ? cell.value : cell.expected;
        if (typeof shown === "string" && shown !== "")
          text.set(`${origin.row + r}:${origin.column + c}`, shown);
      })
    );
  }
  const lines = new Map<number, number>();
  for (const format of formats.filter((f) => f.style === "wrap")) {
    const { top, left, bottom, right } = rangeBounds(format.address.replace(/\$/g, ""));
    for (let row = top; row <= bottom; row++)
      for (let column = left; column <= right; column++) {
        const shown = text.get(`${row}:${column}`);
        if (shown === undefined) continue;
        const width = mergedWidth.get(`${row}:${column}`) ?? widths[column] ?? 12;
        const n = wrappedLines(shown, width);
        lines.set(row, Math.max(lines.get(row) ?? 1, n));
      }
  }
  return [...lines.entries()]
    .filter(([, n]) => n > 1)
    .sort(([a], [b]) => a - b)
    .map(([row, n]) => ({ row, points: n * LINE_POINTS }));
}
