/*
 * The pane's reading of department workbooks for `npm run bench` (issue 17), in headless Chromium over
 * the e2e build (dist-e2e/, built by scripts/bench.ts or the e2e global setup) served from 127.0.0.1.
 *
 * The files: 50 department workbooks, each the practice set with a year of data, made exactly as the
 * CLI's consolidation bench makes them (departmentWorkbook in scripts/benchConsolidate.ts), written to
 * disk and picked through the view's file chooser as a user does.
 * Runs, best of three:
 *   - through the pane: "Consolidate department workbooks", the 50 files chosen, timed from the click
 *     on "Read files" to the preview's "Departments read" (worker start, unzipping and reading every
 *     workbook, and the pane's progress updates included);
 *   - the worker alone: the pane's own worker module (src/xlsx/worker/departmentFilesWorker.ts), started
 *     and answering once before the clock starts, sent the same 50 Files (disk-backed, as picked), timed
 *     from the message to the results.
 * Memory: the worker's JS heap through a CDP session to the worker target (WorkerHeap from
 * benchFocusBrowser.ts: the peak sampled every 50 ms, and what it still holds after a forced GC).
 * Alone: `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchConsolidateBrowser.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CDPSession, Page } from "playwright-core";
import { launch } from "../test/e2e/browser";
import { serveStatic } from "../test/e2e/server";
import { departmentWorkbook } from "./benchConsolidate";
import { WorkerHeap } from "./benchFocusBrowser";

const ROOT = path.resolve(__dirname, "../dist-e2e");
const DEPARTMENTS = 50;
const ROUNDS = 3;

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The pane: Consolidate, the files chosen from disk; returns ms from "Read files" to the preview. */
async function throughPane(page: Page, files: readonly string[]): Promise<number> {
  await page.getByRole("button", { name: "Consolidate department workbooks" }).click();
  const choose = page.getByRole("button", { name: /^Choose files\.\.\.$/ });
  await choose.waitFor();
  // Kept for the worker runs: the Files as picked, backed by the files on disk.
  await page.evaluate(() =>
    document.addEventListener(
      "change",
      (event) => {
        const w = window as unknown as { __benchFiles: File[] };
        w.__benchFiles = [...(event.target as HTMLInputElement).files!];
      },
      { capture: true, once: true }
    )
  );
  const chooser = page.waitForEvent("filechooser");
  await choose.click();
  await (await chooser).setFiles([...files]);
  await page.getByRole("list", { name: "Files to consolidate" }).waitFor();
  const begin = await page.evaluate(() => performance.now());
  await page.getByRole("button", { name: "Read files" }).click();
  await page.getByRole("heading", { name: "Departments read" }).waitFor({ timeout: 300_000 });
  const ms = (await page.evaluate(() => performance.now())) - begin;
  const read = await page
    .getByRole("list", { name: "Departments read" })
    .getByRole("listitem")
    .count();
  if (read !== files.length)
    throw new Error(`the pane read ${read} departments of ${files.length} files`);
  await page.getByRole("button", { name: "Choose other files" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  return ms;
}

interface WorkerRun {
  readonly startMs: number;
  readonly ms: number;
  readonly departments: number;
  readonly peakHeapMB: number;
  readonly heapAfterGcMB: number;
}

/** One read of the picked Files in a new worker, started and answering once before the clock starts. */
async function inWorker(page: Page, cdp: CDPSession, seen: Set<string>): Promise<WorkerRun> {
  const startMs = (await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const worker = (w.__finopsBench as { departmentFilesWorker(): Worker }).departmentFilesWorker();
    w.__benchWorker = worker;
    const begin = performance.now();
    return new Promise<number>((resolve) => {
      worker.onmessage = (event: MessageEvent<{ type: string }>) =>
        event.data.type === "done" && resolve(performance.now() - begin);
      worker.postMessage([]);
    });
  })) as number;
  const heap = await WorkerHeap.attach(cdp, seen);
  try {
    await heap.afterGcMB();
    const sampler = heap.sample();
    const result = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const worker = w.__benchWorker as Worker;
      const begin = performance.now();
      return new Promise<{ ms: number; departments: number; error?: string }>((resolve) => {
        worker.onmessage = (event: MessageEvent) => {
          const m = event.data as {
            type: string;
            results?: { reason?: string }[];
            message?: string;
          };
          if (m.type === "progress") return;
          const ms = performance.now() - begin;
          if (m.type !== "done") return resolve({ ms, departments: 0, error: m.message });
          const refused = m.results!.filter((r) => r.reason !== undefined);
          resolve({
            ms,
            departments: m.results!.length - refused.length,
            ...(refused.length ? { error: refused.map((r) => r.reason).join("; ") } : {}),
          });
        };
        worker.postMessage(w.__benchFiles);
      });
    });
    const peakHeapMB = await sampler.stop();
    const heapAfterGcMB = await heap.afterGcMB();
    if (result.error) throw new Error(`the worker refused files: ${result.error}`);
    return { startMs, ms: result.ms, departments: result.departments, peakHeapMB, heapAfterGcMB };
  } finally {
    await heap.detach();
    await page.evaluate(() =>
      (window as unknown as { __benchWorker: Worker }).__benchWorker.terminate()
    );
  }
}

export async function benchConsolidateBrowser(rounds = ROUNDS) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-consolidate-browser-"));
  const { server, url } = await serveStatic(ROOT);
  const session = await launch();
  try {
    const files: string[] = [];
    let bytes = 0;
    for (let i = 1; i <= DEPARTMENTS; i += 1) {
      const workbook = await departmentWorkbook(`Department ${String(i).padStart(2, "0")}`);
      const file = path.join(dir, `department-${i}.xlsx`);
      fs.writeFileSync(file, workbook);
      files.push(file);
      bytes += workbook.length;
    }
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${url}e2e.html`);
    await page.getByRole("heading", { name: "FinOps Practice Workbooks", exact: true }).waitFor();
    const browser = session.context.browser();
    if (!browser)
      throw new Error("No browser behind the context: CDP to the worker is not reachable");
    const cdp = await browser.newBrowserCDPSession();
    const seen = new Set<string>();
    const paneMs: number[] = [];
    for (let i = 0; i < rounds; i++) paneMs.push(await throughPane(page, files));
    const runs: WorkerRun[] = [];
    for (let i = 0; i < rounds; i++) runs.push(await inWorker(page, cdp, seen));
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    const best = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    return {
      departments: DEPARTMENTS,
      inputMB: round(bytes / 1e6),
      throughPaneSeconds: round(Math.min(...paneMs) / 1000, 2),
      workerSeconds: round(best.ms / 1000, 2),
      msPerWorkbook: Math.round(best.ms / DEPARTMENTS),
      workerStartMs: Math.round(Math.min(...runs.map((r) => r.startMs))),
      peakWorkerHeapMB: round(Math.max(...runs.map((r) => r.peakHeapMB))),
      workerHeapAfterGcMB: round(Math.max(...runs.map((r) => r.heapAfterGcMB))),
      load1m: round(os.loadavg()[0], 2),
    };
  } finally {
    await session.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchConsolidateBrowser().then(
    (result) => console.table([result]),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
}
