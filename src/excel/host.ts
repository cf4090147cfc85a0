export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Excel.run, with the options form (mergeUndoGroup) undo grouping needs. */
export interface ExcelRun {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
}

/** The parts of the Office.js globals the adapter uses; the pane passes one down, tests pass the in-memory fake. */
export interface ExcelHost {
  readonly excel: ExcelRun;
  readonly requirements?: { isSetSupported(name: string, version?: string): boolean };
  readonly now?: () => Date;
  /**
   * Set on a host whose runs are merged into one undo group: the same host ungrouped, which a failed
   * command's rollback runs on (it deletes sheets and unprotects the store, which Excel cannot undo).
   */
  readonly ungrouped?: ExcelHost;
}

/** The host a rollback runs on: never inside an undo group. */
export const rollbackHost = (host: ExcelHost): ExcelHost => host.ungrouped ?? host;

/** The host's clock (tests fix it), else the system's. */
export function nowOf(host: ExcelHost): Date {
  return host.now ? host.now() : new Date();
}

export function officeHost(): ExcelHost {
  return { excel: Excel, requirements: Office.context?.requirements };
}

/** The running Excel, or null when the pane is opened outside Excel (a plain browser). */
export function availableHost(): ExcelHost | null {
  if (typeof Excel === "undefined" || typeof Office === "undefined") return null;
  if (!Office.context?.requirements) return null;
  return officeHost();
}
