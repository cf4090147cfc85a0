import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

// Parquet fixtures for the Parquet tests, written by DuckDB (an independent writer) from FOCUS CSV
// files: the same rows, with the types the clouds write, so the Parquet import can be compared with the
// CSV import of the same file.

/** How amounts are stored: DOUBLE; DECIMAL on INT32, INT64 and FIXED_LEN_BYTE_ARRAY; or text. */
export type CostType = "double" | "decimal9" | "decimal18" | "decimal38" | "text";
/** How ChargePeriodStart is stored: TIMESTAMP (micros, no zone), with a zone, millis, nanos, DATE or text. */
export type PeriodType =
  "timestamp" | "timestamptz" | "timestamp_ms" | "timestamp_ns" | "date" | "text";
/** How Tags is stored: JSON, plain text, MAP<string,string>, or a list of {key, value}. */
export type TagsType = "json" | "text" | "map" | "entries";
export type Compression = "snappy" | "gzip" | "zstd" | "brotli" | "lz4" | "uncompressed";

export interface ParquetLayout {
  readonly costs: CostType;
  readonly periods: PeriodType;
  readonly tags: TagsType;
  readonly compression: Compression;
  /** Rows per row group (DuckDB writes whole vectors of 2,048 rows, so it rounds up to those). */
  readonly rowGroupSize: number;
}

export const DEFAULT_LAYOUT: ParquetLayout = {
  costs: "double",
  periods: "timestamp",
  tags: "json",
  compression: "snappy",
  rowGroupSize: 122_880,
};

const COSTS: Record<CostType, (column: string) => string> = {
  // A value that is not a number becomes NaN, which the import must refuse as CSV refuses the text.
  double: (c) =>
    `CASE WHEN ${c} IS NOT NULL AND TRY_CAST(${c} AS DOUBLE) IS NULL THEN 'NaN'::DOUBLE ELSE TRY_CAST(${c} AS DOUBLE) END`,
  decimal9: (c) => `CAST(${c} AS DECIMAL(9, 2))`,
  decimal18: (c) => `CAST(${c} AS DECIMAL(18, 4))`,
  decimal38: (c) => `CAST(${c} AS DECIMAL(38, 10))`,
  text: (c) => c,
};

/** A timestamp from ISO 8601 text only: DuckDB would also read "4/1/25", which FOCUS files must not use. */
const instant = (c: string) =>
  `CASE WHEN regexp_full_match(${c}, '\\d{4}-\\d{2}-\\d{2}([T ].*)?') THEN TRY_CAST(${c} AS TIMESTAMPTZ) END`;

const PERIODS: Record<PeriodType, (column: string) => string> = {
  timestamp: (c) => `CAST(${instant(c)} AS TIMESTAMP)`,
  timestamptz: (c) => `${instant(c)}`,
  timestamp_ms: (c) => `CAST(${instant(c)} AS TIMESTAMP)::TIMESTAMP_MS`,
  timestamp_ns: (c) => `CAST(${instant(c)} AS TIMESTAMP)::TIMESTAMP_NS`,
  date: (c) => `CAST(${instant(c)} AS DATE)`,
  text: (c) => c,
};

const TAGS: Record<TagsType, (column: string) => string> = {
  json: (c) => `CAST(${c} AS JSON)`,
  text: (c) => c,
  map: (c) => `CAST(CAST(${c} AS JSON) AS MAP(VARCHAR, VARCHAR))`,
  entries: (c) => `map_entries(CAST(CAST(${c} AS JSON) AS MAP(VARCHAR, VARCHAR)))`,
};

const AMOUNTS = ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"];

let connection: Promise<DuckDBConnection> | null = null;

/** One in-memory DuckDB for a test file, on one thread so row groups come out in row order. */
export function duckdb(): Promise<DuckDBConnection> {
  connection ??= (async () => {
    const db = await DuckDBInstance.create(":memory:", { threads: "1" });
    const c = await db.connect();
    await c.run("SET TimeZone = 'UTC'");
    return c;
  })();
  return connection;
}

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The columns of a CSV file (its header), as DuckDB reads them. */
async function csvColumns(c: DuckDBConnection, source: string): Promise<string[]> {
  const reader = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  return reader.getRowObjectsJS().map((row) => String(row.column_name));
}

/** Writes the rows of a FOCUS CSV file as Parquet, its columns stored as the layout says. */
export async function csvToParquet(
  csvPath: string,
  parquetPath: string,
  layout: Partial<ParquetLayout> = {}
): Promise<void> {
  const { costs, periods, tags, compression, rowGroupSize } = { ...DEFAULT_LAYOUT, ...layout };
  const c = await duckdb();
  const source = `read_csv(${sqlText(csvPath)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`;
  const columns = await csvColumns(c, source);
  const replace = columns
    .map((column) => {
      // The text NULL (any case) is a missing value in CSV: a NULL in Parquet.
      const quoted = `CASE WHEN lower("${column}") = 'null' THEN NULL ELSE "${column}" END`;
      const name = `"${column}"`;
      if (AMOUNTS.includes(column)) return `${COSTS[costs](quoted)} AS ${name}`;
      if (column === "ChargePeriodStart") return `${PERIODS[periods](quoted)} AS ${name}`;
      if (column === "Tags") return `${TAGS[tags](quoted)} AS ${name}`;
      return null;
    })
    .filter((expression) => expression !== null);
  const select = replace.length === 0 ? "SELECT *" : `SELECT * REPLACE (${replace.join(", ")})`;
  await c.run(
    `COPY (${select} FROM ${source}) TO ${sqlText(parquetPath)} (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE ${rowGroupSize})`
  );
}

/** Writes the result of a query as Parquet: for files no CSV can describe (bad doubles, odd types). */
export async function queryToParquet(
  query: string,
  parquetPath: string,
  layout: Partial<Pick<ParquetLayout, "compression" | "rowGroupSize">> = {}
): Promise<void> {
  const compression = layout.compression ?? DEFAULT_LAYOUT.compression;
  const rowGroupSize = layout.rowGroupSize ?? DEFAULT_LAYOUT.rowGroupSize;
  const c = await duckdb();
  await c.run(
    `COPY (${query}) TO ${sqlText(parquetPath)} (FORMAT parquet, COMPRESSION ${compression}, ROW_GROUP_SIZE ${rowGroupSize})`
  );
}

/** The number of row groups DuckDB wrote. */
export async function rowGroupCount(parquetPath: string): Promise<number> {
  const c = await duckdb();
  const reader = await c.runAndReadAll(
    `SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata(${sqlText(parquetPath)})`
  );
  return Number(reader.getRowObjectsJS()[0].n);
}
