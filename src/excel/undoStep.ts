import type { Batch, ExcelHost, ExcelRun } from "./host";
import { explain, GenerationError } from "./hostErrors";

/** Excel groups an add-in's syncs into one undo step from this requirement set (RunOptions.mergeUndoGroup). */
export const UNDO_GROUP_API = "1.20";

/**
 * How the user takes back a command that changed the workbook: "excel", one Ctrl+Z (the command's
 * writes are one undo step); "pane", the pane's own "Undo last change", which replays the rollback the
 * command keeps for its failures. Absent when the command changed nothing.
 */
export type UndoOffer =
  | { readonly by: "excel" }
  | {
      readonly by: "pane";
      readonly undo: () => Promise<void>;
      /** "ready" until used ("undone") or until a later command changed the workbook ("superseded"). */
      readonly state: () => "ready" | "undone" | "superseded";
    };

/** Commands of this pane session that changed the workbook: only the latest one's rollback still fits. */
let changes = 0;

/**
 * What a command's batch returns: its result and, when it wrote, how to put back what it wrote; null
 * when it wrote something only Excel's own undo can bring back (a sheet it deleted).
 */
export type Reverting<T> = T & { readonly revert?: (() => Promise<void>) | null };

export type WithUndo<T> = T & { readonly undo?: UndoOffer };

const codeOf = (error: unknown) => (error instanceof GenerationError ? error.code : undefined);

/** The host with every Excel.run merged into one undo group. */
function grouped(host: ExcelHost): ExcelHost {
  const run = <T>(...args: [Batch<T>] | [Excel.RunOptions, Batch<T>]) =>
    args.length === 1
      ? host.excel.run({ mergeUndoGroup: true }, args[0])
      : host.excel.run({ ...args[0], mergeUndoGroup: true }, args[1]);
  return { ...host, excel: { run: run as ExcelRun["run"] }, ungrouped: host };
}

/**
 * Runs a command so that one Ctrl+Z takes it back where Excel can group undo (ExcelApi 1.20); else,
 * or when Excel answers UndoNotSupported (an API in the batch cannot be undone, and the command
 * rolled itself back), runs it again ungrouped and offers the pane's own undo instead.
 */
export async function asOneUndoStep<T extends object>(
  host: ExcelHost,
  command: (host: ExcelHost) => Promise<Reverting<T>>
): Promise<WithUndo<T>> {
  if (host.requirements?.isSetSupported("ExcelApi", UNDO_GROUP_API)) {
    try {
      const { revert, ...result } = await command(grouped(host));
      if (revert !== undefined) changes += 1;
      // Whatever it wrote is one entry in Excel's undo list; a command that wrote nothing gets no offer.
      return withOffer(result as T, revert === undefined ? undefined : { by: "excel" });
    } catch (error) {
      const retry = codeOf(error) === "UndoNotSupported" && !(error as GenerationError).leftPartly;
      if (!retry) throw error;
    }
  }
  const { revert, ...result } = await command(host);
  if (revert !== undefined) changes += 1;
  return withOffer(result as T, revert ? paneUndo(revert) : undefined);
}

/**
 * The pane's undo of the latest change: once, and only while no later command has changed the
 * workbook (its rollback knows the workbook as this command left it). It fails in the same plain
 * words as the commands.
 */
function paneUndo(revert: () => Promise<void>): UndoOffer {
  const mine = changes;
  let undone = false;
  const state = () => (undone ? "undone" : mine === changes ? "ready" : "superseded");
  return {
    by: "pane",
    state,
    undo: async () => {
      if (state() !== "ready")
        throw new GenerationError(
          "A later change was made since: only the latest change can be undone here."
        );
      try {
        await revert();
      } catch (error) {
        throw explain(error, "Undoing the last change");
      }
      undone = true;
      changes += 1;
    },
  };
}

const withOffer = <T extends object>(result: T, undo: UndoOffer | undefined): WithUndo<T> =>
  undo ? { ...result, undo } : result;
