/**
 * Property "nothing lost" for upgrade: whatever a user typed into, added to or broke in a version-1
 * adoption plan, upgrading to version 2 keeps every input value (renamed where its value was
 * renamed), every added row and the user's own column, and leaves nothing more to upgrade or refresh.
 */
import fc from "fast-check";
import { previewRefresh } from "../../src/excel/maintainWorkbook";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";

/** Runs per property; FINOPS_PROPERTY_RUNS raises it for a long soak (as the other properties). */
const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 200);
const TABLE = "AdoptionPlan";

const value = fc.oneof(
  fc.constantFrom("Blocked", "blocked", " BLOCKED ", "Done", "In progress", "Not started"),
  fc.constantFrom("Blocked by finance", "n/a", "", "Needs escalation"),
  fc.integer({ min: -10, max: 50000 })
);

const scenario = fc.record({
  inputs: fc.array(fc.record({ row: fc.nat(25), column: fc.nat(7), value }), { maxLength: 15 }),
  addedRows: fc.array(fc.array(value, { minLength: 8, maxLength: 8 }), { maxLength: 4 }),
  userColumn: fc.option(fc.array(value, { maxLength: 6 }), { nil: undefined }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function table(fake: ExcelFake) {
  return fake.state.tables().find((t) => t.name === TABLE)!;
}

/** Every cell of the table's data rows by (row, header). */
function cells(fake: ExcelFake): Map<string, unknown> {
  const t = table(fake);
  const [, ...rows] = fake.state.formulas(t.sheet, t.address);
  return new Map(
    rows.flatMap((row, r) => row.map((cell, c) => [`${r}|${t.headers[c]}`, cell] as const))
  );
}

async function play(fake: ExcelFake, s: Scenario): Promise<void> {
  const headers = table(fake).headers;
  await edit(fake, (workbook) => {
    const adoption = workbook.tables.getItem(TABLE);
    if (s.addedRows.length > 0) adoption.rows.add(undefined, s.addedRows as (string | number)[][]);
    if (s.userColumn) {
      const added = adoption.columns.add(undefined, undefined, "My notes");
      s.userColumn.forEach((v, r) => (added.getDataBodyRange().getCell(r, 0).values = [[v]]));
    }
    for (const change of s.inputs)
      adoption.columns
        .getItem(headers[change.column])
        .getDataBodyRange()
        .getCell(change.row, 0).values = [[change.value]];
  });
}

describe("upgrade loses nothing", () => {
  it("keeps every input of a version-1 adoption plan, renaming only the renamed status", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const fake = createExcelFake({ recordOperations: false });
        await generateAtVersion(fake, { "adoption-plan": 1 });
        await play(fake, s);
        const before = cells(fake);
        await upgradeWorkbook(hostFor(fake));
        const expected = new Map(
          [...before].map(([key, v]) => [
            key,
            key.endsWith("|Status") && typeof v === "string" && v.trim().toLowerCase() === "blocked"
              ? "Needs escalation"
              : v,
          ])
        );
        expect(cells(fake)).toEqual(expected);
        expect((await upgradeWorkbook(hostFor(fake))).changes).toEqual([]);
        expect(await previewRefresh(hostFor(fake))).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  }, 120_000);
});
