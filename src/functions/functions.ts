/*
 * The FINOPS.* custom functions: thin wrappers that hand Excel's values to src/domain and turn a
 * domain FormulaError into CustomFunctions.Error. The JSDoc below is the source of dist/functions.json
 * (CustomFunctionsMetadataPlugin) and of docs/FUNCTIONS.md (npm run docs): keep it exact.
 * Parameters are typed {any} so that blanks, text and booleans reach the domain, which answers them
 * with a clear message instead of Excel's silent coercion.
 */
import * as budgetMath from "../domain/budget";
import * as commitmentMath from "../domain/commitments";
import * as kpiMath from "../domain/kpi";
import * as maturityMath from "../domain/maturity";
import * as raciMath from "../domain/raci";
import * as savingsMath from "../domain/savings";
import * as staffingMath from "../domain/staffing";
import * as valueMath from "../domain/unitEconomics";
import { toExcelError } from "./excelError";

/**
 * Savings: list (on-demand) cost minus effective cost. Negative when more was paid than list.
 * @customfunction SAVINGS
 * @helpurl https://localhost:3000/help.html#savings
 * @param {any} listCost List (on-demand) cost of the usage.
 * @param {any} effectiveCost Cost actually paid after discounts and commitments.
 * @returns {number} listCost minus effectiveCost.
 */
