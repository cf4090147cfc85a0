import * as finops from "../../src/functions/functions";
import fc from "fast-check";
import { FinopsFunctionName } from "../../src/domain/functionsByName";
import { toExcelError } from "../../src/functions/excelError";
import { AnyFunction, argumentsFor, FUNCTION_SHAPES, RUNS } from "../domain/arbitraries";

function excelErrorOf(compute: () => unknown): CustomFunctions.Error {
  try {
    compute();
  } catch (error) {
    return error as CustomFunctions.Error;
  }
  throw new Error("expected an Excel error, got a result");
}

describe("FINOPS custom functions as Excel calls them", () => {
  it("return the domain result for valid input", () => {
    expect(finops.savings(1000, 750)).toBe(250);
    expect(finops.esr(1000, 750)).toBeCloseTo(0.25, 12);
    expect(finops.maturityScore([[2, 3, 4]], [[1, 2, 1]], null)).toBeCloseTo(0.75, 12);
    expect(finops.kpiStatus(95, 100, "lower", null)).toBe("Green");
    expect(finops.raciCheck([["R", "A", null]])).toBe("OK");
    expect(finops.fte([[0.5], [null], [1]])).toBe(1.5);
  });

  it("answer bad input with CustomFunctions.Error carrying a message on #VALUE! and #N/A", () => {
    const text = excelErrorOf(() => finops.savings("abc", 1));
    expect(text).toBeInstanceOf(CustomFunctions.Error);
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toMatch(/listCost must be a number/);

    const blank = excelErrorOf(() => finops.variance(null, 1));
    expect(blank.code).toBe("#N/A");
    expect(blank.message).toMatch(/budget is blank/);
  });

  it("raise #DIV/0! and #NUM! without a message, as Excel requires", () => {
    const div = excelErrorOf(() => finops.unitCost(10, 0));
    expect(div.code).toBe("#DIV/0!");
    expect(div.message).toBe("");
    const num = excelErrorOf(() => finops.savings(1.7e308, -1.7e308));
    expect(num.code).toBe("#NUM!");
  });

  it("pass an input error value on", () => {
    expect(excelErrorOf(() => finops.roi({ code: "#N/A" }, 1)).code).toBe("#N/A");
    expect(excelErrorOf(() => finops.roi({ code: "#REF!" }, 1)).code).toBe("#VALUE!");
  });

  it("report an unexpected exception as #VALUE!, never as a raw exception", () => {
    const error = toExcelError(new TypeError("boom"));
    expect(error).toBeInstanceOf(CustomFunctions.Error);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/boom/);
  });
});

describe("FINOPS custom functions on any input (property)", () => {
  const wrappers = finops as unknown as Record<string, AnyFunction>;
  it.each(Object.keys(FUNCTION_SHAPES) as FinopsFunctionName[])(
    "%s returns a value or throws CustomFunctions.Error",
    (name) => {
      const wrapper = Object.entries(wrappers).find(
        ([exported]) => exported.toLowerCase() === name.toLowerCase()
      )?.[1] as AnyFunction;
      expect(wrapper).toBeDefined();
      fc.assert(
        fc.property(argumentsFor(name), (values) => {
          try {
            const result = wrapper(...values);
            expect(["number", "string"]).toContain(typeof result);
          } catch (error) {
            // Only the codes the domain chooses, never the safety net for unexpected exceptions.
            expect(error).toBeInstanceOf(CustomFunctions.Error);
            const { code, message } = error as CustomFunctions.Error;
            expect(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]).toContain(code);
            expect(message).not.toMatch(/Unexpected problem/);
          }
        }),
        { numRuns: RUNS }
      );
    }
  );
});
