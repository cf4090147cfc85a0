import {
  type AsyncBuffer,
  type FileMetaData,
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type SchemaTree,
} from "hyparquet";
import { compressors } from "hyparquet-compressors";
import type { FocusAggregator } from "./focusAggregator";
import { FOCUS_AMOUNT_COLUMNS } from "./focusColumns";
import { FocusFileError } from "./focusFileError";
import { isParquetMagic } from "./focusFileFormat";

export interface FocusParquetOptions {
  /**
   * The largest row group read, as the memory its decoded columns are estimated to take
   * (rowGroupMemory): a row group is decoded
   * whole, so this bounds the memory an import takes. The host chooses it (a browser tab holds less).
   */
  readonly maxRowGroupBytes: number;
  /** What to do about a row group over the limit, ending the message (the pane also names the CLI). */
  readonly tooLargeAdvice?: string;
  /** After each row group: data rows read so far in this file, and its stored bytes they stand for. */
  readonly onRowGroup?: (rows: number, storedBytes: number) => void;
  /** Checked before each row group: reading stops with the signal's reason. */
  readonly signal?: AbortSignal;
}

const DEFAULT_ADVICE = "Export it again with smaller row groups (for example 1,000,000 rows each).";

/**
 * Bytes a decoded value takes at least in a JS engine: an array slot (8) and, for a number that is not a
 * small integer or a string not shared through a dictionary, its heap object (16 or more). Measured: a
 * 4,000,000-row group of the 9 columns read took about 1 GB, where its footer said 9 KB (dictionary and
 * run-length encoding make the encoded size no guide to the decoded one).
 */
const BYTES_PER_VALUE = 24;

/**
 * The memory one row group's chosen columns take once decoded, estimated before reading it: their
 * uncompressed encoded bytes (text, which decoding copies) plus BYTES_PER_VALUE for every value.
 */
export function rowGroupMemory(uncompressedBytes: number, rows: number, columns: number): number {
  return uncompressedBytes + rows * columns * BYTES_PER_VALUE;
}

/** Milliseconds since 1970 as a number, rounded down, for the aggregator (focusTypedRows.ts). */
function floorMillis(value: bigint, perMilli: bigint): number {
  const quotient = value / perMilli;
  return Number(value < 0n && quotient * perMilli !== value ? quotient - 1n : quotient);
}

const decoder = new TextDecoder();

/**
 * hyparquet's conversions where the aggregator wants other values: timestamps and dates as epoch
 * milliseconds (no Date per value), JSON columns (Tags) as their text, read as a CSV cell is.
 */
const PARSERS = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => floorMillis(micros, 1000n),
  timestampFromNanoseconds: (nanos: bigint) => floorMillis(nanos, 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
  jsonFromBytes: (bytes: Uint8Array | undefined) => bytes && decoder.decode(bytes),
};

const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(FOCUS_AMOUNT_COLUMNS);

/**
 * Reads one FOCUS Parquet file into the aggregator: only the columns it reads, one row group at a
 * time (checked against the host's limit first), through hyparquet with every codec Parquet writers
 * use. Pure (the AsyncBuffer does the I/O), shared by the Node importer and the pane's worker. Every
 * failure is a FocusFileError naming the file (and the row group). Returns the data rows read.
 */
export async function readFocusParquet(
  aggregator: FocusAggregator,
  name: string,
  file: AsyncBuffer,
  options: FocusParquetOptions
): Promise<number> {
  const metadata = await readMetadata(name, file);
  const schema = parquetSchema(metadata);
  const consumer = aggregator.typedFile(
    name,
    schema.children.map((child) => child.element.name)
  );
  checkColumnTypes(name, schema, consumer.columnsRead);
  const wanted = new Set(consumer.columnsRead);
  const totalRows = Number(metadata.num_rows);
  let rowStart = 0;
  for (let index = 0; index < metadata.row_groups.length; index++) {
    options.signal?.throwIfAborted();
    const rowGroup = metadata.row_groups[index];
    const number = index + 1;
    const rows = Number(rowGroup.num_rows);
    const encoded = rowGroup.columns.reduce(
      (sum, chunk) =>
        chunk.meta_data && wanted.has(chunk.meta_data.path_in_schema[0])
          ? sum + Number(chunk.meta_data.total_uncompressed_size)
          : sum,
      0
    );
    const bytes = rowGroupMemory(encoded, rows, wanted.size);
    if (bytes > options.maxRowGroupBytes) {
      throw new FocusFileError(
        "rowGroupTooLarge",
        name,
        0,
        `${name}: row group ${number} of ${metadata.row_groups.length} needs about ${megabytes(bytes)} of memory to read (${rows.toLocaleString("en-US")} rows of the ${wanted.size} columns the import reads), more than the ${megabytes(options.maxRowGroupBytes)} read at once here. ${options.tooLargeAdvice ?? DEFAULT_ADVICE}`,
        number
      );
    }
    if (rows > 0) {
      const values = await readRowGroup(
        name,
        file,
        metadata,
        consumer.columnsRead,
        number,
        rowStart,
        rows
      );
      consumer.rowGroup(number, rowStart + 1, rows, values);
    }
    rowStart += rows;
    options.onRowGroup?.(
      rowStart,
      totalRows > 0 ? Math.round((file.byteLength * rowStart) / totalRows) : file.byteLength
    );
  }
  return rowStart;
}

