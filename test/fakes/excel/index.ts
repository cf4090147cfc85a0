/**
 * In-memory, stateful fake of the Office.js Excel API subset the add-in uses.
 *
 *   const fake = createExcelFake();
 *   await fake.Excel.run(async (context) => { ... await context.sync(); });
 *   expect(fake.state.sheetNames()).toEqual([...]);
 *
 * Semantics follow Office.js: calls queue until context.sync(); properties are readable after
 * load() + sync(); a sync runs its operations in order and stops at the first failure, keeping
 * what ran before it. Excel.run syncs queued work at the end of the batch and drops it if the
 * batch throws. See README.md next to this file for the rules the fake enforces.
 */
import { FakeExcelError } from "./errors";
import { enums } from "./enums";
import { FakeOperation, FakeRequestContext, SyncHost, UndoGroup } from "./api/context";
import { ModelOptions, WorkbookModel } from "./model/workbook";
import { WorkbookState } from "./state";

export { FakeExcelError } from "./errors";
export type { FakeOperation } from "./api/context";
export { FakeRequestContext } from "./api/context";
export { createOfficeFake } from "./office";
export type { OfficeFake, OfficeFakeOptions } from "./office";
export type * from "./state";
export type { CellValue } from "./model/types";

export interface ExcelFakeOptions {
  /** Sheets of the new workbook (default ["Sheet1"]). */
  sheets?: string[];
  /** Workbook names pointing at a deleted sheet: kept as #REF! like Excel ("refError"), or removed. */
  deletedSheetNames?: ModelOptions["deletedSheetNames"];
  /** Keep each sync's operations in fake.syncOperations (default true; off for long benches). */
  recordOperations?: boolean;
}

export interface InjectedFailure {
  /** Thrown instead; a string becomes a GeneralException with that message. */
  error?: Error | string;
  /** How many matching operations fail (default 1: the next retry or cleanup goes through). */
  times?: number;
}

export type Batch<T> = (context: FakeRequestContext) => Promise<T> | T;

export type FakeExcelNamespace = typeof enums & {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(objects: unknown, batch: Batch<T>): Promise<T>;
  RequestContext: new () => FakeRequestContext;
};

/** UTF-8 size without TextEncoder, which jsdom test environments lack. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Calls Excel cannot undo (Microsoft's "Excel add-ins undo capabilities"): inside a mergeUndoGroup run
 * they fail with UndoNotSupported. Renaming, moving and hiding a sheet can be undone on the web only;
 * the fake follows Windows and Mac.
 */
const NOT_UNDOABLE = new Set([
  "protection.protect",
  "protection.unprotect",
  "worksheet.delete",
  "worksheet.name",
  "worksheet.position",
  "worksheet.visibility",
]);

const toError = (error: Error | string | undefined, fallback: string): Error =>
  error instanceof Error ? error : new FakeExcelError("GeneralException", error ?? fallback);

export class ExcelFake implements SyncHost {
  readonly model: WorkbookModel;
  readonly state: WorkbookState;
  /** Install as the global `Excel` (see install()) or pass where the adapter expects it. */
  readonly Excel: FakeExcelNamespace;
  /** OfficeExtension.Error is what add-ins test with instanceof. */
  readonly OfficeExtension = { Error: FakeExcelError, ErrorCodes: enums.ErrorCodes };
  /** context.sync() calls so far, including Excel.run's final sync when work was pending. */
  syncCount = 0;
  /**
   * Entries the user's undo list would get, as Excel makes them: one per sync that changes something,
   * or one per Excel.run with mergeUndoGroup (ExcelApi 1.20) however many syncs it makes.
   */
  undoSteps = 0;
  /** Per sync: UTF-8 bytes of the JSON of its queued operations (an estimate of the request). */
  readonly syncPayloads: number[] = [];
  /** Per sync: the queued operations (when recordOperations is on). */
  readonly syncOperations: FakeOperation[][] = [];
  private largest = 0;
  private readonly syncFailures = new Map<number, Error>();
  private readonly operationFailures: {
    predicate: (operation: FakeOperation) => boolean;
    error: Error;
    remaining: number;
  }[] = [];
  private readonly recordOperations: boolean;

