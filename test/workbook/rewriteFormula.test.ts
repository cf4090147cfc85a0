import fc from "fast-check";
import { FINOPS_ARITY, FINOPS_FUNCTION_NAMES } from "../../src/domain/functionsByName";
import { usesAddinFunctions } from "../../src/workbook/maintain/formulaText";
import { nativeTwin } from "../../src/workbook/twins/nativeTwins";
import { rewriteFinops } from "../../src/workbook/twins/rewriteFormula";

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 300);

/** Brackets balance outside strings and quoted sheet names. */
function balanced(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  let depth = 0;
  for (const ch of code) {
    if (ch === "(") depth += 1;
    if (ch === ")") depth -= 1;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe("rewriteFinops: FINOPS calls a user typed, as native twins", () => {
  it("a formula that is one call becomes the twin itself", () => {
    expect(rewriteFinops("=FINOPS.ESR(A1,B1)")).toBe(`=${nativeTwin("ESR", ["A1", "B1"])}`);
    expect(rewriteFinops("=FINOPS.SAVINGS(5,3)")).toBe("=5-3");
  });

  it("brackets a bare twin among operators, so precedence holds", () => {
    expect(rewriteFinops("=1+FINOPS.SAVINGS(5,3)*2")).toBe("=1+(5-3)*2");
    expect(rewriteFinops("=2*FINOPS.ESR(A1,B1)")).toBe(`=2*${nativeTwin("ESR", ["A1", "B1"])}`);
  });

  it("keeps strings, quoted sheet names and structured references whole", () => {
    const formula = `=FINOPS.ESR('Q1, 2026 (draft)'!A1,Lines[[#This Row],[Cost, list]])&"FINOPS.ESR(x,"`;
    const twin = nativeTwin("ESR", ["'Q1, 2026 (draft)'!A1", "Lines[[#This Row],[Cost, list]]"]);
    expect(rewriteFinops(formula)).toBe(`=${twin}&"FINOPS.ESR(x,"`);
  });

  it("rewrites nested calls from the inside out, case-insensitively", () => {
    const inner = nativeTwin("SAVINGS", ["A1", "B1"]);
    expect(rewriteFinops("=finops.roi(FINOPS.SAVINGS(A1, B1), C1)")).toBe(
      `=${nativeTwin("ROI", [inner, "C1"])}`
    );
  });

  it("passes array constants and omitted optional arguments", () => {
    expect(rewriteFinops("=FINOPS.MATURITYSCORE({3,2;4,1},{1,1;2,2})")).toBe(
      `=${nativeTwin("MATURITYSCORE", ["{3,2;4,1}", "{1,1;2,2}"])}`
    );
    expect(rewriteFinops("=FINOPS.KPISTATUS(A1,B1,,0.2)")).toBe(
      `=${nativeTwin("KPISTATUS", ["A1", "B1", undefined, "0.2"])}`
    );
    expect(rewriteFinops(`=FINOPS.KPISTATUS(A1,B1,"lower")`)).toBe(
      `=${nativeTwin("KPISTATUS", ["A1", "B1", '"lower"'])}`
    );
  });

  it("reads Excel's file spelling of add-in functions too", () => {
    expect(rewriteFinops("=_xldudf_FINOPS_UNITCOST(A1,B1)")).toBe(
      `=${nativeTwin("UNITCOST", ["A1", "B1"])}`
    );
  });

  it("leaves formulas without FINOPS calls as they are", () => {
    for (const formula of ["=SUM(A1:A3)", '="FINOPS.ESR(A1,B1)"', "=MYFINOPS.ESR(1)", "12"])
      expect(rewriteFinops(formula)).toBe(formula);
  });

  it.each([
    ["=FINOPS.NOPE(A1)", /not a function of this add-in/],
    ["=FINOPS.ESR(A1)", /takes 2 arguments, not 1/],
    ["=FINOPS.ESR(A1,B1,C1)", /takes 2 arguments, not 3/],
    ['=FINOPS.ESR("5",B1)', /would read it differently/],
    ["=FINOPS.ESR(TRUE,B1)", /would read it differently/],
    ['=FINOPS.KPISTATUS(A1,B1,"sideways")', /higher" or "lower/],
    ["=FINOPS.ESR(A1,B1", /not closed/],
    ['=FINOPS.ESR(A1,"B1)', /not closed/],
    ["=FINOPS.ESR(A1,B1))", /not opened/],
    // Each twin repeats its argument: two RACICHECKs deep is past Excel's 8,192 characters.
    [
      "=FINOPS.RACICHECK(FINOPS.RACICHECK('Team budget'!F25))",
      /characters long; Excel allows 8,192, so it is kept/,
    ],
  ])("refuses %s in plain words", (formula, message) => {
    expect(() => rewriteFinops(formula)).toThrow(message);
  });

  it("property: any FINOPS call with literal or reference arguments, nested or not, loses every FINOPS call and stays balanced", () => {
    const reference = fc.constantFrom(
      "A1",
      "$B$2",
      "Sheet1!C3",
      "'Q1, 2026'!D4",
      "Lines[[#This Row],[Budget]]",
      "Lines[Actual]",
      "TeamBudgetFY"
    );
    const number = fc
      .double({ min: -1e6, max: 1e6, noNaN: true })
      .map((x) => String(Math.round(x * 100) / 100));
    const argument = fc.oneof(reference, number);
    const call = fc.letrec((tie) => ({
      call: fc
        .tuple(
          fc.constantFrom(...FINOPS_FUNCTION_NAMES),
          fc.array(fc.oneof({ depthSize: "small", maxDepth: 2 }, argument, tie("call")), {
            minLength: 4,
            maxLength: 4,
          }),
          fc.boolean()
        )
        .map(([name, args, lower]) => {
          const { min, max } = FINOPS_ARITY[name];
          const used = args.slice(0, max).slice(0, Math.max(min, args.length - 1));
          // KPISTATUS's third argument is a direction, not a number.
          if (name === "KPISTATUS" && used.length > 2) used[2] = lower ? '"lower"' : '"higher"';
          return `FINOPS.${name}(${used.join(",")})`;
        }),
    })).call;
    fc.assert(
      fc.property(call, fc.constantFrom("", "1+", "SUM(2,"), (text, prefix) => {
        const formula = `=${prefix}${text}${prefix.startsWith("SUM") ? ")" : ""}`;
        let rewritten: string;
        try {
          rewritten = rewriteFinops(formula);
        } catch (error) {
          // Only length may stop a well-formed call: deep nesting can outgrow Excel's limit.
          expect((error as Error).message).toMatch(/Excel allows 8,192/);
          return;
        }
        expect(rewritten.length).toBeLessThanOrEqual(8192);
        expect(usesAddinFunctions(rewritten)).toBe(false);
        expect(balanced(rewritten)).toBe(true);
      }),
      { numRuns: RUNS }
    );
  });
});
