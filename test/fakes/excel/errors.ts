/**
 * Errors shaped like Office.js's: the runtime throws `OfficeExtension.Error`, whose `name` is
 * "RichApi.Error", with a `code` from `Excel.ErrorCodes` and a `debugInfo` saying which call failed.
 * The fake appends a sentence saying what exactly was wrong, so a failing test explains itself.
 */
export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class FakeExcelError extends Error {
  readonly code: string;
  debugInfo: FakeDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: Error | null = null;

  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

/** Excel's own message texts for the codes the fake raises. */
const excelText: Record<string, string> = {
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  InvalidOperation: "The operation is invalid for the object or its current state.",
  AccessDenied: "The cell or chart you're trying to change is protected and therefore read-only.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  GeneralException: "There was an internal error while processing the request.",
};

export function excelError(code: string, detail?: string): FakeExcelError {
  const base = excelText[code] ?? code;
  return new FakeExcelError(code, detail ? `${base} ${detail}` : base);
}

export const invalidArgument = (detail: string) => excelError("InvalidArgument", detail);
export const itemAlreadyExists = (detail: string) => excelError("ItemAlreadyExists", detail);
export const itemNotFound = (detail: string) => excelError("ItemNotFound", detail);
export const invalidOperation = (detail: string) => excelError("InvalidOperation", detail);
export const accessDenied = (detail: string) => excelError("AccessDenied", detail);

/** Office.js's exact text for reading a property that was not loaded and synced. */
export function propertyNotLoaded(property: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** Excel's message when an array does not fit the range it is written to. */
export function dimensionMismatch(detail: string): FakeExcelError {
  return new FakeExcelError(
    "InvalidArgument",
    `The number of rows or columns in the input array doesn't match the size or dimensions of the range. ${detail}`
  );
}
