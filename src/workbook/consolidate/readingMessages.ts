import type { DepartmentSubmission, RefusedFile } from "./submission";

/**
 * What the pane's Web Worker (src/xlsx/worker) posts while it reads department workbooks, and what the
 * pane (src/taskpane/consolidate) receives: plain data, the one contract between the two, which may not
 * import each other.
 */
export interface ReadingProgress {
  /** The file being read now. */
  readonly file: string;
  /** 0-based. */
  readonly index: number;
  readonly count: number;
}

export type ReadResult = DepartmentSubmission | RefusedFile;

export type ReadingMessage =
  | { readonly type: "progress"; readonly progress: ReadingProgress }
  | { readonly type: "done"; readonly results: readonly ReadResult[] }
  | { readonly type: "failed"; readonly message: string };
