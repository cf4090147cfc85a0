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

  it("BREAKEVEN is the months of use at which the term's whole cost equals on demand", () => {
    // No upfront, 40% off for a year: 600 x 12 = 7,200 owed whatever the use = 7.2 months at 1,000.
    expect(breakEven(0, 1000, 600)).toBeCloseTo(7.2, 12);
    expect(breakEven(0, 1000, 600, 12)).toBeCloseTo(7.2, 12);
    // All upfront: 6,000 = 6 months. Partial upfront, three years: (12,000 + 250 x 36) / 1,000 = 21.
    expect(breakEven(6000, 1000, 0)).toBe(6);
    expect(breakEven(12000, 1000, 250, 36)).toBe(21);
    // Breaking even on the term's last month still breaks even.
    expect(breakEven(0, 1000, 1000)).toBe(12);
    // 6,000 + 600 x 12 = 13,200 > 12 months x 1,000: never within the term.
    expectFormulaError(
      () => breakEven(6000, 1000, 600),
      "#N/A",
      /Never breaks even: over its 12 months the commitment costs 13,200, more than the 12,000/
    );
    expectFormulaError(() => breakEven(0, 0, 600), "#DIV/0!");
    expectFormulaError(() => breakEven(-1, 2000, 1000), "#VALUE!");
    expectFormulaError(
      () => breakEven(0, 2000, 1000, 0),
      "#VALUE!",
      /termMonths must be more than 0/
    );
    expectFormulaError(() => breakEven(0, 2000, 1000, "12"), "#VALUE!", /termMonths/);
  });
});
