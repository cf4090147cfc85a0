/*
 * The Parquet part of `npm run bench` (issue 18): the bench's realistic FOCUS 1.0 rows (benchFocus.ts's
 * generated CSV of FINOPS_BENCH_FOCUS_ROWS rows, default 1,000,000) written by DuckDB as snappy Parquet
 * with proper types (DOUBLE amounts and quantities, TIMESTAMP periods, Tags as JSON text as Azure writes
 * it, DuckDB's row groups of 122,880 rows), kept in FINOPS_BENCH_FOCUS_DIR when set. Measures the import
 * in Node (by month, by tag): seconds, rows/s, peak RSS and heap growth, and the ratio to DuckDB reading
 * the same file on one thread and summing the same columns by month (the anchor). Best of three. Run
 * alone with `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchFocusParquet.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { DuckDBInstance } from "@duckdb/node-api";
import { FocusGrouping } from "../src/domain/focus/focusTypes";
import { importFocusFiles } from "../src/node/importFocusFiles";
import { benchFile } from "./benchFocus";
import { Measured, measured } from "./benchMemory";
import { FOCUS_1_0_COLUMNS } from "./focusBenchRows";

/** Budget: the million rows in under 3 seconds, in Node and in the browser worker alike. */
export const PARQUET_BUDGET_SECONDS = 3;

const TIMESTAMPS = [
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargePeriodEnd",
  "ChargePeriodStart",
];
const NUMBERS = [
  "BilledCost",
  "ConsumedQuantity",
  "ContractedCost",
  "ContractedUnitPrice",
  "EffectiveCost",
  "ListCost",
  "ListUnitPrice",
  "PricingQuantity",
];

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One DuckDB on one thread: the anchor runs single-threaded, as our import does. */
async function duckdb() {
  const db = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await db.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

/** The Parquet twin of the bench's CSV of `rows` rows, written unless the folder already holds it. */
export async function benchParquetFile(dir: string, rows: number): Promise<string> {
  const file = path.join(dir, `focus-1.0-${rows}.parquet`);
  if (fs.existsSync(file)) return file;
  const csv = await benchFile(dir, rows);
  const typed = FOCUS_1_0_COLUMNS.map((column) => {
    const name = `"${column}"`;
    if (TIMESTAMPS.includes(column))
      return `CAST(CAST(${name} AS TIMESTAMPTZ) AS TIMESTAMP) AS ${name}`;
    if (NUMBERS.includes(column)) return `CAST(${name} AS DOUBLE) AS ${name}`;
    return name;
  });
  const connection = await duckdb();
  await connection.run(
    `COPY (SELECT ${typed.join(", ")} FROM read_csv(${sqlText(csv)}, all_varchar = true, header = true))
     TO ${sqlText(`${file}.part`)} (FORMAT parquet, COMPRESSION snappy)`
  );
  connection.closeSync();
  fs.renameSync(`${file}.part`, file);
  return file;
}

/** The anchor: DuckDB on one thread summing the aggregation's columns by month and currency. */
async function duckdbAnchor(file: string): Promise<void> {
  const connection = await duckdb();
  try {
    await connection.runAndReadAll(
      `SELECT strftime(ChargePeriodStart, '%Y-%m') AS month, BillingCurrency, count(*),
              sum(BilledCost), sum(EffectiveCost), sum(ListCost), sum(ContractedCost)
       FROM read_parquet(${sqlText(file)}) GROUP BY ALL`
    );
  } finally {
    connection.closeSync();
  }
}

/** Best time of `rounds` runs, with the highest RSS and heap growth (sampled every 20 ms) of any. */
async function bestOf(rounds: number, run: () => Promise<unknown>): Promise<Measured> {
  let best: Measured = { seconds: Infinity, peakRssMB: 0, peakHeapMB: 0 };
  for (let i = 0; i < rounds; i++) {
    const one = await measured(run);
    best = {
      seconds: Math.min(best.seconds, one.seconds),
      peakRssMB: Math.max(best.peakRssMB, one.peakRssMB),
      peakHeapMB: Math.max(best.peakHeapMB, one.peakHeapMB),
    };
  }
  return best;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The anchor's best time in seconds, for the browser bench's ratio. */
export async function duckdbAnchorSeconds(file: string, rounds = 3): Promise<number> {
  return (await bestOf(rounds, () => duckdbAnchor(file))).seconds;
}

/** The folder of the bench files: FINOPS_BENCH_FOCUS_DIR keeps them between runs; else a temporary one. */
export async function withBenchDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const keep = process.env.FINOPS_BENCH_FOCUS_DIR;
  if (keep) fs.mkdirSync(keep, { recursive: true });
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "finops-focus-bench-"));
  try {
    return await use(dir);
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The Node runs, over the Parquet file in `dir` (made there unless it is already). */
export async function benchFocusParquet(dir: string, rounds = 3) {
  const rows = Number(process.env.FINOPS_BENCH_FOCUS_ROWS ?? 1_000_000);
  const file = await benchParquetFile(dir, rows);
  const megabytes = round(fs.statSync(file).size / 1e6);
  const run = (label: string, r: Measured) => ({
    run: label,
    rows,
    megabytes,
    seconds: round(r.seconds, 2),
    rowsPerSecond: Math.round(rows / r.seconds),
    peakRssMB: r.peakRssMB,
    peakHeapMB: r.peakHeapMB,
    load1m: round(os.loadavg()[0], 2),
  });
  const month: FocusGrouping = { by: "month" };
  const tag: FocusGrouping = { by: "tag", key: "team" };
  const anchor = run("DuckDB, 1 thread (anchor)", await bestOf(rounds, () => duckdbAnchor(file)));
  const byMonth = run(
    "import Parquet, by month",
    await bestOf(rounds, () => importFocusFiles([file], { grouping: month }))
  );
  const byTag = run(
    "import Parquet, by tag",
    await bestOf(rounds, () => importFocusFiles([file], { grouping: tag }))
  );
  const ratioToDuckdb = round(byMonth.seconds / anchor.seconds, 2);
  // The file is made from the CSV bench's file: both imports must give the same aggregates, exactly.
  const csv = await benchFile(dir, rows);
  const sameAsCsv: Record<string, boolean> = {};
  for (const grouping of [month, tag]) {
    const [fromParquet, fromCsv] = await Promise.all(
      [file, csv].map((input) => importFocusFiles([input], { grouping }))
    );
    sameAsCsv[grouping.by] = isDeepStrictEqual(fromParquet.aggregates, fromCsv.aggregates);
  }
  return {
    rows,
    bytes: fs.statSync(file).size,
    runs: [anchor, byMonth, byTag],
    ratioToDuckdb,
    sameAsCsv,
    budgets: [
      {
        budget: `FOCUS Parquet import of ${rows.toLocaleString("en-US")} rows < ${PARQUET_BUDGET_SECONDS} s (Node, by month)`,
        value: byMonth.seconds,
        ok: byMonth.seconds < PARQUET_BUDGET_SECONDS,
      },
      {
        budget: "FOCUS Parquet import equals the CSV import of the same rows (by month and by tag)",
        value: Object.values(sameAsCsv).every(Boolean) ? 1 : 0,
        ok: Object.values(sameAsCsv).every(Boolean),
      },
    ],
  };
}

if (require.main === module) {
  withBenchDir((dir) => benchFocusParquet(dir)).then((result) => {
    console.table(result.runs);
    console.log(`ratio to DuckDB (1 thread): ${result.ratioToDuckdb}`);
    console.table(result.budgets);
  });
}
