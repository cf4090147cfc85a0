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

/** A cell's position in words, for messages: "row 2, column 3" (1-based, within the range). */
export function cellPosition(row: number, column: number): string {
  return `row ${row + 1}, column ${column + 1}`;
}

/**
 * Passes on the first error value of a range (row-major), as Excel's SUM does. Range functions
 * call it on every range before any other check, so errors come first as with scalar inputs.
 * Loops instead of flat(): ranges can hold tens of thousands of cells.
 */
export function passErrors(name: string, rows: CellMatrix): void {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "object" && isErrorValue(value)) throw propagate(name, value);
    }
  }
}

/** The #VALUE! for a range cell that is neither blank nor a number. */
export function notANumber(name: string, value: CellValue, row: number, column: number): never {
  throw valueError(
    `${name} must hold numbers or blank cells; ${cellPosition(row, column)} is ${describeValue(value)}.`
  );
}
