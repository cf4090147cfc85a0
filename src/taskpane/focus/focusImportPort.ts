import { FocusFileError, FocusFileErrorKind } from "../../domain/focus/focusFileError";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import type { FocusImport } from "../../domain/focus/focusTypes";
import type { ReadFocusSettings } from "./readFocusFiles";

/** A running import: its result (rejected with FocusFileError, ImportCancelled or another Error), and a way to stop it. */
export interface FocusImportJob {
  readonly result: Promise<FocusImport>;
  /** Stops reading at once; `result` rejects with ImportCancelled. */
  cancel(): void;
}

/**
 * How the pane reads FOCUS files: in production a Web Worker (workerPort.ts), so parsing hundreds of MB
 * never blocks the pane; in jsdom tests, which have no Worker, an in-process stand-in running the same
 * readFocusFiles. The view only knows this interface.
 */
export interface FocusImportPort {
  start(
    files: readonly File[],
    settings: ReadFocusSettings,
    onProgress: (progress: FocusProgress) => void
  ): FocusImportJob;
}

export class ImportCancelled extends Error {
  constructor() {
    super("The import was cancelled.");
    this.name = "ImportCancelled";
  }
}

/** What crosses from the worker to the pane (postMessage keeps no Error class): plain data. */
export type WorkerMessage =
  | { readonly type: "progress"; readonly progress: FocusProgress }
  | { readonly type: "done"; readonly result: FocusImport }
  | { readonly type: "failed"; readonly failure: ImportFailure };

export interface StartMessage {
  readonly type: "start";
  readonly files: readonly File[];
  /** Each file's name in issues and progress (sourceName): a File posted to a worker loses its folder path. */
  readonly names: readonly string[];
  readonly settings: ReadFocusSettings;
}

export interface ImportFailure {
  /** A FocusFileError's kind, or "internal" for a fault of the add-in's own. */
  readonly kind: FocusFileErrorKind | "internal";
  readonly file: string;
  readonly line: number;
  readonly message: string;
  /** Parquet: the row group of `line` (then a row), when the failure has one. */
  readonly rowGroup?: number;
}

export function toFailure(error: unknown): ImportFailure {
  if (error instanceof FocusFileError)
    return {
      kind: error.kind,
      file: error.file,
      line: error.line,
      message: error.message,
      rowGroup: error.rowGroup,
    };
  return {
    kind: "internal",
    file: "",
    line: 0,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Back to the error the view words: a FocusFileError for a file's fault, else a plain Error. */
export function fromFailure(failure: ImportFailure): Error {
  if (failure.kind === "internal") return new Error(failure.message);
  return new FocusFileError(
    failure.kind,
    failure.file,
    failure.line,
    failure.message,
    failure.rowGroup
  );
}

/**
 * A picked file's name as the import reports it: its path within the chosen folder when it came from a
 * folder (two months' deliveries both hold a part_0_0001.csv), else its name.
 */
export function sourceName(file: File): string {
  return file.webkitRelativePath || file.name;
}
