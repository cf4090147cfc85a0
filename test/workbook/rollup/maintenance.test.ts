import { cellAddress, cellPosition, rangeBounds } from "../../../src/workbook/addresses";
import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { readRollupHistory } from "../../../src/workbook/consolidate/rollupHistory";
import { Consolidation } from "../../../src/workbook/consolidate/submission";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { planRefresh } from "../../../src/workbook/maintain/refreshPlan";
import { RenderPlan } from "../../../src/workbook/plan";
import { rollupOptions } from "../../../src/workbook/templates/enterpriseRollup";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { figureValue, tableColumn, tableOf } from "../planLookup";
import { threeDepartments } from "./threeDepartments";

/**
 * The roll-up is maintained like any template: written to a file and read back, the health check
 * finds nothing; a computed cell typed over is found at its address and refresh plans its formula back;
 * the history and the typed rates are read back for the next consolidation.
 */
async function written(
  consolidation: Consolidation
): Promise<{ plan: RenderPlan; bytes: Uint8Array }> {
  const options = rollupOptions(consolidation.submissions, { date: consolidation.date });
  const plan = planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
  const { buffer } = await writeXlsxBuffer(plan, new Date("2026-07-01T12:00:00Z"));
  return { plan, bytes: new Uint8Array(buffer) };
}

describe("the enterprise roll-up in a file", () => {
  it("is checked clean: every template part where the store says", async () => {
    const { bytes } = await written(threeDepartments());
    const { readBack } = await readWorkbookFile(bytes);
    const report = checkWorkbook(readBack);
    expect(report.checked).toEqual(["enterpriseRollup"]);
    expect(report.findings).toEqual([]);
  });

  it("finds a computed cell typed over and refresh plans its formula back", async () => {
    const { plan, bytes } = await written(threeDepartments());
    const departments = tableOf(plan, "rollupDepartments");
    const header = cellPosition(departments.address.split(":")[0]);
    const column = departments.headers.indexOf("Budget FY (USD)");
    const address = cellAddress(header.row + 2, header.column + column);
    const sheet = plan.sheets[0].name;
    const edit = await PackageEdit.open(bytes);
    await edit.writeCells(sheet, [{ ...cellPosition(address), value: 123 }]);
    const { readBack } = await readWorkbookFile(new Uint8Array(await edit.bytes()));

    const findings = checkWorkbook(readBack).findings;
    expect(findings.map((f) => [f.kind, f.sheet, f.address, f.repairable])).toEqual([
      ["overwritten", sheet, address, true],
    ]);
    const restores = planRefresh(readBack).cells;
    expect(restores).toHaveLength(1);
    const restored = rangeBounds(restores[0].address);
    expect(cellAddress(restored.top, restored.left)).toBe(address);
    expect(restores[0].formulas[0][0]).toMatch(
      /^=IF\(RollupDepartments\[\[#This Row\],\[Budget FY, own currency\]\]=""/
    );
  });

  it("gives back the history and the typed rates for the next consolidation", async () => {
    const consolidation = threeDepartments();
    const { plan, bytes } = await written(consolidation);
    const { readBack } = await readWorkbookFile(bytes);
    const kept = readRollupHistory(readBack);
    expect(kept.history).toEqual([
      ...consolidation.history,
      ...consolidation.submissions.map((s) => ({
        date: consolidation.date,
        department: s.department,
        asAt: s.asAt,
        practiceScore: s.maturity?.practiceScore.value,
        budget: s.budget?.budget.value,
        actualYtd: s.budget?.actualYtd.value,
        validatedValue:
          (s.savings?.validatedSavings.value ?? 0) + (s.savings?.validatedAvoidance.value ?? 0),
        currency: s.currency,
      })),
    ]);
    // USD is the roll-up's own currency (1); EUR was typed (here: kept from the last roll-up).
    expect(kept.rates).toEqual({ USD: 1, EUR: 1.1 });
    expect(kept.ratesTo).toBe("USD");
    expect(kept.sheets).toEqual(plan.sheets.map((s) => s.name));
  });

  it("keeps a rate the finance team typed for the next consolidation", async () => {
    const { plan, bytes } = await written(threeDepartments(false));
    const departments = tableOf(plan, "rollupDepartments");
    const header = cellPosition(departments.address.split(":")[0]);
    // Europe is the third department row.
    const rate = {
      row: header.row + 3,
      column: header.column + departments.headers.indexOf("Rate to USD"),
    };
    const edit = await PackageEdit.open(bytes);
    await edit.writeCells(plan.sheets[0].name, [{ ...rate, value: 1.25 }]);
    const { readBack } = await readWorkbookFile(new Uint8Array(await edit.bytes()));
    const kept = readRollupHistory(readBack);
    expect(kept.rates).toEqual({ USD: 1, EUR: 1.25 });

    const next: Consolidation = { ...threeDepartments(), history: kept.history, rates: kept.rates };
    const again = planRollup(next, rollupOptions(next.submissions, { date: next.date }), {
      sheets: [],
      tablesAndNames: [],
    });
    expect(tableColumn(again, "rollupDepartments", "Rate to USD")).toEqual([1, 1, 1.25]);
    // Budget FY: 1,000,000 + 600,000 + 500,000 EUR x 1.25.
    expect(figureValue(again, "rollupBudget")).toBe(2_225_000);
    // The first consolidation's rows are kept, this one's appended.
    expect(tableColumn(again, "rollupHistory", "Department")).toHaveLength(1 + 3 + 3);
  });

  it("reads nothing from a workbook without a roll-up", async () => {
    const { bytes } = await written(threeDepartments());
    const { readBack } = await readWorkbookFile(bytes);
    expect(readRollupHistory({ ...readBack, templates: [] })).toEqual({
      history: [],
      rates: {},
      ratesTo: null,
      sheets: [],
    });
  });
});
