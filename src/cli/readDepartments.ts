/* global __filename -- this compiled module is also the worker thread's script */
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import process from "node:process";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { readSubmission } from "../workbook/consolidate/readSubmission";
import { DepartmentSubmission, RefusedFile } from "../workbook/consolidate/submission";
import { BIN } from "./help";
import { readWorkbookInput } from "./workbookInput";

export type ReadResult = DepartmentSubmission | RefusedFile;

/** Files per thread below which another thread costs more to start than it saves. */
const FILES_PER_THREAD = 2;
const MAX_THREADS = 8;
const WORKER = "finopsReadDepartments";

/**
 * The department workbooks read, in the order given. Reading is the work of a consolidation (each
 * file is parsed, planned again at its recorded versions and health-checked), so the files are
 * shared among worker threads, one per core, each taking the next file as it finishes one. Every
 * result is plain data. Run from TypeScript sources (the tests), this module cannot be started as a
 * worker, and the files are read one after another in this thread: the same code, the same results.
 * FINOPS_CONSOLIDATE_THREADS sets the number of threads (1: none).
 */
export async function readDepartments(files: readonly string[]): Promise<ReadResult[]> {
  const wanted = Number(process.env.FINOPS_CONSOLIDATE_THREADS) || availableParallelism();
  const threads = Math.min(wanted, MAX_THREADS, Math.floor(files.length / FILES_PER_THREAD));
  if (threads <= 1 || !__filename.endsWith(".js")) {
    const results: ReadResult[] = [];
    // One after another: each file's bytes are dropped once its submission is read.
    for (const name of files) results.push(await readDepartment(name));
    return results;
  }
  return inThreads(files, threads);
}

/** One department's file, read and judged: its submission, or why it cannot be used. */
export async function readDepartment(name: string): Promise<ReadResult> {
  const file = basename(name);
  const input = await readWorkbookInput(name, BIN, "required");
  if (!input.ok) {
    // The reader's sentence starts with the name as given; the report puts the file name first.
    const reason = input.message.startsWith(`${name} `)
      ? `this file ${input.message.slice(name.length + 1)}`
      : input.message;
    return { file, reason };
  }
  return readSubmission(file, input.file.readBack);
}

function inThreads(files: readonly string[], threads: number): Promise<ReadResult[]> {
  return new Promise((resolve, reject) => {
    const results: ReadResult[] = new Array(files.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const give = (worker: Worker) => {
      if (next < files.length) worker.postMessage({ index: next, name: files[next++] });
      else void worker.terminate();
    };
    for (let t = 0; t < threads; t += 1) {
      const worker = new Worker(__filename, {
        workerData: { [WORKER]: true },
        // Reading allocates many short-lived objects: a larger young generation collects less
        // often (about 7% less CPU for 50 files, with the same peak memory; npm run bench).
        resourceLimits: { maxYoungGenerationSizeMb: 32 },
      });
      workers.push(worker);
      worker.on("message", ({ index, result, error }: WorkerReply) => {
        if (error !== undefined) return fail(new Error(error));
        results[index] = result as ReadResult;
        done += 1;
        if (done === files.length) {
          for (const w of workers) void w.terminate();
          resolve(results);
        } else give(worker);
      });
      worker.on("error", fail);
      give(worker);
    }
  });
}

interface WorkerReply {
  readonly index: number;
  readonly result?: ReadResult;
  /** An unexpected failure's message and stack: a bug, reported as one. */
  readonly error?: string;
}

// In a worker thread started above: read each file the main thread hands over.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER] && parentPort) {
  const port = parentPort;
  port.on("message", ({ index, name }: { index: number; name: string }) => {
    readDepartment(name).then(
      (result) => port.postMessage({ index, result } satisfies WorkerReply),
      (error: Error) => port.postMessage({ index, error: error.stack ?? String(error) })
    );
  });
}
