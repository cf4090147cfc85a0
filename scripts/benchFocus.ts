/*
 * The FOCUS import part of `npm run bench` (issue 7): generates a FOCUS 1.0 file of
 * FINOPS_BENCH_FOCUS_ROWS rows (default 1,000,000, all 43 columns, about 748 MB) and a quarter-size one
 * in a temporary folder (deleted after; FINOPS_BENCH_FOCUS_DIR keeps them there for the next run), then
 * measures in Node: papaparse alone (array mode, 1 MB chunks, rows discarded) as the base, our
 * tokenizer alone (focusCsv.ts, the fields a by-month import reads) as the second base, and the full
 * import (decoding, checks, aggregation) by month and by tag. MB/s, rows/s, ratios to both bases, peak
 * RSS and peak heap growth sampled during each run, and the 1-minute load average (the machine is
 * shared); the quarter-size run shows whether memory grows with rows. Best of three rounds. Run alone with
 * `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchFocus.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { FocusCsvTokenizer } from "../src/domain/focus/focusCsv";
import { FocusGrouping } from "../src/domain/focus/focusTypes";
import { importFocusFiles } from "../src/node/importFocusFiles";
import { collect, measured } from "./benchMemory";
import { benchRow, FOCUS_1_0_COLUMNS } from "./focusBenchRows";
import { FOCUS_COLUMNS_READ } from "../src/domain/focus/focusColumns";

async function writeFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text, (error) => (error ? reject(error) : resolve()))
    );
  await write(`${FOCUS_1_0_COLUMNS.join(",")}\n`);
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(benchRow(i));
    if (batch.length === 5000 || i === rows - 1) {
      await write(`${batch.join("\n")}\n`);
      batch.length = 0;
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return fs.statSync(file).size;
}

function papaparseAlone(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse(fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
      delimiter: ",",
      newline: "\n",
      chunk: () => undefined,
      complete: () => resolve(),
      error: reject,
    });
  });
}

/**
 * Our own tokenizer alone (src/domain/focus/focusCsv.ts), as the import runs it: the same 4 MB reads,
 * TextDecoder and the fields a by-month import reads, discarded. The second base (docs/FOCUS.md).
 */
async function tokenizerAlone(file: string): Promise<void> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let tokenizer: FocusCsvTokenizer | null = null;
  let partial = "";
  let fields: string[] = [];
  let wanted: Uint8Array | null = null;
  const feed = (text: string, last: boolean) => {
    const input = partial + text;
    tokenizer ??= new FocusCsvTokenizer("\n");
    tokenizer.text(input, last);
    let at = 0;
    for (;;) {
      const next = tokenizer.record(at, fields, wanted);
      if (next < 0) break;
      if (wanted === null) {
        const header = fields.slice(0, tokenizer.count);
        const read = FOCUS_COLUMNS_READ.map((column) => header.indexOf(column));
        wanted = new Uint8Array(header.length);
        for (const index of read) if (index >= 0) wanted[index] = 1;
        fields = new Array<string>(header.length).fill("");
      }
      at = next;
      if (at === input.length) break;
    }
    partial = input.substring(at);
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 22 })) {
    feed(decoder.decode(chunk as Buffer, { stream: true }), false);
  }
  feed(decoder.decode(), true);
}

/**
 * What the import keeps alive while it reads: a full collection at each progress report (about every
 * quarter second), then the used heap over what the process held before. Garbage is not counted, so
 * this is the figure that must not grow with the file. Collections cost time, so this is its own,
 * untimed run.
 */
