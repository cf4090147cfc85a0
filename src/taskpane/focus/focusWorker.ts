/**
 * The Web Worker that reads FOCUS files for the pane (started by workerPort.ts): it streams each File
 * through the pure reader and posts progress, then the aggregates (never rows) or a plain failure.
 */
import { blobSource } from "./blobSource";
import type { StartMessage, WorkerMessage } from "./focusImportPort";
import { toFailure } from "./focusImportPort";
import { readFocusFiles } from "./readFocusFiles";

const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<StartMessage>) => {
  const { files, names, settings } = event.data;
  readFocusFiles(
    files.map((file, index) => blobSource(file, names[index])),
    { ...settings, onProgress: (progress) => post({ type: "progress", progress }) }
  ).then(
    (result) => post({ type: "done", result }),
    (error: unknown) => post({ type: "failed", failure: toFailure(error) })
  );
};
