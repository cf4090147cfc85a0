import { FormulaError, FormulaErrorCode } from "../../src/domain/formulaError";

/** Asserts that `compute` answers with an Excel error of `code` whose message matches `message`. */
export function expectFormulaError(
  compute: () => unknown,
  code: FormulaErrorCode,
  message?: RegExp
): void {
  let thrown: unknown;
  try {
    compute();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(FormulaError);
  expect((thrown as FormulaError).code).toBe(code);
  if (message) expect((thrown as FormulaError).message).toMatch(message);
}
