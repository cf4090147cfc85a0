import { BudgetCategory, BudgetSubmission, Sourced } from "./submission";
import { orBlankIn, TemplateReader } from "./templateReader";

const NO_CATEGORY = "No category";

/**
 * The team budget's year and year-to-date totals (TeamBudgetFY, TeamBudgetYTD, TeamActualYTD, every
 * version), the same two per category summed over its lines (each line's Budget FY and Actual YTD
 * columns, which the totals sum), and the return on the team's cost. The FinOps team's own funding
 * against its budget: FinOps Framework, FinOps Practice Operations.
 */
export function readBudget(
  budget: TemplateReader,
  summary: TemplateReader | undefined
): { budget: BudgetSubmission; notes: string[] } {
  const sourced = (figure: Sourced<number> | undefined) => orBlankIn(budget, figure);
  const { value: returnOnTeamCost, note } = teamReturn(budget, summary);
  return {
    budget: {
      budget: sourced(budget.number("teamBudgetFy")),
      budgetYtd: sourced(budget.number("teamBudgetYtd")),
      actualYtd: sourced(budget.number("teamActualYtd")),
      byCategory: byCategory(budget),
      returnOnTeamCost: sourced(returnOnTeamCost),
    },
    notes: note ? [note] : [],
  };
}

function byCategory(budget: TemplateReader): BudgetCategory[] {
  const lines = budget.table("budgetLines");
  const [category, budgetFy, actualYtd] = ["category", "budgetFy", "actualYtd"].map((key) =>
    lines?.column(key)
  );
  if (!lines || !budgetFy || !actualYtd) return [];
  const sums = new Map<string, { budget: number; actual: number }>();
  for (let row = 0; row < lines.rows; row += 1) {
    const name = category?.text(row).value ?? NO_CATEGORY;
    const sum = sums.get(name) ?? { budget: 0, actual: 0 };
    sum.budget += budgetFy.number(row).value ?? 0;
    sum.actual += actualYtd.number(row).value ?? 0;
    sums.set(name, sum);
  }
  return [...sums].map(([name, sum]) => ({
    category: name,
    budget: { value: sum.budget, source: budgetFy.source },
    actualYtd: { value: sum.actual, source: actualYtd.source },
  }));
}

/**
 * The return on the team's cost (FINOPS.ROI: (value - cost) / cost). The executive summary's version 4
 * compares the in-year value validated by finance with the team's full-year forecast, the definition
 * docs/TEMPLATES.md gives (FinOps Practice Operations): read there when the workbook has it. Else the
 * budget's own TeamROI (versions 1 and 2: savings typed in against actual year to date), else an
 * earlier summary's (annualised validated value against projected cost); a note says which.
 */
function teamReturn(
  budget: TemplateReader,
  summary: TemplateReader | undefined
): { value?: Sourced<number>; note?: string } {
  const fromSummary = summary?.number("execRoi");
  if (summary && fromSummary && summary.version >= 4) return { value: fromSummary };
  const own = budget.number("teamRoi");
  if (own)
    return {
      value: own,
      note: `Return on the team's cost read from the team budget's version ${budget.version} (savings delivered against actual year to date).`,
    };
  if (summary && fromSummary)
    return {
      value: fromSummary,
      note: `Return on the team's cost read from the executive summary's version ${summary.version} (annualised validated value against projected cost).`,
    };
  return { note: "Return on the team's cost not found: the workbook has no executive summary." };
}
