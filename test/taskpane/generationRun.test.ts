import type { GenerationResult } from "../../src/excel/generateWorkbooks";
import { createRunStore, Execute } from "../../src/taskpane/model/generationRun";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";

const RESULT = {
  sheets: [],
  renamed: [],
  addedForLinks: [],
  linkedTo: [],
} as unknown as GenerationResult;

/** An execute whose runs finish when the test says so. */
function controlled() {
  const calls: {
    finish: () => void;
    fail: (e: Error) => void;
    step: (s: string) => void;
    signal: AbortSignal;
  }[] = [];
  const execute: Execute = (_ids, _options, { onStep, signal }) =>
    new Promise((resolve, reject) =>
      calls.push({ finish: () => resolve(RESULT), fail: reject, step: onStep, signal })
    );
  return { execute, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("the pane's generation run", () => {
  it("a step reported again (the write retried without undo grouping) is not counted twice", () => {
    const runs = createRunStore();
    const { execute, calls } = controlled();
    runs.ensure(["team-budget"], DEFAULT_OPTIONS, execute);
    for (const step of ["Reading the workbook", "Writing 1 sheet", "Reading the workbook"])
      calls[0].step(step);
    expect(runs.current()?.status).toMatchObject({
      steps: ["Reading the workbook", "Writing 1 sheet"],
    });
  });

  it("runs a request once, however often the view asks, and records its steps and result", async () => {
    const runs = createRunStore();
    const { execute, calls } = controlled();
    const ids = ["team-budget"];
    runs.ensure(ids, DEFAULT_OPTIONS, execute);
    runs.ensure(ids, DEFAULT_OPTIONS, execute); // the view mounted again (tab switch)
    expect(calls).toHaveLength(1);
    calls[0].step("Checking Excel");
    expect(runs.current()?.status).toEqual({
      state: "running",
      steps: ["Checking Excel"],
      cancelling: false,
    });
    // A different request while one is under way waits for the user: the first is kept.
    runs.ensure(["kpi-tracker"], DEFAULT_OPTIONS, execute);
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await flush();
    expect(runs.current()?.status).toEqual({ state: "done", result: RESULT });
    runs.ensure(ids, DEFAULT_OPTIONS, execute);
    expect(calls).toHaveLength(1); // finished, not repeated
    runs.dismiss();
    expect(runs.current()).toBeNull();
  });

  it("cancels through the signal, reports the cancellation, and can try again", async () => {
    const runs = createRunStore();
    const { execute, calls } = controlled();
    const seen: string[] = [];
    runs.subscribe(() => seen.push(runs.current()?.status.state ?? "none"));
    runs.ensure(["team-budget"], DEFAULT_OPTIONS, execute);
    runs.cancel();
    expect(calls[0].signal.aborted).toBe(true);
    expect(runs.current()?.status).toMatchObject({ state: "running", cancelling: true });
    runs.dismiss(); // a run under way is not dropped
    expect(runs.current()).not.toBeNull();
    calls[0].fail(
      Object.assign(new Error("Cancelled before anything was written."), {
        name: "GenerationCancelled",
      })
    );
    await flush();
    expect(runs.current()?.status).toEqual({
      state: "cancelled",
      message: "Cancelled before anything was written.",
    });
    runs.retry(execute);
    expect(calls).toHaveLength(2);
    calls[1].fail(new Error("protected"));
    await flush();
    expect(runs.current()?.status).toEqual({ state: "failed", message: "protected" });
    expect(seen).toEqual(["running", "running", "cancelled", "running", "failed"]);
  });
});
