import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { rollupOptions } from "../../../src/workbook/templates/enterpriseRollup";
import { formulaCells, tableColumn } from "../planLookup";
import { oddlyNamed } from "./oddNames";

/**
 * Department and category names with * ? ~ or a leading < = are matched exactly: each department's
 * KPI counts, adoption progress, escalations and rate, and each category's total, equal a count over
 * its own submission alone (a COUNTIF or MATCH criterion would take in its neighbours).
 */
describe("the roll-up matches names exactly", () => {
  const consolidation = oddlyNamed();
  const { submissions } = consolidation;
  const options = rollupOptions(submissions, { date: consolidation.date });
  const plan = planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
  const departments = (header: string) => tableColumn(plan, "rollupDepartments", header);
  const rate = (currency: string) => (currency === "USD" ? 1 : consolidation.rates[currency]);

  it("keeps every department under its own name", () => {
    expect(departments("Department")).toEqual(submissions.map((s) => s.department));
  });

  it("counts each department's own KPIs by status", () => {
    for (const status of ["Green", "Amber", "Red"])
      expect(departments(`KPIs ${status}`)).toEqual(
        submissions.map((s) => s.kpis.filter((k) => k.status.value === status).length)
      );
  });

  it("sums each department's own adoption stages and escalations", () => {
    const progress = departments("Adoption progress") as number[];
    submissions.forEach((s, i) => {
      const done = s.adoption.stages.reduce((t, stage) => t + stage.done, 0);
      const planned = s.adoption.stages.reduce((t, stage) => t + stage.activities, 0);
      expect(progress[i]).toBeCloseTo(done / planned, 12);
    });
    expect(departments("Escalations")).toEqual(
      submissions.map((s) => s.adoption.escalations.length)
    );
  });

  it("finds each department's own rate for its categories and team models", () => {
    const expected = submissions.flatMap((s) =>
      (s.budget?.byCategory ?? []).map(() => rate(s.currency))
    );
    expect(tableColumn(plan, "rollupBudgetCategories", "Rate to USD")).toEqual(expected);
    expect(tableColumn(plan, "rollupTeamModels", "Rate to USD")).toEqual(
      submissions.flatMap((s) => (s.staffing?.byModel ?? []).map(() => rate(s.currency)))
    );
  });

  it("totals each category under its own name", () => {
    const names = tableColumn(plan, "rollupCategoryTotals", "Category") as string[];
    const totals = tableColumn(plan, "rollupCategoryTotals", "Budget FY (USD)") as number[];
    expect(names).toEqual(expect.arrayContaining(["Tools*", "Tools", "Tools?", "People"]));
    names.forEach((name, i) => {
      const total = submissions.reduce(
        (sum, s) =>
          sum +
          (s.budget?.byCategory ?? [])
            .filter((c) => c.category === name)
            .reduce((t, c) => t + (c.budget.value ?? 0) * rate(s.currency), 0),
        0
      );
      expect(totals[i]).toBeCloseTo(total, 6);
    });
  });

  it("uses no name as a COUNTIF, SUMIF or MATCH criterion", () => {
    const formulas = formulaCells(plan).map((c) => c.formula);
    const byName = /(COUNTIFS?|SUMIFS?|MATCH)\([^()]*#This Row\],\[(Department|Category)\]/;
    expect(formulas.filter((f) => byName.test(f))).toEqual([]);
  });
});
