import { CellValue } from "./cellValue";
import { rejectArgs } from "./arguments";
import { divisionByZero, finite, notAvailable, valueError } from "./formulaError";
import { approxSub, greater } from "./compare";

// Commitment discount measures from the FinOps KPI library (coverage, utilisation, waste) and
// commitment planning (break-even).

/** part / whole for two non-negative amounts, part no more than whole; shared by coverage, utilisation and waste. */
function shareOf(partName: string, part: CellValue, wholeName: string, whole: CellValue): number {
  if (typeof part !== "number" || typeof whole !== "number") {
    rejectArgs([
      { name: partName, value: part },
      { name: wholeName, value: whole },
    ]);
  }
  if (part < 0) throw valueError(`${partName} must be zero or more.`);
  if (whole < 0) throw valueError(`${wholeName} must be zero or more.`);
  if (whole === 0) throw divisionByZero(`${wholeName} is 0.`);
  if (greater(part, whole)) {
    throw valueError(
      `${partName} cannot be more than ${wholeName}: check the order of the two inputs.`
    );
  }
  return finite(part / whole);
}

/** Share of commitment-eligible cost that commitments cover. */
export function coverage(coveredCost: CellValue, eligibleCost: CellValue): number {
  return shareOf("coveredCost", coveredCost, "eligibleCost", eligibleCost);
}

/** Share of a commitment that was used. */
export function utilization(used: CellValue, committed: CellValue): number {
  return shareOf("used", used, "committed", committed);
}

/** Share of a commitment that went unused. */
export function commitmentWaste(unused: CellValue, committed: CellValue): number {
  return shareOf("unused", unused, "committed", committed);
}

/** Months until an upfront commitment payment is recovered by the lower monthly cost. */
export function breakEven(
  upfront: CellValue,
  monthlyOnDemand: CellValue,
  monthlyCommitted: CellValue
): number {
  if (
    typeof upfront !== "number" ||
    typeof monthlyOnDemand !== "number" ||
    typeof monthlyCommitted !== "number"
  ) {
    rejectArgs([
      { name: "upfront", value: upfront },
      { name: "monthlyOnDemand", value: monthlyOnDemand },
      { name: "monthlyCommitted", value: monthlyCommitted },
    ]);
  }
  if (upfront < 0 || monthlyOnDemand < 0 || monthlyCommitted < 0) {
    throw valueError("upfront, monthlyOnDemand and monthlyCommitted must be zero or more.");
  }
  const monthlySaving = approxSub(monthlyOnDemand, monthlyCommitted);
  if (monthlySaving <= 0) {
    throw notAvailable(
      "Never breaks even: the committed monthly cost is not below the on-demand monthly cost."
    );
  }
  return finite(upfront / monthlySaving);
}
