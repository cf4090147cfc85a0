import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FocusAggregate, FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { file as generatedFile, focusFile } from "./focusFiles";
import { Compression, CostType, PeriodType, TagsType, csvToParquet } from "./parquetFiles";

// Property: random FOCUS rows written as CSV and, by DuckDB, as Parquet (random types, compression and
// row-group size, repeated so a file holds several row groups) give the same aggregates to the cent and
// the same counts. FINOPS_PROPERTY_RUNS raises the runs.

const RUNS = Math.max(5, Math.round(Number(process.env.FINOPS_PROPERTY_RUNS ?? 60) / 5));

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "focus-parquet-property-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const layout = fc.record({
  costs: fc.constantFrom<CostType>("double", "text", "decimal38", "decimal18"),
  periods: fc.constantFrom<PeriodType>(
    "timestamp",
    "timestamptz",
    "timestamp_ms",
    "timestamp_ns",
    "date",
    "text"
  ),
  tags: fc.constantFrom<TagsType>("json", "text", "map", "entries"),
  compression: fc.constantFrom<Compression>(
    "snappy",
    "gzip",
    "zstd",
    "brotli",
    "lz4",
    "uncompressed"
  ),
  rowGroupSize: fc.integer({ min: 1, max: 10_000 }),
});
const grouping = fc.constantFrom<FocusGrouping>(
  { by: "month" },
  { by: "subAccount" },
  { by: "serviceCategory" },
  { by: "tag", key: "team" }
);

const AMOUNTS: (keyof FocusAggregate)[] = [
  "billedCost",
  "effectiveCost",
  "listCost",
  "contractedCost",
  "commitmentUsedCost",
  "commitmentUnusedCost",
  "commitmentCoveredCost",
  "commitmentEligibleCost",
  "allocatedCost",
  "hubsListCost",
  "hubsTotalSavings",
];

function expectEqualToTheCent(parquet: FocusImport, csv: FocusImport): void {
  expect(parquet.rowsRead).toBe(csv.rowsRead);
  expect(parquet.rowsSkipped).toBe(csv.rowsSkipped);
  expect(parquet.issueCount).toBe(csv.issueCount);
  expect(parquet.aggregates.map((a) => [a.month, a.group, a.currency, a.rows])).toEqual(
    csv.aggregates.map((a) => [a.month, a.group, a.currency, a.rows])
  );
  parquet.aggregates.forEach((a, i) => {
    for (const key of AMOUNTS) {
      const difference = Math.abs((a[key] as number) - (csv.aggregates[i][key] as number));
      if (!(difference < 0.005))
        throw new Error(
          `${a.month} ${a.group} ${key}: ${a[key]} against ${csv.aggregates[i][key]}`
        );
    }
  });
}

let count = 0;
test("random rows give the same aggregates from CSV and from Parquet", async () => {
  await fc.assert(
    fc.asyncProperty(
      generatedFile,
      fc.integer({ min: 1, max: 300 }),
      layout,
      grouping,
      async (sample, repeat, chosen, by) => {
        // No Parquet column holds a row of the wrong width, nor a DECIMAL a bad amount.
        const rows = sample.rows.filter(
          (row) =>
            row.broken !== "width" &&
            (chosen.costs.startsWith("decimal") ? row.broken !== "amount" : true)
        );
        fc.pre(rows.length > 0);
        const repeated = Array.from({ length: repeat }, () => rows).flat();
        const csv = path.join(dir, `rows-${count}.csv`);
        const parquet = path.join(dir, `rows-${count++}.parquet`);
        fs.writeFileSync(csv, focusFile("1.0", repeated, sample.order, "\n"));
        await csvToParquet(csv, parquet, chosen);
        const options = { grouping: by, issueLimit: 10 };
        expectEqualToTheCent(
          await importFocusFiles([parquet], options),
          await importFocusFiles([csv], options)
        );
      }
    ),
    { numRuns: RUNS }
  );
});
