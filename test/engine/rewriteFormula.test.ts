import fc from "fast-check";
import ExcelJS from "exceljs";
import { CellMatrix, CellValue } from "../../src/domain/cellValue";
import { FormulaError } from "../../src/domain/formulaError";
import {
  FINOPS_ARITY,
  FINOPS_FUNCTIONS,
  FINOPS_FUNCTION_NAMES,
  FinopsFunctionName,
} from "../../src/domain/functionsByName";
import { rewriteFinops } from "../../src/workbook/twins/rewriteFormula";
import { computedValue, recalculate } from "./recalc";

/**
 * "Make portable" rewrites the FINOPS calls users typed. The add-in functions cannot run in
 * LibreOffice, so the domain is their reference: the rewritten formula, recalculated by LibreOffice,
 * must give what the domain computes for the original call (1e-9 relative, same error code).
 */
const CASES = Number(process.env.FINOPS_REWRITE_CASES ?? 400);

type Outcome = number | string | { error: string };
type Call = (...args: unknown[]) => number | string;

function domain(compute: () => number | string): Outcome {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FormulaError) return { error: error.code };
    throw error;
  }
}

function agrees(actual: unknown, expected: Outcome): boolean {
  if (typeof expected === "number")
    return (
      typeof actual === "number" &&
      Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected), 1e-300)
    );
  if (typeof expected === "string") return actual === expected;
  return (actual as { error?: string } | null)?.error === expected.error;
}

/** A literal argument: its text in the formula and the value the domain is given. */
interface Literal {
  readonly text: string;
  readonly value: CellValue | CellMatrix;
}

const number: fc.Arbitrary<Literal> = fc
  .oneof(
    fc.constantFrom(0, 1, -1, 0.5, 0.8, 2, 12, 100),
    fc.double({ min: -5000, max: 5000, noNaN: true }).map((x) => Math.round(x * 100) / 100)
  )
  .map((x) => ({ text: String(x), value: x }));

/** A row array constant ({a,b,c}), the way Insert writes range arguments. */
function row<T extends number | string>(
  cell: fc.Arbitrary<T>,
  length: number
): fc.Arbitrary<Literal> {
  return fc.array(cell, { minLength: length, maxLength: length }).map((cells) => ({
    text: `{${cells.map((c) => (typeof c === "string" ? `"${c}"` : String(c))).join(",")}}`,
    value: [cells],
  }));
}

const score = fc.constantFrom(0, 1, 2, 3, 4, 5, -1, 2.5);
const fraction = fc.constantFrom(0, 0.25, 0.5, 1, 1.5, -0.5);
const band: fc.Arbitrary<Literal> = fc
  .constantFrom(0, 0.05, 0.1, 0.5, -0.1)
  .map((x) => ({ text: String(x), value: x }));

/** Literal arguments for a function, optional ones sometimes left out. */
function literalArgs(name: FinopsFunctionName): fc.Arbitrary<Literal[]> {
  const { min, max } = FINOPS_ARITY[name];
  const count = fc.integer({ min, max });
  switch (name) {
    case "FTE":
      return fc.integer({ min: 1, max: 5 }).chain((n) => row(fraction, n).map((a) => [a]));
    case "RACICHECK":
      return fc
        .integer({ min: 1, max: 6 })
        .chain((n) => row(fc.constantFrom("A", "R", "C", "I"), n).map((a) => [a]));
    case "MATURITYSCORE":
      return fc
        .tuple(fc.integer({ min: 1, max: 5 }), count)
        .chain(([n, k]) =>
          fc
            .tuple(row(score, n), row(fc.constantFrom(0, 1, 2, 0.5), n), number)
            .map((a) => a.slice(0, k))
        );
    case "KPISTATUS":
      return fc
        .tuple(number, number, fc.constantFrom("higher", "lower", " Lower "), band, count)
        .map(([a, t, d, b, k]) => [a, t, { text: `"${d}"`, value: d }, b].slice(0, k));
    default:
      return fc
        .tuple(fc.array(number, { minLength: max, maxLength: max }), count)
        .map(([args, k]) => args.slice(0, k));
  }
}

interface Case {
  readonly typed: string;
  readonly rewritten: string;
  readonly expected: Outcome;
}

const literalCase: fc.Arbitrary<Case> = fc.constantFrom(...FINOPS_FUNCTION_NAMES).chain((name) =>
  literalArgs(name).map((args) => {
    const typed = `=FINOPS.${name}(${args.map((a) => a.text).join(",")})`;
    return {
      typed,
      rewritten: rewriteFinops(typed),
      expected: domain(() => F[name](...args.map((a) => a.value))),
    };
  })
);

/** Inputs on two sheets, one with a name that needs quoting; the user's formulas on a third. */
const INPUTS: Record<string, Record<string, number | string>> = {
  "Q1, 2026": { A1: 1200, A2: 0.9, A3: 3, C1: 0.5, C2: 1, C3: 0.25, C4: 0.25 },
  Lines: { B1: 1000, B2: 1500, B4: 250, B5: 400, B6: 90000, B7: "n/a" },
};
const F = FINOPS_FUNCTIONS as unknown as Record<FinopsFunctionName, Call>;
const q = INPUTS["Q1, 2026"];
const l = INPUTS.Lines;

