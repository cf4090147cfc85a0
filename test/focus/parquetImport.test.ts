import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { file as generatedFile, focusFile } from "./focusFiles";
import {
  Compression,
  CostType,
  ParquetLayout,
  PeriodType,
  TagsType,
  csvToParquet,
  rowGroupCount,
} from "./parquetFiles";

// The Parquet import against the CSV import of the same rows: DuckDB writes each CSV file as Parquet
// with the types the clouds write (DOUBLE or DECIMAL costs, timestamps of every unit with and without a
// zone, dates, text; Tags as JSON, text, a MAP or a list of entries) and every compression; both imports
// must give the same aggregates, exactly, and the same counts of rows, skipped rows and issues.

const SPEC = path.join(__dirname, "../fixtures/focus-spec-examples");
const specFiles = (dir: string): string[] =>
  fs
    .readdirSync(path.join(SPEC, dir))
    .filter((name) => name.endsWith(".csv"))
    .map((name) => path.join(SPEC, dir, name));
const SPEC_FILES = [
  ...specFiles("commitment_discount_flexibility"),
  ...specFiles("commitment_discount_scenarios"),
];

let dir: string;
/** About 8,000 generated rows (focusFiles.ts), without the rows of the wrong width no Parquet file can hold. */
let generatedCsv: string;
/** The same without bad amounts, which a DECIMAL column cannot hold either. */
let decimalCsv: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "focus-parquet-"));
  const samples = fc.sample(generatedFile, { numRuns: 400, seed: 18 });
  const rows = samples.flatMap((sample) => sample.rows).filter((row) => row.broken !== "width");
  generatedCsv = path.join(dir, "generated.csv");
  fs.writeFileSync(generatedCsv, focusFile("1.0", rows, [0], "\n"));
  decimalCsv = path.join(dir, "decimal.csv");
  fs.writeFileSync(
    decimalCsv,
    focusFile(
      "1.0",
      rows.filter((row) => row.broken !== "amount"),
      [0],
      "\n"
    )
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function asParquet(csv: string, layout: Partial<ParquetLayout>): Promise<string> {
  const target = path.join(dir, `${path.basename(csv, ".csv")}-${count++}.parquet`);
  await csvToParquet(csv, target, layout);
  return target;
}

const read = (file: string, grouping: FocusGrouping = { by: "month" }): Promise<FocusImport> =>
  importFocusFiles([file], { grouping, issueLimit: 10_000 });

/** Same aggregates, exactly, and the same counts; issues at the same rows and columns. */
function expectSame(parquet: FocusImport, csv: FocusImport): void {
  expect(parquet.aggregates).toEqual(csv.aggregates);
  expect(parquet.rowsRead).toBe(csv.rowsRead);
  expect(parquet.rowsSkipped).toBe(csv.rowsSkipped);
  expect(parquet.currencies).toEqual(csv.currencies);
  expect(parquet.issueCount).toBe(csv.issueCount);
  expect(parquet.versions.map((v) => v.version)).toEqual(csv.versions.map((v) => v.version));
  // A CSV line is the row plus the header's line.
  expect(parquet.issues.map((i) => [i.severity, i.line, i.column])).toEqual(
    csv.issues.map((i) => [i.severity, i.line === 0 || i.line === 1 ? 0 : i.line - 1, i.column])
  );
}

describe("FOCUS specification examples as Parquet", () => {
  const PERIODS: PeriodType[] = [
    "timestamp",
    "timestamptz",
    "timestamp_ms",
    "timestamp_ns",
    "date",
    "text",
  ];
  const COSTS: CostType[] = ["double", "decimal9", "decimal18", "decimal38", "text"];
  test.each(SPEC_FILES.map((file) => [path.relative(SPEC, file)]))(
    "%s: every period and cost type gives the CSV's aggregates",
    async (relative) => {
      const csv = path.join(SPEC, relative);
      const expected = await read(csv);
      expect(expected.aggregates.length).toBeGreaterThan(0);
      for (const periods of PERIODS) {
        for (const costs of COSTS) {
          const parquet = await read(await asParquet(csv, { periods, costs }));
          try {
            expectSame(parquet, expected);
          } catch (error) {
            throw new Error(`periods ${periods}, costs ${costs}: ${(error as Error).message}`);
          }
        }
      }
    }
  );
});

describe("generated FOCUS rows as Parquet", () => {
  const COMPRESSIONS: Compression[] = ["snappy", "gzip", "zstd", "brotli", "lz4", "uncompressed"];
  test.each(COMPRESSIONS)("compressed with %s, in several row groups", async (compression) => {
    const parquet = await asParquet(generatedCsv, { compression, rowGroupSize: 1000 });
    expect(await rowGroupCount(parquet)).toBeGreaterThan(1);
    const result = await read(parquet);
    expectSame(result, await read(generatedCsv));
    expect(result.rowsSkipped).toBeGreaterThan(0);
    // Issues name their row group: DuckDB writes row groups of whole 2,048-row vectors.
    const late = result.issues.filter((issue) => issue.line > 0);
    expect(late.length).toBeGreaterThan(0);
    for (const issue of late) expect(issue.rowGroup).toBe(Math.ceil(issue.line / 2048));
  });

  test.each<[string, CostType]>([
    ["DECIMAL(9, 2) on INT32", "decimal9"],
    ["DECIMAL(18, 4) on INT64", "decimal18"],
    ["DECIMAL(38, 10) on FIXED_LEN_BYTE_ARRAY", "decimal38"],
  ])("costs as %s lose no cent", async (_name, costs) => {
    const result = await read(await asParquet(decimalCsv, { costs }));
    expectSame(result, await read(decimalCsv));
  });

  const GROUPINGS: [string, FocusGrouping][] = [
    ["sub account", { by: "subAccount" }],
    ["service category", { by: "serviceCategory" }],
    ["tag", { by: "tag", key: "team" }],
  ];
  const TAGS: TagsType[] = ["json", "text", "map", "entries"];
  test.each(TAGS)("Tags stored as %s: every grouping as from CSV", async (tags) => {
    const parquet = await asParquet(generatedCsv, { tags, rowGroupSize: 1000 });
    for (const [name, grouping] of GROUPINGS) {
      const result = await read(parquet, grouping);
      try {
        expectSame(result, await read(generatedCsv, grouping));
      } catch (error) {
        throw new Error(`grouped by ${name}: ${(error as Error).message}`);
      }
      expect(result.aggregates.some((a) => a.group !== null)).toBe(true);
    }
  });
});
