import { maturityLevel, maturityScore } from "../../src/domain/maturity";
import { expectFormulaError } from "./expectFormulaError";

describe("MATURITYSCORE", () => {
  it("weights scores against the maximum", () => {
    // (2*1 + 3*2 + 4*1) / (4 * (1+2+1)) = 12/16
    expect(maturityScore([[2, 3, 4]], [[1, 2, 1]])).toBeCloseTo(0.75, 12);
    // unweighted: (1+2+3+4+0)/(4*5)
    expect(maturityScore([[1, 2, 3, 4, 0]])).toBeCloseTo(0.5, 12);
    expect(maturityScore([[5, 10]], null, 10)).toBeCloseTo(0.75, 12);
  });

  it("leaves blank scores out with their weights, and refuses a scored cell without a weight", () => {
    // (4*1) / (4*1): the blank score and its weight 3 are left out
    expect(maturityScore([[4, null]], [[1, 3]])).toBe(1);
    // a weight of 0 leaves a score out on purpose: (4*0 + 2*1) / (4*1)
    expect(maturityScore([[4, 2]], [[0, 1]])).toBeCloseTo(0.5, 12);
    expectFormulaError(
      () => maturityScore([[4, 2]], [[null, 1]]),
      "#N/A",
      /weight for the score at row 1, column 1 is blank/
    );
  });

  it("answers what cannot be scored", () => {
    expectFormulaError(() => maturityScore([[null, null]]), "#N/A", /No scores yet/);
    expectFormulaError(() => maturityScore([[1, 2]], [[0, 0]]), "#DIV/0!");
    expectFormulaError(
      () => maturityScore([[1, 2]], [[1, 2, 3]]),
      "#VALUE!",
      /same size as scores \(1x2\); it is 1x3/
    );
    expectFormulaError(
      () => maturityScore([[1, 5]]),
      "#VALUE!",
      /between 0 and 4; row 1, column 2 is 5/
    );
    expectFormulaError(
      () => maturityScore([[1, 2]], [[1, -1]]),
      "#VALUE!",
      /Weights must be zero or more/
    );
    expectFormulaError(
      () => maturityScore([[1, "n/a"]]),
      "#VALUE!",
      /row 1, column 2 is the text "n\/a"/
    );
    expectFormulaError(
      () => maturityScore([[1, 2]], null, 0),
      "#VALUE!",
      /maxScore must be more than 0/
    );
    expectFormulaError(() => maturityScore([[1, 2]], [[1, { code: "#N/A" }]]), "#N/A");
  });
});

describe("MATURITYLEVEL", () => {
  it("maps a score to Crawl, Walk or Run with default and custom thresholds", () => {
    expect(maturityLevel(0)).toBe("Crawl");
    expect(maturityLevel(0.49)).toBe("Crawl");
    expect(maturityLevel(0.5)).toBe("Walk");
    expect(maturityLevel(0.79)).toBe("Walk");
    expect(maturityLevel(0.8)).toBe("Run");
    expect(maturityLevel(1)).toBe("Run");
    expect(maturityLevel(0.6, 0.3, 0.6)).toBe("Run");
  });

  it("refuses scores and thresholds outside 0..1", () => {
    expectFormulaError(() => maturityLevel(1.2), "#VALUE!", /score must be between 0 and 1/);
    expectFormulaError(() => maturityLevel(0.5, 0.9, 0.8), "#VALUE!", /walkAt <= runAt/);
  });
});
