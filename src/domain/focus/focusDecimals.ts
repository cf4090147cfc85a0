import { FOCUS_DECIMAL_COLUMNS } from "./focusColumns";
import { FocusDecimalMark } from "./focusTypes";
import { isMissing, parseDecimal } from "./focusValues";

// Decimal marks of ";" and tab files. Excel saves CSV with ";" between values where "," is the decimal
// mark (much of Europe), writing amounts as "1234,56", or "1.234,56" under a number format with
// thousands. FOCUS files (",") always write ".", so only ";" and tab files are read this way: each file's
// mark is the one its first number showing one is written with, and a number that reads two ways before
// then ("1.234": 1.234, or 1234 with "." grouping thousands) is reported, never guessed.

/** A number with `mark` as the decimal mark, the other mark only grouping thousands ("1.234,5"). */
const GROUPED: Record<FocusDecimalMark, RegExp> = {
  ".": /^\s*[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?\s*$/,
  ",": /^\s*[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?(?:[eE][+-]?\d+)?\s*$/,
};

/**
 * A decimal number written with `mark`, optionally with the other mark grouping thousands; NaN when
 * the text is not one. Read through parseDecimal in FOCUS's form, so "1.234,56" is the same double as
 * "1234.56" in a comma-separated file.
 */
export function parseMarked(text: string, mark: FocusDecimalMark): number {
  const group = mark === "." ? "," : ".";
  let plain = text;
  if (text.indexOf(group) !== -1) {
    if (!GROUPED[mark].test(text)) return NaN;
    plain = text.split(group).join("");
  }
  return parseDecimal(mark === "," ? plain.replace(",", ".") : plain);
}

/**
 * The mark a number is written with: the one under which it reads as a number; "either" when it reads
 * under both (always differently, as "1,234" or "-12.345"); null without "." or ",", or not a number.
 */
export function markShown(text: string): FocusDecimalMark | "either" | null {
  if (text.indexOf(".") === -1 && text.indexOf(",") === -1) return null;
  const point = parseMarked(text, ".");
  const comma = parseMarked(text, ",");
  if (point === point) return comma === comma ? "either" : ".";
  return comma === comma ? "," : null;
}

const MARK_NAMES: Record<FocusDecimalMark, string> = { ".": "point", ",": "comma" };

/**
 * The decimal mark of one ";" or tab file, found as its rows are read. Until a number shows it, a row
 * whose amounts include one that reads two ways is left out with an issue.
 */
export class FileDecimalMark {
  mark: FocusDecimalMark | null = null;
  /** The line of the number that showed the mark. */
  private line = 0;
  /** The file's Decimal columns, the summed amounts first: where a mark is looked for. */
  readonly indexes: readonly number[];

  constructor(
    columns: readonly string[],
    private readonly amounts: readonly number[]
  ) {
    const others = FOCUS_DECIMAL_COLUMNS.map((column) => columns.indexOf(column));
    this.indexes = [...new Set([...amounts, ...others])].filter((index) => index >= 0);
  }

  /**
   * Looks for the mark in a row's numbers while none is known; returns the position in `amounts` of an
   * amount that reads two ways when the row does not show the mark, else -1.
   */
  settle(fields: readonly string[], line: number): number {
    for (const index of this.indexes) {
      const text = fields[index];
      if (isMissing(text)) continue;
      const shown = markShown(text);
      if (shown === "." || shown === ",") {
        this.mark = shown;
        this.line = line;
        return -1;
      }
    }
    return this.amounts.findIndex(
      (index) => index >= 0 && !isMissing(fields[index]) && markShown(fields[index]) === "either"
    );
  }

  /** An amount (not missing) read with the file's mark; "." until one is known, as no amount then shows one. */
  parse(text: string): number {
    return parseMarked(text, this.mark ?? ".");
  }

  /** Why `text` in `column` was not read, for a row left out. */
  problem(column: string, text: string): string {
    if (this.mark === null && markShown(text) === "either")
      return `${column} "${text}" is ${parseMarked(text, ".")} with a decimal point and ${parseMarked(text, ",")} with a decimal comma, and no number before it shows which this file uses.`;
    if (this.mark === null) return `${column} "${text}" is not a number.`;
    return `${column} "${text}" is not a number written with a decimal ${MARK_NAMES[this.mark]}, as this file's numbers are (from line ${this.line}).`;
  }
}
