/**
 * Turns what Office.js throws into a sentence a finance user can act on. Office.js errors carry a
 * `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes); anything else keeps its message.
 */
export class GenerationError extends Error {
  constructor(
    message: string,
    /** The underlying error's code, for support. */
    readonly code?: string,
    /** The command failed and could not put everything back: running it again is not safe. */
    readonly leftPartly = false
  ) {
    super(message);
    this.name = "GenerationError";
  }
}

/** The user cancelled before anything was written: the workbook is as it was. */
export class GenerationCancelled extends GenerationError {
  constructor() {
    super("Cancelled before anything was written: the workbook is unchanged.", "Cancelled");
    this.name = "GenerationCancelled";
  }
}

const EXPLANATIONS: Record<string, string> = {
  InvalidOperationInCellEditMode:
    "Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.",
  AccessDenied:
    "The workbook or a sheet is protected. Unprotect it (Review > Unprotect), then try again.",
  InsertDeleteConflict:
    "Another change is going on in the workbook. Wait a moment, then try again.",
  ItemAlreadyExists:
    "A sheet, table or name with the same name was added meanwhile. Try again: a free name will be chosen.",
  RequestPayloadSizeLimitExceeded:
    "The workbook is too large to write in one go from Excel on the web. Try fewer templates at a time.",
  Unauthenticated: "Excel could not verify your session. Reload the add-in, then try again.",
  ActivityLimitReached: "Excel is busy (too many requests). Wait a few seconds, then try again.",
};

export function explain(error: unknown, step: string): GenerationError {
  if (error instanceof GenerationError) return error;
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  const advice = code ? EXPLANATIONS[code] : undefined;
  return new GenerationError(`${step} failed: ${advice ?? detail}`, code);
}
