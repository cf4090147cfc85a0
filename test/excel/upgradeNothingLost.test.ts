/**
 * Property "nothing lost" for upgrade: whatever a user typed into, added to or broke in a version-1
 * adoption plan, upgrading to version 2 keeps every input value (renamed where its value was
 * renamed), every added row and the user's own column, and leaves nothing more to upgrade or refresh.
 */
import fc from "fast-check";
import { previewRefresh } from "../../src/excel/maintainWorkbook";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
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
        const after = cells(fake);
        // Version 3 adds one computed column, Schedule; every cell there before keeps its value.
        const added = new Set(
          [...after.keys()].filter((k) => !before.has(k)).map((k) => k.split("|")[1])
        );
        expect(added).toEqual(new Set(["Schedule"]));
        expect(new Map([...after].filter(([key]) => before.has(key)))).toEqual(expected);
        expect((await upgradeWorkbook(hostFor(fake))).changes).toEqual([]);
        expect(await previewRefresh(hostFor(fake))).toEqual([]);
      }),
      { numRuns: RUNS }
    );
  }, 120_000);
});

/**
 * The same for a version-2 scorecard, with the executive summary that links to it, made in portable
 * formulas by an add-in before MATURITYSCORE scored blank lenses 0: every lens score, weight-free
 * input and user column survives the upgrade to version 3, which adds Lenses assessed and writes the
 * current twins; nothing is left to repair.
 */
const SCORECARD = "MaturityCapabilities";
const lensScore = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(""), fc.constant("n/a"));
const scorecardScenario = fc.record({
  inputs: fc.array(fc.record({ row: fc.nat(21), column: fc.nat(9), value: lensScore }), {
    maxLength: 20,
  }),
  // No added capability rows: the history table below is wider, and Excel moves a table below only
  // whole, so it refuses to add a row (the fake too). Version 5 puts the history above instead.
  userColumn: fc.boolean(),
});

function scorecardCells(fake: ExcelFake): Map<string, unknown> {
  const t = fake.state.tables().find((x) => x.name === SCORECARD)!;
  const [, ...rows] = fake.state.formulas(t.sheet, t.address);
  return new Map(
    rows.flatMap((row, r) => row.map((cell, c) => [`${r}|${t.headers[c]}`, cell] as const))
  );
}

describe("upgrade loses nothing (maturity scorecard 2 -> 3)", () => {
  it("keeps every typed cell of a version-2 scorecard and its summary, portable, made with the earlier twins", async () => {
    const INPUTS = [
      "Knowledge",
      "Process",
      "Metrics",
      "Adoption",
      "Automation",
      "Target override",
      "Assessor",
      "Evidence",
      "Next action",
      "Capability",
    ];
    await fc.assert(
      fc.asyncProperty(scorecardScenario, async (s) => {
        const fake = createExcelFake({ recordOperations: false });
        await generateAtVersion(
          fake,
          {
            "executive-summary": 2,
            "team-budget": 1,
            "staffing-plan": 1,
            "kpi-tracker": 1,
            "maturity-scorecard": 2,
            "decision-model": 2,
            "adoption-plan": 2,
          },
          { ...DEFAULT_OPTIONS, formulaMode: "portable" },
          "earlier"
        );
        await edit(fake, (workbook) => {
          const table = workbook.tables.getItem(SCORECARD);
          if (s.userColumn) table.columns.add(undefined, undefined, "Reviewer notes");
          for (const change of s.inputs)
            table.columns
              .getItem(INPUTS[change.column])
              .getDataBodyRange()
              .getCell(change.row, 0).values = [[change.value]];
        });
        const before = scorecardCells(fake);
        await upgradeWorkbook(hostFor(fake));
        const after = scorecardCells(fake);
        for (const [key, value] of before) {
          const header = key.split("|")[1];
          if (INPUTS.includes(header) || header === "Reviewer notes")
            expect([key, after.get(key)]).toEqual([key, value]);
        }
        expect([...after.keys()].some((k) => k.endsWith("|Lenses assessed"))).toBe(true);
        expect((await upgradeWorkbook(hostFor(fake))).changes).toEqual([]);
        expect(await previewRefresh(hostFor(fake))).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 4) }
    );
  }, 300_000);
});
