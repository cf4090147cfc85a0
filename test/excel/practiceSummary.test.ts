import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { readPracticeSummary } from "../../src/excel/practiceSummary";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES, templateById } from "../../src/workbook/templates";
import { createExcelFake } from "../fakes/excel";
import { applyCostImport } from "../../src/excel/importCostData";
import { aggregate, focusImport } from "../workbook/costData/focusImports";
import { hostFor, NOW, showInName } from "./hostFor";

const ALL = TEMPLATES.map((t) => t.id);

describe("reading the practice summary", () => {
  it("finds nothing in a workbook without FinOps sheets, in one sync", async () => {
    const fake = createExcelFake();
    await expect(readPracticeSummary(hostFor(fake))).resolves.toEqual({
      templates: [],
      maturity: null,
      kpis: null,
      budget: null,
      validated: null,
      lastImport: null,
    });
    expect(fake.syncCount).toBe(1);
  });

  it("lists the templates with versions and reads maturity and KPI counts in two syncs", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake));
    showInName(fake, "PracticeMaturityLevel", "Walk");
    showInName(fake, "PracticeMaturityScore", 0.62);
    showInName(fake, "KpiGreen", 7);
    showInName(fake, "KpiAmber", 4);
    showInName(fake, "KpiRed", 2);
    fake.resetCounters();
    const summary = await readPracticeSummary(hostFor(fake));
    expect(fake.syncCount).toBe(2);
    expect(summary.templates.map((t) => [t.templateId, t.version])).toEqual(
      ALL.map((id) => [id, templateById(id).version])
    );
    expect(summary.templates.find((t) => t.templateId === "team-budget")?.sheets).toEqual([
      "Team budget",
    ]);
    expect(summary.maturity).toEqual({ level: "Walk", score: 0.62 });
    expect(summary.kpis).toEqual({ green: 7, amber: 4, red: 2 });
  });

  it("reads the budget, the validated value in each template's currency and the last import, still in two syncs", async () => {
    const fake = createExcelFake();
    const host = hostFor(fake);
    await generateWorkbooks(["team-budget"], { ...DEFAULT_OPTIONS, currency: "EUR" }, host);
    await generateWorkbooks(["kpi-tracker"], { ...DEFAULT_OPTIONS, currency: "GBP" }, host);
    await applyCostImport(
      focusImport([aggregate("2026-01", "web"), aggregate("2026-03", "web")]),
      { periods: [] },
      host
    );
    showInName(fake, "TeamBudgetYTD", 1000);
    showInName(fake, "TeamActualYTD", 900);
    showInName(fake, "TeamBudgetFY", 2400);
    showInName(fake, "TeamBudgetStatus", "Under budget");
    showInName(fake, "SavingsValidatedTotal", 50);
    showInName(fake, "AvoidanceValidatedTotal", 25);
    fake.resetCounters();
    const summary = await readPracticeSummary(host);
    expect(fake.syncCount).toBe(2);
    expect(summary.budget).toEqual({
      currency: "EUR",
      budgetYtd: 1000,
      actualYtd: 900,
      budgetFy: 2400,
      status: "Under budget",
    });
    expect(summary.validated).toEqual({ currency: "GBP", savings: 50, avoidance: 25 });
    expect(summary.lastImport).toEqual({
      at: NOW.toISOString().slice(0, 16) + "Z",
      firstMonth: "2026-01",
      lastMonth: "2026-03",
    });
  });

  it("finds the last import in a workbook that holds only the Cost data sheet", async () => {
    const fake = createExcelFake();
    await applyCostImport(
      focusImport([aggregate("2026-02", "web")]),
      { periods: [] },
      hostFor(fake)
    );
    const summary = await readPracticeSummary(hostFor(fake));
    expect(summary.templates).toEqual([]);
    expect(summary.lastImport).toMatchObject({ firstMonth: "2026-02", lastMonth: "2026-02" });
  });

  it("a deleted Cost data sheet is no import, and the rest of the summary is read", async () => {
    const fake = createExcelFake();
    const host = hostFor(fake);
    await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, host);
    await applyCostImport(focusImport([aggregate("2026-02", "web")]), { periods: [] }, host);
    showInName(fake, "KpiGreen", 1);
    showInName(fake, "KpiAmber", 2);
    showInName(fake, "KpiRed", 3);
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Cost data").delete();
      await context.sync();
    });
    const summary = await readPracticeSummary(host);
    expect(summary.lastImport).toBeNull();
    expect(summary.kpis).toEqual({ green: 1, amber: 2, red: 3 });
  });

  it("reads the figures under the free names a second copy was given", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
    await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
    showInName(fake, "KpiGreen", 1);
    showInName(fake, "KpiAmber", 1);
    showInName(fake, "KpiRed", 1);
    showInName(fake, "KpiGreen_2", 5);
    showInName(fake, "KpiAmber_2", 0);
    showInName(fake, "KpiRed_2", 3);
    const summary = await readPracticeSummary(hostFor(fake));
    expect(summary.kpis).toEqual({ green: 5, amber: 0, red: 3 });
    expect(summary.maturity).toBeNull();
  });

  it("leaves out figures that are not calculated, are errors, or whose names were deleted", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["maturity-scorecard", "kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
    showInName(fake, "PracticeMaturityLevel", "#N/A");
    showInName(fake, "KpiGreen", 3);
    await fake.Excel.run(async (context) => {
      context.workbook.names.getItem("KpiRed").delete();
      await context.sync();
    });
    const summary = await readPracticeSummary(hostFor(fake));
    expect(summary.maturity).toEqual({ level: null, score: null });
    expect(summary.kpis).toBeNull();
    expect(summary.templates).toHaveLength(2);
  });

  it("explains a failure in plain words", async () => {
    const fake = createExcelFake();
    fake.failOnSync(
      1,
      Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" })
    );
    await expect(readPracticeSummary(hostFor(fake))).rejects.toThrow(
      "Reading the workbook failed: Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again."
    );
  });
});
