// The CSV tokenizer of the FOCUS import: RFC 4180 records (fields separated by the file's delimiter,
// "," or the ";" or tab detected from the header, quoted with '"', a quote inside a quoted field doubled,
// line breaks inside quoted fields) read from decoded text that arrives in chunks. It accepts what
// papaparse accepts on the same settings (the delimiter, one newline style, quote '"';
// test/focus/focusCsv.test.ts checks that with random CSV), but copies out only the fields the
// aggregator reads: papaparse makes a string of every field and an array of every row, and that alone
// took more time than the 1.3x budget of issue 7 leaves (docs/FOCUS.md, "Performance").

import { FocusDelimiter } from "./focusTypes";

const QUOTE = 34;
const SPACE = 32;
const LF = 10;
const DOUBLED_QUOTES = /""/g;

/** record(): the record is not complete in the text so far (wait for more). */
export const INCOMPLETE = -1;
/** record(): the text ends inside a quoted field (only when told it is the last text). */
export const UNTERMINATED_QUOTE = -2;
/** record(): a quoted field's closing quote is followed by something else than the delimiter, spaces or a line break. */
export const TEXT_AFTER_QUOTE = -3;

export type CsvNewline = "\n" | "\r\n" | "\r";

export class FocusCsvTokenizer {
  /** Fields in the record last read (all of them, wanted or not). */
  count = 0;
  private readonly newline: CsvNewline;
  private readonly crlf: boolean;
  private readonly delimiter: FocusDelimiter;
  private readonly delimiterCode: number;
  private input = "";
  private last = false;
  /** The next delimiter and line break at or after the cursor: -1 when there is none; -2 before a search. */
  private delimiterAt = -2;
  private lineEnd = -2;
  /** Where the record after the last one read starts: the searches above are valid from there on. */
  private cursor = 0;

  constructor(newline: CsvNewline, delimiter: FocusDelimiter = ",") {
    this.newline = newline;
    this.crlf = newline === "\r\n";
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Starts reading `input`; `last`: no more text follows, so a record may end at the end of the text. */
  text(input: string, last: boolean): void {
    this.input = input;
    this.last = last;
    this.delimiterAt = -2;
    this.lineEnd = -2;
    this.cursor = 0;
  }

  /**
   * Reads the record that starts at `start` in the text, setting `fields[k]` for every field k with
   * `wanted[k] === 1` (every field when `wanted` is null; others are left as they were) and `count`.
   * Returns where the next record starts, or INCOMPLETE, UNTERMINATED_QUOTE or TEXT_AFTER_QUOTE.
   * Records must be read in order (the searches for delimiters and line breaks carry on from one to the next),
   * except that the same record may be read again.
   */
  record(start: number, fields: string[], wanted: Uint8Array | null): number {
    const input = this.input;
    const n = input.length;
    const last = this.last;
    // Locals: the loop below is the import's hottest code.
    const delimiter = this.delimiter;
    const delimiterCode = this.delimiterCode;
    let delimiterAt = this.delimiterAt;
    let lineEnd = this.lineEnd;
    if (start < this.cursor) {
      // The record is read again: "none further" (-1) found from a later place no longer holds.
      delimiterAt = -2;
      lineEnd = -2;
    }
    let count = 0;
    let i = start;
    for (;;) {
      if (lineEnd !== -1 && lineEnd < i) lineEnd = input.indexOf(this.newline, i);
      if (i < n && input.charCodeAt(i) === QUOTE) {
        const open = i + 1;
        let close = open;
        let doubled = false;
        for (;;) {
          close = input.indexOf('"', close);
          if (close === -1) return last ? UNTERMINATED_QUOTE : INCOMPLETE;
          if (close + 1 < n && input.charCodeAt(close + 1) === QUOTE) {
            doubled = true;
            close += 2;
            continue;
          }
          // A quote at the end of the text may be the first of a doubled pair.
          if (close + 1 === n && !last) return INCOMPLETE;
          break;
        }
        if (wanted === null || wanted[count] === 1) {
          const text = input.substring(open, close);
          fields[count] = doubled ? text.replace(DOUBLED_QUOTES, '"') : text;
        }
        count++;
        let j = close + 1;
        while (j < n && input.charCodeAt(j) === SPACE) j++;
        if (j === n) {
          if (!last) return INCOMPLETE;
          return this.end(count, n, delimiterAt, lineEnd);
        }
        const c = input.charCodeAt(j);
        if (c === delimiterCode) {
          i = j + 1;
          continue;
        }
        if (c === this.newline.charCodeAt(0)) {
          if (!this.crlf) return this.end(count, j + 1, delimiterAt, lineEnd);
          if (j + 1 === n) {
            if (!last) return INCOMPLETE;
          } else if (input.charCodeAt(j + 1) === LF) {
            return this.end(count, j + 2, delimiterAt, lineEnd);
          }
        }
        return TEXT_AFTER_QUOTE;
      }
      if (delimiterAt !== -1 && delimiterAt < i) delimiterAt = input.indexOf(delimiter, i);
      if (delimiterAt !== -1 && (lineEnd === -1 || delimiterAt < lineEnd)) {
        if (wanted === null || wanted[count] === 1) fields[count] = input.substring(i, delimiterAt);
        count++;
        i = delimiterAt + 1;
        continue;
      }
      if (lineEnd === -1) {
        // No line break follows: the record ends with the text, if it is the last.
        if (!last) return INCOMPLETE;
        if (wanted === null || wanted[count] === 1) fields[count] = input.substring(i, n);
        return this.end(count + 1, n, delimiterAt, lineEnd);
      }
      if (wanted === null || wanted[count] === 1) fields[count] = input.substring(i, lineEnd);
      return this.end(count + 1, lineEnd + this.newline.length, delimiterAt, lineEnd);
    }
  }

  private end(count: number, next: number, delimiterAt: number, lineEnd: number): number {
    this.count = count;
    this.delimiterAt = delimiterAt;
    this.lineEnd = lineEnd;
    this.cursor = next;
    return next;
  }
}

/** The line break the file uses, from the first one in it; null before any (or when it may be a CRLF cut in two). */
export function guessNewline(text: string): CsvNewline | null {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (lf === -1 && cr === -1) return null;
  if (cr === -1 || (lf !== -1 && lf < cr)) return "\n";
  return text[cr + 1] === "\n" ? "\r\n" : cr === text.length - 1 ? null : "\r";
}
