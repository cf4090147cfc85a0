import { parquetMetadata } from "hyparquet";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createFocusAggregator } from "../../src/domain/focus/focusAggregator";
import { readFocusParquet } from "../../src/domain/focus/focusParquetReader";
import { FocusProgress } from "../../src/domain/focus/focusProgress";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { queryToParquet } from "./parquetFiles";

// How a Parquet file is read: only the chosen columns' byte ranges of one row group at a time (so
// memory follows the row group, not the file), and progress after each row group.

let dir: string;
let file: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "focus-parquet-reading-"));
  file = path.join(dir, "costs.parquet");
  // 5,000 rows in row groups of 2,048, with a wide column the aggregation does not read.
  await queryToParquet(
    `SELECT TIMESTAMP '2026-01-01' + to_seconds(i) AS ChargePeriodStart, (i % 100)::DOUBLE AS BilledCost,
            1.0::DOUBLE AS EffectiveCost, md5(i::VARCHAR) || repeat('x', 200) AS ResourceId
     FROM range(0, 5000) t(i) ORDER BY i`,
    file,
    { rowGroupSize: 2048, compression: "uncompressed" }
  );
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("reads the chosen columns of one row group at a time, never the unread column", async () => {
  const bytes = fs.readFileSync(file);
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const metadata = parquetMetadata(arrayBuffer);
  const footerStart = bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8);
  // Each row group's ranges: the chosen columns' chunks, and the unread column's.
  const chunks = metadata.row_groups.map((group) =>
    group.columns.map((chunk) => {
      const meta = chunk.meta_data!;
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      return {
        column: meta.path_in_schema[0],
        start,
        end: start + Number(meta.total_compressed_size),
      };
    })
  );
  const asked: [number, number][] = [];
  const buffer = {
    byteLength: bytes.length,
    slice(start: number, end = bytes.length) {
      asked.push([start, end]);
      return arrayBuffer.slice(start, end);
    },
  };
  const aggregator = createFocusAggregator({ grouping: { by: "month" }, issueLimit: 10 });
  const rows = await readFocusParquet(aggregator, "costs.parquet", buffer, {
    maxRowGroupBytes: 1e9,
  });
  expect(rows).toBe(5000);
  expect(aggregator.finish().aggregates[0]).toMatchObject({ rows: 5000, billedCost: 247_500 });
  expect(chunks).toHaveLength(3);
  // Besides the magic bytes and the footer's read (hyparquet's first read ends at the file's end).
  const data = asked.filter(([start, end]) => start >= 4 && end < footerStart);
  expect(data.length).toBeGreaterThanOrEqual(chunks.length);
  for (const [start, end] of data) {
    // Within one row group's chunks, and touching no byte of ResourceId.
    const group = chunks.find((g) => g.some((c) => start >= c.start && start < c.end));
    expect(group).toBeDefined();
    const first = Math.min(...group!.map((c) => c.start));
    const last = Math.max(...group!.map((c) => c.end));
    expect(start >= first && end <= last).toBe(true);
    const unread = group!.find((c) => c.column === "ResourceId")!;
    expect(end <= unread.start || start >= unread.end).toBe(true);
  }
});

test("reports progress after each row group", async () => {
  const reports: FocusProgress[] = [];
  await importFocusFiles([file], { grouping: { by: "month" }, onProgress: (p) => reports.push(p) });
  const size = fs.statSync(file).size;
  expect(reports.map((p) => p.rows)).toEqual([2048, 4096, 5000, 5000]);
  expect(reports.at(-1)).toMatchObject({
    bytes: size,
    totalBytes: size,
    fileIndex: 0,
    fileCount: 1,
  });
  // Bytes grow with the rows read.
  expect(reports[0].bytes).toBeLessThan(reports[1].bytes);
});
