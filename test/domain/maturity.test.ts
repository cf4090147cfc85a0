import { maturityLevel, maturityScore } from "../../src/domain/maturity";
import { expectFormulaError } from "./expectFormulaError";

describe("MATURITYSCORE", () => {
  it("scores a capability as a share of its fixed maximum, as the FinOps Assessment does", () => {
    // FinOps Assessment: "if your rating scale goes from 0 to 4, you have 5 lenses - giving a total
    // maximum score of 20 for a capability". Lenses 2, 3, 4, 1, 2 score 12 of 20.
    expect(maturityScore([[2, 3, 4, 1, 2]])).toBeCloseTo(12 / 20, 12);
    // One lens at 4, four not assessed: 4 of 20, Crawl. Left out, the blanks would make it 4/4, Run.
    const partial = maturityScore([[4, null, null, null, null]]);
    expect(partial).toBeCloseTo(4 / 20, 12);
    expect(maturityLevel(partial)).toBe("Crawl");
    // Scoring a blank lens can only raise the score: nothing is gained by leaving it blank.
    expect(maturityScore([[4, 0, null, null, null]])).toBe(partial);
  });

  it("weights scores against the maximum", () => {
    // (2*1 + 3*2 + 4*1) / (4 * (1+2+1)) = 12/16
    expect(maturityScore([[2, 3, 4]], [[1, 2, 1]])).toBeCloseTo(0.75, 12);
    // unweighted: (1+2+3+4+0)/(4*5)
    expect(maturityScore([[1, 2, 3, 4, 0]])).toBeCloseTo(0.5, 12);
    expect(maturityScore([[5, 10]], null, 10)).toBeCloseTo(0.75, 12);
  });

  it("scores a blank (a lens not assessed) 0 of its maximum, and refuses a scored cell without a weight", () => {
    // (4*1 + 0*3) / (4*(1+3)): the blank lens keeps its weight and scores nothing
    expect(maturityScore([[4, null]], [[1, 3]])).toBe(0.25);
    // a blank score with a blank weight adds nothing: (4*1) / (4*1)
    expect(maturityScore([[4, null]], [[1, null]])).toBe(1);
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
