import { createFocusAggregator } from "../../domain/focus/focusAggregator";
import { FocusFileError } from "../../domain/focus/focusFileError";
import { createFocusFileReader } from "../../domain/focus/focusFileReader";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import type { FocusGrouping, FocusImport } from "../../domain/focus/focusTypes";

/** A chunk of a file's text bytes (decompressed), and how many of the file's stored bytes are read so far. */
export interface FocusChunk {
  readonly data: Uint8Array;
  readonly storedBytes: number;
}

/** One file as the reader sees it: its name, its stored size, and its bytes as a stream of chunks. */
export interface FocusSource {
  readonly name: string;
  readonly size: number;
  chunks(): AsyncIterable<FocusChunk>;
}

export interface ReadFocusSettings {
  readonly grouping: FocusGrouping;
  /** Issues kept (all are counted). */
  readonly issueLimit: number;
}

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
    const reader = createFocusFileReader(aggregator, source.name);
    let stored = 0;
    const report = () => {
      const done = bytesBefore + stored;
      const seconds = (now() - started) / 1000;
      onProgress?.({
        file: source.name,
        fileIndex: index,
        fileCount: sources.length,
        rows: rowsBefore + reader.rows,
        bytes: done,
        totalBytes,
        megabytes: done / 1e6,
        secondsLeft: seconds > 0 && done > 0 ? ((totalBytes - done) * seconds) / done : null,
      });
    };
    try {
      for await (const chunk of source.chunks()) {
        signal?.throwIfAborted();
        reader.push(chunk.data);
        stored = chunk.storedBytes;
        if (onProgress && now() - lastReport >= every) {
          lastReport = now();
          report();
        }
      }
      reader.end();
    } catch (error) {
      throw readFailure(error, source.name, signal);
    }
    stored = source.size;
    report();
    bytesBefore += source.size;
    rowsBefore += reader.rows;
  }
  return aggregator.finish();
}

/** Cancellation stays itself; FocusFileError passes through; anything else (I/O, gzip) is an unreadable file. */
function readFailure(error: unknown, name: string, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (error instanceof FocusFileError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new FocusFileError("unreadable", name, 0, `${name} cannot be read: ${detail}`);
}
