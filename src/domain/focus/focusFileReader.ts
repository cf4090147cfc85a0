import { FocusAggregator, FocusRowConsumer } from "./focusAggregator";
import { FocusCsvTokenizer, INCOMPLETE, UNTERMINATED_QUOTE, guessNewline } from "./focusCsv";
import { FocusFileError } from "./focusFileError";
import { detectDelimiter } from "./focusHeader";
import { FocusDelimiter } from "./focusTypes";

export interface FocusFileReaderOptions {
  /** Longest row accepted, in characters (default 1,000,000): a longer one is a huge field or an unclosed quote. */
  readonly maxRowChars?: number;
}

/**
 * Bytes of one FOCUS CSV file (already decompressed) to rows for the aggregator: UTF-8 decoding that
 * refuses UTF-16 and invalid UTF-8, the delimiter found in the header (",", ";" or tab), the CSV
 * tokenizer (focusCsv.ts) in chunks, and the checks for truncation and huge fields. Pure (TextDecoder
 * only), so the Node reader and the pane's worker share it. Every failure is a FocusFileError.
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
  let tokenizer: FocusCsvTokenizer | null = null;
  let delimiter: FocusDelimiter = ",";
  let width = 0;
  let consumer: FocusRowConsumer | null = null;
  /** The reused array of a row's fields (only those the consumer reads are set), and which those are. */
  let fields: string[] = [];
  let wanted: Uint8Array | null = null;
  /** Text after the last complete row, carried to the next chunk. */
  let partial = "";
  /** Records passed on so far, the header included (see docs/FOCUS.md on line numbers). */
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

  /** Passes a record on: the header to the aggregator, a data row to the file's consumer. */
  function emit(row: string[]): void {
    line++;
    if (consumer === null) {
      consumer = aggregator.file(fileName, row, delimiter);
      width = row.length;
      fields = new Array<string>(width).fill("");
      const read = consumer.fieldsRead;
      if (read !== undefined) {
        wanted = new Uint8Array(width);
        for (const index of read) if (index >= 0 && index < width) wanted[index] = 1;
      }
      return;
    }
    if (row.length !== 1 || row[0] !== "") rows++;
    consumer(row, line);
  }

  function feed(text: string, last: boolean): void {
    const input = partial.length === 0 ? text : partial + text;
    if (tokenizer === null) {
      const newline = guessNewline(input);
      if (newline === null && !last) {
        partial = input;
        if (partial.length > maxRowChars) tooLong();
        return;
      }
      const lineBreak = newline ?? "\n";
      delimiter = detectDelimiter(input, lineBreak);
      tokenizer = new FocusCsvTokenizer(lineBreak, delimiter);
    }
    const csv = tokenizer;
    csv.text(input, last);
    const n = input.length;
    let at = 0;
    while (at < n) {
      // The header, and rows whose width is not the header's, are read whole into a new array;
      // rows of the header's width only with the fields the consumer reads, into one reused array.
      const header = consumer === null;
      const row: string[] = header ? [] : fields;
      const next = csv.record(at, row, header ? null : wanted);
      if (next < 0) {
        if (next === INCOMPLETE) break;
        failRecord(next);
      }
      if (next - at > maxRowChars) tooLong(line + 1);
      if (header) {
        emit(row);
      } else if (csv.count === width) {
        line++;
        rows++;
        (consumer as FocusRowConsumer)(fields, line);
      } else {
        const whole: string[] = [];
        csv.record(at, whole, null);
        if (
          last &&
          next === n &&
          whole.length < width &&
          !(whole.length === 1 && whole[0] === "")
        ) {
          fail(
            "truncated",
            line + 1,
            `${fileName} ends in the middle of line ${line + 1} (${whole.length} of ${width} fields): the file is cut short.`
          );
        }
        emit(whole);
      }
      at = next;
    }
    partial = at === 0 ? input : at < n ? input.substring(at) : "";
    if (partial.length > maxRowChars) tooLong();
  }

  function failRecord(code: number): never {
    const where = line + 1;
    if (code === UNTERMINATED_QUOTE) {
      // The line where the quoted field starts: records before it in the same text are passed on first.
      fail(
        "truncated",
        where,
        `${fileName} ends inside a quoted field that starts on line ${where}: the file is cut short or a closing quote is missing.`
      );
    }
    return fail(
      "malformed",
      where,
      `${fileName}, line ${where}: Trailing quote on quoted field is malformed.`
    );
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

/** True when the bytes start with gzip's magic number (1f 8b), whatever the file is called. */
export function isGzip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 2 && firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
}
