import { columnLetter, rangeBounds } from "../workbook/addresses";

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
