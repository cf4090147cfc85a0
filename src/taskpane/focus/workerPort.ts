import type { FocusImport } from "../../domain/focus/focusTypes";
import type { FocusImportPort, StartMessage, WorkerMessage } from "./focusImportPort";
import { fromFailure, ImportCancelled, sourceName } from "./focusImportPort";

/**
 * The production FocusImportPort: one Web Worker per import (a separate webpack chunk, fetched only when
 * an import starts). Cancel terminates the worker, which stops the read and frees its memory at once.
 * Kept apart from the view because `import.meta.url` exists only in the browser bundle, not under jest.
 */
export const workerPort: FocusImportPort = {
  start(files, settings, onProgress) {
    const worker = new Worker(
      /* webpackChunkName: "focus-worker" */ new URL("./focusWorker.ts", import.meta.url)
    );
    let settle: { resolve: (r: FocusImport) => void; reject: (e: Error) => void } | undefined;
    const result = new Promise<FocusImport>((resolve, reject) => (settle = { resolve, reject }));
    const finish = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === "progress") return onProgress(message.progress);
      finish();
      if (message.type === "done") settle?.resolve(message.result);
      else settle?.reject(fromFailure(message.failure));
    };
    worker.onerror = (event) => {
      finish();
      settle?.reject(
        new Error(`The import stopped unexpectedly: ${event.message || "worker error"}.`)
      );
    };
    const names = files.map(sourceName);
    worker.postMessage({ type: "start", files, names, settings } satisfies StartMessage);
    return {
      result,
      cancel() {
        finish();
        settle?.reject(new ImportCancelled());
      },
    };
  },
};
