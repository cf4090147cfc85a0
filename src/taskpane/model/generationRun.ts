import type { GenerationResult } from "../../excel/generateWorkbooks";
import type { WithUndo } from "../../excel/undoStep";
import type { TemplateOptions } from "../../workbook/options";
import { messageOf } from "./messageOf";

export type RunState =
  | { readonly state: "running"; readonly steps: readonly string[]; readonly cancelling: boolean }
  | { readonly state: "done"; readonly result: WithUndo<GenerationResult> }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "cancelled"; readonly message: string };

export interface Run {
  readonly templateIds: readonly string[];
  readonly options: TemplateOptions;
  readonly status: RunState;
}

/** Does the work: reports each named step, stops at the signal, resolves with what was created. */
export type Execute = (
  templateIds: readonly string[],
  options: TemplateOptions,
  progress: { readonly onStep: (step: string) => void; readonly signal: AbortSignal }
) => Promise<WithUndo<GenerationResult>>;

/**
 * The pane's generation run, kept outside the views so that switching tabs while Excel works (or after)
 * neither restarts nor loses it: the Templates tab shows it again until the user moves on.
 */
export interface RunStore {
  current(): Run | null;
  /** Starts a run for this request, unless one is under way or this very request already ran. */
  ensure(templateIds: readonly string[], options: TemplateOptions, execute: Execute): void;
  retry(execute: Execute): void;
  cancel(): void;
  /** Forgets a finished run (the user moved on from its result). */
  dismiss(): void;
  subscribe(listener: () => void): () => void;
}

export function createRunStore(): RunStore {
  let run: Run | null = null;
  let controller: AbortController | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Run | null) => {
    run = next;
    for (const listener of [...listeners]) listener();
  };
  // A run is replaced only once it has settled (ensure and retry wait), so updates go to the current one.
  const update = (status: (now: RunState) => RunState) => {
    if (run) set({ ...run, status: status(run.status) });
  };
  const start = (templateIds: readonly string[], options: TemplateOptions, execute: Execute) => {
    const abort = new AbortController();
    controller = abort;
    set({ templateIds, options, status: { state: "running", steps: [], cancelling: false } });
    // A step reported again (the write tried once more without undo grouping) is not a new step.
    const onStep = (step: string) =>
      update((s) =>
        s.state === "running" && !s.steps.includes(step) ? { ...s, steps: [...s.steps, step] } : s
      );
    execute(templateIds, options, { onStep, signal: abort.signal }).then(
      (result) => update(() => ({ state: "done", result })),
      (error: unknown) =>
        update(() => ({
          state:
            error instanceof Error && error.name === "GenerationCancelled" ? "cancelled" : "failed",
          message: messageOf(error),
        }))
    );
  };
  return {
    current: () => run,
    ensure(templateIds, options, execute) {
      if (run?.status.state === "running") return;
      if (run?.templateIds === templateIds && run.options === options) return;
      start(templateIds, options, execute);
    },
    retry(execute) {
      if (run && run.status.state !== "running") start(run.templateIds, run.options, execute);
    },
    cancel() {
      if (run?.status.state !== "running") return;
      set({ ...run, status: { ...run.status, cancelling: true } });
      controller?.abort();
    },
    dismiss() {
      if (run && run.status.state !== "running") set(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
