import { ErrorValue } from "./cellValue";

/** The Excel errors a FINOPS function can answer with. Excel shows a message only for #VALUE! and #N/A. */
export type FormulaErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!";

/**
 * A result that is an Excel error, not a number. The domain throws it; src/functions turns it into
 * CustomFunctions.Error and the template evaluator stores it as the cell's expected value.
 */
export class FormulaError extends Error {
  constructor(
    readonly code: FormulaErrorCode,
    message: string
  ) {
    super(message);
    this.name = "FormulaError";
  }
}

export function valueError(message: string): FormulaError {
  return new FormulaError("#VALUE!", message);
}

export function notAvailable(message: string): FormulaError {
  return new FormulaError("#N/A", message);
}

export function divisionByZero(message: string): FormulaError {
  return new FormulaError("#DIV/0!", message);
}

const PASSED_THROUGH: readonly string[] = ["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"];

/**
 * An error value found in an input answers the function, as it does for Excel's own functions.
 * #REF!, #NAME? and newer codes (#SPILL!, #CALC!) cannot be returned by an add-in function, so they become #VALUE!
 * with a message that names the input.
 */
export function propagate(name: string, input: ErrorValue): FormulaError {
  const code = PASSED_THROUGH.includes(input.code) ? (input.code as FormulaErrorCode) : "#VALUE!";
  return new FormulaError(code, `${name} is ${input.code}: fix that cell first.`);
}

/** Overflow and NaN are Excel's #NUM!, never a silent Infinity. */
export function finite(result: number): number {
  if (Number.isFinite(result)) return result;
  throw new FormulaError("#NUM!", "The result is too large for a number.");
}
