import {
  anomalyAvoidance,
  costAvoidance,
  effectiveSavingsRate,
  savings,
} from "../../src/domain/savings";
import { breakEven, commitmentWaste, coverage, utilization } from "../../src/domain/commitments";
import { expectFormulaError } from "./expectFormulaError";

describe("savings measures", () => {
  it("SAVINGS is list minus effective, negative when more was paid", () => {
    expect(savings(1000, 750)).toBe(250);
    expect(savings(750, 1000)).toBe(-250);
    expect(savings(0, 0)).toBe(0);
  });

  it("ESR is the saved share of on-demand cost", () => {
    expect(effectiveSavingsRate(1000, 750)).toBeCloseTo(0.25, 12);
    expect(effectiveSavingsRate(1000, 1000)).toBe(0);
    expect(effectiveSavingsRate(1000, 1200)).toBeCloseTo(-0.2, 12);
    expectFormulaError(() => effectiveSavingsRate(0, 10), "#DIV/0!");
    expectFormulaError(
      () => effectiveSavingsRate(-5, 10),
      "#VALUE!",
      /onDemandEquivalent must be zero or more/
    );
  });

  it("COSTAVOIDANCE is projected minus actual", () => {
    expect(costAvoidance(5000, 3200)).toBe(1800);
  });

  it("ANOMALYAVOIDANCE is daily excess times days, neither negative", () => {
    expect(anomalyAvoidance(420, 9)).toBe(3780);
    expectFormulaError(() => anomalyAvoidance(-1, 9), "#VALUE!", /dailyExcess/);
    expectFormulaError(() => anomalyAvoidance(1, -9), "#VALUE!", /daysAvoided/);
  });
});

describe("commitment measures", () => {
  it("COVERAGE, UTILIZATION and COMMITMENTWASTE are shares of a non-negative whole", () => {
    expect(coverage(80, 100)).toBeCloseTo(0.8, 12);
    expect(utilization(95, 100)).toBeCloseTo(0.95, 12);
    expect(commitmentWaste(5, 100)).toBeCloseTo(0.05, 12);
    expectFormulaError(() => coverage(10, 0), "#DIV/0!");
    expectFormulaError(() => utilization(-1, 10), "#VALUE!", /used must be zero or more/);
    expectFormulaError(() => commitmentWaste(1, -10), "#VALUE!", /committed must be zero or more/);
    expectFormulaError(
      () => coverage(120, 100),
      "#VALUE!",
      /coveredCost cannot be more than eligibleCost/
    );
    expect(utilization(100, 100)).toBe(1);
  });

  it("BREAKEVEN is upfront over the monthly saving, #N/A when there is none", () => {
    expect(breakEven(12000, 3000, 2000)).toBe(12);
    expect(breakEven(0, 3000, 2000)).toBe(0);
    expectFormulaError(() => breakEven(12000, 2000, 2000), "#N/A", /Never breaks even/);
    expectFormulaError(() => breakEven(12000, 2000, 2500), "#N/A");
    expectFormulaError(() => breakEven(-1, 2000, 1000), "#VALUE!");
  });
});
