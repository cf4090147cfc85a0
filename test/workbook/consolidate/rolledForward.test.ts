import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { fiscalYearMonths } from "../../../src/workbook/options";
import { rollForwardFile } from "../../../src/xlsx/maintain/rollForwardFile";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { departmentFile, departmentOptions, NOW, num, rows } from "./departmentFiles";

// A department that has moved into the next fiscal year: its workbook holds both years' budgets, and
// the roll-up takes the newest, as generation and the pane's headline figures do.
describe("readSubmission on a workbook rolled into the next fiscal year", () => {
  it("reads the new year's budget, on its own sheet, with the new year's label", async () => {
    const options = departmentOptions({ department: "Data Platform" });
    const made = await departmentFile("data.xlsx", options);
    const op = await rollForwardFile(
      await readWorkbookFile(made.bytes),
      made.bytes,
      "fiscal-year",
      NOW,
      false
    );
    if (!op.bytes) throw new Error("Nothing was rolled forward");
    const result = readSubmission("data.xlsx", (await readWorkbookFile(op.bytes)).readBack);
    if (isRefused(result)) throw new Error(result.reason);
    expect(result.fiscalYear).toBe("FY2027");
    expect(result.budget?.budget.source.sheet).toBe("Team budget FY2027");
    // The new year's budget is each line's monthly forecast of the year before (nextYearSeed.ts).
    const forecasts = rows(made.plan, "BudgetLines").reduce(
      (sum, line) =>
        sum + fiscalYearMonths(options).reduce((s, m) => s + num(line[`Forecast ${m.label}`]), 0),
      0
    );
    expect(result.budget?.budget.value).toBeCloseTo(forecasts, 6);
    expect(result.budget?.actualYtd.value).toBe(0);
    expect(result.templates.filter((t) => t.templateId === "team-budget")).toHaveLength(1);
    expect(result.healthErrors).toBe(0);
  }, 60_000);
});
