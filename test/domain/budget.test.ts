import {
  budgetStatus,
  forecastVariance,
  runRate,
  variance,
  variancePct,
} from "../../src/domain/budget";
import { roi, unitCost } from "../../src/domain/unitEconomics";
import { expectFormulaError } from "./expectFormulaError";

describe("budget measures", () => {
  it("VARIANCE is actual minus budget", () => {
    expect(variance(10000, 11500)).toBe(1500);
    expect(variance(10000, 9000)).toBe(-1000);
  });

  it("VARIANCEPCT is the variance as a share of a positive budget", () => {
    expect(variancePct(10000, 11500)).toBeCloseTo(0.15, 12);
    expectFormulaError(() => variancePct(0, 5), "#DIV/0!");
    expectFormulaError(() => variancePct(-10, 5), "#VALUE!", /budget must be zero or more/);
  });

  it("BUDGETSTATUS applies the tolerance on both sides", () => {
    expect(budgetStatus(10000, 10400)).toBe("On budget");
    expect(budgetStatus(10000, 10600)).toBe("Over budget");
    expect(budgetStatus(10000, 9400)).toBe("Under budget");
    expect(budgetStatus(10000, 9600)).toBe("On budget");
    expect(budgetStatus(10000, 10600, 0.1)).toBe("On budget");
    expect(budgetStatus(10000, 10001, 0)).toBe("Over budget");
  });

  it("BUDGETSTATUS counts exactly the tolerance as on budget, as a spreadsheet compares", () => {
    expect(budgetStatus(10000, 10500)).toBe("On budget");
    expect(budgetStatus(10000, 9500)).toBe("On budget");
    // 0.315 - 0.3 is 0.015000000000000013 in binary; Excel and LibreOffice call it 0.015
    expect(budgetStatus(0.3, 0.315)).toBe("On budget");
    expect(budgetStatus(0.3, 0.1 + 0.2, 0)).toBe("On budget");
  });

  it("BUDGETSTATUS treats a zero budget as an unbudgeted line", () => {
    expect(budgetStatus(0, 0)).toBe("On budget");
    expect(budgetStatus(0, 1)).toBe("Over budget");
    expectFormulaError(
      () => budgetStatus(100, 10, -0.1),
      "#VALUE!",
      /tolerance must be zero or more/
    );
  });

  it("RUNRATE projects the spend so far over the period", () => {
    expect(runRate(3000, 10, 30)).toBe(9000);
    expect(runRate(3000, 30, 30)).toBe(3000);
    expectFormulaError(() => runRate(3000, 0, 30), "#DIV/0!");
    expectFormulaError(() => runRate(3000, 31, 30), "#VALUE!", /cannot be more than daysInPeriod/);
    expectFormulaError(() => runRate(3000, -1, 30), "#VALUE!");
  });

  it("FORECASTVARIANCE is the forecast error over the forecast", () => {
    expect(forecastVariance(10000, 9500)).toBeCloseTo(0.05, 12);
    expect(forecastVariance(10000, 10500)).toBeCloseTo(-0.05, 12);
    expectFormulaError(() => forecastVariance(0, 1), "#DIV/0!");
  });

  it("ROI and UNITCOST", () => {
    expect(roi(300000, 100000)).toBe(2);
    expect(roi(50000, 100000)).toBe(-0.5);
    expectFormulaError(() => roi(1, 0), "#DIV/0!");
    expect(unitCost(12000, 4000)).toBe(3);
    expectFormulaError(() => unitCost(12000, 0), "#DIV/0!");
    expectFormulaError(() => unitCost(12000, -4), "#VALUE!", /units must be zero or more/);
  });
});

describe("BUDGETSTATUS with a materiality amount", () => {
  it("calls a line over or under only beyond both the tolerance and the amount", () => {
    // 6,210 against 5,400: 15% over, by 810. Under a 1,000 threshold that is not a finding.
    expect(budgetStatus(5400, 6210, 0.05, 1000)).toBe("On budget");
    expect(budgetStatus(5400, 6210, 0.05, 500)).toBe("Over budget");
    expect(budgetStatus(5400, 6210, 0.05)).toBe("Over budget");
    // 2,760 over 350,500 is within 5%, whatever the amount.
    expect(budgetStatus(350500, 353260, 0.05, 0)).toBe("On budget");
    expect(budgetStatus(10000, 8000, 0.05, 1000)).toBe("Under budget");
    expect(budgetStatus(10000, 8000, 0.05, 2500)).toBe("On budget");
    // An unbudgeted line: spend above the amount is over budget.
    expect(budgetStatus(0, 250, 0.05, 100)).toBe("Over budget");
    expect(budgetStatus(0, 50, 0.05, 100)).toBe("On budget");
    expectFormulaError(
      () => budgetStatus(100, 50, 0.05, -1),
      "#VALUE!",
      /minAmount must be zero or more/
    );
    expectFormulaError(() => budgetStatus(100, 50, 0.05, "1000"), "#VALUE!", /minAmount/);
  });
});
