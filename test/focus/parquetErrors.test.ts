import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createFocusAggregator } from "../../src/domain/focus/focusAggregator";
import { FocusFileError } from "../../src/domain/focus/focusFileError";
import { issuePlace } from "../../src/domain/focus/focusIssuePlace";
import { readFocusParquet } from "../../src/domain/focus/focusParquetReader";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { queryToParquet } from "./parquetFiles";

// Bad Parquet input: every problem is an issue naming the file, row group, row and column (the row is
// left out), or a FocusFileError with a plain message; never a raw exception.

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "focus-parquet-bad-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
async function parquet(query: string, rowGroupSize?: number): Promise<string> {
  const file = path.join(dir, `bad-${count++}.parquet`);
  await queryToParquet(query, file, { rowGroupSize });
  return file;
}

const read = (file: string, maxRowGroupBytes?: number) =>
  importFocusFiles([file], { grouping: { by: "month" }, issueLimit: 100, maxRowGroupBytes });

/** The FocusFileError an import rejects with (failing the test when it does not reject with one). */
async function failure(promise: Promise<unknown>): Promise<FocusFileError> {
  const error = await promise.then(
    () => new Error("the import did not fail"),
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(FocusFileError);
  return error as FocusFileError;
}

/** n rows of 1.00 in January 2026, one every second; `row` (1-based) replaced by `bad`. */
const rows = (n: number, row: number, column: string, bad: string, good: string) => `
  SELECT CASE WHEN i = ${row} THEN ${bad} ELSE ${good} END AS ${column},
         1.0::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost, 'USD' AS BillingCurrency,
         TIMESTAMP '2026-01-01' + to_seconds(i) AS ChargePeriodStart2
  FROM range(1, ${n + 1}) t(i) ORDER BY i`;

describe("rows left out, with row group, row and column", () => {
  test("a ChargePeriodStart text that is not an ISO 8601 date, in the third row group", async () => {
    const file = await parquet(
      `SELECT * EXCLUDE (ChargePeriodStart2) FROM (${rows(5000, 4500, "ChargePeriodStart", "'4/1/25'", "'2026-01-05T00:00:00Z'")})`,
      2048
    );
    const result = await read(file);
    expect(result.rowsRead).toBe(5000);
    expect(result.rowsSkipped).toBe(1);
    expect(result.aggregates).toEqual([
      expect.objectContaining({ month: "2026-01", rows: 4999, billedCost: 4999 }),
    ]);
    const issue = result.issues.find((i) => i.severity === "error");
    if (issue === undefined) throw new Error("no error reported");
    expect(issue).toMatchObject({ file, rowGroup: 3, line: 4500, column: "ChargePeriodStart" });
    expect(issue.message).toBe(
      'ChargePeriodStart "4/1/25" is not an ISO 8601 date. The row is left out.'
    );
    expect(issuePlace(issue)).toBe(`${file}, row group 3, row 4500, column ChargePeriodStart`);
  });

  test.each([
    ["NaN", "'NaN'::DOUBLE", "BilledCost is NaN, not a finite number."],
    ["Infinity", "'Infinity'::DOUBLE", "BilledCost is Infinity, not a finite number."],
    ["-Infinity", "'-Infinity'::DOUBLE", "BilledCost is -Infinity, not a finite number."],
    ["text", "'$1,000.00'", 'BilledCost "$1,000.00" is not a number.'],
  ])("a BilledCost of %s", async (_name, bad, message) => {
    const good = bad.startsWith("'$") ? "'2.5'" : "2.5::DOUBLE";
    const file = await parquet(`
      SELECT TIMESTAMP '2026-02-01' AS ChargePeriodStart,
             CASE WHEN i = 2 THEN ${bad} ELSE ${good} END AS BilledCost,
             1.0::DOUBLE AS EffectiveCost
      FROM range(1, 4) t(i) ORDER BY i`);
    const result = await read(file);
    expect(result.rowsSkipped).toBe(1);
    expect(result.aggregates).toEqual([
      expect.objectContaining({ month: "2026-02", rows: 2, billedCost: 5, effectiveCost: 2 }),
    ]);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        rowGroup: 1,
        line: 2,
        column: "BilledCost",
        message: `${message} The row is left out.`,
      })
    );
  });

  test("a NULL ChargePeriodStart", async () => {
    const file = await parquet(`
      SELECT CASE WHEN i = 1 THEN NULL ELSE TIMESTAMPTZ '2026-03-01 00:00:00+00' END AS ChargePeriodStart,
             1.0::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost
      FROM range(1, 3) t(i) ORDER BY i`);
    const result = await read(file);
    expect(result.issues.find((i) => i.severity === "error")).toMatchObject({
      rowGroup: 1,
      line: 1,
      column: "ChargePeriodStart",
      message: "ChargePeriodStart is empty (NULL). The row is left out.",
    });
    expect(result.aggregates).toEqual([expect.objectContaining({ month: "2026-03", rows: 1 })]);
  });

  test("a timestamp just before a month's end stays in that month (nanoseconds, before 1970 too)", async () => {
    const file = await parquet(`
      SELECT * FROM (VALUES
        (TIMESTAMP_NS '2026-01-31 23:59:59.999999999', 1.0::DOUBLE, 1.0::DOUBLE),
        (TIMESTAMP_NS '2026-02-01 00:00:00', 2.0, 2.0),
        (TIMESTAMP_NS '1969-12-31 23:59:59.999999999', 4.0, 4.0)
      ) t(ChargePeriodStart, BilledCost, EffectiveCost)`);
    const result = await read(file);
    expect(result.aggregates.map((a) => [a.month, a.billedCost])).toEqual([
      ["1969-12", 4],
      ["2026-01", 1],
      ["2026-02", 2],
    ]);
  });
});