/** Formulas as a user types them: references to other sheets, nesting, strings and operators around calls. */
const TYPED: readonly (readonly [string, () => number | string])[] = [
  ["=FINOPS.ROI(FINOPS.SAVINGS(Lines!B1,'Q1, 2026'!A1),2)", () => F.ROI(F.SAVINGS(l.B1, q.A1), 2)],
  ["=1+FINOPS.SAVINGS(5,3)*2", () => 1 + 2 * Number(F.SAVINGS(5, 3))],
  [
    "=FINOPS.KPISTATUS(Lines!B2,'Q1, 2026'!A1,\"lower\",0.2)",
    () => F.KPISTATUS(l.B2, q.A1, "lower", 0.2),
  ],
  [
    "=FINOPS.MATURITYSCORE('Q1, 2026'!C1:C3,{1;1;2},1)",
    () => F.MATURITYSCORE([[q.C1], [q.C2], [q.C3]], [[1], [1], [2]], 1),
  ],
  [
    '=FINOPS.BUDGETSTATUS(Lines!B1,Lines!B2)&" by "&FINOPS.VARIANCE(Lines!B1,Lines!B2)',
    () => `${F.BUDGETSTATUS(l.B1, l.B2)} by ${F.VARIANCE(l.B1, l.B2)}`,
  ],
  [
    '=IF(FINOPS.ESR(Lines!B1,Lines!B4)>0.5,"good","poor")',
    () => (Number(F.ESR(l.B1, l.B4)) > 0.5 ? "good" : "poor"),
  ],
  ["=FINOPS.UTILIZATION(Lines!B3,Lines!B1)", () => F.UTILIZATION(null, l.B1)],
  ["=FINOPS.UNITCOST(Lines!B7,Lines!B1)", () => F.UNITCOST(l.B7, l.B1)],
  ["=FINOPS.FTE('Q1, 2026'!C1:C4)", () => F.FTE([[q.C1], [q.C2], [q.C3], [q.C4]])],
  ["=FINOPS.LOADEDCOST(Lines!B6,0.3,'Q1, 2026'!C1)", () => F.LOADEDCOST(l.B6, 0.3, q.C1)],
  ["=FINOPS.COVERAGE(Lines!B5,Lines!B1)/2", () => Number(F.COVERAGE(l.B5, l.B1)) / 2],
];

describe("user-typed FINOPS formulas rewritten as twins, in LibreOffice", () => {
  let results: {
    sheet: string;
    address: string;
    typed: string;
    rewritten: string;
    expected: Outcome;
  }[];
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    for (const [name, cells] of Object.entries(INPUTS)) {
      const sheet = workbook.addWorksheet(name);
      for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
    }
    const literals = fc.sample(literalCase, { numRuns: CASES, seed: 20261129 });
    const typed = TYPED.map(([text, compute]) => ({
      typed: text,
      rewritten: rewriteFinops(text),
      expected: domain(compute),
    }));
    results = [
      ...literals.map((c, i) => ({ ...c, sheet: "Literals", address: `A${i + 1}` })),
      ...typed.map((c, i) => ({ ...c, sheet: "Mine", address: `A${i + 1}` })),
    ];
    for (const name of ["Literals", "Mine"]) workbook.addWorksheet(name);
    for (const r of results)
      (workbook.getWorksheet(r.sheet) as ExcelJS.Worksheet).getCell(r.address).value = {
        formula: r.rewritten.slice(1),
      } as ExcelJS.CellFormulaValue;
    recalculated = await recalculate(workbook);
  }, 240000);

  it("the sample covers every function and numbers, text and errors", () => {
    const literals = results.filter((r) => r.sheet === "Literals");
    expect(literals.length).toBe(CASES);
    for (const name of FINOPS_FUNCTION_NAMES)
      expect(literals.some((r) => r.typed.startsWith(`=FINOPS.${name}(`))).toBe(true);
    const kinds = new Set(
      results.map((r) => (typeof r.expected === "object" ? "error" : typeof r.expected))
    );
    expect([...kinds].sort()).toEqual(["error", "number", "string"]);
  });

  it.each(["Literals", "Mine"])("%s: every rewritten formula gives the domain's answer", (name) => {
    const sheet = recalculated.getWorksheet(name) as ExcelJS.Worksheet;
    const disagreements = results
      .filter((r) => r.sheet === name)
      .map((r) => ({ ...r, libreOffice: computedValue(sheet.getCell(r.address)) }))
      .filter((r) => !agrees(r.libreOffice, r.expected))
      .map(({ typed, rewritten, expected, libreOffice }) => ({
        typed,
        rewritten,
        expected,
        libreOffice,
      }));
    expect(disagreements).toEqual([]);
  });
});
