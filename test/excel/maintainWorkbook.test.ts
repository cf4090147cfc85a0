import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import {
  checkWorkbookHealth,
  previewRefresh,
  refreshWorkbook,
} from "../../src/excel/maintainWorkbook";
import { planTemplates } from "../../src/workbook/generate";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor, NOW } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

const IDS = ["team-budget", "decision-model", "kpi-tracker"];
const BUDGET = "BudgetLines";

/** The formula a fresh generation writes in a computed column of a table. */
function freshFormula(table: string, header: string): string {
  const { plan } = planTemplates(IDS, DEFAULT_OPTIONS, { sheets: ["Sheet1"], tablesAndNames: [] });
  for (const sheet of plan.sheets)
    for (const t of sheet.tables) {
      if (t.name !== table) continue;
      const c = t.headers.indexOf(header);
      const range = sheet.ranges.find((r) => r.address === t.address.split(":")[0]);
      const formula = range?.rows[1][c].formula;
      if (formula) return formula;
    }
  throw new Error(`No computed ${table}[${header}]`);
}

async function generated(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(IDS, DEFAULT_OPTIONS, hostFor(fake));
  fake.resetCounters();
  return fake;
}

/** The edits of a heavy user: typed over formulas, a deleted column and name, rows, a column of their own, bad inputs. */
async function editHeavily(fake: ExcelFake, extraRows = 2): Promise<void> {
  const headers = fake.state.tables().find((t) => t.name === BUDGET)!.headers;
  const row = (item: string) =>
    headers.map((h) =>
      h === "Category"
        ? "People"
        : h === "Line item"
          ? item
          : h.startsWith("Budget Jan")
            ? 1000
            : h.startsWith("Actual Jan")
              ? 2500
              : null
    );
  await edit(fake, (workbook) => {
    const sheet = workbook.worksheets.getItem("Team budget");
    const lines = workbook.tables.getItem(BUDGET);
    // null leaves a cell as Excel fills it (calculated columns); the typings omit it.
    const added = Array.from({ length: extraRows }, (_, i) => row(`Added line ${i + 1}`));
    lines.rows.add(undefined, added as (string | number)[][]);
    lines.columns.add(undefined, undefined, "My notes");
    lines.columns.getItem("Status").delete();
    workbook.names.getItem("TeamBudgetFY").delete();
    sheet.getRange("A1").values = [["My own title"]];
  });
  const variance = columnOf(fake, BUDGET, "Over / (under) YTD");
  const notes = columnOf(fake, BUDGET, "My notes");
  const finops = columnOf(fake, "DecisionModel", "FinOps practitioner");
  const finance = columnOf(fake, "DecisionModel", "Finance");
  await edit(fake, (workbook) => {
    const budget = workbook.worksheets.getItem("Team budget");
    budget.getRange(variance.cell(0)).values = [[123]];
    budget.getRange(variance.cell(1)).formulas = [["=1+1"]];
    budget.getRange(notes.cell(0)).values = [["check with finance"]];
    const decisions = workbook.worksheets.getItem(finops.sheet);
    decisions.getRange(finops.cell(0)).values = [["Maybe"]];
    decisions.getRange(finance.cell(1)).values = [["A"]];
  });
}

describe("health check on the in-memory Excel", () => {
  it("a fresh workbook has no findings, in 3 syncs", async () => {
    const fake = await generated();
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.findings.filter((f) => f.severity !== "info" && f.kind !== "overBudget")).toEqual(
      []
    );
    expect([...report.checked].sort()).toEqual([...IDS].sort());
    expect(fake.syncCount).toBe(3);
  });

  it("finds what a heavy user broke, at exact addresses", async () => {
    const fake = await generated();
    await editHeavily(fake);
    const { findings } = await checkWorkbookHealth(hostFor(fake));
    const variance = columnOf(fake, BUDGET, "Over / (under) YTD");
    const at = (kind: string) =>
      findings.filter((f) => f.kind === kind).map((f) => `${f.sheet}!${f.address}`);
    expect(at("overwritten")).toEqual([`Team budget!${variance.cell(0)}`]);
    expect(at("formulaChanged")).toEqual([`Team budget!${variance.cell(1)}`]);
    expect(findings.find((f) => f.kind === "missingColumn")?.what).toMatch(/"Status"/);
    expect(findings.find((f) => f.kind === "missingName")).toMatchObject({
      sheet: "Team budget",
      repairable: true,
    });
    const finops = columnOf(fake, "DecisionModel", "FinOps practitioner");
    expect(at("invalidInput")).toEqual([`Decision model!${finops.cell(0)}`]);
    const leadership = columnOf(fake, "DecisionModel", "Leadership");
    expect(at("raci")).toEqual(
      expect.arrayContaining([`Decision model!${finops.cell(1)}:${leadership.cell(1)}`])
    );
    // The added lines spend 2,500 against 1,000 in January: 150% and 1,500 over (beyond 1,000).
    const actual = columnOf(fake, BUDGET, "Actual YTD");
    expect(at("overBudget")).toEqual(
      expect.arrayContaining([`Team budget!${actual.cell(actual.last - actual.first)}`])
    );
    expect(findings.every((f) => f.what.length > 0 && f.fix.length > 0)).toBe(true);
  });
});

