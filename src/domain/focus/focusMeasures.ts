import { coverage, utilization } from "../commitments";
import { FormulaError } from "../formulaError";
import { effectiveSavingsRate, savings } from "../savings";
import { FocusAggregate } from "./focusTypes";

/** The running sums of one month, group and currency. Mutable: updated in place for every row. */
export class FocusSums {
  rows = 0;
  billedCost = 0;
  effectiveCost = 0;
  listCost = 0;
  contractedCost = 0;
  commitmentUsedCost = 0;
  commitmentUnusedCost = 0;
  /** ListCost (the on-demand equivalent) of commitment-covered usage: coverage's numerator. */
  coveredListCost = 0;
  /** ListCost of on-demand (PricingCategory Standard) usage: eligible but not covered; see docs/FOCUS.md. */
  onDemandListCost = 0;
  allocatedCost = 0;
  /** The FinOps hubs' figures, for comparison (docs/FOCUS.md): ListCost and savings clamped per row. */
  hubsListCost = 0;
  hubsTotalSavings = 0;

  constructor(
    readonly month: string,
    readonly group: string | null,
    readonly currency: string
  ) {}
}

/** A FINOPS ratio, or null where the function answers with an error (a zero base, refunds making a part negative). */
function ratio(compute: () => number): number | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FormulaError) return null;
    throw error;
  }
}

/** The sums with the measures derived from them, through the FINOPS functions the workbooks use. */
export function toAggregate(sums: FocusSums, allocationTracked: boolean): FocusAggregate {
  const { listCost, contractedCost, effectiveCost } = sums;
  const used = sums.commitmentUsedCost;
  const committed = used + sums.commitmentUnusedCost;
  const covered = sums.coveredListCost;
  const eligible = covered + sums.onDemandListCost;
  return {
    month: sums.month,
    group: sums.group,
    currency: sums.currency,
    rows: sums.rows,
    billedCost: sums.billedCost,
    effectiveCost,
    listCost,
    contractedCost,
    negotiatedSavings: savings(listCost, contractedCost),
    commitmentSavings: savings(contractedCost, effectiveCost),
    totalSavings: savings(listCost, effectiveCost),
    effectiveSavingsRate: ratio(() => effectiveSavingsRate(listCost, effectiveCost)),
    commitmentUsedCost: used,
    commitmentUnusedCost: sums.commitmentUnusedCost,
    commitmentUtilisation: committed === 0 ? null : ratio(() => utilization(used, committed)),
    commitmentCoveredCost: covered,
    commitmentEligibleCost: eligible,
    commitmentCoverage: eligible === 0 ? null : ratio(() => coverage(covered, eligible)),
    allocatedCost: sums.allocatedCost,
    allocationCoverage:
      allocationTracked && effectiveCost !== 0
        ? ratio(() => coverage(sums.allocatedCost, effectiveCost))
        : null,
    hubsListCost: sums.hubsListCost,
    hubsTotalSavings: sums.hubsTotalSavings,
    hubsEffectiveSavingsRate:
      sums.hubsListCost === 0 ? null : ratio(() => sums.hubsTotalSavings / sums.hubsListCost),
  };
}