export function savings(listCost: any, effectiveCost: any): number {
  try {
    return savingsMath.savings(listCost, effectiveCost);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Effective savings rate: the share of the on-demand equivalent cost that was saved, 1 - effective / on-demand.
 * @customfunction ESR
 * @helpurl https://localhost:3000/help.html#esr
 * @param {any} onDemandEquivalent What the usage would have cost at on-demand rates.
 * @param {any} effectiveCost Cost actually paid after discounts and commitments.
 * @returns {number} A rate, 0.25 for 25%; at most 1 when costs are not negative.
 */
export function esr(onDemandEquivalent: any, effectiveCost: any): number {
  try {
    return savingsMath.effectiveSavingsRate(onDemandEquivalent, effectiveCost);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Cost avoidance: projected cost minus actual cost, for spend prevented rather than reduced.
 * @customfunction COSTAVOIDANCE
 * @helpurl https://localhost:3000/help.html#costavoidance
 * @param {any} projectedCost What would have been spent without the action.
 * @param {any} actualCost What was spent.
 * @returns {number} projectedCost minus actualCost.
 */
export function costAvoidance(projectedCost: any, actualCost: any): number {
  try {
    return savingsMath.costAvoidance(projectedCost, actualCost);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Anomaly cost avoidance: the daily excess spend of an anomaly times the days it would have gone on.
 * @customfunction ANOMALYAVOIDANCE
 * @helpurl https://localhost:3000/help.html#anomalyavoidance
 * @param {any} dailyExcess Extra spend per day while the anomaly runs.
 * @param {any} daysAvoided Days of excess spend avoided by catching it.
 * @returns {number} dailyExcess times daysAvoided.
 */
export function anomalyAvoidance(dailyExcess: any, daysAvoided: any): number {
  try {
    return savingsMath.anomalyAvoidance(dailyExcess, daysAvoided);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Commitment coverage: the share of commitment-eligible usage covered by commitments, both measured on one basis.
 * @customfunction COVERAGE
 * @helpurl https://localhost:3000/help.html#coverage
 * @param {any} coveredCost Eligible usage covered by reservations or savings plans, at on-demand (list) cost.
 * @param {any} eligibleCost All usage eligible for commitment discounts, covered or not, at on-demand (list) cost.
 * @returns {number} coveredCost / eligibleCost, 0.8 for 80%.
 */
export function coverage(coveredCost: any, eligibleCost: any): number {
  try {
    return commitmentMath.coverage(coveredCost, eligibleCost);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Commitment utilisation: the share of a commitment that was used.
 * @customfunction UTILIZATION
 * @helpurl https://localhost:3000/help.html#utilization
 * @param {any} used Commitment amount used.
 * @param {any} committed Commitment amount purchased.
 * @returns {number} used / committed, 0.95 for 95%.
 */
export function utilization(used: any, committed: any): number {
  try {
    return commitmentMath.utilization(used, committed);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Commitment waste: the share of a commitment that went unused.
 * @customfunction COMMITMENTWASTE
 * @helpurl https://localhost:3000/help.html#commitmentwaste
 * @param {any} unused Commitment amount not used.
 * @param {any} committed Commitment amount purchased.
 * @returns {number} unused / committed, 0.05 for 5%.
 */
export function commitmentWaste(unused: any, committed: any): number {
  try {
    return commitmentMath.commitmentWaste(unused, committed);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Break-even: the months of use at which a commitment's total cost over its term equals the same usage on demand.
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/help.html#breakeven
 * @param {any} upfront Upfront payment for the commitment (0 for none).
 * @param {any} monthlyOnDemand Monthly cost of the usage at on-demand rates.
 * @param {any} monthlyCommitted Recurring monthly fee of the commitment, owed for the whole term (0 for all upfront).
 * @param {any} [termMonths] Term of the commitment in months. Default 12.
 * @returns {number} Months: (upfront + monthlyCommitted x termMonths) / monthlyOnDemand.
 */
export function breakEven(
  upfront: any,
  monthlyOnDemand: any,
  monthlyCommitted: any,
  termMonths?: any
): number {
  try {
    return commitmentMath.breakEven(upfront, monthlyOnDemand, monthlyCommitted, termMonths);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Budget variance: actual minus budget. Positive means overspend.
 * @customfunction VARIANCE
 * @helpurl https://localhost:3000/help.html#variance
 * @param {any} budget Budgeted amount.
 * @param {any} actual Actual amount.
 * @returns {number} actual minus budget.
 */
export function variance(budget: any, actual: any): number {
  try {
    return budgetMath.variance(budget, actual);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Budget variance as a share of the budget: (actual - budget) / budget.
 * @customfunction VARIANCEPCT
 * @helpurl https://localhost:3000/help.html#variancepct
 * @param {any} budget Budgeted amount.
 * @param {any} actual Actual amount.
 * @returns {number} 0.1 for 10% over budget, -0.1 for 10% under.
 */
export function variancePct(budget: any, actual: any): number {
  try {
    return budgetMath.variancePct(budget, actual);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Budget status: "Over budget", "On budget" or "Under budget", with a tolerance around the budget and an amount too small to matter.
 * @customfunction BUDGETSTATUS
 * @helpurl https://localhost:3000/help.html#budgetstatus
 * @param {any} budget Budgeted amount.
 * @param {any} actual Actual (or forecast) amount.
 * @param {any} [tolerance] Share of the budget that still counts as on budget. Default 0.05 (5%).
 * @param {any} [minAmount] Difference too small to matter (materiality): over or under only beyond both it and the tolerance. Default 0.
 * @returns {string} "Over budget", "On budget" or "Under budget".
 */
export function budgetStatus(budget: any, actual: any, tolerance?: any, minAmount?: any): string {
  try {
    return budgetMath.budgetStatus(budget, actual, tolerance, minAmount);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Run rate: spend projected over the whole period from the spend so far.
 * @customfunction RUNRATE
 * @helpurl https://localhost:3000/help.html#runrate
 * @param {any} spendToDate Spend so far in the period.
 * @param {any} daysElapsed Days of the period that have passed.
 * @param {any} daysInPeriod Days in the whole period.
 * @returns {number} spendToDate / daysElapsed x daysInPeriod.
 */
export function runRate(spendToDate: any, daysElapsed: any, daysInPeriod: any): number {
  try {
    return budgetMath.runRate(spendToDate, daysElapsed, daysInPeriod);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Forecast variance: the forecast error as a share of the forecast, (forecast - actual) / forecast.
 * @customfunction FORECASTVARIANCE
 * @helpurl https://localhost:3000/help.html#forecastvariance
 * @param {any} forecast Forecast amount.
 * @param {any} actual Actual amount.
 * @returns {number} 0.05 when actual came in 5% below forecast, negative when above (the opposite sign of VARIANCEPCT).
 */
export function forecastVariance(forecast: any, actual: any): number {
  try {
    return budgetMath.forecastVariance(forecast, actual);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Return on investment: (value - cost) / cost, for example of the FinOps team. For savings already net of their cost (a commitment's), divide savings by cost instead.
 * @customfunction ROI
 * @helpurl https://localhost:3000/help.html#roi
 * @param {any} value Gross value delivered, before its cost: savings and cost avoidance brought about.
 * @param {any} cost Cost of delivering it.
 * @returns {number} 2 when the value is three times the cost.
 */
export function roi(value: any, cost: any): number {
  try {
    return valueMath.roi(value, cost);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Full-time equivalents: the sum of allocations, each a fraction of one person between 0 and 1. Blank cells are skipped.
 * @customfunction FTE
 * @helpurl https://localhost:3000/help.html#fte
 * @param {any[][]} allocations Range of allocations for one period, one cell per person or role.
 * @returns {number} The number of full-time equivalents.
 */
export function fte(allocations: any[][]): number {
  try {
    return staffingMath.fte(allocations);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Loaded cost of one person: salary x (1 + overhead) x allocation, for a number of months.
 * @customfunction LOADEDCOST
 * @helpurl https://localhost:3000/help.html#loadedcost
 * @param {any} salary Annual salary.
 * @param {any} overheadRate Overhead on top of salary (benefits, tax, equipment), 0.3 for 30%.
 * @param {any} allocation Fraction of the person's time, between 0 and 1.
 * @param {any} [months] Months to cost. Default 12.
 * @returns {number} salary x (1 + overheadRate) x allocation x months / 12.
 */
export function loadedCost(salary: any, overheadRate: any, allocation: any, months?: any): number {
  try {
    return staffingMath.loadedCost(salary, overheadRate, allocation, months);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Maturity score: weighted share of the maximum score, sum(w x s) / (maxScore x sum(w)). A blank score (a lens not assessed) scores 0 of its maximum.
 * @customfunction MATURITYSCORE
 * @helpurl https://localhost:3000/help.html#maturityscore
 * @param {any[][]} scores Range of scores from 0 to maxScore, such as five lenses of a capability.
 * @param {any[][]} [weights] Range of weights of the same size. Default: every score weighs 1.
 * @param {any} [maxScore] Highest possible score. Default 4.
 * @returns {number} A score between 0 and 1.
 */
export function maturityScore(scores: any[][], weights?: any[][], maxScore?: any): number {
  try {
    return maturityMath.maturityScore(scores, weights, maxScore);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Maturity level reached by a score: "Crawl", "Walk" or "Run".
 * @customfunction MATURITYLEVEL
 * @helpurl https://localhost:3000/help.html#maturitylevel
 * @param {any} score A score between 0 and 1, such as a MATURITYSCORE result.
 * @param {any} [walkAt] Lowest score that counts as Walk. Default 0.5.
 * @param {any} [runAt] Lowest score that counts as Run. Default 0.8.
 * @returns {string} "Crawl", "Walk" or "Run".
 */
export function maturityLevel(score: any, walkAt?: any, runAt?: any): string {
  try {
    return maturityMath.maturityLevel(score, walkAt, runAt);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * KPI status: "Green" when the target is met, "Amber" when the miss is within the amber band, else "Red".
 * @customfunction KPISTATUS
 * @helpurl https://localhost:3000/help.html#kpistatus
 * @param {any} actual Latest value of the KPI.
 * @param {any} target Target value.
 * @param {any} [direction] "higher" when higher is better, "lower" when lower is better. Default "higher".
 * @param {any} [amberBand] Miss allowed for Amber, as a share of the target (none for a target of 0). Default 0.1 (10%).
 * @returns {string} "Green", "Amber" or "Red".
 */
export function kpiStatus(actual: any, target: any, direction?: any, amberBand?: any): string {
  try {
    return kpiMath.kpiStatus(actual, target, direction, amberBand);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * Unit cost: cost per unit of business output, such as per customer or per transaction.
 * @customfunction UNITCOST
 * @helpurl https://localhost:3000/help.html#unitcost
 * @param {any} cost Cost for the period.
 * @param {any} units Units delivered in the period.
 * @returns {number} cost / units.
 */
export function unitCost(cost: any, units: any): number {
  try {
    return valueMath.unitCost(cost, units);
  } catch (error) {
    throw toExcelError(error);
  }
}

/**
 * RACI check: "OK" when a decision has exactly one Accountable (A) and at least one Responsible (R), else what is wrong.
 * @customfunction RACICHECK
 * @helpurl https://localhost:3000/help.html#racicheck
 * @param {any[][]} row Range of R, A, C or I cells (blank allowed), one per role.
 * @returns {string} "OK", or for example "needs exactly one A, found 2".
 */
export function raciCheck(row: any[][]): string {
  try {
    return raciMath.raciCheck(row);
  } catch (error) {
    throw toExcelError(error);
  }
}
