import "./jsdomShims";
import {
  DepartmentReadPort,
  ReadCancelled,
} from "../../src/taskpane/consolidate/departmentReadPort";
import { readDepartmentFiles } from "../../src/xlsx/read/departmentFile";

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
            return new Uint8Array(await file.arrayBuffer());
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
