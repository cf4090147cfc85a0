/**
 * Property "nothing lost" for roll forward: whatever a user types into the KPI tracker and whatever
 * rows they add, any number of month or quarter roll forwards keeps every input value where it was
 * and leaves every computed cell with the formula a fresh generation of the larger range writes.
 */
import fc from "fast-check";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { rollForward } from "../../src/excel/rollForward";
import { MAX_PERIODS } from "../../src/workbook/maintain/rollPeriods";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { freshTable, inputCells, recordedOptions, tableNow } from "./rollForwardHelpers";

/** Runs per property; FINOPS_PROPERTY_RUNS raises it (each run rolls up to twelve times). */
const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 200);
const TABLE = "Kpis";
const IDS = ["kpi-tracker"];

const value = fc.oneof(
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("note", "n/a", "72", "=1+1 as text")
);

const scenario = fc.record({
  periods: fc.integer({ min: 1, max: 24 }),
  sampleData: fc.boolean(),
  edits: fc.array(fc.record({ row: fc.nat(20), column: fc.nat(60), value }), { maxLength: 15 }),
  addedRows: fc.array(fc.array(value, { minLength: 4, maxLength: 4 }), { maxLength: 3 }),
  rolls: fc.array(fc.constantFrom(1, 3), { minLength: 1, maxLength: 12 }),
});

describe("roll forward loses nothing", () => {
  it("keeps every input and writes a fresh generation's formulas, whatever was typed and however often it rolls", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const options = { ...DEFAULT_OPTIONS, periods: s.periods, sampleData: s.sampleData };
        const fake = createExcelFake({ recordOperations: false });
        await generateWorkbooks(IDS, options, hostFor(fake));
        const computed = freshTable(IDS, options, TABLE).formulas;
        const { headers } = tableNow(fake, TABLE);
        const inputs = headers.filter((h) => !computed.has(h));
        await edit(fake, (workbook) => {
          const table = workbook.tables.getItem(TABLE);
          if (s.addedRows.length > 0)
            table.rows.add(
              undefined,
              s.addedRows.map((cells) =>
                headers.map((h) =>
                  computed.has(h) ? null : (cells[headers.indexOf(h) % 4] ?? null)
                )
              ) as (string | number)[][]
            );
          const rows = 16 + s.addedRows.length;
          for (const change of s.edits) {
            const header = inputs[change.column % inputs.length];
            const body = table.columns.getItem(header).getDataBodyRange();
            body.getCell(change.row % rows, 0).values = [[change.value]];
          }
        });
        const before = inputCells(fake, TABLE, computed);

        let periods = s.periods;
        for (const months of s.rolls) {
          const result = await rollForward("period", hostFor(fake), months);
          if (periods + months <= MAX_PERIODS) periods += months;
          else expect(result.changes).toEqual([]);
        }

        expect(recordedOptions(fake, "kpi-tracker").periods).toBe(periods);
        const after = inputCells(fake, TABLE, computed);
        for (const [key, cell] of before) expect([key, after.get(key)]).toEqual([key, cell]);
        const fresh = freshTable(IDS, { ...options, periods }, TABLE);
        const now = tableNow(fake, TABLE);
        expect(now.headers).toEqual(fresh.headers);
        for (const [header, formula] of fresh.formulas) {
          const c = now.headers.indexOf(header);
          for (const row of now.rows) expect(row[c]).toBe(formula);
        }
      }),
      { numRuns: RUNS }
    );
  }, 300_000);
});
