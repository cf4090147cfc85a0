import { isErrorValue } from "../../../src/domain/cellValue";
import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { RenderPlan } from "../../../src/workbook/plan";
import {
  enterpriseRollup,
  ROLLUP_TEMPLATE_ID,
  rollupOptions,
  rollupSpec,
} from "../../../src/workbook/templates/enterpriseRollup";
import { findTemplate, TEMPLATES, templateById } from "../../../src/workbook/templates";
import { figureValue, formulaCells, planSpecs, tableColumn, tableOf } from "../planLookup";
import { threeDepartments } from "./threeDepartments";

/**
 * Finance (USD), Retail (USD) and Europe (EUR, 1.1 to USD): every enterprise figure and spread
 * statistic worked out by hand from the figures in threeDepartments.ts.
 */
function planned(withRate = true): RenderPlan {
  const consolidation = threeDepartments(withRate);
  const options = rollupOptions(consolidation.submissions, { date: consolidation.date });
  return planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
}

describe("the enterprise roll-up of three departments, by hand", () => {
  const plan = planned();
  const value = (key: string) => figureValue(plan, key);

  it("takes the roll-up's options from the submissions", () => {
    const { submissions } = threeDepartments();
    const options = rollupOptions(submissions, { date: "2026-07-01" });
    // Two of three report in USD; all three are Contoso's, in FY2026 (January to December), as at
    // their reporting date, not the day they were consolidated.
    expect(options).toMatchObject({
      organisation: "Contoso",
      currency: "USD",
      fiscalYearStartMonth: 1,
      firstPeriod: "2026-01",
      asAt: "2026-06-30",
      sampleData: false,
      formulaMode: "portable",
      departments: ["Finance", "Retail", "Europe"],
    });
    expect(rollupOptions(submissions, { date: "2026-07-01", currency: "EUR" }).currency).toBe(
      "EUR"
    );
  });

  it("says so in every title when any department's figures are sample figures", () => {
    const { submissions } = threeDepartments();
    const withSample = [{ ...submissions[0], sampleFigures: true }, ...submissions.slice(1)];
    const options = rollupOptions(withSample, { date: "2026-07-01" });
    expect(options.sampleData).toBe(true);
    const spec = rollupSpec(options, { ...threeDepartments(), submissions: withSample });
    const titles = spec.sheets.map((s) => s.blocks.find((b) => b.kind === "title"));
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles)
      expect(title?.kind === "title" && title.text).toMatch(/\(sample figures\)$/);
  });

  it("shows the spread of practice scores, not one average", () => {
    expect(value("rollupDepartmentCount")).toBe(3);
    expect(value("rollupScored")).toBe(3);
    // Scores 0.5, 0.3, 0.8: lowest 0.3, median 0.5, highest 0.8.
    expect(value("rollupLowest")).toBe(0.3);
    expect(value("rollupMedian")).toBe(0.5);
    expect(value("rollupHighest")).toBe(0.8);
    // Finance 0.5 < 0.6 and Retail 0.3 < 0.5 are below their targets; Europe 0.8 >= 0.7 is not.
    expect(value("rollupBelowTarget")).toBe(2);
    expect(tableColumn(plan, "rollupDepartments", "Below target")).toEqual(["Yes", "Yes", "No"]);
  });

  it("weights the enterprise score by cloud spend in USD", () => {
    // Spend 10M, 30M and 20M EUR x 1.1 = 22M: (0.5x10 + 0.3x30 + 0.8x22) / 62 = 31.6 / 62.
    expect(value("rollupWeightedScore")).toBeCloseTo(31.6 / 62, 12);
    expect(value("rollupWeighted")).toBe(3);
  });

  it("adds the money up in USD, Europe's at 1.1", () => {
    expect(value("rollupWithoutRate")).toBe(0);
    // Budget FY 1,000,000 + 600,000 + 500,000 x 1.1.
    expect(value("rollupBudget")).toBeCloseTo(2_150_000, 6);
    expect(value("rollupBudgetYtd")).toBeCloseTo(500_000 + 300_000 + 275_000, 6);
    expect(value("rollupActualYtd")).toBeCloseTo(520_000 + 270_000 + 264_000, 6);
    // Over / (under): +20,000, -30,000 and -10,000 EUR x 1.1 = -11,000.
    expect(value("rollupOverUnder")).toBeCloseTo(-21_000, 6);
    // Loaded cost: 300,000 + 50,000; 150,000 + 120,000; 100,000 EUR x 1.1.
    expect(value("rollupTeamCost")).toBeCloseTo(730_000, 6);
    expect(value("rollupSavings")).toBeCloseTo(400_000 + 200_000 + 110_000, 6);
    expect(value("rollupAvoidance")).toBeCloseTo(100_000 + 0 + 55_000, 6);
    // FINOPS.ROI, the team budget's TeamROI definition: (865,000 - 730,000) / 730,000.
    expect(value("rollupReturn")).toBeCloseTo(135_000 / 730_000, 12);
  });

  it("leaves a department without a rate out of the totals, and says how many", () => {
    const noRate = planned(false);
    const v = (key: string) => figureValue(noRate, key);
    expect(v("rollupWithoutRate")).toBe(1);
    expect(v("rollupBudget")).toBe(1_600_000);
    // Europe's spend is unknown in USD: (0.5x10 + 0.3x30) / 40, two departments weighted.
    expect(v("rollupWeightedScore")).toBeCloseTo(14 / 40, 12);
    expect(v("rollupWeighted")).toBe(2);
    // (600,000 + 100,000 - 620,000) / 620,000.
    expect(v("rollupReturn")).toBeCloseTo(80_000 / 620_000, 12);
    expect(tableColumn(noRate, "rollupDepartments", "Rate to USD")).toEqual([1, 1, null]);
    expect(tableColumn(noRate, "rollupDepartments", "Budget FY (USD)")).toEqual([
      1_000_000,
      600_000,
      "",
    ]);
  });

  it("counts each department's KPIs, adoption and escalations from the long tables", () => {
    expect(tableColumn(plan, "rollupDepartments", "KPIs Green")).toEqual([1, 2, 1]);
    expect(tableColumn(plan, "rollupDepartments", "KPIs Amber")).toEqual([0, 1, 0]);
    expect(tableColumn(plan, "rollupDepartments", "KPIs Red")).toEqual([1, 0, 0]);
    // Finance (4 + 2) done of (4 + 5); Retail 2 of 4; Europe 3 of 3.
    expect(tableColumn(plan, "rollupDepartments", "Adoption progress")).toEqual([6 / 9, 0.5, 1]);
    expect(tableColumn(plan, "rollupDepartments", "Escalations")).toEqual([1, 0, 2]);
    // (500,000 - 350,000) / 350,000; (200,000 - 270,000) / 270,000; (165,000 - 110,000) / 110,000.
    const returns = tableColumn(plan, "rollupDepartments", "Return on team cost") as number[];
    expect(returns[0]).toBeCloseTo(150 / 350, 12);
    expect(returns[1]).toBeCloseTo(-70 / 270, 12);
    expect(returns[2]).toBeCloseTo(0.5, 12);
  });

  it("spreads each capability across departments against each one's own target", () => {
    const column = (header: string) => tableColumn(plan, "rollupHeatMap", header);
    // Scorecard order, first seen: Finance's three, then Retail's Anomaly management.
    expect(column("Capability")).toEqual([
      "Cost allocation",
      "Forecasting",
      "Budgeting",
      "Anomaly management",
    ]);
    expect(column("Finance")).toEqual([0.5, 0.25, 0.75, null]);
    expect(column("Europe")).toEqual([1, null, 0.5, null]);
    // Cost allocation 0.5, 0.25, 1; Forecasting 0.25, 0.5 (Europe not scored); Budgeting 0.75, 0.5.
    expect(column("Lowest")).toEqual([0.25, 0.25, 0.5, 0.5]);
    expect(column("Median")).toEqual([0.5, 0.375, 0.625, 0.5]);
    expect(column("Highest")).toEqual([1, 0.5, 0.75, 0.5]);
    // Cost allocation: Finance 0.5 < 0.75, Retail 0.25 < 0.5. Forecasting: Finance 0.25 < 0.5 (Europe
    // has a target but no score). Budgeting: Europe 0.5 < 0.75. Anomaly management: 0.5 >= 0.25.
    expect(column("Below target")).toEqual([2, 1, 1, 0]);
    expect(column("Departments scored")).toEqual([3, 2, 2, 1]);
  });

  it("totals money by category and by team model in USD", () => {
    const categories = (header: string) => tableColumn(plan, "rollupCategoryTotals", header);
    expect(categories("Category")).toEqual(["People", "Tools", "Training"]);
    // People 800,000 + 500,000 + 400,000 x 1.1; Tools 200,000 + 100,000 x 1.1; Training 100,000.
    const budgets = categories("Budget FY (USD)") as number[];
    [1_740_000, 310_000, 100_000].forEach((b, i) => expect(budgets[i]).toBeCloseTo(b, 6));
    const actuals = categories("Actual YTD (USD)") as number[];
    [880_000, 144_000, 30_000].forEach((a, i) => expect(actuals[i]).toBeCloseTo(a, 6));
    const models = (header: string) => tableColumn(plan, "rollupModelTotals", header);
    expect(models("Team model")).toEqual(["Central", "Hub", "Spoke", "Virtual"]);
    expect(models("FTE")).toEqual([3, 1, 1.5, 0.5]);
    const costs = models("Cost (USD)") as number[];
    [410_000, 150_000, 120_000, 50_000].forEach((c, i) => expect(costs[i]).toBeCloseTo(c, 6));
    expect(models("Departments")).toEqual([2, 1, 1, 1]);
  });

  it("keeps the history and appends a row per department", () => {
    expect(tableColumn(plan, "rollupHistory", "Department")).toEqual([
      "Finance",
      "Finance",
      "Retail",
      "Europe",
    ]);
    // Validated value: savings plus avoidance, in the department's own currency.
    expect(tableColumn(plan, "rollupHistory", "Validated value")).toEqual([
      300_000, 500_000, 200_000, 150_000,
    ]);
    expect(tableColumn(plan, "rollupHistory", "Currency")).toEqual(["USD", "USD", "USD", "EUR"]);
  });

  it("lists the submissions and every figure's source", () => {
    expect(tableColumn(plan, "rollupSubmissions", "Template versions")[0]).toBe(
      "Team budget v4, Maturity scorecard v3 (current v5)"
    );
    expect(tableColumn(plan, "rollupSubmissions", "Missing templates")).toEqual([
      "None",
      "Decision and accountability model",
      "None",
    ]);
    const files = tableColumn(plan, "rollupSources", "File");
    expect(new Set(files)).toEqual(new Set(["finance.xlsx", "retail.xlsx", "europe.xlsx"]));
    expect(
      tableColumn(plan, "rollupSources", "Cell").every((c) => typeof c === "string" && c !== "")
    ).toBe(true);
  });

  it("has no error in any computed cell, with data and empty", () => {
    for (const p of [plan, planned(false)])
      for (const cell of formulaCells(p)) expect(isErrorValue(cell.expected)).toBe(false);
    expect(tableOf(plan, "rollupDepartments").headers).toContain("Rate to USD");
  });

  it("builds empty, in both formula modes, for maintenance to plan from its recorded options", () => {
    const options = rollupOptions(threeDepartments().submissions, { date: "2026-07-01" });
    for (const formulaMode of ["addin", "portable"] as const)
      for (const departments of [options.departments, []]) {
        const built = { ...options, formulaMode, departments };
        const empty = planSpecs([enterpriseRollup.build(built)], built);
        expect(formulaCells(empty).length).toBeGreaterThan(20);
        for (const cell of formulaCells(empty)) expect(isErrorValue(cell.expected)).toBe(false);
        expect(figureValue(empty, "rollupWeightedScore")).toBe("");
      }
  });

  it("is known to maintenance but not part of the practice set", () => {
    expect(templateById(ROLLUP_TEMPLATE_ID)).toBe(enterpriseRollup);
    expect(findTemplate(ROLLUP_TEMPLATE_ID)).toBe(enterpriseRollup);
    expect(TEMPLATES).not.toContain(enterpriseRollup);
  });
});
