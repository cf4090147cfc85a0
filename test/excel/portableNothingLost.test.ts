/**
 * Property "nothing lost" for the portable round trip: whatever a user types into a generated budget
 * (inputs, rows, a column of their own, FINOPS formulas anywhere, constants over computed cells),
 * making it portable changes no constant and leaves no convertible FINOPS call, and going back to
 * add-in functions gives back exactly the workbook that was there. A FINOPS formula may stay only
 * when it calls an unknown function or when its twin would pass Excel's formula length; then it is
 * kept as typed and reported.
 */
import fc from "fast-check";
import { convertFormulas } from "../../src/excel/convertFormulas";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { FINOPS_ARITY, FINOPS_FUNCTION_NAMES } from "../../src/domain/functionsByName";
import { usesAddinFunctions } from "../../src/workbook/maintain/formulaText";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 200);
const TABLE = "BudgetLines";
const SHEET = "Team budget";
const UNKNOWN = "=FINOPS.NOPE(B23)";

const reference = fc.constantFrom("D23", "$E$24", "'Team budget'!F25", "AQ23:AQ25", "TeamBudgetFY");
const literal = fc.integer({ min: -500, max: 5000 }).map(String);

/** A FINOPS call with reference or literal arguments, sometimes nested once. */
const call: fc.Arbitrary<string> = fc.letrec((tie) => ({
  call: fc
    .tuple(
      fc.constantFrom(...FINOPS_FUNCTION_NAMES.filter((n) => n !== "KPISTATUS")),
      fc.array(fc.oneof({ maxDepth: 1 }, reference, literal, tie("call")), {
        minLength: 4,
        maxLength: 4,
      })
    )
    .map(([name, args]) => `FINOPS.${name}(${args.slice(0, FINOPS_ARITY[name].min).join(",")})`),
})).call;

const formula = fc.oneof(
  call.map((c) => `=${c}`),
  call.map((c) => `=1+${c}*2`),
  fc.constant(UNKNOWN),
  fc.constant("=SUM(D23:D25)")
);

const scenario = fc.record({
  inputs: fc.array(
    fc.record({ row: fc.nat(8), column: fc.nat(2), value: fc.integer({ min: 0, max: 9999 }) }),
    { maxLength: 6 }
  ),
  addedRows: fc.nat(3),
  userColumn: fc.option(call, { nil: undefined }),
  loose: fc.array(fc.record({ row: fc.integer({ min: 1, max: 40 }), formula }), {
    maxLength: 6,
  }),
  typedOver: fc.option(fc.nat(8), { nil: undefined }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** A formula kept because its twin is too long, as the conversion reports it. */
const tooLongFor = (address: string, formula: string) =>
  expect.stringMatching(
    new RegExp(
      `^${SHEET}!${address}: ${escapeRegExp(formula)} is left as it is\\. With native functions this formula would be [\\d,]+ characters long; Excel allows 8,192`
    )
  );
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Failing cases seen in earlier runs, replayed on every run. Seed -1026868725: three nested calls
 * whose twin is 8,220 characters; the conversion rightly keeps and reports it.
 */
const NESTED_TOO_LONG =
  "FINOPS.BREAKEVEN(FINOPS.RACICHECK($E$24),FINOPS.SAVINGS($E$24,AQ23:AQ25),FINOPS.RACICHECK(AQ23:AQ25))";
const REGRESSIONS: [Scenario][] = [
  [
    {
      inputs: [],
      addedRows: 0,
      userColumn: undefined,
      loose: [{ row: 5, formula: `=${NESTED_TOO_LONG}` }],
      typedOver: undefined,
    },
  ],
  [
    {
      inputs: [{ row: 1, column: 0, value: 10 }],
      addedRows: 1,
      userColumn: NESTED_TOO_LONG,
      loose: [{ row: 7, formula: UNKNOWN }],
      typedOver: 2,
    },
  ],
];

async function play(fake: ExcelFake, s: Scenario): Promise<void> {
  await edit(fake, (workbook) => {
    const lines = workbook.tables.getItem(TABLE);
    const width = fake.state.tables().find((t) => t.name === TABLE)!.headers.length;
    if (s.addedRows > 0) {
      const rows = Array.from({ length: s.addedRows }, () =>
        Array.from({ length: width }, () => null)
      );
      lines.rows.add(undefined, rows as unknown as number[][]);
    }
    if (s.userColumn) lines.columns.add(undefined, undefined, "Mine");
  });
  const budget = columnOf(fake, TABLE, "Budget Jan 2026");
  const variance = columnOf(fake, TABLE, "Over / (under) YTD");
  const mine = s.userColumn ? columnOf(fake, TABLE, "Mine") : undefined;
  await edit(fake, (workbook) => {
    const sheet = workbook.worksheets.getItem(SHEET);
    for (const { row, column, value } of s.inputs)
      sheet.getRange(`${String.fromCharCode(68 + column)}${budget.first + row}`).values = [[value]];
    for (const { row, formula: f } of s.loose) sheet.getRange(`BA${row}`).formulas = [[f]];
    if (mine)
      sheet.getRange(`${mine.letter}${mine.first}:${mine.letter}${mine.last}`).formulas =
        Array.from({ length: mine.last - mine.first + 1 }, () => [`=${s.userColumn}`]);
    if (s.typedOver !== undefined) sheet.getRange(variance.cell(s.typedOver)).values = [[42]];
  });
}

/** Every cell's formula or constant on the budget sheet, by address. */
function cells(fake: ExcelFake): Map<string, unknown> {
  const sheet = fake.state.snapshot().sheets.find((s) => s.name === SHEET)!;
  return new Map(Object.entries(sheet.cells).map(([a, c]) => [a, c.formula ?? c.value]));
}

describe("portable round trip loses nothing (property)", () => {
  it(`holds over ${RUNS} random workbooks`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const fake = createExcelFake();
        await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
        await play(fake, s);
        const before = fake.state.snapshot();
        const typed = cells(fake);

        const { left } = await convertFormulas("portable", hostFor(fake));
        const portable = cells(fake);
        expect([...portable.keys()]).toEqual([...typed.keys()]);
        for (const [address, was] of typed) {
          const now = portable.get(address);
          const isFormula = typeof was === "string" && was.startsWith("=");
          if (!isFormula) expect([address, now]).toEqual([address, was]);
          else if (usesAddinFunctions(String(now))) {
            expect([address, now]).toEqual([address, was]);
            if (was !== UNKNOWN) expect(left).toContainEqual(tooLongFor(address, String(was)));
          }
        }

        await convertFormulas("addin", hostFor(fake));
        expect(fake.state.snapshot()).toEqual(before);
      }),
      { numRuns: RUNS, examples: REGRESSIONS }
    );
  }, 600000);
});
