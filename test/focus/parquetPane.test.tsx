/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import CostImportView from "../../src/taskpane/views/CostImportView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { hostFor } from "../excel/hostFor";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { inProcessPort, InProcessOptions } from "../taskpane/inProcessFocusPort";
import { renderPane } from "../taskpane/renderPane";
import { queryToParquet } from "./parquetFiles";

// The pane with a picked Parquet file, through the worker's own reading loop (readFocusFiles) in
// process: totals, issues placed by row group and row, and a row group too large refused with the fix.

let dir: string;
let parquet: Buffer;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "focus-parquet-pane-"));
  const file = path.join(dir, "costs.parquet");
  // Three months of 4 rows: list 10, effective 9; row 3 has a NaN BilledCost.
  await queryToParquet(
    `SELECT TIMESTAMP '2026-01-05' + INTERVAL (i // 4) MONTH AS ChargePeriodStart,
            CASE WHEN i = 2 THEN 'NaN'::DOUBLE ELSE 9.0 END AS BilledCost,
            9.0::DOUBLE AS EffectiveCost, 10.0::DOUBLE AS ListCost, 9.0::DOUBLE AS ContractedCost,
            'USD' AS BillingCurrency, 'Usage' AS ChargeCategory, 'Standard' AS PricingCategory
     FROM range(0, 12) t(i) ORDER BY i`,
    file
  );
  parquet = fs.readFileSync(file);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function withTracker(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
  return fake;
}

function pickAndRead(fake: ExcelFake, port: InProcessOptions = {}) {
  renderPane(<CostImportView onBack={jest.fn()} port={inProcessPort(port)} />, hostFor(fake));
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, {
    target: { files: [new File([new Uint8Array(parquet)], "costs.parquet")] },
  });
  fireEvent.click(screen.getByRole("button", { name: "Read files" }));
}

describe("Import cost data from a Parquet file", () => {
  it("reads it and lists its issues with row group and row", async () => {
    pickAndRead(await withTracker());
    await screen.findByRole("button", { name: "Next: into the workbook" });
    expect(screen.getByText("Read 12 rows from costs.parquet (FOCUS 1.0).")).toBeTruthy();
    const issues = screen.getByRole("list", { name: "Issues found" });
    expect(
      within(issues).getByText("costs.parquet, row group 1, row 3, column BilledCost")
    ).toBeTruthy();
    expect(within(issues).getByText(/^BilledCost is NaN, not a finite number\./)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Next: into the workbook" }));
    expect(
      within(await screen.findByRole("list", { name: "Cost data rows" })).getAllByRole("listitem")
    ).toHaveLength(3);
  });

  it("refuses a row group larger than the worker may hold, saying what to do", async () => {
    const fake = await withTracker();
    const before = fake.state.snapshot();
    pickAndRead(fake, { maxRowGroupBytes: 100 });
    expect(await screen.findByText("costs.parquet, row group 1 cannot be imported")).toBeTruthy();
    expect(
      screen.getByText(/^costs\.parquet: row group 1 of 1 needs about [\d.]+ MB of memory to read/)
    ).toBeTruthy();
    expect(screen.getAllByText(/import it with the command line/).length).toBeGreaterThan(0);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
