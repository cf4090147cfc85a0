import { Buffer } from "node:buffer";
import { createReadStream } from "node:fs";
import { FileHandle, open, stat } from "node:fs/promises";
import { Readable, Transform, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import type { AsyncBuffer } from "hyparquet";
import { FocusAggregator, createFocusAggregator } from "../domain/focus/focusAggregator";
import { FocusFileError } from "../domain/focus/focusFileError";
import { FORMAT_BYTES, FocusFileFormat, focusFileFormat } from "../domain/focus/focusFileFormat";
import { createFocusFileReader } from "../domain/focus/focusFileReader";
import { readFocusParquet } from "../domain/focus/focusParquetReader";
import { FocusProgress } from "../domain/focus/focusProgress";
import { FocusGrouping, FocusImport } from "../domain/focus/focusTypes";

export interface ImportFocusOptions {
  readonly grouping: FocusGrouping;
  /** Issues kept (all are counted); default 100. */
  readonly issueLimit?: number;
  /** Called a few times a second while reading (after each Parquet row group), and once at the end of each file. */
  readonly onProgress?: (progress: FocusProgress) => void;
  /** Aborting rejects the import with the signal's reason; nothing is returned. */
  readonly signal?: AbortSignal;
  /** Longest row accepted, in characters (default 1,000,000). */
  readonly maxRowChars?: number;
  /** Parquet: the largest row group read, as its columns' uncompressed bytes (default 2 GB). */
  readonly maxRowGroupBytes?: number;
}

/** Node holds a larger row group than a browser tab; much past this the heap itself runs out. */
export const NODE_MAX_ROW_GROUP_BYTES = 2_000_000_000;

// 4 MB reads: TextDecoder is markedly faster on large chunks than on the stream default of 64 KB.
const CHUNK_BYTES = 1 << 22;
const PROGRESS_EVERY_MS = 250;

/** How far one file has got: data rows read, and stored bytes they stand for. */
type FileProgress = (rows: number, storedBytes: number) => void;

/**
 * Reads FOCUS files (CSV, gzip CSV or Parquet, told apart by their first bytes) and returns their
 * aggregates. Memory stays flat: CSV is parsed and summed 4 MB at a time, Parquet a row group at a time
 * (reading only the byte ranges of the columns used). Rejects with FocusFileError for a file it cannot
 * use (no partial result), and with the signal's reason when aborted.
 */
export async function importFocusFiles(
  paths: readonly string[],
  options: ImportFocusOptions
): Promise<FocusImport> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const sizes = await Promise.all(paths.map((path) => fileSize(path)));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const aggregator = createFocusAggregator({
    grouping: options.grouping,
    issueLimit: options.issueLimit ?? 100,
  });
  const started = Date.now();
  let bytesBefore = 0;
  let rowsBefore = 0;
  for (let index = 0; index < paths.length; index++) {
    const path = paths[index];
    const progress: FileProgress = (rows, bytes) => {
      const done = bytesBefore + bytes;
      const seconds = (Date.now() - started) / 1000;
      onProgress?.({
        file: path,
        fileIndex: index,
        fileCount: paths.length,
        rows: rowsBefore + rows,
        bytes: done,
        totalBytes,
        megabytes: done / 1e6,
        secondsLeft: seconds > 0 && done > 0 ? ((totalBytes - done) * seconds) / done : null,
      });
    };
    let rows: number;
    try {
      const format = await formatOf(path);
      rows =
        format === "parquet"
          ? await readParquetFile(aggregator, path, sizes[index], options, progress)
          : await readCsvFile(aggregator, path, format, options, progress);
    } catch (error) {
      throw readFailure(error, path, signal);
    }
    progress(rows, sizes[index]);
    bytesBefore += sizes[index];
    rowsBefore += rows;
  }
  return aggregator.finish();
}

/** One CSV file (plain or gzip) streamed through the pure reader; returns its data rows. */
async function readCsvFile(
  aggregator: FocusAggregator,
  path: string,
  format: FocusFileFormat,
  options: ImportFocusOptions,
  progress: FileProgress
): Promise<number> {
  const reader = createFocusFileReader(aggregator, path, { maxRowChars: options.maxRowChars });
  let bytes = 0;
  let lastReport = 0;
  // Counted as stored, before decompression: the total to compare with is the files' sizes.
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const raw = createReadStream(path, { highWaterMark: CHUNK_BYTES, signal: options.signal });
  // pipeline destroys every stream on an error, so a read or gzip failure ends the loop below.
  const source: Readable =
    format === "gzip"
      ? pipeline(raw, counter, createGunzip({ chunkSize: 1 << 20 }), ignore)
      : pipeline(raw, counter, ignore);
  try {
    for await (const chunk of source) {
      reader.push(chunk as Buffer);
      if (options.onProgress && Date.now() - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = Date.now();
        progress(reader.rows, bytes);
      }
    }
    reader.end();
  } finally {
    source.destroy();
  }
  return reader.rows;
}

/** One Parquet file, read through a file handle: only the byte ranges hyparquet asks for. */
async function readParquetFile(
  aggregator: FocusAggregator,
  path: string,
  size: number,
  options: ImportFocusOptions,
  progress: FileProgress
): Promise<number> {
  const handle = await open(path, "r");
  try {
    return await readFocusParquet(aggregator, path, handleBuffer(handle, size), {
      maxRowGroupBytes: options.maxRowGroupBytes ?? NODE_MAX_ROW_GROUP_BYTES,
      signal: options.signal,
      onRowGroup: progress,
    });
  } finally {
    await handle.close();
  }
}

/** A file handle as hyparquet's AsyncBuffer: each slice is one positioned read. */
function handleBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start, end = size) {
      const bytes = new Uint8Array(Math.max(0, end - start));
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(
          bytes,
          filled,
          bytes.length - filled,
          start + filled
        );
        if (bytesRead === 0)
          throw new Error(`the file ended at byte ${start + filled} (it changed while being read)`);
        filled += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

/** pipeline's callback: its errors also reach the loop reading the last stream. */
function ignore(): void {}

async function fileSize(path: string): Promise<number> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new FocusFileError("unreadable", path, 0, `${path} cannot be read: ${messageOf(error)}`);
  }
  if (stats.isDirectory()) {
    throw new FocusFileError("unreadable", path, 0, `${path} is a folder, not a FOCUS file.`);
  }
  return stats.size;
}

/** The file's format from its first bytes (focusFileFormat.ts). */
async function formatOf(path: string): Promise<FocusFileFormat> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(FORMAT_BYTES), 0, FORMAT_BYTES, 0);
    return focusFileFormat(path, buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/** Cancellation stays itself; FocusFileError passes through; anything else (I/O, gzip) becomes an unreadable file. */
function readFailure(error: unknown, path: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof FocusFileError) return error;
  return new FocusFileError("unreadable", path, 0, `${path} cannot be read: ${messageOf(error)}`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
