import { fte, loadedCost } from "../../src/domain/staffing";
import { expectFormulaError } from "./expectFormulaError";

describe("staffing measures", () => {
  it("FTE sums allocations and skips blank cells", () => {
    expect(
      fte([
        [1, 0.5, null],
        [0.25, undefined, 0],
      ])
    ).toBeCloseTo(1.75, 12);
    expect(fte([[null, null]])).toBe(0);
    expect(fte(0.5)).toBe(0.5);
  });

  it("FTE names the cell that breaks the rules", () => {
    expectFormulaError(() => fte([[1, 1.5]]), "#VALUE!", /row 1, column 2 is 1.5/);
    expectFormulaError(() => fte([[1], ["half"]]), "#VALUE!", /row 2, column 1 is the text "half"/);
    expectFormulaError(() => fte([[1, { code: "#N/A" }]]), "#N/A");
  });

  it("LOADEDCOST is salary with overhead, allocation and months", () => {
    expect(loadedCost(120000, 0.25, 1)).toBe(150000);
    expect(loadedCost(120000, 0.25, 0.5, 6)).toBe(37500);
    expect(loadedCost(120000, 0, 1, null)).toBe(120000);
    expectFormulaError(
      () => loadedCost(120000, 0.25, 1.2),
      "#VALUE!",
      /allocation must be between 0 and 1/
    );
    expectFormulaError(() => loadedCost(-1, 0.25, 1), "#VALUE!", /salary/);
    expectFormulaError(() => loadedCost(1, 0.25, 1, -3), "#VALUE!", /months/);
  });
});
