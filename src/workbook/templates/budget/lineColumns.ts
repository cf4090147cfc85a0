import {
  add,
  agg,
  col,
  Expr,
  finops,
  ifCompare,
  ifNoNumbers,
  name,
  num,
  span,
  str,
  sub,
  sum,
  sumFirst,
  sumWhereEmpty,
  sumWhereFilled,
} from "../../expr/expr";
import { Period } from "../../options";
import { ColumnSpec } from "../../spec";
import { BUDGET_CATEGORIES, BudgetVersion } from "./categories";

type Measure = "budget" | "forecast" | "actual";

/** Key of a measure's month column: budget1 .. budget12. */
export const monthKey = (measure: Measure, m: number): string => `${measure}${m + 1}`;
const run = (measure: Measure) => span(monthKey(measure, 0), monthKey(measure, 11));

/**
 * The budget lines' columns. Version 3 puts the year's summary first (full year, then the year to
 * date at the reporting date) and the twelve months of budget, forecast and actual after it, each
 * group starting a printed page; versions 1 and 2 are built exactly as they were.
 */
export function lineColumns(months: readonly Period[], version: BudgetVersion): ColumnSpec[] {
  const monthColumns = (measure: Measure, label: string): ColumnSpec[] =>
    months.map((month, m) => ({
      key: monthKey(measure, m),
      header: `${label} ${month.label}`,
      kind: "input",
      type: "currency",
      // Budgets are never negative; forecasts and actuals can be (credits, refunds).
      min: measure === "budget" ? 0 : undefined,
      width: version < 3 ? 12 : 10,
      ...(version >= 3 && m === 0 ? { pageBreakBefore: true } : {}),
    }));
  const describing: ColumnSpec[] = [
    {
      key: "category",
      header: "Category",
      kind: "input",
      type: "text",
      list: BUDGET_CATEGORIES,
      width: version < 3 ? 22 : 18,
    },
    {
      key: "item",
      header: "Line item",
      kind: "input",
      type: "text",
      // Version 3 wraps the line item, so the year's summary prints beside it on the first page.
      ...(version < 3 ? { width: 38 } : { width: 24, wrap: true }),
    },
    { key: "owner", header: "Owner", kind: "input", type: "text", width: version < 3 ? 20 : 16 },
  ];
  const months36 = [
    ...monthColumns("budget", "Budget"),
    ...monthColumns("forecast", "Forecast"),
    ...monthColumns("actual", "Actual"),
  ];
  return version < 3
    ? [...describing, ...months36, ...summaryUntilVersion2()]
    : [...describing, ...summary(), ...months36];
}

const currency = (key: string, header: string, expr: Expr): ColumnSpec => ({
  key,
  header,
  kind: "computed",
  type: "currency",
  expr,
});

/** Version 3: the months closed by the reporting date are the year to date. */
function summary(): ColumnSpec[] {
  const closed = name("budgetMonthsClosed");
  const whileOpen = (then: Expr, otherwise: Expr) =>
    ifCompare("<", closed, num(1), then, otherwise);
  return [
    currency("budgetFy", "Budget FY", sum(run("budget"))),
    // The expected outturn: actuals of the closed months, the forecast of the months still open.
    currency(
      "forecastFy",
      "Forecast FY",
      add(
        sumFirst(run("actual"), closed),
        sub(sum(run("forecast")), sumFirst(run("forecast"), closed))
      )
    ),
    currency("overUnderFy", "Over / (under) FY", sub(col("forecastFy"), col("budgetFy"))),
    currency("budgetYtd", "Budget YTD", sumFirst(run("budget"), closed)),
    currency("actualYtd", "Actual YTD", sumFirst(run("actual"), closed)),
    currency(
      "varianceYtd",
      "Over / (under) YTD",
      finops("VARIANCE", col("budgetYtd"), col("actualYtd"))
    ),
    {
      key: "variancePct",
      header: "Over / (under) %",
      kind: "computed",
      type: "percent",
      width: 10,
      // Blank until there is a budget to compare with (no months closed, or none budgeted yet).
      expr: whileOpen(
        str(""),
        ifCompare(
          "=",
          col("budgetYtd"),
          num(0),
          str(""),
          finops("VARIANCEPCT", col("budgetYtd"), col("actualYtd"))
        )
      ),
    },
    {
      key: "status",
      header: "Status",
      kind: "computed",
      type: "text",
      width: 13,
      // "Not started" until the line has an actual and a month has closed.
      expr: ifNoNumbers(
        run("actual"),
        str("Not started"),
        whileOpen(
          str("Not started"),
          finops(
            "BUDGETSTATUS",
            col("budgetYtd"),
            col("actualYtd"),
            name("budgetTolerance"),
            name("budgetMateriality")
          )
        )
      ),
    },
  ];
}

/** Versions 1 and 2: the year to date is the months with an actual; projection and run rate. */
function summaryUntilVersion2(): ColumnSpec[] {
  const actuals = run("actual");
  return [
    currency("budgetFy", "Budget FY", sum(run("budget"))),
    currency("forecastFy", "Forecast FY", sum(run("forecast"))),
    currency("actualYtd", "Actual YTD", sum(actuals)),
    // Budget of the months that have an actual: a like-for-like comparison while the year runs.
    currency("budgetYtd", "Budget YTD", sumWhereFilled(run("budget"), actuals)),
    currency("varianceYtd", "Variance YTD", finops("VARIANCE", col("budgetYtd"), col("actualYtd"))),
    {
      key: "variancePct",
      header: "Variance %",
      kind: "computed",
      type: "percent",
      expr: ifNoNumbers(
        actuals,
        str(""),
        finops("VARIANCEPCT", col("budgetYtd"), col("actualYtd"))
      ),
    },
    {
      key: "status",
      header: "Status",
      kind: "computed",
      type: "text",
      width: 14,
      expr: ifNoNumbers(
        actuals,
        str("Not started"),
        finops("BUDGETSTATUS", col("budgetYtd"), col("actualYtd"), name("budgetTolerance"))
      ),
    },
    // Actuals where a month has one, the forecast for the months still to come.
    currency(
      "projectedFy",
      "Projected FY",
      add(col("actualYtd"), sumWhereEmpty(run("forecast"), actuals))
    ),
    {
      key: "runRateFy",
      header: "Run rate FY",
      kind: "computed",
      type: "currency",
      // The burn rate: the monthly average so far over twelve months (one-off costs inflate it).
      expr: ifNoNumbers(
        actuals,
        str(""),
        finops("RUNRATE", col("actualYtd"), agg("COUNT", actuals), num(12))
      ),
    },
  ];
}
