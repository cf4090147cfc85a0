/**
 * Keys and headers of the enterprise roll-up that more than one module reads: the template's own
 * blocks, the planner that fills them and readRollupHistory, which finds the history and the rates
 * again in a workbook by these keys and headers.
 */
export const ROLLUP_TEMPLATE_ID = "enterpriseRollup";

export const DEPARTMENTS_TABLE = "rollupDepartments";
export const HEAT_MAP_TABLE = "rollupHeatMap";
export const LENSES_TABLE = "rollupLenses";
export const KPIS_TABLE = "rollupKpis";
export const STAGES_TABLE = "rollupStages";
export const ESCALATIONS_TABLE = "rollupEscalations";
export const CATEGORIES_TABLE = "rollupBudgetCategories";
export const CATEGORY_TOTALS_TABLE = "rollupCategoryTotals";
export const MODELS_TABLE = "rollupTeamModels";
export const MODEL_TOTALS_TABLE = "rollupModelTotals";
export const SUBMISSIONS_TABLE = "rollupSubmissions";
export const SOURCES_TABLE = "rollupSources";
export const HISTORY_TABLE = "rollupHistory";

/** The Departments table's currency and rate headers: the rates are read back by them. */
export const CURRENCY_HEADER = "Currency";
export const rateHeader = (currency: string): string => `Rate to ${currency}`;

/** The history table's headers, which readRollupHistory binds by. */
export const HISTORY_HEADERS = {
  date: "Date",
  department: "Department",
  asAt: "Figures as at",
  practiceScore: "Practice score",
  budget: "Budget",
  actualYtd: "Actual YTD",
  validatedValue: "Validated value",
  currency: "Currency",
} as const;

/**
 * A department's name as a table header: Excel refuses [ ] # ' in structured-reference names and
 * header text must be unique in a table (any case), so a clash gets " (2)".
 */
export function departmentHeaders(
  departments: readonly string[],
  taken: readonly string[] = []
): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return departments.map((department) => {
    const clean =
      department
        .replace(/[[\]#']/g, " ")
        .replace(/\s+/g, " ")
        .trim() || "Department";
    let header = clean;
    for (let n = 2; used.has(header.toLowerCase()); n++) header = `${clean} (${n})`;
    used.add(header.toLowerCase());
    return header;
  });
}
