import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import { cli } from "./runCli";

// import-focus --aggregates: a warehouse's result of focus-query (here DuckDB's, written by its CSV
// writer) fills the workbook exactly as importing the FOCUS file itself does.

const { DuckDBInstance } = require("@duckdb/node-api");

const FIXTURE = path.join(__dirname, "fixtures/focus-small.csv");

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-aggregates-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function generated(name: string): Promise<string> {
  const file = path.join(dir, name);
  const done = await cli(["generate", "--template", "kpi-tracker", "--sample", "--out", file]);
  expect(done.code).toBe(EXIT.ok);
  return file;
}

/**
 * What focus-query prints, run by DuckDB over the fixture and written as CSV: its statements in
 * order, in a session that starts out of UTC, the last one (the query) inside COPY.
 */
async function warehouseResult(groupBy: string): Promise<string> {
  const query = await cli(["focus-query", "--dialect", "duckdb", "--group-by", groupBy]);
  expect(query.code).toBe(EXIT.ok);
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  await c.runAndReadAll("SET TimeZone = 'UTC'");
  await c.runAndReadAll(
    `CREATE TABLE focus AS SELECT * REPLACE (CAST(ChargePeriodStart AS TIMESTAMPTZ) AS ChargePeriodStart) FROM read_csv('${FIXTURE}', header = true, types = {'BilledCost': 'DOUBLE', 'EffectiveCost': 'DOUBLE', 'ListCost': 'DOUBLE', 'ContractedCost': 'DOUBLE', 'ChargePeriodStart': 'VARCHAR', 'SubAccountId': 'VARCHAR', 'Tags': 'VARCHAR'})`
  );
  await c.runAndReadAll("SET TimeZone = 'Asia/Tokyo'");
  const statements = query.out
    .replace(/^--.*\n/gm, "")
    .trim()
    .split(";\n");
  expect(statements).toHaveLength(2);
  await c.runAndReadAll(`${statements[0]};`);
  const out = path.join(dir, "result.csv");
  await c.runAndReadAll(`COPY (${statements[1]}) TO '${out}' (HEADER)`);
  return out;
}

/** Every cell of a sheet from row `from` on (row 1 when absent), by address. */
async function cells(file: string, sheet: string, from = 1): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const found: Record<string, unknown> = {};
  workbook.getWorksheet(sheet)!.eachRow((row, number) => {
    if (number >= from) row.eachCell((cell) => (found[cell.address] = cell.value));
  });
  return found;
}

/** The Cost data sheet's table: from its header row on (the notes above it name the files read). */
async function costData(file: string): Promise<Record<string, unknown>> {
  const all = await cells(file, "Cost data");
  const header = Object.keys(all).find((address) => all[address] === "Month");
  expect(header).toMatch(/^A\d+$/);
  return cells(file, "Cost data", Number(header!.slice(1)));
}

describe("finops-workbooks import-focus --aggregates", () => {
  it.each(["month", "sub-account", "tag:team"])(
    "fills the workbook as the FOCUS file does, grouped by %s",
    async (groupBy) => {
      const direct = await generated("direct.xlsx");
      const viaWarehouse = await generated("warehouse.xlsx");
      const options = ["--group-by", groupBy, "--periods", "2026-01,2026-02"];
      expect((await cli(["import-focus", FIXTURE, "--into", direct, ...options])).code).toBe(
        EXIT.ok
      );
      const result = await warehouseResult(groupBy);
      const imported = await cli([
        "import-focus",
        "--aggregates",
        result,
        "--into",
        viaWarehouse,
        ...options,
      ]);
      expect(imported.err).toContain(`Reading the query result ${result}...`);
      expect(imported.code).toBe(EXIT.ok);
      expect(await cells(viaWarehouse, "KPI tracker")).toEqual(await cells(direct, "KPI tracker"));
      const table = await costData(direct);
      expect(Object.keys(table).length).toBeGreaterThan(40);
      expect(await costData(viaWarehouse)).toEqual(table);
    }
  );

  it("refuses FOCUS files beside --aggregates (a usage error)", async () => {
    const file = await generated("w.xlsx");
    const done = await cli(["import-focus", FIXTURE, "--aggregates", "r.csv", "--into", file]);
    expect(done.code).toBe(EXIT.usage);
    expect(done.err).toContain(
      "--aggregates reads a query result instead of FOCUS files: name either, not both"
    );
  });

  it("says which line of a result is wrong and writes nothing", async () => {
    const file = await generated("w.xlsx");
    const before = fs.readFileSync(file);
    const result = path.join(dir, "result.csv");
    const sums = Array(11).fill("1").join(",");
    fs.writeFileSync(
      result,
      `MONTH,BILLING_CURRENCY,ROW_COUNT,BILLED_COST,EFFECTIVE_COST,LIST_COST,CONTRACTED_COST,COMMITMENT_USED_COST,COMMITMENT_UNUSED_COST,COVERED_LIST_COST,ON_DEMAND_LIST_COST,ALLOCATED_COST,HUBS_LIST_COST,HUBS_TOTAL_SAVINGS,GROUPED_ROWS\n2026-01,USD,1,${sums},0\n2026-01,USD,1,${sums},0\n`
    );
    const done = await cli(["import-focus", "--aggregates", result, "--into", file]);
    expect(done.code).toBe(EXIT.input);
    expect(done.err).toContain(
      `${result}, line 3: a second row for 2026-01, currency "USD" (the first is line 2). Nothing was written.`
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("says so when the result is a folder, missing, or needs its tag key", async () => {
    const file = await generated("w.xlsx");
    const folder = await cli(["import-focus", "--aggregates", dir, "--into", file]);
    expect([folder.code, folder.err]).toEqual([
      EXIT.input,
      expect.stringContaining(
        `${dir} is a folder: name the CSV file the query's result was exported to.`
      ),
    ]);
    const missing = await cli([
      "import-focus",
      "--aggregates",
      path.join(dir, "no.csv"),
      "--into",
      file,
    ]);
    expect(missing.err).toContain("there is no such file");
    const tagged = await warehouseResult("tag:team");
    const keyless = await cli(["import-focus", "--aggregates", tagged, "--into", file]);
    expect([keyless.code, keyless.err]).toEqual([
      EXIT.input,
      expect.stringContaining("say which tag (import-focus --group-by tag:KEY;"),
    ]);
  });
});
