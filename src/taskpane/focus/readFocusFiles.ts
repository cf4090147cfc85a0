import { createFocusAggregator, FocusAggregator } from "../../domain/focus/focusAggregator";
import { FocusFileError } from "../../domain/focus/focusFileError";
import { FORMAT_BYTES, focusFileFormat } from "../../domain/focus/focusFileFormat";
import { createFocusFileReader } from "../../domain/focus/focusFileReader";
import { readFocusParquet } from "../../domain/focus/focusParquetReader";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import type { FocusGrouping, FocusImport } from "../../domain/focus/focusTypes";
import type { FocusChunk, FocusSource } from "./focusSource";
import { readIfWarehouseResult } from "./warehouseResult";

export interface ReadFocusSettings {
  readonly grouping: FocusGrouping;
  /** Issues kept (all are counted). */
  readonly issueLimit: number;
  /** Parquet: the largest row group read, as its columns' uncompressed bytes (default 512 MB). */
  readonly maxRowGroupBytes?: number;
}

/** A browser tab runs out of memory well before Node: row groups past this are refused with advice. */
export const BROWSER_MAX_ROW_GROUP_BYTES = 512_000_000;

const TOO_LARGE_ADVICE =
  "Export it again with smaller row groups (for example 1,000,000 rows each), or import it with the command line (finops-workbooks import-focus), which holds larger ones.";

export interface ReadFocusOptions extends ReadFocusSettings {
  readonly onProgress?: (progress: FocusProgress) => void;
  /** Reading stops at the next chunk once aborted, rejecting with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Milliseconds between progress reports (the pane re-renders on each). */
  readonly progressEveryMs?: number;
  readonly now?: () => number;
}

/**
 * The pane's import loop, shared by the Web Worker (sources from File.stream) and the tests' in-process
 * stand-in: every file through the pure FOCUS reader into one aggregator, with throttled progress. Like
 * the Node importer, a file the reader cannot use rejects the whole import (FocusFileError), so the
 * workbook never gets part of a result.
 */
export async function readFocusFiles(
  sources: readonly FocusSource[],
  options: ReadFocusOptions
): Promise<FocusImport> {
  const { signal, onProgress } = options;
  const now = options.now ?? (() => Date.now());
  const every = options.progressEveryMs ?? 250;
  const totalBytes = sources.reduce((sum, source) => sum + source.size, 0);
  const aggregator = createFocusAggregator(options);
  const started = now();
  let lastReport = -Infinity;
  let bytesBefore = 0;
  let rowsBefore = 0;
  for (let index = 0; index < sources.length; index++) {
    signal?.throwIfAborted();
    const source = sources[index];
    let rows = 0;
    let stored = 0;
    const report = () => {
      const done = bytesBefore + stored;
      const seconds = (now() - started) / 1000;
      onProgress?.({
        file: source.name,
        fileIndex: index,
        fileCount: sources.length,
        rows: rowsBefore + rows,
        bytes: done,
        totalBytes,
        megabytes: done / 1e6,
        secondsLeft: seconds > 0 && done > 0 ? ((totalBytes - done) * seconds) / done : null,
      });
    };
    const progress = (read: number, storedBytes: number) => {
      rows = read;
      stored = storedBytes;
      if (onProgress && now() - lastReport >= every) {
        lastReport = now();
        report();
      }
    };
    try {
      const head = new Uint8Array(
        await source.stored.slice(0, Math.min(FORMAT_BYTES, source.size))
      );
      if (focusFileFormat(source.name, head) === "parquet") {
        rows = await readFocusParquet(aggregator, source.name, source.stored, {
          maxRowGroupBytes: options.maxRowGroupBytes ?? BROWSER_MAX_ROW_GROUP_BYTES,
          tooLargeAdvice: TOO_LARGE_ADVICE,
          signal,
          onRowGroup: progress,
        });
      } else {
        const text = await readIfWarehouseResult(source, sources.length, options.grouping, signal);
        if ("result" in text) {
          progress(text.result.rowsRead, source.size);
          return text.result;
        }
        rows = await readText(aggregator, source.name, text.chunks, signal, progress);
      }
    } catch (error) {
      throw readFailure(error, source.name, signal);
    }
    stored = source.size;
    report();
    bytesBefore += source.size;
    rowsBefore += rows;
  }
  return aggregator.finish();
}

/** A CSV file (gzip already undone by the source) through the pure reader; returns its data rows. */
async function readText(
  aggregator: FocusAggregator,
  name: string,
  chunks: AsyncIterable<FocusChunk>,
  signal: AbortSignal | undefined,
  progress: (rows: number, storedBytes: number) => void
): Promise<number> {
  const reader = createFocusFileReader(aggregator, name);
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    reader.push(chunk.data);
    progress(reader.rows, chunk.storedBytes);
  }
  reader.end();
  return reader.rows;
}

/** Cancellation stays itself; FocusFileError passes through; anything else (I/O, gzip) is an unreadable file. */
function readFailure(error: unknown, name: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof FocusFileError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new FocusFileError("unreadable", name, 0, `${name} cannot be read: ${detail}`);
}
