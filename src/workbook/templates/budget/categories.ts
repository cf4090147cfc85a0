/** The cost categories of the team budget's lines (a drop-down). */
export const BUDGET_CATEGORIES = [
  "People",
  "Tools and services",
  "Training and certification",
  "Consulting",
  "Other",
] as const;

/** Where the budget lines come from in the FinOps Framework. */
export const BUDGET_SEED =
  "FinOps Framework, FinOps Practice Operations: Build a FinOps team (funding)";

/** The team budget's tables, by key. */
export const LINES_TABLE = "budgetLines";
/** The monthly totals table: the lines' budget, forecast and actual of each month, one row a month. */
export const BUDGET_BY_MONTH_TABLE = "budgetByMonth";
export const BUDGET_BY_MONTH_CHART = "Team budget, forecast and actual by month";

export type BudgetVersion = 1 | 2 | 3 | 4;
