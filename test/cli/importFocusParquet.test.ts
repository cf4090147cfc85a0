import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import { run } from "../../src/cli/run";
import { csvToParquet, queryToParquet } from "../focus/parquetFiles";

// import-focus with Parquet files: the same workbook as from the CSV of the same rows, issues printed
// with their row group and row, and a file named .parquet that is not one refused in plain words.

const FIXTURE = path.join(__dirname, "fixtures/focus-small.csv");
const NOW = new Date("2026-11-29T12:00:00Z");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), now: () => NOW },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

async function generated(file: string): Promise<void> {
  const code = await run(
    ["generate", "--template", "kpi-tracker", "--sample", "--out", file],
    io().io
  );
  expect(code).toBe(EXIT.ok);
}

/** Every cell of the Cost data sheet and the KPI tracker, as values. */
async function sheets(file: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const values: unknown[][] = [];
  for (const name of ["Cost data", "KPI tracker"]) {
    workbook.getWorksheet(name)!.eachRow((row, n) => values.push([name, n, row.values]));
  }
  return values;
}

describe("finops-workbooks import-focus with Parquet", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-import-parquet-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the same Cost data sheet and KPI values as the CSV of the same rows", async () => {
    const parquet = path.join(dir, "focus-small.parquet");
    await csvToParquet(FIXTURE, parquet, { periods: "timestamptz", tags: "map" });
    const outputs: string[] = [];
    const workbooks: unknown[][][] = [];
    for (const input of [FIXTURE, parquet]) {
      const file = path.join(dir, `${path.extname(input).slice(1)}.xlsx`);
      await generated(file);
      const cli = io();
      const code = await run(
        ["import-focus", input, "--into", file, "--group-by", "tag:team", "--periods", "2026-01"],
        cli.io
      );
      expect(cli.err()).not.toMatch(/error/);
      expect(code).toBe(EXIT.ok);
      outputs.push(cli.out().replace(file, "WORKBOOK"));
      workbooks.push(await sheets(file));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[0]).toContain("KPI actuals written: ");
    // The sheet names the file it was read from; every other cell is the same.
    const named = (cells: unknown[][], input: string) =>
      JSON.stringify(cells).split(JSON.stringify(input).slice(1, -1)).join("FILE");
    expect(named(workbooks[1], parquet) === named(workbooks[0], FIXTURE)).toBe(true);
    expect(named(workbooks[0], FIXTURE)).toContain("Files: FILE (FOCUS 1.0).");
  });

  it("prints each issue with its row group and row", async () => {
    const parquet = path.join(dir, "bad.parquet");
    await queryToParquet(
      `SELECT TIMESTAMP '2026-01-05' AS ChargePeriodStart,
              CASE WHEN i = 3 THEN 'NaN'::DOUBLE ELSE 10.0 END AS BilledCost,
              10.0::DOUBLE AS EffectiveCost, 'USD' AS BillingCurrency
       FROM range(1, 5) t(i) ORDER BY i`,
      parquet
    );
    const file = path.join(dir, "practice.xlsx");
    await generated(file);
    const cli = io();
    const code = await run(["import-focus", parquet, "--into", file], cli.io);
    expect(code).toBe(EXIT.ok);
    expect(cli.err()).toContain(
      `error: ${parquet}, row group 1, row 3, column BilledCost: BilledCost is NaN, not a finite number. The row is left out.\n`
    );
  });

  it("refuses a file named .parquet that is not Parquet, writing nothing", async () => {
    const fake = path.join(dir, "costs.parquet");
    fs.copyFileSync(FIXTURE, fake);
    const file = path.join(dir, "practice.xlsx");
    await generated(file);
    const before = fs.readFileSync(file);
    const cli = io();
    const code = await run(["import-focus", fake, "--into", file], cli.io);
    expect(code).toBe(EXIT.input);
    expect(cli.err()).toContain(
      `${fake} is named .parquet but is not a Parquet file (it does not start with "PAR1"). Download or export it again. Nothing was written.`
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
