import fc from "fast-check";
import { FinopsFunctionName } from "../../src/domain/functionsByName";

/**
 * Input rows for the native-twin check: per function, what each argument holds, drawn so that
 * every branch is reached (valid values near the interesting boundaries, zeros, negatives, blanks,
 * text and error cells). Booleans are left out: LibreOffice stores them as numbers, Excel does not.
 */
export type InputCell =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "blank" }
  | { kind: "error"; code: "#N/A" | "#DIV/0!" };

/** An argument is one cell, or a block of cells for a range parameter; optional ones may be omitted. */
export type InputArgument =
  { kind: "cell"; cell: InputCell } | { kind: "range"; cells: InputCell[][] } | { kind: "omitted" };

const num = (arb: fc.Arbitrary<number>) =>
  arb.map((value): InputCell => ({ kind: "number", value }));
const oddCell: fc.Arbitrary<InputCell> = fc.oneof(
  fc.constant<InputCell>({ kind: "blank" }),
  fc.constantFrom("abc", "12", " ").map((value): InputCell => ({ kind: "text", value })),
  fc
    .constantFrom("#N/A" as const, "#DIV/0!" as const)
    .map((code): InputCell => ({ kind: "error", code })),
  num(fc.constantFrom(0, -1, -250.5))
);

/** Mostly `good` values, often zero (the base cases), sometimes something else a user might have in the cell. */
function cell(good: fc.Arbitrary<number>): fc.Arbitrary<InputArgument> {
  return fc
    .oneof(
      { weight: 8, arbitrary: num(good) },
      { weight: 1, arbitrary: num(fc.constant(0)) },
      { weight: 2, arbitrary: oddCell }
    )
    .map((c): InputArgument => ({ kind: "cell", cell: c }));
}

function optional(good: fc.Arbitrary<number>): fc.Arbitrary<InputArgument> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<InputArgument>({ kind: "omitted" }) },
    { weight: 1, arbitrary: fc.constant<InputArgument>({ kind: "cell", cell: { kind: "blank" } }) },
    { weight: 5, arbitrary: cell(good) }
  );
}

function block(
  rows: number,
  columns: number,
  inner: fc.Arbitrary<InputCell>
): fc.Arbitrary<InputArgument> {
  return fc
    .array(fc.array(inner, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    })
    .map((cells): InputArgument => ({ kind: "range", cells }));
}

function rangeCell(good: fc.Arbitrary<number>): fc.Arbitrary<InputCell> {
  return fc.oneof(
    { weight: 12, arbitrary: num(good) },
    { weight: 3, arbitrary: fc.constant<InputCell>({ kind: "blank" }) },
    { weight: 1, arbitrary: oddCell }
  );
}

/** Doubles in [min, max] with full precision but never subnormal (spreadsheets never hold 5e-324). */
const real = (min: number, max: number) =>
  fc.integer({ min: 0, max: 2 ** 30 }).map((k) => min + ((max - min) * k) / 2 ** 30);
const money = fc.oneof(
  real(0, 2e6),
  fc.integer({ min: 0, max: 100000 }),
  fc.integer({ min: 0, max: 1e8 }).map((cents) => cents / 100)
);
const signedMoney = real(-5e5, 5e6);
const share = real(0, 1);
const days = fc.integer({ min: 0, max: 31 });

/** Two amounts that are often close to each other, so statuses land on every side. */
const nearPair = fc
  .tuple(money, real(-0.15, 0.15))
  .map(([base, drift]) => [base, base * (1 + drift)] as const);

