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

/** Rows and columns of an A1 range such as "B2:D10" (or a single cell). */
export function rangeSize(address: string): { rows: number; columns: number } {
  const [start, end = start] = address.replace(/\$/g, "").split(":");
  const parse = (cell: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!match) throw new Error(`Not an A1 address: ${cell}`);
    const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(match[2]), column };
  };
  const a = parse(start);
  const b = parse(end);
  return { rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}
