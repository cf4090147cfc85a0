import type { AsyncBuffer } from "hyparquet";

/** A chunk of a file's text bytes (decompressed), and how many of the file's stored bytes are read so far. */
export interface FocusChunk {
  readonly data: Uint8Array;
  readonly storedBytes: number;
}

/**
 * One file as the reader sees it: its name, its stored size, its text bytes as a stream of chunks (CSV,
 * decompressed when gzip), and its stored bytes by range (for its format, and for Parquet).
 */
export interface FocusSource {
  readonly name: string;
  readonly size: number;
  chunks(): AsyncIterable<FocusChunk>;
  readonly stored: AsyncBuffer;
}
