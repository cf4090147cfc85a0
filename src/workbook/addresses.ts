/** A1 addresses from 0-based row and column indexes. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(row: number, column: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetter(column)}${d}${row + 1}`;
}

export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const start = cellAddress(top, left);
  return top === bottom && left === right ? start : `${start}:${cellAddress(bottom, right)}`;
}

/** 0-based row and column of one A1 cell ("$B$5" or "B5"). */
export function cellPosition(cell: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(cell.replace(/\$/g, ""));
  if (!match) throw new Error(`Not an A1 address: ${cell}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Top-left and bottom-right (0-based) of an A1 range such as "B2:D10" (or a single cell). */
export function rangeBounds(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [start, end = start] = address.split(":");
  const a = cellPosition(start);
  const b = cellPosition(end);
  return { top: a.row, left: a.column, bottom: b.row, right: b.column };
}

/** Rows and columns of an A1 range such as "B2:D10" (or a single cell). */
export function rangeSize(address: string): { rows: number; columns: number } {
  const { top, left, bottom, right } = rangeBounds(address);
  return { rows: bottom - top + 1, columns: right - left + 1 };
}