describe("files refused with a plain message", () => {
  test("a missing essential column", async () => {
    const file = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.0 AS BilledCost`
    );
    const error = await failure(read(file));
    expect(error.kind).toBe("missingColumns");
    expect(error.message).toBe(`${file} is not a FOCUS cost file: its columns lack EffectiveCost.`);
  });

  test("a Parquet file cut short", async () => {
    const whole = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.0 AS BilledCost, 1.0 AS EffectiveCost`
    );
    const cut = path.join(dir, "cut.parquet");
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const error = await failure(read(cut));
    expect(error.kind).toBe("truncated");
    expect(error.message).toBe(
      `${cut} is a Parquet file cut short: it does not end with its footer. Download or export it again.`
    );
  });

  test("a Parquet file whose footer is damaged", async () => {
    const whole = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.0 AS BilledCost, 1.0 AS EffectiveCost`
    );
    const damaged = path.join(dir, "damaged.parquet");
    const bytes = Buffer.from(fs.readFileSync(whole));
    // The footer's length (4 bytes before the final PAR1) made larger than the file.
    bytes.writeUInt32LE(bytes.length * 2, bytes.length - 8);
    fs.writeFileSync(damaged, bytes);
    const error = await failure(read(damaged));
    expect(error.kind).toBe("unreadable");
    expect(error.message).toMatch(
      new RegExp(
        `^${damaged}: its Parquet footer cannot be read \\(.+\\)\\. Download or export it again\\.$`
      )
    );
  });

  test("a file named .parquet that is not Parquet", async () => {
    const file = path.join(dir, "costs.parquet");
    fs.writeFileSync(file, "ChargePeriodStart,BilledCost,EffectiveCost\n2026-01-01,1,1\n");
    const error = await failure(read(file));
    expect(error.kind).toBe("unreadable");
    expect(error.message).toBe(
      `${file} is named .parquet but is not a Parquet file (it does not start with "PAR1"). Download or export it again.`
    );
  });

  test("a zip (a workbook picked by mistake, or a zipped download) is named as one", async () => {
    const file = path.join(dir, "costs.xlsx");
    fs.writeFileSync(file, Buffer.from("PK\x03\x04rest of a zip archive", "latin1"));
    const error = await failure(read(file));
    expect(error.kind).toBe("unreadable");
    expect(error.message).toContain(
      `${file} is a zip archive (an Excel workbook, or a zipped download), not a FOCUS file`
    );
  });

  test("Parquet is found by its bytes whatever the file is called", async () => {
    const file = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.5::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost`
    );
    const renamed = path.join(dir, "costs.csv");
    fs.copyFileSync(file, renamed);
    const result = await read(renamed);
    expect(result.aggregates).toEqual([
      expect.objectContaining({ month: "2026-01", billedCost: 1.5 }),
    ]);
  });

  test.each([
    [
      "ChargePeriodStart as a plain number",
      `SELECT 20260101 AS ChargePeriodStart, 1.0 AS BilledCost, 1.0 AS EffectiveCost`,
      "ChargePeriodStart is stored as INT32; FOCUS dates are timestamps or ISO 8601 text.",
    ],
    [
      "a boolean BilledCost",
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, true AS BilledCost, 1.0 AS EffectiveCost`,
      "BilledCost is stored as BOOLEAN; FOCUS costs are numbers.",
    ],
  ])("%s", async (_name, query, message) => {
    const file = await parquet(query);
    const error = await failure(read(file));
    expect(error.kind).toBe("columnType");
    expect(error.message).toBe(`${file}: ${message}`);
  });

  test("a row group over the host's limit, named with its size and what to do", async () => {
    const file = await parquet(
      `SELECT TIMESTAMP '2026-01-01' + to_seconds(i) AS ChargePeriodStart, i::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost, repeat('x', 100) AS ResourceId FROM range(0, 5000) t(i)`,
      2048
    );
    // The unread ResourceId column does not count: the limit is on the columns read.
    const fits = await read(file, 300_000);
    expect(fits.rowsRead).toBe(5000);
    const error = await failure(read(file, 20_000));
    expect(error.kind).toBe("rowGroupTooLarge");
    expect(error.rowGroup).toBe(1);
    expect(error.message).toMatch(
      new RegExp(
        `^${file}: row group 1 of 3 needs about [\\d.]+ MB of memory to read \\(2,048 rows of the \\d+ columns the import reads\\), more than the 0\\.02 MB read at once here\\. Export it again with smaller row groups`
      )
    );
  });

  test("a row group whose encoding is tiny but whose values are many is measured by its values", async () => {
    // 200,000 rows of constant values: run-length encoded to a few KB, yet 600,000 values to hold.
    const file = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.0::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost FROM range(0, 200000)`,
      200_000
    );
    const error = await failure(read(file, 10_000_000));
    expect(error.kind).toBe("rowGroupTooLarge");
    expect(error.message).toMatch(
      /needs about 14\.\d MB of memory to read \(200,000 rows of the 3 columns/
    );
  });

  test("the limit is checked before a row group is read, and its size comes from the metadata", async () => {
    const file = await parquet(
      `SELECT TIMESTAMP '2026-01-01' AS ChargePeriodStart, 1.0::DOUBLE AS BilledCost, 1.0::DOUBLE AS EffectiveCost FROM range(0, 10)`
    );
    const bytes = fs.readFileSync(file);
    const asked: [number, number][] = [];
    const buffer = {
      byteLength: bytes.length,
      slice: (start: number, end?: number) => {
        asked.push([start, end ?? bytes.length]);
        return bytes.buffer.slice(
          bytes.byteOffset + start,
          bytes.byteOffset + (end ?? bytes.length)
        );
      },
    };
    const aggregator = createFocusAggregator({ grouping: { by: "month" }, issueLimit: 10 });
    const error = await failure(
      readFocusParquet(aggregator, "f.parquet", buffer, { maxRowGroupBytes: 1 })
    );
    expect(error.kind).toBe("rowGroupTooLarge");
    // Only the magic bytes and the footer were read, not a column.
    const footerStart = bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8);
    for (const [start] of asked) expect(start === 0 || start >= footerStart).toBe(true);
  });
});

describe("as in CSV", () => {
  test("an empty ChargePeriodStart on the first data row is left out, not put in a month of its own", async () => {
    const csv = path.join(dir, "empty-first.csv");
    fs.writeFileSync(
      csv,
      "ChargePeriodStart,BilledCost,EffectiveCost\n,1,1\n2026-01-05T00:00:00Z,2,2\n"
    );
    const file = await parquet(
      `SELECT * FROM (VALUES ('', 1.0::DOUBLE, 1.0::DOUBLE), ('2026-01-05T00:00:00Z', 2.0, 2.0)) t(ChargePeriodStart, BilledCost, EffectiveCost)`
    );
    for (const result of [await read(csv), await read(file)]) {
      expect(result.rowsSkipped).toBe(1);
      expect(result.aggregates.map((a) => [a.month, a.rows, a.billedCost])).toEqual([
        ["2026-01", 1, 2],
      ]);
    }
  });
});
