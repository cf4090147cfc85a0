import { budgetStatus, forecastVariance, runRate, variance, variancePct } from "./budget";
import { breakEven, commitmentWaste, coverage, utilization } from "./commitments";
import { kpiStatus } from "./kpi";
import { maturityLevel, maturityScore } from "./maturity";
import { raciCheck } from "./raci";
import { anomalyAvoidance, costAvoidance, effectiveSavingsRate, savings } from "./savings";
import { fte, loadedCost } from "./staffing";
import { roi, unitCost } from "./unitEconomics";

/**
 * The FINOPS function catalogue by Excel name, each bound to its domain computation.
 * Templates evaluate FINOPS calls through it, and tests and the bench walk it.
 */
export const FINOPS_FUNCTIONS = {
  SAVINGS: savings,
  ESR: effectiveSavingsRate,
  COSTAVOIDANCE: costAvoidance,
  ANOMALYAVOIDANCE: anomalyAvoidance,
  COVERAGE: coverage,
  UTILIZATION: utilization,
  COMMITMENTWASTE: commitmentWaste,
  BREAKEVEN: breakEven,
  VARIANCE: variance,
  VARIANCEPCT: variancePct,
  BUDGETSTATUS: budgetStatus,
  RUNRATE: runRate,
  FORECASTVARIANCE: forecastVariance,
  ROI: roi,
  FTE: fte,
  LOADEDCOST: loadedCost,
  MATURITYSCORE: maturityScore,
  MATURITYLEVEL: maturityLevel,
  KPISTATUS: kpiStatus,
  UNITCOST: unitCost,
  RACICHECK: raciCheck,
} as const;

export type FinopsFunctionName = keyof typeof FINOPS_FUNCTIONS;

export const FINOPS_FUNCTION_NAMES = Object.keys(FINOPS_FUNCTIONS) as FinopsFunctionName[];

/** How many arguments each function takes: required, and at most (with its optional ones). */
export const FINOPS_ARITY: Record<
  FinopsFunctionName,
  { readonly min: number; readonly max: number }
> = {
  SAVINGS: { min: 2, max: 2 },
  ESR: { min: 2, max: 2 },
  COSTAVOIDANCE: { min: 2, max: 2 },
  ANOMALYAVOIDANCE: { min: 2, max: 2 },
  COVERAGE: { min: 2, max: 2 },
  UTILIZATION: { min: 2, max: 2 },
  COMMITMENTWASTE: { min: 2, max: 2 },
  BREAKEVEN: { min: 3, max: 4 },
  VARIANCE: { min: 2, max: 2 },
  VARIANCEPCT: { min: 2, max: 2 },
  BUDGETSTATUS: { min: 2, max: 4 },
  RUNRATE: { min: 3, max: 3 },
  FORECASTVARIANCE: { min: 2, max: 2 },
  ROI: { min: 2, max: 2 },
  FTE: { min: 1, max: 1 },
  LOADEDCOST: { min: 3, max: 4 },
  MATURITYSCORE: { min: 1, max: 3 },
  MATURITYLEVEL: { min: 1, max: 3 },
  KPISTATUS: { min: 2, max: 4 },
  UNITCOST: { min: 2, max: 2 },
  RACICHECK: { min: 1, max: 1 },
};
