/**
 * Property "nothing lost": whatever a user types, adds or breaks in a generated budget, refresh keeps
 * every input value (template rows, added rows, the user's own column, cells outside the table) and
 * restores every computed cell to the formula a fresh generation writes.
 */
import fc from "fast-check";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { refreshWorkbook } from "../../src/excel/maintainWorkbook";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";

/** Runs per property; FINOPS_PROPERTY_RUNS raises it for a long soak (as the domain's properties). */
const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 200);
const TABLE = "BudgetLines";
const SHEET = "Team budget";

/** Computed headers of the budget table and the formula a fresh generation gives each. */
const FRESH: ReadonlyMap<string, string> = (() => {
  const { plan } = planTemplates(["team-budget"], DEFAULT_OPTIONS, {
    sheets: [],
    tablesAndNames: [],
  });
  const sheet = plan.sheets[0];
  const table = sheet.tables[0];
  const range = sheet.ranges.find((r) => r.address === table.address.split(":")[0]);
  return new Map(
    table.headers.flatMap((h, c) => {
      const formula = range?.rows[1][c].formula;
      return formula ? [[h, formula] as const] : [];
    })
  );
})();

const value = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.constantFrom("People", "Consulting", "note", "n/a", "12 units")
);

const scenario = fc.record({
  inputs: fc.array(fc.record({ row: fc.nat(8), column: fc.nat(40), value }), { maxLength: 12 }),
  addedRows: fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { maxLength: 4 }),
  userColumn: fc.option(fc.array(value, { maxLength: 6 }), { nil: undefined }),
  broken: fc.array(
    fc.record({
      row: fc.nat(12),
      column: fc.nat(FRESH.size - 1),
      how: fc.constantFrom<unknown>(0, 1234, "typed", "", "=1+1"),
    }),
    { maxLength: 8 }
  ),
  deleted: fc.option(fc.nat(FRESH.size - 1), { nil: undefined }),
});

type Grid = Map<string, unknown>;

/** The table as user-owned content: every non-computed cell by (row, header). */
function inputs(fake: ExcelFake): Grid {
  const table = fake.state.tables().find((t) => t.name === TABLE)!;
  const [start] = table.address.split(":");
  const body = fake.state.formulas(SHEET, table.address);
  const grid: Grid = new Map();
  body.slice(1, table.showTotals ? -1 : undefined).forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!FRESH.has(table.headers[c])) grid.set(`${r}|${table.headers[c]}`, cell);
    })
  );
  grid.set("start", start);
  return grid;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function play(fake: ExcelFake, s: Scenario): Promise<void> {
  const headers = fake.state.tables().find((t) => t.name === TABLE)!.headers;
  const inputHeaders = headers.filter((h) => !FRESH.has(h));
  const computed = [...FRESH.keys()];
  await edit(fake, (workbook) => {
    const table = workbook.tables.getItem(TABLE);
    if (s.addedRows.length > 0)
      table.rows.add(
        undefined,
        s.addedRows.map((cells) =>
          headers.map((h, c) => (FRESH.has(h) ? null : (cells[c] ?? null)))
        ) as (string | number)[][]
      );
    if (s.userColumn) {
      const added = table.columns.add(undefined, undefined, "My notes");
      s.userColumn.forEach((v, r) => (added.getDataBodyRange().getCell(r, 0).values = [[v]]));
    }
    for (const change of s.inputs) {
      const header = inputHeaders[change.column % inputHeaders.length];
      table.columns.getItem(header).getDataBodyRange().getCell(change.row, 0).values = [
        [change.value],
      ];
    }
    for (const change of s.broken) {
      const cell = table.columns
        .getItem(computed[change.column])
        .getDataBodyRange()
        .getCell(change.row % 9, 0);
      cell.formulas = [[change.how as string]];
    }
    if (s.deleted !== undefined) table.columns.getItem(computed[s.deleted]).delete();
  });
}

describe("refresh loses nothing", () => {
  it("keeps every input and restores every computed cell, whatever was typed, added or broken", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const fake = createExcelFake({ recordOperations: false });
        await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
        await play(fake, s);
        const before = inputs(fake);
        const outside = fake.state.formulas(SHEET, "A1:B20");
        await refreshWorkbook(hostFor(fake));
        const after = inputs(fake);
        after.delete("start");
        before.delete("start");
        expect(after).toEqual(before);
        expect(fake.state.formulas(SHEET, "A1:B20")).toEqual(outside);
        const table = fake.state.tables().find((t) => t.name === TABLE)!;
        const rows = fake.state
          .formulas(SHEET, table.address)
          .slice(1, table.showTotals ? -1 : undefined);
        for (const [header, formula] of FRESH) {
          const c = table.headers.indexOf(header);
          expect(c).toBeGreaterThanOrEqual(0);
          for (const row of rows) expect(row[c]).toBe(formula);
        }
      }),
      { numRuns: RUNS }
    );
  }, 120_000);
});
