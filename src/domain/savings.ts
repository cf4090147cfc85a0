import { CellValue } from "./cellValue";
import { rejectArgs } from "./arguments";
import { divisionByZero, finite, valueError } from "./formulaError";

// Savings measures. Sources: FinOps toolkit (x_TotalSavings), FinOps KPI library
// (effective savings rate, anomaly cost avoidance), and the capability's success metric "cost avoidance".

/** List (on-demand) cost minus effective cost; negative when more was paid than list. Unclamped. */
export function savings(listCost: CellValue, effectiveCost: CellValue): number {
  if (typeof listCost !== "number" || typeof effectiveCost !== "number") {
    rejectArgs([
      { name: "listCost", value: listCost },
      { name: "effectiveCost", value: effectiveCost },
    ]);
  }
  return finite(listCost - effectiveCost);
}

/** Effective savings rate: 1 - effective cost / on-demand equivalent. */
export function effectiveSavingsRate(
  onDemandEquivalent: CellValue,
  effectiveCost: CellValue
): number {
  if (typeof onDemandEquivalent !== "number" || typeof effectiveCost !== "number") {
    rejectArgs([
      { name: "onDemandEquivalent", value: onDemandEquivalent },
      { name: "effectiveCost", value: effectiveCost },
    ]);
  }
  if (onDemandEquivalent < 0) throw valueError("onDemandEquivalent must be zero or more.");
  if (onDemandEquivalent === 0)
    throw divisionByZero("onDemandEquivalent is 0: there is no on-demand cost to save against.");
  return finite(1 - effectiveCost / onDemandEquivalent);
}

/** Cost avoided: what would have been spent minus what was spent. */
export function costAvoidance(projectedCost: CellValue, actualCost: CellValue): number {
  if (typeof projectedCost !== "number" || typeof actualCost !== "number") {
    rejectArgs([
      { name: "projectedCost", value: projectedCost },
      { name: "actualCost", value: actualCost },
    ]);
  }
  return finite(projectedCost - actualCost);
}

/** Cost avoided by catching an anomaly: the daily excess times the days it would have run on. */
export function anomalyAvoidance(dailyExcess: CellValue, daysAvoided: CellValue): number {
  if (typeof dailyExcess !== "number" || typeof daysAvoided !== "number") {
    rejectArgs([
      { name: "dailyExcess", value: dailyExcess },
      { name: "daysAvoided", value: daysAvoided },
    ]);
  }
  if (dailyExcess < 0)
    throw valueError("dailyExcess must be zero or more: it is the extra spend per day.");
  if (daysAvoided < 0) throw valueError("daysAvoided must be zero or more.");
  return finite(dailyExcess * daysAvoided);
}
