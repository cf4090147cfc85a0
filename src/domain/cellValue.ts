/**
 * Values as a spreadsheet hands them to a function. Excel passes numbers, text, booleans,
 * null for an empty cell (older desktop builds pass 0 instead) and error objects that carry
 * an error code such as "#REF!". The domain accepts exactly these, so the same code serves the
 * custom functions, the template evaluator and the tests.
 */
export interface ErrorValue {
  readonly code: string;
  readonly message?: string;
}

export type CellValue = number | string | boolean | null | undefined | ErrorValue;

/** A range as rows of cells. A single cell given where a range is expected arrives as [[value]]. */
export type CellMatrix = readonly (readonly CellValue[])[];

export function isErrorValue(value: unknown): value is ErrorValue {
  return (
    typeof value === "object" && value !== null && typeof (value as ErrorValue).code === "string"
  );
}

/** An empty cell. Text, even "", is not blank: ISBLANK("") is FALSE in Excel too. */
export function isBlank(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Describes a value the way a finance user would name it in a message. */
export function describeValue(value: unknown): string {
  if (typeof value === "string")
    return value === "" ? "empty text" : `the text "${truncate(value)}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isErrorValue(value)) return value.code;
  if (isBlank(value)) return "a blank cell";
  return String(value);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Excel's TRIM: leading and trailing spaces go, inner runs of spaces become one. Tabs and no-break spaces stay, as in Excel. */
export function excelTrim(text: string): string {
  if (!text.includes(" ")) return text; // the usual case ("lower", "A"): no regex work per call
  return text.replace(/ +/g, " ").replace(/^ | $/g, "");
}
