/**
 * The product's function catalogue, written out by hand as the independent expectation for the
 * generated metadata: name, parameters in order, which are optional, which take a range.
 */
export interface ExpectedParameter {
  name: string;
  optional?: boolean;
  range?: boolean;
}

export const EXPECTED_CATALOGUE: Record<
  string,
  { params: ExpectedParameter[]; result: "number" | "string" }
> = {
  SAVINGS: { params: [{ name: "listCost" }, { name: "effectiveCost" }], result: "number" },
  ESR: { params: [{ name: "onDemandEquivalent" }, { name: "effectiveCost" }], result: "number" },
  COSTAVOIDANCE: { params: [{ name: "projectedCost" }, { name: "actualCost" }], result: "number" },
  ANOMALYAVOIDANCE: {
    params: [{ name: "dailyExcess" }, { name: "daysAvoided" }],
    result: "number",
  },
  COVERAGE: { params: [{ name: "coveredCost" }, { name: "eligibleCost" }], result: "number" },
  UTILIZATION: { params: [{ name: "used" }, { name: "committed" }], result: "number" },
  COMMITMENTWASTE: { params: [{ name: "unused" }, { name: "committed" }], result: "number" },
  BREAKEVEN: {
    params: [
      { name: "upfront" },
      { name: "monthlyOnDemand" },
      { name: "monthlyCommitted" },
      { name: "termMonths", optional: true },
    ],
    result: "number",
  },
  VARIANCE: { params: [{ name: "budget" }, { name: "actual" }], result: "number" },
  VARIANCEPCT: { params: [{ name: "budget" }, { name: "actual" }], result: "number" },
  BUDGETSTATUS: {
    params: [
      { name: "budget" },
      { name: "actual" },
      { name: "tolerance", optional: true },
      { name: "minAmount", optional: true },
    ],
    result: "string",
  },
  RUNRATE: {
    params: [{ name: "spendToDate" }, { name: "daysElapsed" }, { name: "daysInPeriod" }],
    result: "number",
  },
  FORECASTVARIANCE: { params: [{ name: "forecast" }, { name: "actual" }], result: "number" },
  ROI: { params: [{ name: "value" }, { name: "cost" }], result: "number" },
  FTE: { params: [{ name: "allocations", range: true }], result: "number" },
  LOADEDCOST: {
    params: [
      { name: "salary" },
      { name: "overheadRate" },
      { name: "allocation" },
      { name: "months", optional: true },
    ],
    result: "number",
  },
  MATURITYSCORE: {
    params: [
      { name: "scores", range: true },
      { name: "weights", optional: true, range: true },
      { name: "maxScore", optional: true },
    ],
    result: "number",
  },
  MATURITYLEVEL: {
    params: [
      { name: "score" },
      { name: "walkAt", optional: true },
      { name: "runAt", optional: true },
    ],
    result: "string",
  },
  KPISTATUS: {
    params: [
      { name: "actual" },
      { name: "target" },
      { name: "direction", optional: true },
      { name: "amberBand", optional: true },
    ],
    result: "string",
  },
  UNITCOST: { params: [{ name: "cost" }, { name: "units" }], result: "number" },
  RACICHECK: { params: [{ name: "row", range: true }], result: "string" },
};
