import { isErrorValue } from "../../src/domain/cellValue";
import { OptionsError, planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { CellValue } from "../../src/domain/cellValue";
import { allCells, cellAt, formulaCells, named, tableColumn } from "./planLookup";

const ALL = TEMPLATES.map((t) => t.id);
const noNames = { sheets: [], tablesAndNames: [] };

describe("the practice set", () => {
  const variants: [string, TemplateOptions][] = [
    ["add-in formulas with sample data", DEFAULT_OPTIONS],
    ["portable formulas with sample data", { ...DEFAULT_OPTIONS, formulaMode: "portable" }],
    ["add-in formulas without sample data", { ...DEFAULT_OPTIONS, sampleData: false }],
    [
      "portable formulas without sample data, April fiscal year, 18 periods, EUR",
      {
        ...DEFAULT_OPTIONS,
        sampleData: false,
        formulaMode: "portable",
        fiscalYearStartMonth: 4,
        firstPeriod: "2026-04",
        periods: 18,
        currency: "EUR",
      },
    ],
  ];

  it.each(variants)(
    "plans every template (%s) with no error in any computed cell",
    (_, options) => {
      const { plan } = planTemplates(ALL, options, noNames);
      expect(plan.sheets.length).toBeGreaterThanOrEqual(TEMPLATES.length);
      const errors = plan.sheets.flatMap((sheet) =>
        allCells(sheet)
          .filter((cell) => isErrorValue(cell.expected))
          .map((cell) => `${sheet.name}: ${cell.formula}`)
      );
      expect(errors).toEqual([]);
      const portable = options.formulaMode === "portable";
      const formulas = formulaCells(plan).map((cell) => cell.formula);
      expect(formulas.some((f) => f.includes("FINOPS."))).toBe(!portable);
      for (const formula of formulas) expect(formula.length).toBeLessThanOrEqual(8192);
    }
  );

  it("adds the templates the executive summary links to", () => {
    const { plan, addedForLinks } = planTemplates(["executive-summary"], DEFAULT_OPTIONS, noNames);
    expect([...addedForLinks].sort()).toEqual(
      ALL.filter((id) => id !== "executive-summary").sort()
    );
    expect(plan.sheets[0].name).toBe("Executive summary");
  });

  describe("tells one story: the same figure wherever it appears", () => {
    const { plan } = planTemplates(ALL, DEFAULT_OPTIONS, noNames);
    const value = (definedName: string) => named(plan, definedName) as number;
    const column = (table: string, header: string) => tableColumn(plan, table, header);
    const total = (values: CellValue[]) =>
      values.reduce<number>((t, v) => t + (typeof v === "number" ? v : 0), 0);

    it("links each summary figure to the one cell that defines it", () => {
      const links: [string, string][] = [
        ["ExecAsAt", "BudgetAsAt"],
        ["ExecCloudSpend", "AnnualCloudSpend"],
        ["ExecBudgetFy", "TeamBudgetFY"],
        ["ExecTeamCostFy", "TeamProjectedFY"],
        ["ExecOverUnderFy", "TeamOverUnderFY"],
        ["ExecBudgetStatus", "TeamBudgetStatus"],
        ["ExecValueValidated", "ValidatedValueTotal"],
        ["ExecFteFunded", "StaffFTEFunded"],
        ["ExecMaturityLevel", "PracticeMaturityLevel"],
        ["ExecReviewsOverdue", "DecisionReviewsOverdue"],
        ["ExecActivitiesOverdue", "AdoptionActivitiesOverdue"],
        ["ExecMonthsWithoutActuals", "BudgetMonthsWithoutActuals"],
        ["ExecAssessmentAge", "MaturityAssessmentAge"],
        ["ExecValueInYear", "InYearValidatedTotal"],
        ["ExecSharedBills", "LedgerOverlapsToCheck"],
      ];
      for (const [summary, source] of links)
        expect([summary, named(plan, summary)]).toEqual([summary, named(plan, source)]);
      const formulas = formulaCells(plan).map((c) => c.formula);
      expect(formulas).toContain("=TeamBudgetFY");
    });

    it("counts the same KPIs by status in the tracker and on the summary's chart", () => {
      const counts = column("ExecKpiStatus", "KPIs");
      expect(counts).toEqual([value("KpiGreen"), value("KpiAmber"), value("KpiRed")]);
      // Independently: statuses of the KPIs that count (a KPI restating another does not).
      const status = column("Kpis", "Status");
      const countsIn = column("Kpis", "Counts in status");
      const count = (s: string) => status.filter((x, i) => x === s && countsIn[i] !== "N").length;
      expect(counts).toEqual([count("Green"), count("Amber"), count("Red")]);
    });

    it("holds one reporting date on every sheet that reads one", () => {
      const dates = ["BudgetAsAt", "DecisionsAsAt", "AdoptionAsAt", "MaturityAsAt"].map(value);
      expect(new Set(dates).size).toBe(1);
      // The assessment's age at that date, in days.
      expect(value("ExecAssessmentAge")).toBe(
        value("MaturityAsAt") - value("MaturityAssessmentDate")
      );
      expect(value("ExecAssessmentAge")).toBe(76); // 2026-04-15 to 2026-06-30
    });

    it("recomputes the return, the value's share and the unvalidated value from the source rows", () => {
      // The ledger's values (a one-off counted once), their months in the year, and which of them
      // finance has validated.
      const monthly = column("SavingsLedger", "Monthly value");
      const recurring = column("SavingsLedger", "Recurring");
      const months = column("SavingsLedger", "Months in fiscal year");
      const validated = column("SavingsLedger", "Validated by finance");
      const annual = monthly.map((m, i) => (m as number) * (recurring[i] === "N" ? 1 : 12));
      const inYear = monthly.map((m, i) => (m as number) * (months[i] as number));
      const checked = (values: number[]) => total(values.filter((_, i) => validated[i] === "Y"));
      expect(value("ValidatedValueTotal")).toBeCloseTo(checked(annual), 6);
      expect(value("ExecValueValidated")).toBeCloseTo(checked(annual), 6);
      expect(value("ExecValueInYear")).toBeCloseTo(checked(inYear), 6);
      expect(value("ExecValueNotValidated")).toBeCloseTo(total(annual) - checked(annual), 6);
      // The team's full-year forecast: each line's actuals to date, then its forecast.
      const forecast = total(column("BudgetLines", "Forecast FY"));
      expect(value("TeamProjectedFY")).toBeCloseTo(forecast, 6);
      // The return sets the year's validated value against the year's team cost.
      expect(value("ExecReturnRatio")).toBeCloseTo(checked(inYear) / forecast, 12);
      expect(value("ExecRoi")).toBeCloseTo((checked(inYear) - forecast) / forecast, 12);
      expect(value("ExecValueShareOfSpend")).toBeCloseTo(
        checked(inYear) / value("AnnualCloudSpend"),
        12
      );
      expect(value("ExecSharedBills")).toBe(
        column("SavingsLedger", "Overlap").filter((o) => o !== "").length
      );
    });

    it("counts as funded exactly the roles the team budget's People lines pay for", () => {
      const funding = column("StaffingPlan", "Funding source");
      const fte = column("StaffingPlan", "FTE (average)");
      const cost = column("StaffingPlan", "Loaded cost FY");
      const funded = (values: CellValue[]) =>
        total(values.filter((_, i) => funding[i] === "FinOps team budget"));
      expect(value("ExecFteFunded")).toBeCloseTo(funded(fte), 9);
      expect(value("ExecFteContributed")).toBeCloseTo(total(fte) - funded(fte), 9);
      const categories = column("BudgetLines", "Category");
      const people = total(
        column("BudgetLines", "Budget FY").filter((_, i) => categories[i] === "People")
      );
      // The budget rounds each month to the dollar: within 0.01% of the staffing plan's cost.
      expect(Math.abs(people - funded(cost)) / people).toBeLessThan(0.0001);
    });

    it("states the maturity change in points over the capabilities assessed both times", () => {
      const changes = column("MaturityCapabilities", "Change since last record").filter(
        (c): c is number => typeof c === "number"
      );
      expect(changes.length).toBeGreaterThan(0);
      expect(value("ExecMaturityCompared")).toBe(changes.length);
      const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
      expect(value("ExecMaturityChange")).toBeCloseTo(100 * mean, 9);
      // The three largest gaps, and how many capabilities share the third's size.
      const gaps = column("MaturityCapabilities", "Gap to target").filter(
        (g): g is number => typeof g === "number"
      );
      const third = [...gaps].sort((a, b) => b - a)[2];
      expect(value("ExecGapTies")).toBe(gaps.filter((g) => g >= third).length);
    });
  });

  it("without sample data the summary shows blanks or zero counts, never an error", () => {
    const { plan } = planTemplates(ALL, { ...DEFAULT_OPTIONS, sampleData: false }, noNames);
    expect(named(plan, "ExecRoi")).toBe("");
  });

  it("never overwrites: names in use are replaced by free ones and reported", () => {
    const { plan, renamed } = planTemplates(["team-budget"], DEFAULT_OPTIONS, {
      sheets: ["Team budget", "team budget (2)"],
      tablesAndNames: ["BudgetLines", "budgettolerance"],
    });
    expect(plan.sheets[0].name).toBe("Team budget (3)");
    expect(plan.sheets[0].tables[0].name).toBe("BudgetLines_2");
    expect(renamed).toEqual(
      expect.arrayContaining([
        { kind: "sheet", wanted: "Team budget", chosen: "Team budget (3)" },
        { kind: "table", wanted: "BudgetLines", chosen: "BudgetLines_2" },
        { kind: "name", wanted: "BudgetTolerance", chosen: "BudgetTolerance_2" },
      ])
    );
    const formulas = formulaCells(plan).map((cell) => cell.formula);
    expect(
      formulas.some((f) => f.includes("BudgetLines_2[") && f.includes("BudgetTolerance_2"))
    ).toBe(true);
    expect(formulas.some((f) => /BudgetLines\[/.test(f))).toBe(false);
  });
});

describe("options", () => {
  it("refuses options a workbook cannot be built with, saying how to fix each", () => {
    const bad = { ...DEFAULT_OPTIONS, currency: "EURO", periods: 40, organisation: " " };
    expect(() => planTemplates(["team-budget"], bad, noNames)).toThrow(OptionsError);
    try {
      planTemplates(["team-budget"], bad, noNames);
    } catch (error) {
      expect((error as OptionsError).problems).toEqual([
        "Enter the organisation's name.",
        '"EURO" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
        "Choose 1 to 36 monthly periods.",
      ]);
    }
  });
});

describe("a practice set made with sample figures", () => {
  /** The sheets whose top-left title names the organisation. */
  const titles = (options: TemplateOptions) =>
    planTemplates(ALL, options, noNames).plan.sheets.map((sheet) => ({
      sheet: sheet.name,
      title: String(cellAt(sheet, "A1")?.value ?? ""),
    }));

  it("says so in the title of every sheet that holds figures", () => {
    const titled = titles(DEFAULT_OPTIONS).filter((t) => t.sheet !== "Lens guide");
    expect(titled.length).toBeGreaterThanOrEqual(9);
    for (const { title } of titled)
      expect(title).toMatch(/^Contoso Retail: FinOps .+ \(sample figures\)$/);
  });

  it("and a practice set made empty says nothing of the kind", () => {
    for (const { title } of titles({ ...DEFAULT_OPTIONS, sampleData: false }))
      expect(title).not.toMatch(/sample/i);
  });
});
