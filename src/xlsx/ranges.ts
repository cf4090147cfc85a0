import { columnLetter } from "../workbook/addresses";

/** 0-based row and column of an A1 cell ("$" allowed). */
export function cellPosition(cell: string): { row: number; column: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(cell);
  if (!match) throw new Error(`Not an A1 cell address: ${cell}`);
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, column };
}

/** Top-left and bottom-right of an A1 range such as "B2:D10" (or a single cell). */
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

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** Every cell address of a range, row by row. */
export function cellsOf(address: string): string[] {
  const { top, left, bottom, right } = rangeBounds(address);
  const cells: string[] = [];
  for (let r = top; r <= bottom; r += 1)
    for (let c = left; c <= right; c += 1) cells.push(a1(r, c));
  return cells;
}