describe("refresh on the in-memory Excel", () => {
  it("previews, then restores every computed cell and keeps every input, in 5 syncs", async () => {
    const fake = await generated();
    await editHeavily(fake);
    const preview = await previewRefresh(hostFor(fake));
    expect(preview).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/add the column "Status" back to table BudgetLines with its formula/),
        expect.stringMatching(/Point the name TeamBudgetFY/),
        // Each cell typed over is named with what it holds now (the other of the two held "=1+1").
        expect.stringMatching(
          /restore the formula of Over \/ \(under\) YTD \(2 cells\), replacing what was typed: [A-Z]+\d+ 123\.$/
        ),
      ])
    );
    const notes = columnOf(fake, BUDGET, "My notes");
    const finops = columnOf(fake, "DecisionModel", "FinOps practitioner");
    fake.resetCounters();
    const result = await refreshWorkbook(hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(result.changes).toEqual(preview);

    const variance = columnOf(fake, BUDGET, "Over / (under) YTD");
    const status = columnOf(fake, BUDGET, "Status");
    for (const column of [variance, status])
      for (let r = column.first; r <= column.last; r += 1)
        expect(fake.state.cell("Team budget", `${column.letter}${r}`).formula).toBe(
          freshFormula(BUDGET, column === variance ? "Over / (under) YTD" : "Status")
        );
    expect(fake.state.cell("Team budget", columnOf(fake, BUDGET, "My notes").cell(0)).value).toBe(
      "check with finance"
    );
    expect(columnOf(fake, BUDGET, "My notes").letter).not.toBe(notes.letter); // moved right by Status
    expect(fake.state.cell("Team budget", "A1").value).toBe("My own title");
    expect(fake.state.cell("Decision model", finops.cell(0)).value).toBe("Maybe");
    expect(fake.state.names().find((n) => n.name === "TeamBudgetFY")?.formula).toMatch(
      /^='Team budget'!\$B\$\d+$/
    );
    expect(fake.state.values(METADATA_SHEET, "G2:G2")).toEqual([[NOW.toISOString()]]);
    const after = await checkWorkbookHealth(hostFor(fake));
    expect(after.findings.filter((f) => f.repairable)).toEqual([]);
  });

  it("refresh and check take the same number of syncs however many rows users added", async () => {
    const counts = [];
    for (const rows of [1, 50, 400]) {
      const fake = await generated();
      await editHeavily(fake, rows);
      fake.resetCounters();
      await checkWorkbookHealth(hostFor(fake));
      const check = fake.syncCount;
      fake.resetCounters();
      await refreshWorkbook(hostFor(fake));
      counts.push([check, fake.syncCount]);
    }
    expect(counts).toEqual([
      [3, 5],
      [3, 5],
      [3, 5],
    ]);
  });

  it("recreates a deleted sheet from the plan, its names re-pointed", async () => {
    const fake = await generated();
    const before = fake.state.formulas("Team budget", "A1:BZ40");
    await edit(fake, (workbook) => workbook.worksheets.getItem("Team budget").delete());
    expect((await previewRefresh(hostFor(fake)))[0]).toBe(
      'Recreate the sheet "Team budget" from the template.'
    );
    await refreshWorkbook(hostFor(fake));
    expect(fake.state.formulas("Team budget", "A1:BZ40")).toEqual(before);
    expect(fake.state.names().find((n) => n.name === "TeamBudgetFY")?.formula).toMatch(
      /^='Team budget'!/
    );
  });

  it("with nothing to do, writes nothing", async () => {
    const fake = await generated();
    const before = fake.state.snapshot();
    expect((await refreshWorkbook(hostFor(fake))).changes).toEqual([]);
    expect(fake.state.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(3);
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await generated();
    await editHeavily(fake);
    await edit(fake, (workbook) => workbook.worksheets.getItem("KPI tracker").delete());
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(n);
    await expect(refreshWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it.each([
    "worksheets.add",
    "name.formula",
    "table.columns.add",
    "range.formulas",
    "range.numberFormat",
    "conditionalFormats.add",
    "protection.protect",
  ])("a failure at %s during the write is undone", async (kind) => {
    const fake = await generated();
    await editHeavily(fake);
    await edit(fake, (workbook) => {
      workbook.worksheets.getItem("KPI tracker").delete();
      const decisions = workbook.tables.getItem("DecisionModel").columns;
      decisions.getItem("RACI check").getDataBodyRange().conditionalFormats.clearAll();
      (
        decisions.getItem("Threshold").getDataBodyRange() as { numberFormat: unknown }
      ).numberFormat = "0";
    });
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === kind);
    await expect(refreshWorkbook(hostFor(fake))).rejects.toThrow(/Nothing was changed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
