import { TextDecoder as NodeTextDecoder } from "util";
import { gunzipSync } from "zlib";
import { isGzip } from "../../src/domain/focus/focusFileReader";
import {
  FocusImportPort,
  fromFailure,
  ImportCancelled,
  toFailure,
} from "../../src/taskpane/focus/focusImportPort";
import { FocusSource, readFocusFiles } from "../../src/taskpane/focus/readFocusFiles";

// jsdom has no TextDecoder, which the reader uses (every browser and worker has it).
if (typeof globalThis.TextDecoder === "undefined")
  globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;

/** jsdom's Blob has no arrayBuffer(): FileReader it is. */
function bytesOf(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export interface InProcessOptions {
  /** Bytes per chunk (small, so a test file gives several progress reports). */
  readonly chunkBytes?: number;
  /** Awaited before every chunk: a test holds the read here to see progress and cancel. */
  readonly gate?: () => Promise<void>;
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
        name: file.name,
        size: file.size,
        async *chunks() {
          const stored = await bytesOf(file);
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
