import { CellValue } from "./cellValue";
import { orDefault, rejectArgs } from "./arguments";
import { divisionByZero, finite, valueError } from "./formulaError";
import { approxSub, greater } from "./compare";

// Budgeting and forecasting measures (FinOps KPI library: budget variance, burn rate, forecast accuracy).

export type BudgetStatus = "Under budget" | "On budget" | "Over budget";
export const DEFAULT_BUDGET_TOLERANCE = 0.05;

/** Actual minus budget: positive is overspend. */
export function variance(budget: CellValue, actual: CellValue): number {
  if (typeof budget !== "number" || typeof actual !== "number") {
    rejectArgs([
      { name: "budget", value: budget },
      { name: "actual", value: actual },
    ]);
  }
  return finite(actual - budget);
}

/** (actual - budget) / budget. */
export function variancePct(budget: CellValue, actual: CellValue): number {
  if (typeof budget !== "number" || typeof actual !== "number") {
    rejectArgs([
      { name: "budget", value: budget },
      { name: "actual", value: actual },
    ]);
  }
  if (budget < 0) throw valueError("budget must be zero or more.");
  if (budget === 0) throw divisionByZero("budget is 0: a variance % needs a budget.");
  return finite((actual - budget) / budget);
}

/**
 * Over budget when actual exceeds budget by more than tolerance x budget and by more than minAmount
 * (materiality: a line 15% over by 300 is not a finding for a CFO), under budget when it is below by
 * more than both, else on budget. A zero budget is legitimate (an unbudgeted line): any spend on it
 * above minAmount is over budget. Written as differences, not a ratio, so it never divides by zero.
 */
export function budgetStatus(
  budget: CellValue,
  actual: CellValue,
  tolerance?: CellValue,
  minAmount?: CellValue
): BudgetStatus {
  const tol = orDefault(tolerance, DEFAULT_BUDGET_TOLERANCE);
  const least = orDefault(minAmount, 0);
  if (
    typeof budget !== "number" ||
    typeof actual !== "number" ||
    typeof tol !== "number" ||
    typeof least !== "number"
  ) {
    rejectArgs([
      { name: "budget", value: budget },
      { name: "actual", value: actual },
      { name: "tolerance", value: tolerance, kind: "optional number" },
      { name: "minAmount", value: minAmount, kind: "optional number" },
    ]);
  }
  if (budget < 0) throw valueError("budget must be zero or more.");
  if (tol < 0) throw valueError("tolerance must be zero or more, for example 0.05 for 5%.");
  if (least < 0) throw valueError("minAmount must be zero or more.");
  const over = approxSub(actual, budget);
  const under = approxSub(budget, actual);
  if (greater(over, tol * budget) && greater(over, least)) return "Over budget";
  if (greater(under, tol * budget) && greater(under, least)) return "Under budget";
  return "On budget";
}

/** Spend projected over the whole period from the spend so far: spendToDate / daysElapsed x daysInPeriod. */
export function runRate(
  spendToDate: CellValue,
  daysElapsed: CellValue,
  daysInPeriod: CellValue
): number {
  if (
    typeof spendToDate !== "number" ||
    typeof daysElapsed !== "number" ||
    typeof daysInPeriod !== "number"
  ) {
    rejectArgs([
      { name: "spendToDate", value: spendToDate },
      { name: "daysElapsed", value: daysElapsed },
      { name: "daysInPeriod", value: daysInPeriod },
    ]);
  }
  if (daysElapsed < 0 || daysInPeriod < 0)
    throw valueError("daysElapsed and daysInPeriod must be zero or more.");
  if (greater(daysElapsed, daysInPeriod))
    throw valueError("daysElapsed cannot be more than daysInPeriod.");
  if (daysElapsed === 0)
    throw divisionByZero("daysElapsed is 0: no run rate before the period starts.");
  return finite((spendToDate / daysElapsed) * daysInPeriod);
}

/** Forecast error as a share of the forecast: (forecast - actual) / forecast. */
export function forecastVariance(forecast: CellValue, actual: CellValue): number {
  if (typeof forecast !== "number" || typeof actual !== "number") {
    rejectArgs([
      { name: "forecast", value: forecast },
      { name: "actual", value: actual },
    ]);
  }
  if (forecast < 0) throw valueError("forecast must be zero or more.");
  if (forecast === 0) throw divisionByZero("forecast is 0.");
  return finite((forecast - actual) / forecast);
}