async function retainedHeapMB(file: string, grouping: FocusGrouping): Promise<number> {
  collect();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const sample = () => {
    collect();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  await importFocusFiles([file], { grouping, onProgress: sample });
  sample();
  return round(peak / 1e6);
}

async function bestOf(rounds: number, run: () => Promise<unknown>) {
  let best = { seconds: Infinity, peakRssMB: 0, peakHeapMB: 0 };
  for (let i = 0; i < rounds; i++) {
    const r = await measured(run);
    best = {
      seconds: Math.min(best.seconds, r.seconds),
      peakRssMB: Math.max(best.peakRssMB, r.peakRssMB),
      peakHeapMB: Math.max(best.peakHeapMB, r.peakHeapMB),
    };
  }
  return best;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface FocusBenchRun {
  readonly rows: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly mbPerSecond: number;
  readonly rowsPerSecond: number;
  readonly peakRssMB: number;
  /** Growth of the V8 heap during the run (see measured). */
  readonly peakHeapMB: number;
}

/** The file of `rows` generated rows in `dir`, written unless a kept folder already holds it. */
export async function benchFile(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `focus-1.0-${rows}.csv`);
  if (!fs.existsSync(file)) {
    await writeFile(`${file}.part`, rows);
    fs.renameSync(`${file}.part`, file);
  }
  return file;
}

/** The load average over the last minute when each figure was taken: the machine is shared. */
const load = () => round(os.loadavg()[0], 2);

export async function benchFocus(rounds = 3) {
  const rows = Number(process.env.FINOPS_BENCH_FOCUS_ROWS ?? 1_000_000);
  // FINOPS_BENCH_FOCUS_DIR keeps the generated files there between runs (for profiling); else a temporary folder.
  const keep = process.env.FINOPS_BENCH_FOCUS_DIR;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "finops-focus-bench-"));
  try {
    const full = await benchFile(dir, rows);
    const quarter = await benchFile(dir, Math.round(rows / 4));
    const sizes = { full: fs.statSync(full).size, quarter: fs.statSync(quarter).size };
    const run = (
      label: string,
      file: string,
      rowCount: number,
      r: { seconds: number; peakRssMB: number; peakHeapMB: number }
    ): FocusBenchRun & { run: string; load1m: number } => ({
      run: label,
      rows: rowCount,
      megabytes: round(fs.statSync(file).size / 1e6),
      seconds: round(r.seconds, 2),
      mbPerSecond: round(fs.statSync(file).size / 1e6 / r.seconds),
      rowsPerSecond: Math.round(rowCount / r.seconds),
      peakRssMB: r.peakRssMB,
      peakHeapMB: r.peakHeapMB,
      load1m: load(),
    });
    const month: FocusGrouping = { by: "month" };
    const tag: FocusGrouping = { by: "tag", key: "team" };
    const quarterRows = Math.round(rows / 4);
    const importQuarter = run(
      "import, by month (quarter size)",
      quarter,
      quarterRows,
      await bestOf(rounds, () => importFocusFiles([quarter], { grouping: month }))
    );
    const base = run(
      "papaparse alone",
      full,
      rows,
      await bestOf(rounds, () => papaparseAlone(full))
    );
    const tokenizer = run(
      "our CSV tokenizer alone",
      full,
      rows,
      await bestOf(rounds, () => tokenizerAlone(full))
    );
    const importMonth = run(
      "import, by month",
      full,
      rows,
      await bestOf(rounds, () => importFocusFiles([full], { grouping: month }))
    );
    const importTag = run(
      "import, by tag",
      full,
      rows,
      await bestOf(rounds, () => importFocusFiles([full], { grouping: tag }))
    );
    const retained = {
      full: await retainedHeapMB(full, month),
      quarter: await retainedHeapMB(quarter, month),
    };
    const ratio = round(importMonth.seconds / base.seconds, 2);
    const ratioToTokenizer = round(importMonth.seconds / tokenizer.seconds, 2);
    const budgets = [
      {
        budget: "FOCUS import >= 100 MB/s (Node, by month)",
        value: importMonth.mbPerSecond,
        ok: importMonth.mbPerSecond >= 100,
      },
      {
        budget: "FOCUS import within 1.3x of papaparse alone (time ratio, the issue's base)",
        value: ratio,
        ok: ratio <= 1.3,
      },
      {
        budget: "FOCUS import within 1.3x of our tokenizer alone (time ratio)",
        value: ratioToTokenizer,
        ok: ratioToTokenizer <= 1.3,
      },
      {
        budget:
          "FOCUS import memory does not grow with rows (live heap MB while reading, full size minus quarter size)",
        value: round(retained.full - retained.quarter),
        ok: retained.full - retained.quarter < 10,
      },
    ];
    return {
      rows,
      bytes: sizes.full,
      runs: [base, tokenizer, importMonth, importTag, importQuarter],
      ratioToParser: ratio,
      ratioToTokenizer,
      liveHeapMBWhileReading: retained,
      budgets,
    };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchFocus().then((result) => {
    console.table(result.runs);
    console.table(result.budgets);
  });
}
