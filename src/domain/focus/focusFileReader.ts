import { FocusAggregator } from "./focusAggregator";

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

export function createFocusFileReader(
  aggregator: FocusAggregator,
  fileName: string,
  options: FocusFileReaderOptions = {}
): FocusFileReader {
  throw new Error(
    `FOCUS reading of ${fileName} (${options.maxRowChars ?? 1_000_000}) lands with issue 7's core commit; ${typeof aggregator}.`
  );
}

/** True when the bytes start with gzip's magic number (1f 8b), whatever the file is called. */
export function isGzip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 2 && firstBytes[0] === 0x1f && firstBytes[1] === 0x8b;
}
