import { TextDecoder as NodeTextDecoder } from "util";
import {
  DepartmentReadPort,
  ReadCancelled,
} from "../../src/taskpane/consolidate/departmentReadPort";
import { readDepartmentFiles } from "../../src/xlsx/read/departmentFile";

// jsdom has no TextDecoder, which JSZip uses for text parts (every browser and worker has it).
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

/**
 * The worker's stand-in for jsdom (no Worker there): the same readDepartmentFiles over the picked
 * Files. `gate` is awaited before each file's bytes are read, so a test can hold the read to see the
 * progress and cancel.
 */
export function inProcessConsolidatePort(gate?: () => Promise<void>): DepartmentReadPort {
  return {
    start(files, onProgress) {
      let cancelled = false;
      let reject: (error: Error) => void = () => undefined;
      const stopped = new Promise<never>((_, no) => (reject = no));
      const read = readDepartmentFiles(
        files.map((file) => ({
          name: file.name,
          bytes: async () => {
            await gate?.();
            if (cancelled) throw new ReadCancelled();
            return bytesOf(file);
          },
        })),
        (progress) => !cancelled && onProgress(progress)
      );
      return {
        result: Promise.race([read, stopped]),
        cancel() {
          cancelled = true;
          reject(new ReadCancelled());
        },
      };
    },
  };
}
