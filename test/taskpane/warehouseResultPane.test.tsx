/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { focusQueryParts } from "../../src/domain/focus/warehouse/focusQuery";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import CostImportView from "../../src/taskpane/views/CostImportView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { hostFor } from "../excel/hostFor";
import { createExcelFake } from "../fakes/excel";
import { inProcessPort } from "./inProcessFocusPort";
import { renderPane } from "./renderPane";

// The warehouse path in the pane: the result of the focus-query query, run by DuckDB and exported as
// CSV, is picked like a FOCUS file and gives the same Cost data rows as the FOCUS rows it summed.

const { DuckDBInstance } = require("@duckdb/node-api");

const FOCUS = [
  "ChargePeriodStart,BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,ChargeCategory,CommitmentDiscountStatus,PricingCategory,SubAccountId",
  "2026-01-05T00:00:00Z,100,90,120,110,USD,Usage,,Standard,a",
  "2026-01-31T23:00:00-02:00,50,40,60,55,USD,Usage,Used,Committed,b",
  "2026-02-01T00:00:00Z,300,0,0,0,USD,Purchase,,Committed,a",
  "2026-02-10T00:00:00Z,0,25,30,30,USD,Usage,Unused,Committed,b",
  "2026-02-11T00:00:00Z,-10,-10,,,USD,Credit,,,",
].join("\n");

let focusCsv: string;
let resultCsv: string;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "warehouse-pane-"));
  const source = path.join(dir, "focus.csv");
  const result = path.join(dir, "result.csv");
  fs.writeFileSync(source, FOCUS);
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  await connection.runAndReadAll(
    `CREATE TABLE focus AS SELECT * FROM read_csv('${source}', header = true, types = {'ChargePeriodStart': 'TIMESTAMPTZ', 'BilledCost': 'DOUBLE', 'EffectiveCost': 'DOUBLE', 'ListCost': 'DOUBLE', 'ContractedCost': 'DOUBLE'})`
  );
  const { setup, query } = focusQueryParts({ dialect: "duckdb", grouping: { by: "subAccount" } });
  await connection.runAndReadAll(setup!);
  await connection.runAndReadAll(`COPY (${query}) TO '${result}' (HEADER)`);
  focusCsv = FOCUS;
  resultCsv = fs.readFileSync(result, "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
});

async function readInPane(files: File[], groupBy = "sub account") {
  const fake = createExcelFake();
  await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
  renderPane(<CostImportView onBack={jest.fn()} port={inProcessPort()} />, hostFor(fake));
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files } });
  fireEvent.click(screen.getByRole("radio", { name: new RegExp(groupBy) }));
  fireEvent.click(screen.getByRole("button", { name: "Read files" }));
}

async function costDataRows(): Promise<string[]> {
  fireEvent.click(await screen.findByRole("button", { name: "Next: into the workbook" }));
  const list = await screen.findByRole("list", { name: "Cost data rows" });
  return within(list)
    .getAllByRole("listitem")
    .map((item) => item.textContent ?? "");
}

describe("A warehouse query's result picked in the pane", () => {
  it("gives the Cost data rows of the FOCUS rows it summed", async () => {
    await readInPane([new File([focusCsv], "focus.csv")]);
    const fromRows = await costDataRows();
    document.body.innerHTML = "";

    await readInPane([new File([resultCsv], "result.csv")]);
    expect(
      await screen.findByText("Read the totals of 5 rows summed in a warehouse (result.csv).")
    ).toBeTruthy();
    const fromWarehouse = await costDataRows();
    expect(fromWarehouse).toEqual(fromRows);
    // January: a. February: the credit (no group), a, and b, whose row at 23:00 on 31 January at
    // UTC-2 is 1 February in UTC (both paths take ChargePeriodStart's UTC month).
    expect(fromWarehouse.map((row) => row.split("USD")[0])).toEqual([
      "Jan 2026 · a · ",
      "Feb 2026 · (none) · ",
      "Feb 2026 · a · ",
      "Feb 2026 · b · ",
    ]);
  });

  it("refuses a result picked together with FOCUS files, and says to import it alone", async () => {
    await readInPane([new File([focusCsv], "focus.csv"), new File([resultCsv], "result.csv")]);
    expect(await screen.findByText("result.csv cannot be imported")).toBeTruthy();
    expect(
      screen.getByText(/^result\.csv is the result of a warehouse query .* import it on its own/)
    ).toBeTruthy();
  });
});
