import type { ReadingProgress, ReadResult } from "../../workbook/consolidate/readingMessages";

/** A running read of department files: one result per file, in the order picked, and a way to stop. */
export interface DepartmentReadJob {
  /** Rejects with ReadCancelled after cancel(), or with a plain Error when the reader itself failed. */
  readonly result: Promise<readonly ReadResult[]>;
  cancel(): void;
}

/**
 * How the pane reads department workbooks: in production a Web Worker (workerPort.ts), so unzipping
 * fifty workbooks never blocks the pane; in jsdom tests, which have no Worker, an in-process stand-in
 * running the same readDepartmentFiles. The view only knows this interface.
 */
export interface DepartmentReadPort {
  start(files: readonly File[], onProgress: (progress: ReadingProgress) => void): DepartmentReadJob;
}

export class ReadCancelled extends Error {
  constructor() {
    super("Reading the files was cancelled.");
    this.name = "ReadCancelled";
  }
}
