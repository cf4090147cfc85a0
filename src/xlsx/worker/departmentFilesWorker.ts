/**
 * The Web Worker that reads department workbooks for the pane's "Consolidate department workbooks"
 * (started by src/taskpane/consolidate/workerPort.ts, which may not import this file adapter: the two
 * share only the plain messages of src/workbook/consolidate/readingMessages.ts). Unzipping and reading
 * dozens of workbooks here keeps the pane responsive.
 */
import type { ReadingMessage } from "../../workbook/consolidate/readingMessages";
import { readDepartmentFiles } from "../read/departmentFile";

const post = (message: ReadingMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<readonly File[]>) => {
  readDepartmentFiles(
    event.data.map((file) => ({
      name: file.name,
      bytes: async () => new Uint8Array(await file.arrayBuffer()),
    })),
    (progress) => post({ type: "progress", progress })
  ).then(
    (results) => post({ type: "done", results }),
    (error: unknown) =>
      post({ type: "failed", message: error instanceof Error ? error.message : String(error) })
  );
};
