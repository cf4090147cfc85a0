/**
 * Outside Excel there is no CustomFunctions global. This stands in for the runtime's with the real
 * error codes (the strings Excel shows), so that src/functions runs unchanged under jest and the bench.
 */
class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode,
  associate: () => undefined,
};
