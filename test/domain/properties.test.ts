import fc from "fast-check";
import { FormulaError } from "../../src/domain/formulaError";
import { FINOPS_FUNCTIONS, FinopsFunctionName } from "../../src/domain/functionsByName";
import { kpiStatus } from "../../src/domain/kpi";
import { maturityLevel, maturityScore } from "../../src/domain/maturity";
import { raciCheck } from "../../src/domain/raci";
import { effectiveSavingsRate, savings } from "../../src/domain/savings";
import { AnyFunction, argumentsFor, FUNCTION_SHAPES, nonNegative, RUNS } from "./arbitraries";

describe.each(Object.keys(FUNCTION_SHAPES) as FinopsFunctionName[])(
  "FINOPS.%s on any input",
  (name) => {
    it("answers a finite number, text, or a FormulaError: never anything else", () => {
      fc.assert(
        fc.property(argumentsFor(name), (values) => {
          try {
            const result = (FINOPS_FUNCTIONS[name] as AnyFunction)(...values);
            if (typeof result === "number") expect(Number.isFinite(result)).toBe(true);
            else expect(typeof result).toBe("string");
          } catch (error) {
            expect(error).toBeInstanceOf(FormulaError);
            expect((error as FormulaError).message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS }
      );
    });
  }
);

describe("invariants", () => {
  it("ESR is at most 1 for non-negative costs (or #NUM! when the ratio overflows)", () => {
    fc.assert(
      fc.property(
        nonNegative.filter((x) => x > 0),
        nonNegative,
        (onDemand, effective) => {
          try {
            expect(effectiveSavingsRate(onDemand, effective)).toBeLessThanOrEqual(1);
          } catch (error) {
            expect((error as FormulaError).code).toBe("#NUM!");
          }
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("SAVINGS(a, b) = -SAVINGS(b, a)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e300, max: 1e300, noNaN: true }),
        fc.double({ min: -1e300, max: 1e300, noNaN: true }),
        (a, b) => {
          expect(savings(a, b) + savings(b, a)).toBe(0);
        }
      ),
      { numRuns: RUNS }
    );
  });

  const scoreRows = fc.integer({ min: 1, max: 12 }).chain((length) =>
    fc.tuple(
      fc.array(
        fc.oneof(
          { weight: 5, arbitrary: fc.double({ min: 0, max: 4, noNaN: true }) },
          { weight: 1, arbitrary: fc.constant(null) }
        ),
        {
          minLength: length,
          maxLength: length,
        }
      ),
      fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), {
        minLength: length,
        maxLength: length,
      })
    )
  );

  it("MATURITYSCORE lies in [0, 1] and scaling all weights leaves it unchanged", () => {
    fc.assert(
      fc.property(
        scoreRows,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ([scores, weights], k) => {
          fc.pre(scores.some((s) => s !== null));
          const score = maturityScore([scores], [weights]);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1 + 1e-12);
          const scaled = maturityScore([scores], [weights.map((w) => w * k)]);
          expect(Math.abs(scaled - score)).toBeLessThanOrEqual(1e-12);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("MATURITYLEVEL never goes down as the score goes up", () => {
    const rank = { Crawl: 0, Walk: 1, Run: 2 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (x, y) => {
          const [low, high] = x <= y ? [x, y] : [y, x];
          expect(rank[maturityLevel(low)]).toBeLessThanOrEqual(rank[maturityLevel(high)]);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("KPISTATUS is symmetric in direction: (a, t, higher) = (-a, -t, lower)", () => {
    const value = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        value,
        value,
        fc.double({ min: 0, max: 2, noNaN: true }),
        (actual, target, band) => {
          expect(kpiStatus(actual, target, "higher", band)).toBe(
            kpiStatus(-actual, -target, "lower", band)
          );
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("RACICHECK is OK exactly when the row has one A and at least one R", () => {
    const letters = fc.array(fc.constantFrom("R", "A", "C", "I", null), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(letters, (row) => {
        const a = row.filter((x) => x === "A").length;
        const r = row.filter((x) => x === "R").length;
        expect(raciCheck([row]) === "OK").toBe(a === 1 && r >= 1);
      }),
      { numRuns: RUNS }
    );
  });
});
