/*
 * The Parquet import in the browser, for `npm run bench` (issue 18): headless Chromium over the e2e
 * build (dist-e2e/, built by scripts/bench.ts or the e2e global setup). The Node bench's Parquet file
 * (benchFocusParquet.ts: 1,000,000 realistic FOCUS 1.0 rows, snappy, kept in FINOPS_BENCH_FOCUS_DIR when
 * set) is fetched into the page as a File, and the pane's own worker module (focusWorker.ts) is sent it
 * with the "start" message workerPort.ts posts, timed from the message to the result (by month), in a
 * new worker started and answering once before the clock starts. The worker's JS heap is sampled
 * through CDP (WorkerHeap, benchFocusBrowser.ts). The anchor is DuckDB on one thread in Node summing
 * the same columns by month. Best of three. Alone:
 * `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchFocusParquetBrowser.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { launch } from "../test/e2e/browser";
import { serveStatic } from "../test/e2e/server";
import { WorkerHeap } from "./benchFocusBrowser";
import {
  PARQUET_BUDGET_SECONDS,
  benchParquetFile,
  duckdbAnchorSeconds,
  withBenchDir,
} from "./benchFocusParquet";

const ROOT = path.resolve(__dirname, "../dist-e2e");
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Once {
  readonly ms: number;
  readonly rows: number;
  readonly peakHeapMB: number;
}

/** One import of window.__benchParquet in a new pane worker, started and answering once first. */
async function once(page: Page, heapOf: () => Promise<WorkerHeap>): Promise<Once> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const worker = (w.__finopsBench as { focusWorker(): Worker }).focusWorker();
    w.__benchWorker = worker;
    return new Promise<void>((resolve) => {
      worker.onmessage = () => resolve();
      worker.postMessage({
        type: "start",
        files: [],
        names: [],
        settings: { grouping: { by: "month" }, issueLimit: 100 },
      });
    });
  });
  const heap = await heapOf();
  try {
    await heap.afterGcMB();
    const sampler = heap.sample();
    const result = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const worker = w.__benchWorker as Worker;
      const begin = performance.now();
      return new Promise<{ ms: number; rows: number; error?: string }>((resolve) => {
        worker.onmessage = (event: MessageEvent) => {
          const m = event.data as {
            type: string;
            result?: { rowsRead: number };
            failure?: { message: string };
          };
          if (m.type === "progress") return;
          const ms = performance.now() - begin;
          resolve({ ms, rows: m.result?.rowsRead ?? 0, error: m.failure?.message });
        };
        worker.postMessage({
          type: "start",
          files: [w.__benchParquet],
          names: ["bench.parquet"],
          settings: { grouping: { by: "month" }, issueLimit: 100 },
        });
      });
    });
    const peakHeapMB = await sampler.stop();
    if (result.error) throw new Error(`the Parquet import failed: ${result.error}`);
    return { ms: result.ms, rows: result.rows, peakHeapMB };
  } finally {
    await heap.detach();
    await page.evaluate(() =>
      (window as unknown as { __benchWorker: Worker }).__benchWorker.terminate()
    );
  }
}

/** The browser run, over the Parquet file in `dir` (made there unless it is already). */
export async function benchFocusParquetBrowser(dir: string, rounds = 3) {
  const rows = Number(process.env.FINOPS_BENCH_FOCUS_ROWS ?? 1_000_000);
  const file = await benchParquetFile(dir, rows);
  const bytes = fs.statSync(file).size;
  const anchorSeconds = await duckdbAnchorSeconds(file, rounds);
  const { server, url } = await serveStatic(ROOT);
  const session = await launch();
  try {
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/bench.parquet", (route) => route.fulfill({ path: file }));
    await page.goto(`${url}e2e.html`);
    await page.getByRole("heading", { name: "FinOps Practice Workbooks", exact: true }).waitFor();
    await page.evaluate(async () => {
      const blob = await (await fetch("bench.parquet")).blob();
      (window as unknown as Record<string, unknown>).__benchParquet = new File(
        [blob],
        "bench.parquet"
      );
    });
    const browser = session.context.browser();
    if (!browser)
      throw new Error("No browser behind the context: CDP to the worker is not reachable");
    const cdp = await browser.newBrowserCDPSession();
    const seen = new Set<string>();
    let best: Once | null = null;
    let peak = 0;
    for (let i = 0; i < rounds; i++) {
      const r = await once(page, () => WorkerHeap.attach(cdp, seen));
      if (r.rows !== rows) throw new Error(`${r.rows} rows read, ${rows} expected`);
      if (!best || r.ms < best.ms) best = r;
      peak = Math.max(peak, r.peakHeapMB);
    }
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const seconds = round((best as Once).ms / 1000, 2);
    const ratioToDuckdb = round(seconds / anchorSeconds, 2);
    return {
      rows,
      bytes,
      runs: [
        {
          run: "import Parquet, by month (browser worker)",
          rows,
          megabytes: round(bytes / 1e6),
          seconds,
          rowsPerSecond: Math.round(rows / seconds),
          peakWorkerHeapMB: round(peak),
          duckdbSeconds: round(anchorSeconds, 3),
          ratioToDuckdb,
          load1m: round(os.loadavg()[0], 2),
        },
      ],
      budgets: [
        {
          budget: `FOCUS Parquet import of ${rows.toLocaleString("en-US")} rows < ${PARQUET_BUDGET_SECONDS} s (browser worker, by month)`,
          value: seconds,
          ok: seconds < PARQUET_BUDGET_SECONDS,
        },
      ],
    };
  } finally {
    await session.close();
    server.close();
  }
}

if (require.main === module) {
  withBenchDir((dir) => benchFocusParquetBrowser(dir)).then(
    (result) => {
      console.table(result.runs);
      console.table(result.budgets);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
