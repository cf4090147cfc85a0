/*
 * Memory sampled around a bench run, shared by the FOCUS benches (CSV and Parquet, in Node). Loading it
 * exposes V8's garbage collector, so each run starts from a full collection.
 */
import * as v8 from "v8";
import * as vm from "vm";

// A full collection before each run, so a run's heap figure is its own and not the last run's garbage.
v8.setFlagsFromString("--expose-gc");
export const collect = vm.runInNewContext("gc") as () => void;

export interface Measured {
  readonly seconds: number;
  readonly peakRssMB: number;
  readonly peakHeapMB: number;
}

/**
 * Runs `run` while sampling memory every 20 ms. The heap figure is the growth of V8's used heap over
 * what the process held before the run (after a full collection): what the import itself keeps, which
 * must not grow with the file. RSS also counts buffers and memory V8 has not returned yet, so it is
 * reported but not judged.
 */
export async function measured(run: () => Promise<unknown>): Promise<Measured> {
  collect();
  const baseHeap = process.memoryUsage().heapUsed;
  let peakRss = process.memoryUsage().rss;
  let peakHeap = baseHeap;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  sample();
  return {
    seconds,
    peakRssMB: Math.round(peakRss / 1e6),
    peakHeapMB: Math.round((peakHeap - baseHeap) / 1e6),
  };
}
