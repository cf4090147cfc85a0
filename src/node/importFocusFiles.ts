import { FocusProgress } from "../domain/focus/focusProgress";
import { FocusGrouping, FocusImport } from "../domain/focus/focusTypes";

export interface ImportFocusOptions {
  readonly grouping: FocusGrouping;
  /** Issues kept (all are counted); default 100. */
  readonly issueLimit?: number;
  /** Called a few times a second while reading. */
  readonly onProgress?: (progress: FocusProgress) => void;
  /** Aborting rejects the import with the signal's reason; nothing is returned. */
  readonly signal?: AbortSignal;
  /** Longest row accepted, in characters (default 1,000,000). */
  readonly maxRowChars?: number;
}

/**
 * Reads FOCUS CSV files (plain or gzip, found by magic bytes) as streams and returns their aggregates.
 * Rejects with FocusFileError for a file it cannot use: no partial result.
 */
export async function importFocusFiles(
  paths: readonly string[],
  options: ImportFocusOptions
): Promise<FocusImport> {
  throw new Error(
    `importFocusFiles(${paths.length} files, ${options.grouping.by}) lands with issue 7's core commit.`
  );
}