  constructor(options: ExcelFakeOptions = {}) {
    this.model = new WorkbookModel({
      sheets: options.sheets ?? ["Sheet1"],
      deletedSheetNames: options.deletedSheetNames ?? "refError",
    });
    this.state = new WorkbookState(this.model);
    this.recordOperations = options.recordOperations ?? true;
    // Excel.run(batch), Excel.run(options, batch); options.mergeUndoGroup makes the run one undo step.
    const run = <T>(...args: unknown[]): Promise<T> =>
      this.run(
        args[args.length - 1] as Batch<T>,
        args.length > 1 ? (args[0] as { mergeUndoGroup?: boolean }) : undefined
      );
    const host = this;
    this.Excel = {
      ...enums,
      run: run as FakeExcelNamespace["run"],
      RequestContext: class extends FakeRequestContext {
        constructor() {
          super(host);
        }
      },
    };
  }

  get largestPayload(): number {
    return this.largest;
  }

  /** The same object typed as Office.js's Excel namespace, for code written against the typings. */
  asOfficeExcel(): typeof Excel {
    return this.Excel as unknown as typeof Excel;
  }

  /** Like Excel.run: a fresh context; pending work is synced at the end; an exception rejects. */
  async run<T>(batch: Batch<T>, options?: { mergeUndoGroup?: boolean }): Promise<T> {
    if (typeof batch !== "function")
      throw new FakeExcelError("InvalidArgument", "Excel.run needs a batch function.");
    const group = options?.mergeUndoGroup ? { changed: false } : undefined;
    const context = new FakeRequestContext(this, group);
    try {
      const result = await batch(context);
      if (context.pendingOperations > 0) await context.sync();
      return result;
    } finally {
      context.close();
      if (group?.changed) this.undoSteps += 1;
    }
  }

  /** The n-th sync (1-based, counted from creation or resetCounters) throws and applies nothing. */
  failOnSync(n: number, error?: Error | string): void {
    this.syncFailures.set(n, toError(error, `Injected failure of sync ${n} (failOnSync).`));
  }

  /**
   * The first queued operation matching `predicate` (e.g. op => op.kind === "tables.add") throws
   * when its sync reaches it; operations before it in that sync stay applied, as in Excel.
   */
  failWhen(predicate: (operation: FakeOperation) => boolean, options: InjectedFailure = {}): void {
    this.operationFailures.push({
      predicate,
      error: toError(options.error, "Injected failure (failWhen)."),
      remaining: options.times ?? 1,
    });
  }

  clearFailures(): void {
    this.syncFailures.clear();
    this.operationFailures.length = 0;
  }

  resetCounters(): void {
    this.syncCount = 0;
    this.undoSteps = 0;
    this.syncPayloads.length = 0;
    this.syncOperations.length = 0;
    this.largest = 0;
  }

  /** Sets globalThis.Excel and OfficeExtension (e.g. window in browser tests); returns an undo. */
  install(target: object = globalThis): () => void {
    const slots = target as Record<string, unknown>;
    const previous = { Excel: slots.Excel, OfficeExtension: slots.OfficeExtension };
    slots.Excel = this.Excel;
    slots.OfficeExtension = this.OfficeExtension;
    return () => {
      slots.Excel = previous.Excel;
      slots.OfficeExtension = previous.OfficeExtension;
    };
  }

  /** @internal SyncHost */
  beginSync(operations: readonly FakeOperation[], undoGroup?: UndoGroup): Error | undefined {
    this.syncCount += 1;
    const notUndoable = undoGroup && operations.find((op) => NOT_UNDOABLE.has(op.kind));
    if (notUndoable)
      return new FakeExcelError(
        "UndoNotSupported",
        `${notUndoable.kind} cannot be undone, so it cannot be part of an undo group.`
      );
    if (operations.some((op) => op.kind !== "load" && op.kind !== "instantiate")) {
      if (undoGroup) undoGroup.changed = true;
      else this.undoSteps += 1;
    }
    let json: string;
    try {
      json = JSON.stringify(operations);
    } catch {
      json = "";
    }
    const bytes = utf8Length(json);
    this.syncPayloads.push(bytes);
    this.largest = Math.max(this.largest, bytes);
    if (this.recordOperations) this.syncOperations.push([...operations]);
    return this.syncFailures.get(this.syncCount);
  }

  /** @internal SyncHost */
  failureFor(operation: FakeOperation): Error | undefined {
    const failure = this.operationFailures.find((f) => f.remaining > 0 && f.predicate(operation));
    if (!failure) return undefined;
    failure.remaining -= 1;
    return failure.error;
  }
}

export function createExcelFake(options?: ExcelFakeOptions): ExcelFake {
  return new ExcelFake(options);
}
