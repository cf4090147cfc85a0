import fc from "fast-check";
import { CellValue } from "../../src/domain/cellValue";
import { FinopsFunctionName } from "../../src/domain/functionsByName";

/** Numbers as spreadsheets hold them: finite doubles, with integers and money amounts over-represented. */
export const finiteNumber = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5)
);

export const nonNegative = fc.oneof(
  fc.double({ min: 0, max: 1e12, noNaN: true }),
  fc.integer({ min: 0, max: 1e6 }),
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })
);

export const errorValue = fc
  .constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!")
  .map((code) => ({ code }));

/** Anything Excel can hand a function for one cell. */
export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: finiteNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue }
);

/** A rectangular range of cells drawn from `cell`. */
export function range(
  cell: fc.Arbitrary<CellValue>,
  maxRows = 4,
  maxColumns = 6
): fc.Arbitrary<CellValue[][]> {
  return fc
    .record({
      rows: fc.integer({ min: 1, max: maxRows }),
      columns: fc.integer({ min: 1, max: maxColumns }),
    })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      })
    );
}

/** Runs per property; FINOPS_PROPERTY_RUNS raises it for a long soak. */
export const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 1000);

/** One argument as Excel passes it: a cell value, or rows of them for a range. */
export type AnyArgument = CellValue | CellValue[][];
export type AnyFunction = (...args: AnyArgument[]) => number | string;

/** Arity (including optional parameters) and which parameters take a range, per function. */
export const FUNCTION_SHAPES: Record<FinopsFunctionName, { arity: number; ranges?: number[] }> = {
  SAVINGS: { arity: 2 },
  ESR: { arity: 2 },
  COSTAVOIDANCE: { arity: 2 },
  ANOMALYAVOIDANCE: { arity: 2 },
  COVERAGE: { arity: 2 },
  UTILIZATION: { arity: 2 },
  COMMITMENTWASTE: { arity: 2 },
  BREAKEVEN: { arity: 3 },
  VARIANCE: { arity: 2 },
  VARIANCEPCT: { arity: 2 },
  BUDGETSTATUS: { arity: 3 },
  RUNRATE: { arity: 3 },
  FORECASTVARIANCE: { arity: 2 },
  ROI: { arity: 2 },
  FTE: { arity: 1, ranges: [0] },
  LOADEDCOST: { arity: 4 },
  MATURITYSCORE: { arity: 3, ranges: [0, 1] },
  MATURITYLEVEL: { arity: 3 },
  KPISTATUS: { arity: 4 },
  UNITCOST: { arity: 2 },
  RACICHECK: { arity: 1, ranges: [0] },
};

const raciCell = fc.oneof(
  fc.constantFrom<CellValue>("R", "A", "C", "I", "r", " a ", "", null),
  anyCell
);

/** Arguments of any kind for one function: cells, or ranges where it takes a range. */
export function argumentsFor(name: FinopsFunctionName): fc.Arbitrary<AnyArgument[]> {
  const { arity, ranges = [] } = FUNCTION_SHAPES[name];
  const rangeCell = name === "RACICHECK" ? raciCell : anyCell;
  const args = Array.from({ length: arity }, (_, i) =>
    ranges.includes(i) ? (range(rangeCell) as fc.Arbitrary<AnyArgument>) : anyCell
  );
  return fc.tuple(...args).map((values) => values as AnyArgument[]);
}
