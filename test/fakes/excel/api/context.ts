/**
 * RequestContext: queues operations and runs them at sync, like Office.js's batched requests.
 * Operations run in order against the model; the first failure stops the batch, leaving the
 * operations before it applied (as Excel does) and delivering no load results from that sync.
 */
import { excelError, FakeExcelError } from "../errors";
import { WorkbookModel } from "../model/workbook";
import { WorkbookFake } from "./workbook";

/** What a queued call looks like to tests (failWhen predicates) and to the payload estimate. */
export interface FakeOperation {
  /** e.g. "worksheets.add", "range.values", "tables.add", "table.name", "load". */
  readonly kind: string;
  /** The object path the call was made on, e.g. worksheets.getItem("Budget").getRange("A1:B2"). */
  readonly path: string;
  readonly args: readonly unknown[];
}

/** Runs against the model at sync; may return a commit step run only if the whole sync succeeds. */
export type ApplyOperation = (model: WorkbookModel) => void | (() => void);

export interface SyncHost {
  readonly model: WorkbookModel;
  /** Counts the sync and returns the injected error for it, if any. */
  beginSync(operations: readonly FakeOperation[], undoGroup?: UndoGroup): Error | undefined;
  /** An injected error for this operation, if a failWhen predicate matches. */
  failureFor(operation: FakeOperation): Error | undefined;
}

/** An Excel.run with mergeUndoGroup: its syncs make one undo step, if any of them changed something. */
export interface UndoGroup {
  changed: boolean;
}

export class FakeRequestContext {
  readonly workbook: WorkbookFake;
  /** Objects live for the whole Excel.run batch here, so tracking is a no-op. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  private queue: { operation: FakeOperation; apply: ApplyOperation }[] = [];
  private closed = false;

  constructor(
    private readonly host: SyncHost,
    readonly undoGroup?: UndoGroup
  ) {
    this.workbook = new WorkbookFake(this);
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  enqueue(operation: FakeOperation, apply: ApplyOperation): void {
    if (this.closed) {
      // In Office.js the call would silently never reach Excel; the fake makes that loud.
      throw excelError(
        "InvalidObjectPath",
        `${operation.kind} on ${operation.path} was queued after its Excel.run batch had finished.`
      );
    }
    this.queue.push({ operation, apply });
  }

  /** Ends the Excel.run batch: queued operations that were never synced are dropped. */
  close(): void {
    this.closed = true;
    this.queue = [];
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed) {
      return Promise.reject(
        excelError("InvalidObjectPath", "context.sync() was called after Excel.run finished.")
      );
    }
    // The batch is taken now, as Office.js does; calls queued after this belong to the next sync.
    const batch = this.queue;
    this.queue = [];
    const injected = this.host.beginSync(
      batch.map((item) => item.operation),
      this.undoGroup
    );
    return Promise.resolve().then(() => {
      if (injected) throw injected;
      const model = this.host.model;
      const commits: (() => void)[] = [];
      try {
        for (const { operation, apply } of batch) {
          try {
            const failure = this.host.failureFor(operation);
            if (failure) throw failure;
            const commit = apply(model);
            if (commit) commits.push(commit);
          } catch (error) {
            throw locate(error, operation);
          }
        }
      } finally {
        if (model.calculationSuspended) model.suspendedCalculationSyncs += 1;
        model.calculationSuspended = false;
        model.screenUpdatingSuspended = false;
      }
      for (const commit of commits) commit();
      return passThroughValue as T;
    });
  }
}

/** Fills debugInfo the way Office.js does: which call failed and on what object. */
function locate(error: unknown, operation: FakeOperation): unknown {
  if (error instanceof FakeExcelError) {
    error.debugInfo = {
      ...error.debugInfo,
      errorLocation: operation.kind,
      statement: operation.path,
    };
  }
  return error;
}
