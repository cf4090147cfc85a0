import "./jsdomShims";
import { gunzipSync } from "zlib";
import { isGzip } from "../../src/domain/focus/focusFileReader";
import {
  FocusImportPort,
  fromFailure,
  ImportCancelled,
  sourceName,
  toFailure,
} from "../../src/taskpane/focus/focusImportPort";
import type { FocusSource } from "../../src/taskpane/focus/focusSource";
import { readFocusFiles } from "../../src/taskpane/focus/readFocusFiles";

export interface InProcessOptions {
  /** Bytes per chunk (small, so a test file gives several progress reports). */
  readonly chunkBytes?: number;
  /** Awaited before every chunk: a test holds the read here to see progress and cancel. */
  readonly gate?: () => Promise<void>;
  /** Parquet: the largest row group read (the worker's default otherwise). */
  readonly maxRowGroupBytes?: number;
}

/**
 * The worker's stand-in for jsdom (no Worker there): the same readFocusFiles, over sources cut from
 * the File's bytes (gzip through Node's zlib instead of DecompressionStream), and errors sent through
 * the same plain ImportFailure the worker posts.
 */
export function inProcessPort(options: InProcessOptions = {}): FocusImportPort {
  const chunkBytes = options.chunkBytes ?? 4096;
  return {
    start(files, settings, onProgress) {
      const abort = new AbortController();
      const sources: FocusSource[] = files.map((file) => ({
        name: sourceName(file),
        size: file.size,
        stored: {
          byteLength: file.size,
          slice: async (start, end) => await file.slice(start, end).arrayBuffer(),
        },
        async *chunks() {
          const stored = new Uint8Array(await file.arrayBuffer());
          const bytes = isGzip(stored) ? new Uint8Array(gunzipSync(stored)) : stored;
          for (let at = 0; at < bytes.length; at += chunkBytes) {
            await options.gate?.();
            const end = Math.min(bytes.length, at + chunkBytes);
            yield {
              data: bytes.subarray(at, end),
              storedBytes: Math.round((end / bytes.length) * stored.length),
            };
          }
        },
      }));
      const result = readFocusFiles(sources, {
        ...settings,
        maxRowGroupBytes: options.maxRowGroupBytes,
        onProgress,
        signal: abort.signal,
        progressEveryMs: 0,
      }).catch((error: unknown) => {
        throw error instanceof ImportCancelled ? error : fromFailure(toFailure(error));
      });
      return {
        result,
        cancel: () => abort.abort(new ImportCancelled()),
      };
    },
  };
}
