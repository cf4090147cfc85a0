import { isGzip } from "../../domain/focus/focusFileReader";
import type { FocusChunk, FocusSource } from "./focusSource";

/**
 * A picked file (or any Blob with a name) as a FocusSource, for the Web Worker: File.stream() read chunk
 * by chunk, never whole (Blob.slice for Parquet), and gzip (found by its magic bytes, whatever the name) decompressed on the way by
 * the browser's own DecompressionStream. Stored bytes are counted before decompression, so progress
 * compares with the files' sizes.
 */
export function blobSource(blob: Blob, name: string): FocusSource {
  return {
    name,
    size: blob.size,
    // Parquet is read by ranges (its footer, then the columns of one row group at a time), never whole.
    stored: { byteLength: blob.size, slice: (start, end) => blob.slice(start, end).arrayBuffer() },
    async *chunks(): AsyncIterable<FocusChunk> {
      const gzip = isGzip(new Uint8Array(await blob.slice(0, 2).arrayBuffer()));
      let stored = 0;
      const counted = blob.stream().pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            stored += chunk.length;
            controller.enqueue(chunk);
          },
        })
      );
      const bytes = gzip
        ? counted.pipeThrough(
            new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>
          )
        : counted;
      const reader = bytes.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield { data: value, storedBytes: stored };
        }
      } finally {
        // Stops the file read and the decompression when the loop ends early (a bad file, cancel).
        await reader.cancel().catch(() => undefined);
      }
    },
  };
}