/** The footer, after checking the file starts and ends as Parquet does. */
async function readMetadata(name: string, file: AsyncBuffer): Promise<FileMetaData> {
  const size = file.byteLength;
  const head = size >= 4 ? new Uint8Array(await file.slice(0, 4)) : new Uint8Array(0);
  if (!isParquetMagic(head)) {
    throw new FocusFileError(
      "unreadable",
      name,
      0,
      `${name} is not a Parquet file (it does not start with "PAR1").`
    );
  }
  const tail = size >= 12 ? new Uint8Array(await file.slice(size - 4, size)) : new Uint8Array(0);
  if (!isParquetMagic(tail)) {
    throw new FocusFileError(
      "truncated",
      name,
      0,
      `${name} is a Parquet file cut short: it does not end with its footer. Download or export it again.`
    );
  }
  try {
    return await parquetMetadataAsync(file);
  } catch (error) {
    throw new FocusFileError(
      "unreadable",
      name,
      0,
      `${name}: its Parquet footer cannot be read (${messageOf(error)}). Download or export it again.`
    );
  }
}

/**
 * Refuses columns whose type cannot hold what FOCUS puts there, before reading any row: a
 * ChargePeriodStart that is neither a timestamp, a date nor text, an amount that is a boolean or nested.
 */
function checkColumnTypes(name: string, schema: SchemaTree, columns: readonly string[]): void {
  for (const child of schema.children) {
    const { element } = child;
    if (!columns.includes(element.name)) continue;
    const nested = child.children.length > 0;
    const stored = storedAs(child);
    if (element.name === "ChargePeriodStart" && (nested || !isDateOrText(child))) {
      throw new FocusFileError(
        "columnType",
        name,
        0,
        `${name}: ChargePeriodStart is stored as ${stored}; FOCUS dates are timestamps or ISO 8601 text.`
      );
    }
    if (AMOUNT_COLUMNS.has(element.name) && (nested || element.type === "BOOLEAN")) {
      throw new FocusFileError(
        "columnType",
        name,
        0,
        `${name}: ${element.name} is stored as ${stored}; FOCUS costs are numbers.`
      );
    }
  }
}

function isDateOrText({ element }: SchemaTree): boolean {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  return (
    logical === "TIMESTAMP" ||
    logical === "DATE" ||
    logical === "STRING" ||
    converted === "TIMESTAMP_MILLIS" ||
    converted === "TIMESTAMP_MICROS" ||
    converted === "DATE" ||
    converted === "UTF8" ||
    element.type === "INT96" ||
    (element.type === "BYTE_ARRAY" && logical === undefined && converted === undefined)
  );
}

/** "INT64", "INT64 (DECIMAL)", "a group of 2 columns": how a column is stored, for messages. */
function storedAs({ element, children }: SchemaTree): string {
  if (children.length > 0) return `a group of ${children.length} columns`;
  const annotation = element.logical_type?.type ?? element.converted_type;
  // An integer's annotation (INTEGER, INT_32) only repeats its type.
  return annotation === undefined || annotation.startsWith("INT")
    ? `${element.type}`
    : `${element.type} (${annotation})`;
}

/** One row group's values of the columns read, each as one array of its rows. */
async function readRowGroup(
  name: string,
  file: AsyncBuffer,
  metadata: FileMetaData,
  columns: readonly string[],
  number: number,
  rowStart: number,
  rows: number
): Promise<Map<string, ArrayLike<unknown>>> {
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
  try {
    await parquetRead({
      file,
      metadata,
      columns: [...columns],
      rowStart,
      rowEnd: rowStart + rows,
      compressors,
      parsers: PARSERS,
      onChunk({ columnName, columnData, rowStart: start }) {
        const list = chunks.get(columnName) ?? [];
        list.push({ rowStart: start, data: columnData });
        chunks.set(columnName, list);
      },
    });
  } catch (error) {
    throw new FocusFileError(
      "unreadable",
      name,
      0,
      `${name}: row group ${number} cannot be read (${messageOf(error)}). Download or export the file again.`,
      number
    );
  }
  const values = new Map<string, ArrayLike<unknown>>();
  for (const [column, list] of chunks) {
    if (list.length === 1) {
      values.set(column, list[0].data);
      continue;
    }
    // Pages may come as several chunks: joined in row order into one array, each column's chunks let go
    // as soon as it is joined, so at most one column is held twice.
    list.sort((a, b) => a.rowStart - b.rowStart);
    const joined: unknown[] = [];
    for (const { data } of list) for (let i = 0; i < data.length; i++) joined.push(data[i]);
    list.length = 0;
    values.set(column, joined);
  }
  return values;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toLocaleString("en-US", { maximumSignificantDigits: 3 })} MB`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
