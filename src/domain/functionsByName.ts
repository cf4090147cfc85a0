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
