import { CellMatrix, CellValue, describeValue, isBlank, isErrorValue } from "./cellValue";
import { notAvailable, propagate, valueError } from "./formulaError";

/** How a parameter is read: a required number, an optional number (blank = default) or optional text. */
export type ArgKind = "number" | "optional number" | "optional text";

export interface Arg {
  readonly name: string;
  readonly value: CellValue;
  readonly kind?: ArgKind;
}

/**
 * Explains why arguments are not usable, in the order every FINOPS function follows (and its
 * native twin reproduces): first an error value in any input is passed on, then a blank required
 * input is #N/A, then an input of the wrong type is #VALUE!.
 * Functions call it only after their fast `typeof` check failed, so valid calls pay nothing.
 */
export function rejectArgs(args: readonly Arg[]): never {
  for (const arg of args) {
    if (isErrorValue(arg.value)) throw propagate(arg.name, arg.value);
  }
  for (const arg of args) {
    if ((arg.kind ?? "number") === "number" && isBlank(arg.value)) {
      throw notAvailable(`${arg.name} is blank: enter a number.`);
    }
  }
  for (const arg of args) {
    if (isBlank(arg.value)) continue;
    const wantsText = arg.kind === "optional text";
    if (wantsText ? typeof arg.value !== "string" : typeof arg.value !== "number") {
      throw valueError(
        `${arg.name} must be ${wantsText ? "text" : "a number"}, not ${describeValue(arg.value)}.`
      );
    }
  }
  throw new Error("rejectArgs was called with usable arguments");
}

/** An optional input: blank (or omitted) takes the default. */
export function orDefault<T extends CellValue>(value: CellValue, fallback: T): CellValue | T {
  return isBlank(value) ? fallback : value;
}

/** Rows of a range; a single value given where a range is expected counts as a 1 x 1 range. */
export function rowsOf(range: CellValue | CellMatrix): CellMatrix {
  return Array.isArray(range) ? (range as CellMatrix) : [[range as CellValue]];
}

/** Position of the n-th cell (row-major, 0-based) in words, for messages: "row 2, column 3". */
export function cellPosition(index: number, columns: number): string {
  return `row ${Math.floor(index / columns) + 1}, column ${(index % columns) + 1}`;
}

/**
 * Every cell of a range in row-major order, after the checks shared by the range functions:
 * an error cell is passed on (the first one), and any cell that is neither blank nor a number
 * is #VALUE! with its position. Blank cells come back as null.
 */
export function numericCells(
  name: string,
  range: CellValue | CellMatrix
): { cells: (number | null)[]; rows: number; columns: number } {
  const rows = rowsOf(range);
  const columns = rows.length === 0 ? 0 : rows[0].length;
  passErrors(name, rows);
  const all: CellValue[] = rows.flat();
  const cells: (number | null)[] = new Array(all.length);
  for (let i = 0; i < all.length; i++) {
    const value = all[i];
    if (typeof value === "number") cells[i] = value;
    else if (isBlank(value)) cells[i] = null;
    else
      throw valueError(
        `${name} must hold numbers or blank cells; ${cellPosition(i, columns)} is ${describeValue(value)}.`
      );
  }
  return { cells, rows: rows.length, columns };
}

/** Passes on the first error value of a range (row-major), as Excel's SUM does. */
export function passErrors(name: string, range: CellValue | CellMatrix): void {
  const cells = rowsOf(range).flat();
  const firstError = cells.find(isErrorValue);
  if (firstError) throw propagate(name, firstError);
}
