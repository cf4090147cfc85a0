import Papa from "papaparse";
import { FocusAggregator, FocusRowConsumer } from "./focusAggregator";
import { FocusFileError } from "./focusFileError";

export interface FocusFileReaderOptions {
  /** Longest row accepted, in characters (default 1,000,000): a longer one is a huge field or an unclosed quote. */
  readonly maxRowChars?: number;
}

/**
 * Bytes of one FOCUS CSV file (already decompressed) to rows for the aggregator: UTF-8 decoding that
 * refuses UTF-16 and invalid UTF-8, papaparse in chunks, and the checks for truncation, a wrong
 * delimiter and huge fields. Pure (TextDecoder and papaparse only), so the Node reader and the pane's
 * worker share it. Every failure is a FocusFileError.
 */
export interface FocusFileReader {
  push(bytes: Uint8Array): void;
  /** The end of the file: parses the last row, or throws when the file was cut short. */
  end(): void;
  /** Data rows read so far. */
  readonly rows: number;
}

export const DEFAULT_MAX_ROW_CHARS = 1_000_000;

export function createFocusFileReader(
  aggregator: FocusAggregator,
  fileName: string,
  options: FocusFileReaderOptions = {}
): FocusFileReader {
  const maxRowChars = options.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
  // fatal: invalid UTF-8 throws instead of turning into U+FFFD; a UTF-8 BOM is dropped.
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parser: Papa.Parser | null = null;
  let width = 0;
  let consumer: FocusRowConsumer | null = null;
  /** Text after the last complete row, carried to the next chunk (papaparse's own chunking does the same). */
  let partial = "";
  /** Lines passed on so far, the header included (papaparse rows: see docs/FOCUS.md on line numbers). */
  let line = 0;
  let rows = 0;
  let bytesSeen = 0;

  function fail(kind: FocusFileError["kind"], at: number, message: string): never {
    throw new FocusFileError(kind, fileName, at, message);
  }

  function decode(bytes: Uint8Array | undefined): string {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch {
      return fail(
        "encoding",
        0,
        `${fileName} is not valid UTF-8 (near byte ${bytesSeen.toLocaleString("en-US")}). FOCUS files are UTF-8: save it again as UTF-8.`
      );
    }
  }

  function checkStart(bytes: Uint8Array): void {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      fail("encoding", 0, `${fileName} is UTF-16. FOCUS files are UTF-8: save it again as UTF-8.`);
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      fail("unreadable", 0, `${fileName} is gzip-compressed data: decompress it before reading.`);
    }
    if (bytes.subarray(0, 4096).indexOf(0) !== -1) {
      fail(
        "encoding",
        0,
        `${fileName} contains NUL bytes: it is UTF-16 without a byte order mark, or not a text file. FOCUS files are UTF-8 CSV.`
      );
    }
  }

  function emit(row: string[]): void {
    line++;
    if (consumer === null) {
      consumer = aggregator.file(fileName, row);
      width = row.length;
      return;
    }
    if (row.length !== 1 || row[0] !== "") rows++;
    consumer(row, line);
  }

  function feed(text: string, last: boolean): void {
    const input = partial + text;
    if (parser === null) {
      const newline = guessNewline(input);
      if (newline === null && !last) {
        partial = input;
        if (partial.length > maxRowChars) tooLong();
        return;
      }
      parser = new Papa.Parser({ delimiter: ",", newline: newline ?? "\n", quoteChar: '"' });
    }
    const result = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    for (const error of result.errors) {
      const at = line + (error.row ?? 0) + 1;
      if (error.code === "MissingQuotes") {
        fail(
          "truncated",
          at,
          `${fileName} ends inside a quoted field that starts on line ${at}: the file is cut short or a closing quote is missing.`
        );
      }
      fail("malformed", at, `${fileName}, line ${at}: ${error.message}.`);
    }
    const data = result.data;
    if (last && data.length > 0 && consumer !== null) {
      const final = data[data.length - 1];
      if (final.length < width && !(final.length === 1 && final[0] === "")) {
        fail(
          "truncated",
          line + data.length,
          `${fileName} ends in the middle of line ${line + data.length} (${final.length} of ${width} fields): the file is cut short.`
        );
      }
    }
    // Rows completed within this chunk can only pass the limit when the chunk itself does.
    if (input.length > maxRowChars) checkRowLengths(data);
    for (let i = 0; i < data.length; i++) emit(data[i]);
    partial = last ? "" : input.substring(result.meta.cursor);
    if (partial.length > maxRowChars) tooLong();
  }

  function checkRowLengths(data: string[][]): void {
    for (let i = 0; i < data.length; i++) {
      let chars = 0;
      for (const field of data[i]) chars += field.length;
      if (chars > maxRowChars) tooLong(line + i + 1);
    }
  }

  function tooLong(at = line + 1): never {
    return fail(
      "fieldTooLarge",
      at,
      `${fileName}: the row from line ${at} is longer than ${maxRowChars.toLocaleString("en-US")} characters: a huge field, or a quote that is never closed.`
    );
  }

  return {
    push(bytes) {
      if (bytesSeen === 0 && bytes.length > 0) checkStart(bytes);
      bytesSeen += bytes.length;
      feed(decode(bytes), false);
    },
    end() {
      feed(decode(undefined), true);
      if (consumer === null) fail("unreadable", 0, `${fileName} is empty: it has no header row.`);
    },
    get rows() {
      return rows;
    },
  };
}

/** The line break the file uses, from the first one in it; null before any. */
function guessNewline(text: string): "\n" | "\r\n" | "\r" | null {
  const lf = text.indexOf("\n");
  const cr = text.indexOf("\r");
  if (lf === -1 && cr === -1) return null;
  if (cr === -1 || (lf !== -1 && lf < cr)) return "\n";
  return text[cr + 1] === "\n" ? "\r\n" : cr === text.length - 1 ? null : "\r";
}

/** True when the bytes start with gzip's magic number (1f 8b), whatever the file is called. */
export function isGzip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 2 && firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
}
