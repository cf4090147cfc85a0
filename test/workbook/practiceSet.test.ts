import { isErrorValue } from "../../src/domain/cellValue";
import { OptionsError, planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { allCells, formulaCells, named } from "./planLookup";

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

  it("links the executive summary to the practice workbooks' own figures", () => {
    const { plan } = planTemplates(ALL, DEFAULT_OPTIONS, noNames);
    expect(named(plan, "ExecBudgetYtd")).toBe(named(plan, "TeamBudgetYTD"));
    expect(named(plan, "ExecActualYtd")).toBe(named(plan, "TeamActualYTD"));
    expect(named(plan, "ExecMaturityLevel")).toBe(named(plan, "PracticeMaturityLevel"));
    expect(named(plan, "ExecKpiRed")).toBe(named(plan, "KpiRed"));
    // ROI recomputed here from its two sources: (validated value - projected cost) / projected cost
    const value = named(plan, "ValidatedValueTotal") as number;
    const cost = named(plan, "TeamProjectedFY") as number;
    expect(named(plan, "ExecRoi") as number).toBeCloseTo((value - cost) / cost, 12);
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
