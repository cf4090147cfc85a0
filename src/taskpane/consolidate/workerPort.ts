import type { ReadingMessage, ReadResult } from "../../workbook/consolidate/readingMessages";
import { DepartmentReadPort, ReadCancelled } from "./departmentReadPort";

/**
 * The production DepartmentReadPort: one Web Worker per read (its own webpack chunk, fetched when a
 * read starts). The worker's code is the file adapter's (src/xlsx/worker), which the pane may not
 * import: webpack builds it from the URL below as a separate program that shares nothing with the pane
 * but the plain messages of readingMessages.ts. Cancel terminates it, which frees its memory at once.
 * Kept apart from the view because `import.meta.url` exists only in the browser bundle, not under jest.
 */
export const workerPort: DepartmentReadPort = {
  start(files, onProgress) {
    const worker = new Worker(
      /* webpackChunkName: "department-files-worker" */ new URL(
        "../../xlsx/worker/departmentFilesWorker.ts",
        import.meta.url
      )
    );
    let settle:
      { resolve: (r: readonly ReadResult[]) => void; reject: (e: Error) => void } | undefined;
    const result = new Promise<readonly ReadResult[]>(
      (resolve, reject) => (settle = { resolve, reject })
    );
    const finish = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ReadingMessage>) => {
      const message = event.data;
      if (message.type === "progress") return onProgress(message.progress);
      finish();
      if (message.type === "done") settle?.resolve(message.results);
      else settle?.reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      finish();
      settle?.reject(
        new Error(`Reading the files stopped unexpectedly: ${event.message || "worker error"}.`)
      );
    };
    worker.postMessage(files);
    return {
      result,
      cancel() {
        finish();
        settle?.reject(new ReadCancelled());
      },
    };
  },
};
