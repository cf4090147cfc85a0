import {
  column,
  col,
  countIfs,
  Expr,
  ifCompare,
  ifError,
  num,
  str,
  sumIf,
  sumProduct,
} from "../../expr/expr";
import { Consolidation } from "../../consolidate/submission";
import { TemplateOptions } from "../../options";
import { ColumnSpec, TableBlock } from "../../spec";
import { TEAM_MODEL_PLACES } from "../staffing/roles";
import {
  CATEGORIES_TABLE,
  CATEGORY_TOTALS_TABLE,
  DEPARTMENTS_TABLE,
  MODEL_TOTALS_TABLE,
  MODELS_TABLE,
} from "./rollupKeys";
import {
  amountInput,
  converted,
  fileColumn,
  sameAs,
  sameDepartment,
  textInput,
  valueOf,
} from "./rollupValues";

/**
 * The FinOps teams' money by budget category and by team model (the FinOps Framework's central, hub,
 * spoke and virtual places in a team): long tables in each department's currency, converted at the
 * department's rate from the Departments table (typed once there), then the enterprise totals.
 */

const submissionsOf = (consolidation: Consolidation | undefined) =>
  consolidation?.submissions ?? [];

/**
 * The department's rate from the Departments table; "" while it is not typed (a blank sums to 0, and
 * a rate is never 0) or the department is not there. A sum over the rows naming the department, not
 * INDEX/MATCH: MATCH reads * ? ~ in a name as wildcards. A department is there once (one delivered
 * twice is refused, names compared without regard to case), so the sum is its one rate.
 */
const departmentRate: Expr = (() => {
  const rate = sumProduct(sameDepartment(DEPARTMENTS_TABLE), column(DEPARTMENTS_TABLE, "rate"));
  return ifError(ifCompare("=", rate, num(0), str(""), rate), str(""));
})();

const rateColumn = (currency: string): ColumnSpec => ({
  key: "rate",
  header: `Rate to ${currency}`,
  kind: "computed",
  type: "number",
  width: 11,
  expr: departmentRate,
});

const convertedColumn = (key: string, header: string, from: string): ColumnSpec => ({
  key,
  header,
  kind: "computed",
  type: "currency",
  expr: converted(col(from), col("rate")),
});

export function categoriesTable(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): TableBlock {
  const c = options.currency;
  const rows = submissionsOf(consolidation).flatMap((s) =>
    (s.budget?.byCategory ?? []).map((line) => ({
      values: {
        department: s.department,
        category: line.category,
        budgetOwn: valueOf(line.budget),
        actualOwn: valueOf(line.actualYtd),
        file: s.file,
      },
    }))
  );
  return {
    kind: "table",
    key: CATEGORIES_TABLE,
    name: "RollupBudgetCategories",
    caption:
      "Team budget by department and category (amounts in the department's currency, then converted)",
    columns: [
      textInput("department", "Department", 18),
      textInput("category", "Category", 16),
      amountInput("budgetOwn", "Budget FY, own currency"),
      amountInput("actualOwn", "Actual YTD, own currency"),
      rateColumn(c),
      convertedColumn("budget", `Budget FY (${c})`, "budgetOwn"),
      convertedColumn("actual", `Actual YTD (${c})`, "actualOwn"),
      fileColumn,
    ],
    rows,
  };
}

export function categoryTotalsTable(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): TableBlock {
  const c = options.currency;
  const categories = [
    ...new Set(
      submissionsOf(consolidation).flatMap((s) =>
        (s.budget?.byCategory ?? []).map((l) => l.category)
      )
    ),
  ];
  const total = (key: string, header: string, of: string): ColumnSpec => ({
    key,
    header,
    kind: "computed",
    type: "currency",
    // The categories are the departments' own words: matched exactly, not as SUMIF criteria.
    expr: sumProduct(
      sameAs(column(CATEGORIES_TABLE, "category"), col("category")),
      column(CATEGORIES_TABLE, of)
    ),
  });
  return {
    kind: "table",
    key: CATEGORY_TOTALS_TABLE,
    name: "RollupCategoryTotals",
    caption: `Enterprise team budget by category, in ${c} (departments with a rate)`,
    columns: [
      textInput("category", "Category", 16),
      total("budget", `Budget FY (${c})`, "budget"),
      total("actual", `Actual YTD (${c})`, "actual"),
    ],
    rows: categories.map((category) => ({ values: { category } })),
    totals: { budget: "sum", actual: "sum" },
  };
}

export function modelsTable(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): TableBlock {
  const c = options.currency;
  const rows = submissionsOf(consolidation).flatMap((s) =>
    (s.staffing?.byModel ?? []).map((m) => ({
      values: {
        department: s.department,
        model: m.model,
        fte: valueOf(m.fte),
        costOwn: valueOf(m.cost),
        file: s.file,
      },
    }))
  );
  return {
    kind: "table",
    key: MODELS_TABLE,
    name: "RollupTeamModels",
    caption: "FinOps team FTE and loaded cost by department and team model",
    columns: [
      textInput("department", "Department", 18),
      { ...textInput("model", "Team model", 12), list: [...TEAM_MODEL_PLACES] },
      { key: "fte", header: "FTE", kind: "input", type: "fte", min: 0 },
      amountInput("costOwn", "Cost, own currency"),
      rateColumn(c),
      convertedColumn("cost", `Cost (${c})`, "costOwn"),
      fileColumn,
    ],
    rows,
  };
}

export function modelTotalsTable(options: TemplateOptions): TableBlock {
  const c = options.currency;
  const byModel = (of: string) =>
    sumIf(column(MODELS_TABLE, "model"), col("model"), column(MODELS_TABLE, of));
  return {
    kind: "table",
    key: MODEL_TOTALS_TABLE,
    name: "RollupModelTotals",
    caption: `Enterprise FinOps team by team model (cost in ${c}, departments with a rate)`,
    columns: [
      textInput("model", "Team model", 12),
      { key: "fte", header: "FTE", kind: "computed", type: "fte", expr: byModel("fte") },
      {
        key: "cost",
        header: `Cost (${c})`,
        kind: "computed",
        type: "currency",
        expr: byModel("cost"),
      },
      {
        key: "departments",
        header: "Departments",
        kind: "computed",
        type: "integer",
        width: 12,
        expr: countIfs(
          { range: column(MODELS_TABLE, "model"), op: "=", value: col("model") },
          { range: column(MODELS_TABLE, "fte"), op: ">", value: num(0) }
        ),
      },
    ],
    rows: TEAM_MODEL_PLACES.map((model) => ({ values: { model } })),
    totals: { fte: "sum", cost: "sum" },
  };
}
