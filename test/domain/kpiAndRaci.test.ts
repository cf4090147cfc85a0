import { kpiStatus } from "../../src/domain/kpi";
import { raciCheck } from "../../src/domain/raci";
import { expectFormulaError } from "./expectFormulaError";

describe("KPISTATUS", () => {
  it("higher is better: green at target, amber within the band, red beyond", () => {
    expect(kpiStatus(0.3, 0.3)).toBe("Green");
    expect(kpiStatus(0.28, 0.3)).toBe("Amber"); // band 0.03
    expect(kpiStatus(0.26, 0.3)).toBe("Red");
  });

  it("puts values exactly on a threshold on the better side", () => {
    expect(kpiStatus(0.27, 0.3)).toBe("Amber"); // 0.3 - 0.1 x 0.3
    expect(kpiStatus(0.1 + 0.2, 0.3, "lower")).toBe("Green");
    expect(kpiStatus(0, 0, "higher")).toBe("Green");
    expect(kpiStatus(-0.01, 0, "higher")).toBe("Red"); // a zero target has no amber band
  });

  it("lower is better, direction in any case and with spaces", () => {
    expect(kpiStatus(95, 100, "lower")).toBe("Green");
    expect(kpiStatus(105, 100, " Lower ")).toBe("Amber");
    expect(kpiStatus(115, 100, "LOWER")).toBe("Red");
    expect(kpiStatus(115, 100, "lower", 0.2)).toBe("Amber");
  });

  it("refuses an unknown direction or a negative band, and waits for a blank actual", () => {
    expectFormulaError(
      () => kpiStatus(1, 1, "up"),
      "#VALUE!",
      /direction must be "higher" or "lower"/
    );
    expectFormulaError(() => kpiStatus(1, 1, 1), "#VALUE!", /direction must be text, not 1/);
    expectFormulaError(() => kpiStatus(1, 1, "higher", -0.1), "#VALUE!", /amberBand/);
    expectFormulaError(() => kpiStatus(null, 1), "#N/A", /actual is blank/);
  });
});

describe("RACICHECK", () => {
  it("is OK with exactly one A and at least one R", () => {
    expect(raciCheck([["R", "A", "C", "I", null, "r"]])).toBe("OK");
    expect(raciCheck([[" a ", "R", ""]])).toBe("OK");
  });

  it("says what is wrong", () => {
    expect(raciCheck([["R", "C"]])).toBe("needs exactly one A, found 0");
    expect(raciCheck([["A", "A", "R"]])).toBe("needs exactly one A, found 2");
    expect(raciCheck([["A", "C"]])).toBe("needs at least one R");
    expect(raciCheck([["I", "C"]])).toBe("needs exactly one A, found 0; needs at least one R");
  });

  it("refuses other values with their position", () => {
    expectFormulaError(() => raciCheck([["R", "A", "X"]]), "#VALUE!", /column 3 is the text "X"/);
    expectFormulaError(() => raciCheck([["R", 1]]), "#VALUE!", /column 2 is 1/);
    expectFormulaError(() => raciCheck([["R", { code: "#REF!" }]]), "#VALUE!", /#REF!/);
  });
});
