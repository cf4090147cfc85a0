/**
 * Import a FOCUS Parquet file in Chromium: the real worker chunk (hyparquet bundled into it) reads a
 * snappy Parquet file picked through the file chooser, row group by row group, and the pane lists an
 * issue with its row group and row. axe-core and the 320 px width once read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { queryToParquet } from "../focus/parquetFiles";
import { axeViolations, launch, openPane, overflow, pageErrors, Session } from "./browser";

jest.setTimeout(90_000);

let session: Session;
let dir: string;
beforeAll(async () => {
  session = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-parquet-"));
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Import cost data (FOCUS Parquet) in Chromium", () => {
  it("reads a Parquet file of several row groups in the worker and places its issues by row group and row", async () => {
    const file = path.join(dir, "costs.parquet");
    // 30,000 rows over three months in row groups of 10,240 rows; row 25,000 has a NaN BilledCost.
    await queryToParquet(
      `SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + INTERVAL (i // 10000) MONTH AS ChargePeriodStart,
              CASE WHEN i = 24999 THEN 'NaN'::DOUBLE ELSE 9.0 END AS BilledCost,
              9.0::DOUBLE AS EffectiveCost, 10.0::DOUBLE AS ListCost, 'EUR' AS BillingCurrency,
              'Usage' AS ChargeCategory, MAP {'team': 'web'} AS Tags
       FROM range(0, 30000) t(i) ORDER BY i`,
      file,
      { compression: "zstd", rowGroupSize: 10_240 }
    );
    const page = await openPane(session, { width: 320 });
    await page.getByRole("button", { name: "Import cost data" }).click();
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: /^Choose files\.\.\.$/ }).click();
    await (await chooser).setFiles([file]);
    await page.getByRole("list", { name: "Files to import" }).waitFor();
    await page.getByRole("button", { name: "Read files" }).click();
    await page.getByText("Read 30,000 rows from costs.parquet (FOCUS 1.0).").waitFor();
    const issues = page.getByRole("list", { name: "Issues found" });
    await issues.getByText("costs.parquet, row group 3, row 25000, column BilledCost").waitFor();
    expect({
      axe: await axeViolations(page),
      overflow: await overflow(page),
      errors: pageErrors(page),
    }).toEqual({ axe: [], overflow: [], errors: [] });
    await page.close();
  });
});
