import { CellValue } from "./cellValue";
import { orDefault, rejectArgs } from "./arguments";
import { divisionByZero, finite, notAvailable, valueError } from "./formulaError";
import { greater } from "./compare";

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

/** A commitment's term when none is given: one year, the shortest term the clouds sell. */
export const DEFAULT_TERM_MONTHS = 12;

/**
 * Break-even: the months of use at which a commitment's total cost over its term equals what the
 * same usage costs on demand, (upfront + monthlyCommitted x term) / monthlyOnDemand. The recurring
 * fee is owed for the whole term whether the usage runs or not, so a commitment with no upfront
 * payment still needs months of use to pay for itself (FinOps Framework, Rate Optimization: buy
 * commitments "with a break-even within 9 months" of a one-year term). Past the term it never breaks even.
 */
export function breakEven(
  upfront: CellValue,
  monthlyOnDemand: CellValue,
  monthlyCommitted: CellValue,
  termMonths?: CellValue
): number {
  const term = orDefault(termMonths, DEFAULT_TERM_MONTHS);
  if (
    typeof upfront !== "number" ||
    typeof monthlyOnDemand !== "number" ||
    typeof monthlyCommitted !== "number" ||
    typeof term !== "number"
  ) {
    rejectArgs([
      { name: "upfront", value: upfront },
      { name: "monthlyOnDemand", value: monthlyOnDemand },
      { name: "monthlyCommitted", value: monthlyCommitted },
      { name: "termMonths", value: termMonths, kind: "optional number" },
    ]);
  }
  if (upfront < 0 || monthlyOnDemand < 0 || monthlyCommitted < 0) {
    throw valueError("upfront, monthlyOnDemand and monthlyCommitted must be zero or more.");
  }
  if (term <= 0) throw valueError("termMonths must be more than 0.");
  if (monthlyOnDemand === 0)
    throw divisionByZero("monthlyOnDemand is 0: there is no on-demand cost to break even with.");
  const totalCommitted = upfront + monthlyCommitted * term;
  const months = finite(totalCommitted / monthlyOnDemand);
  if (greater(months, term)) {
    throw notAvailable(
      `Never breaks even: over its ${term} months the commitment costs ${amount(totalCommitted)}, more than the ${amount(monthlyOnDemand * term)} the usage costs on demand.`
    );
  }
  return months;
}

const amount = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