const raciLetter: fc.Arbitrary<InputCell> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc
      .constantFrom("R", "A", "C", "I", "r", " a")
      .map((value): InputCell => ({ kind: "text", value })),
  },
  { weight: 3, arbitrary: fc.constant<InputCell>({ kind: "blank" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<InputCell>(
      { kind: "text", value: "X" },
      { kind: "number", value: 1 },
      { kind: "error", code: "#N/A" }
    ),
  }
);

const asCell = (value: number): InputArgument => ({
  kind: "cell",
  cell: { kind: "number", value },
});

const kpiNearTarget = fc
  .tuple(
    nearPair,
    fc.oneof(
      fc.constant<InputArgument>({ kind: "omitted" }),
      fc
        .constantFrom("higher", "lower", " Lower ", "sideways")
        .map((value): InputArgument => ({ kind: "cell", cell: { kind: "text", value } })),
      fc.constant<InputArgument>({ kind: "cell", cell: { kind: "blank" } })
    ),
    optional(real(0, 0.3))
  )
  .map(([[target, actual], direction, band]) => [asCell(actual), asCell(target), direction, band]);

export const TWIN_CASES: Record<FinopsFunctionName, fc.Arbitrary<InputArgument[]>> = {
  SAVINGS: fc.tuple(cell(signedMoney), cell(signedMoney)),
  ESR: fc.tuple(cell(money), cell(money)),
  COSTAVOIDANCE: fc.tuple(cell(signedMoney), cell(signedMoney)),
  ANOMALYAVOIDANCE: fc.tuple(cell(money), cell(days)),
  COVERAGE: fc.tuple(cell(money), cell(money)),
  UTILIZATION: fc.tuple(cell(money), cell(money)),
  COMMITMENTWASTE: fc.tuple(cell(money), cell(money)),
  BREAKEVEN: fc.oneof(
    fc.tuple(cell(money), cell(money), cell(money), optional(fc.constantFrom(12, 36, 1, 0, 7.5))),
    // Commitments that can break even: a fee below on demand, an upfront within the term's cost,
    // and a break-even exactly on the term's last month (12 x 1,000 = 12,000).
    fc
      .tuple(fc.integer({ min: 1, max: 100000 }), share, share, fc.constantFrom(12, 36))
      .map(([onDemand, fee, upfront, term]): InputArgument[] => [
        {
          kind: "cell",
          cell: { kind: "number", value: Math.round(upfront * onDemand * term * 0.5) },
        },
        { kind: "cell", cell: { kind: "number", value: onDemand } },
        { kind: "cell", cell: { kind: "number", value: Math.round(fee * onDemand * 0.5) } },
        { kind: "cell", cell: { kind: "number", value: term } },
      ]),
    fc.constant<InputArgument[]>([
      { kind: "cell", cell: { kind: "number", value: 0 } },
      { kind: "cell", cell: { kind: "number", value: 1000 } },
      { kind: "cell", cell: { kind: "number", value: 1000 } },
      { kind: "omitted" },
    ])
  ),
  VARIANCE: fc.tuple(cell(signedMoney), cell(signedMoney)),
  VARIANCEPCT: fc.tuple(cell(money), cell(money)),
  BUDGETSTATUS: fc.oneof(
    fc.tuple(nearPair, optional(real(0, 0.2))).map(([[b, a], tol]) => [asCell(b), asCell(a), tol]),
    fc.tuple(cell(money), cell(money), optional(share)),
    // With a materiality amount: differences near it, and one exactly on it.
    fc
      .tuple(nearPair, optional(real(0, 0.2)), optional(fc.constantFrom(0, 100, 1000, 2500)))
      .map(([[b, a], tol, least]) => [asCell(b), asCell(a), tol, least])
  ),
  RUNRATE: fc.tuple(cell(money), cell(days), cell(fc.integer({ min: 0, max: 31 }))),
  FORECASTVARIANCE: fc.tuple(cell(money), cell(money)),
  ROI: fc.tuple(cell(money), cell(money)),
  FTE: fc.tuple(block(1, 6, rangeCell(fc.oneof(share, fc.constantFrom(0.25, 0.5, 1, 1.2))))),
  LOADEDCOST: fc.tuple(
    cell(money),
    cell(real(0, 1)),
    cell(fc.oneof(share, fc.constantFrom(1, 1.3))),
    optional(fc.integer({ min: 0, max: 24 }))
  ),
  MATURITYSCORE: fc.oneof(
    fc.tuple(
      block(1, 5, rangeCell(fc.integer({ min: 0, max: 5 }))),
      block(1, 5, rangeCell(real(0, 3))),
      optional(fc.constantFrom(4, 5, 10))
    ),
    fc.tuple(
      block(1, 5, rangeCell(real(0, 4))),
      fc.constant<InputArgument>({ kind: "omitted" }),
      optional(fc.constant(4))
    ),
    fc.tuple(
      block(1, 5, rangeCell(fc.integer({ min: 0, max: 4 }))),
      block(1, 4, rangeCell(fc.constant(1))),
      fc.constant<InputArgument>({ kind: "omitted" })
    )
  ),
  MATURITYLEVEL: fc.tuple(
    cell(fc.oneof(share, fc.constantFrom(0.5, 0.8, 1.1))),
    optional(real(0, 0.6)),
    optional(real(0.5, 1.1))
  ),
  KPISTATUS: fc.oneof(
    {
      weight: 1,
      arbitrary: fc.tuple(
        cell(signedMoney),
        cell(signedMoney),
        fc.constant<InputArgument>({ kind: "omitted" }),
        optional(share)
      ),
    },
    { weight: 4, arbitrary: kpiNearTarget }
  ),
  UNITCOST: fc.tuple(cell(money), cell(fc.integer({ min: 0, max: 100000 }))),
  RACICHECK: fc.tuple(block(1, 6, raciLetter)),
};
