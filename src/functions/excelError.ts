import { FormulaError } from "../domain/formulaError";

// Excel shows a custom message only with #VALUE! and #N/A; other codes must be raised without one.
const CODES_WITH_MESSAGE: readonly string[] = ["#VALUE!", "#N/A"];

/**
 * The error a FINOPS function throws back to Excel. A domain FormulaError keeps its code and message;
 * anything else is a bug, reported as #VALUE! with its text rather than as a raw exception.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof FormulaError) {
    const code = error.code as unknown as CustomFunctions.ErrorCode;
    return CODES_WITH_MESSAGE.includes(error.code)
      ? new CustomFunctions.Error(code, error.message)
      : new CustomFunctions.Error(code);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    "#VALUE!" as unknown as CustomFunctions.ErrorCode,
    `Unexpected problem in a FINOPS function: ${detail}`
  );
}
