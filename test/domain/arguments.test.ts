import { budgetStatus } from "../../src/domain/budget";
import { savings } from "../../src/domain/savings";
import { expectFormulaError } from "./expectFormulaError";

// The argument rules every function shares, shown through SAVINGS and BUDGETSTATUS.
describe("argument rules", () => {
  it("passes on an error value in any input, the first one first", () => {
    expectFormulaError(() => savings({ code: "#N/A" }, 1), "#N/A", /listCost is #N\/A/);
    expectFormulaError(() => savings(1, { code: "#DIV/0!" }), "#DIV/0!");
    expectFormulaError(() => savings({ code: "#NUM!" }, { code: "#N/A" }), "#NUM!");
  });

  it("turns errors an add-in cannot return (#REF!, #NAME?) into #VALUE! naming the input", () => {
    expectFormulaError(() => savings({ code: "#REF!" }, 1), "#VALUE!", /listCost is #REF!/);
    expectFormulaError(() => savings(1, { code: "#NAME?" }), "#VALUE!", /effectiveCost is #NAME\?/);
  });

  it("answers a blank required input with #N/A, after errors", () => {
    expectFormulaError(() => savings(null, 1), "#N/A", /listCost is blank/);
    expectFormulaError(() => savings(1, undefined), "#N/A", /effectiveCost is blank/);
    expectFormulaError(() => savings(null, { code: "#DIV/0!" }), "#DIV/0!");
  });

  it("answers text and booleans with #VALUE!, after blanks", () => {
    expectFormulaError(
      () => savings("abc", 1),
      "#VALUE!",
      /listCost must be a number, not the text "abc"/
    );
    expectFormulaError(() => savings("12", 1), "#VALUE!", /the text "12"/);
    expectFormulaError(() => savings("", 1), "#VALUE!", /empty text/);
    expectFormulaError(
      () => savings(1, true),
      "#VALUE!",
      /effectiveCost must be a number, not TRUE/
    );
    expectFormulaError(() => savings("abc", null), "#N/A", /effectiveCost is blank/);
  });

  it("takes the default for a blank optional input but refuses text there", () => {
    expect(budgetStatus(100, 104, null)).toBe("On budget");
    expect(budgetStatus(100, 104, undefined)).toBe("On budget");
    expect(budgetStatus(100, 104, 0.01)).toBe("Over budget");
    expectFormulaError(
      () => budgetStatus(100, 104, "5%"),
      "#VALUE!",
      /tolerance must be a number, not the text "5%"/
    );
  });

  it("answers overflow with #NUM!, never Infinity", () => {
    expectFormulaError(() => savings(1.5e308, -1.5e308), "#NUM!");
  });
});
