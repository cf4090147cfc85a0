import { CellValue } from "./cellValue";
import { rejectArgs } from "./arguments";
import { divisionByZero, finite, valueError } from "./formulaError";

// Value measures: return on the FinOps team's cost, and unit economics (KPI library: unit cost).

/**
 * Return on investment: (value - cost) / cost, value being the gross value delivered (for the FinOps
 * team: the savings and cost avoidance it brought about) before its own cost is taken off. A measure
 * that is already net of what it cost, such as a commitment's savings, is returned as savings / cost.
 */
export function roi(value: CellValue, cost: CellValue): number {
  if (typeof value !== "number" || typeof cost !== "number") {
    rejectArgs([
      { name: "value", value },
      { name: "cost", value: cost },
    ]);
  }
  if (cost < 0) throw valueError("cost must be zero or more.");
  if (cost === 0) throw divisionByZero("cost is 0: a return needs a cost.");
  return finite((value - cost) / cost);
}

/** Cost per unit of business output (per customer, per transaction, ...). */
export function unitCost(cost: CellValue, units: CellValue): number {
  if (typeof cost !== "number" || typeof units !== "number") {
    rejectArgs([
      { name: "cost", value: cost },
      { name: "units", value: units },
    ]);
  }
  if (units < 0) throw valueError("units must be zero or more.");
  if (units === 0) throw divisionByZero("units is 0.");
  return finite(cost / units);
}
