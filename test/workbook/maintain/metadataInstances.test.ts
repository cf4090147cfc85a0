import {
  latestPerTemplate,
  METADATA_HEADERS,
  readInstalled,
  readInstances,
} from "../../../src/workbook/metadata";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";

const STAMP = "2026-01-15T09:00:00.000Z";
const options = (firstPeriod: string) => JSON.stringify({ ...DEFAULT_OPTIONS, firstPeriod });

/**
 * A store exactly as the add-in wrote it before instances were kept apart (same seven columns): the
 * practice's budget, its next fiscal year, two adoption plans, and a budget row written again after
 * its sheet was deleted and regenerated under the same sheet name.
 */
const STORE: unknown[][] = [
  [...METADATA_HEADERS],
  [
    "team-budget",
    1,
    '["Team budget"]',
    options("2026-01"),
    '{"tables":{"budgetLines":"BudgetLines"},"names":{"budgetTolerance":"BudgetTolerance"}}',
    STAMP,
    STAMP,
  ],
  ["adoption-plan", 2, '["Adoption plan"]', options("2026-01"), '{"tables":{}}', STAMP, STAMP],
  [
    "team-budget",
    1,
    '["Team budget FY2027"]',
    options("2027-01"),
    '{"tables":{"budgetLines":"BudgetLines_2"},"names":{"budgetTolerance":"BudgetTolerance_2"}}',
    STAMP,
    STAMP,
  ],
  ["adoption-plan", 2, '["Adoption plan (2)"]', options("2026-01"), "{}", STAMP, STAMP],
  ["not a row", "x", "", "", "", "", ""],
  ["adoption-plan", 2, '["adoption plan"]', options("2026-04"), "{}", STAMP, STAMP],
];

describe("the metadata store's instances", () => {
  it("reads every instance of a store in the current format, with its row; a regenerated sheet's newer row wins", () => {
    const instances = readInstances(STORE);
    expect(instances.map((i) => [i.row, i.template.templateId, i.template.sheets])).toEqual([
      [1, "team-budget", ["Team budget"]],
      [3, "team-budget", ["Team budget FY2027"]],
      [4, "adoption-plan", ["Adoption plan (2)"]],
      [6, "adoption-plan", ["adoption plan"]],
    ]);
    expect(instances[1].template.tables).toEqual({ budgetLines: "BudgetLines_2" });
    expect(instances[1].template.names).toEqual({ budgetTolerance: "BudgetTolerance_2" });
    expect(instances[1].template.options.firstPeriod).toBe("2027-01");
    expect(instances[2].template.tables).toEqual({});
  });

  it("keeps the newest record per template for what means the current one", () => {
    expect(readInstalled(STORE).map((t) => [t.templateId, t.sheets[0]])).toEqual([
      ["team-budget", "Team budget FY2027"],
      ["adoption-plan", "adoption plan"],
    ]);
    const rows = latestPerTemplate(readInstances(STORE), (i) => i.template).map((i) => i.row);
    expect(rows).toEqual([3, 6]);
  });

  it("an empty or header-only store has no instances", () => {
    expect(readInstances([])).toEqual([]);
    expect(readInstances([[...METADATA_HEADERS]])).toEqual([]);
  });
});
