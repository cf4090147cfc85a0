import { convertFormulas } from "../../src/excel/convertFormulas";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { GenerationError } from "../../src/excel/hostErrors";
import { checkWorkbookHealth, refreshWorkbook } from "../../src/excel/maintainWorkbook";
import { readPracticeSummary } from "../../src/excel/practiceSummary";
import { rollForward } from "../../src/excel/rollForward";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";
import { freshTable, inputCells, tableNow } from "./rollForwardHelpers";

// Every instance a store lists is maintained: last year's budget next to this year's, and a second
// copy of a template (another department's adoption plan) next to the first.

const ALL = TEMPLATES.map((t) => t.id);
const OLD = "BudgetLines";
const NEW = "BudgetLines_2";
const COMPUTED = freshTable(["team-budget"], DEFAULT_OPTIONS, OLD).formulas;

/** The store's rows now (header left out): template, version, sheets and options of each. */
function storeRows(fake: ExcelFake) {
  return (fake.state.values(METADATA_SHEET, "A2:G60") as unknown[][])
    .filter((r) => typeof r[0] === "string" && r[0] !== "")
    .map((r) => ({
      templateId: String(r[0]),
      version: Number(r[1]),
      sheets: JSON.parse(String(r[2])) as string[],
      options: JSON.parse(String(r[3])) as TemplateOptions,
      names: String(r[4]),
    }));
}

/** The practice set, rolled into FY2027, with a figure typed into each year's budget. */
async function twoYears(): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake));
  await rollForward("fiscalYear", hostFor(fake));
  await edit(fake, (workbook) => {
    for (const table of [OLD, NEW])
      workbook.tables
        .getItem(table)
        .columns.getItem(table === OLD ? "Actual Feb 2026" : "Actual Feb 2027")
        .getDataBodyRange()
        .getCell(0, 0).values = [[4321]];
  });
  fake.resetCounters();
  return fake;
}

/** Types a constant over the first row of "Over / (under) YTD" in both years' budgets. */
async function breakBothYears(fake: ExcelFake): Promise<{ sheet: string; address: string }[]> {
  const cells = [OLD, NEW].map((table) => {
    const column = columnOf(fake, table, "Over / (under) YTD");
    return { sheet: column.sheet, address: column.cell(0) };
  });
  await edit(fake, (workbook) => {
    for (const { sheet, address } of cells)
      workbook.worksheets.getItem(sheet).getRange(address).values = [[0]];
  });
  fake.resetCounters();
  return cells;
}

/** A named computed cell's address in the fake now. */
function namedCell(fake: ExcelFake, name: string): { sheet: string; address: string } {
  const formula = fake.state.names().find((n) => n.name === name)?.formula ?? "";
  const [, sheet, column, row] = /^='?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(formula) ?? [];
  return { sheet, address: `${column}${row}` };
}

describe("last year's sheets stay maintained after Next fiscal year", () => {
  it("check finds a broken formula in each year, refresh repairs both and keeps both years' inputs", async () => {
    const fake = await twoYears();
    const inputs = [OLD, NEW].map((t) => inputCells(fake, t, COMPUTED));
    const broken = await breakBothYears(fake);
    expect(broken.map((b) => b.sheet)).toEqual(["Team budget", "Team budget FY2027"]);

    const health = await checkWorkbookHealth(hostFor(fake));
    const overwritten = health.findings.filter((f) => f.kind === "overwritten");
    expect(overwritten.map((f) => ({ sheet: f.sheet, address: f.address }))).toEqual(
      expect.arrayContaining(broken)
    );
    expect(overwritten).toHaveLength(2);
    expect(health.checked.filter((id) => id === "team-budget")).toHaveLength(2);
    expect(health.checked.filter((id) => id === "staffing-plan")).toHaveLength(2);

    await refreshWorkbook(hostFor(fake));
    for (const [i, table] of [OLD, NEW].entries()) {
      const { headers, rows } = tableNow(fake, table);
      const formula = rows[0][headers.indexOf("Over / (under) YTD")];
      expect(formula).toBe(COMPUTED.get("Over / (under) YTD")?.replace(/\bBudgetLines\b/g, table));
      expect(inputCells(fake, table, COMPUTED)).toEqual(inputs[i]);
    }
    expect(inputs[0].get("0|Actual Feb 2026")).toBe(4321);
    expect(inputs[1].get("0|Actual Feb 2027")).toBe(4321);
    // Left: the sample FY2026 lines over budget (the old year is checked like the new one), and
    // FY2027's People lines, seeded month by month from FY2026's forecast, which still ramp the
    // April hire up while the FY2027 staffing plan has the analyst all year.
    const after = await checkWorkbookHealth(hostFor(fake));
    expect(after.repairable).toBe(0);
    expect(new Set(after.findings.filter((f) => f.severity !== "info").map((f) => f.kind))).toEqual(
      new Set(["overBudget", "staffingBudget"])
    );
    const people = after.findings.filter((f) => f.kind === "staffingBudget");
    expect(people.map((f) => [f.sheet, f.what.match(/ for (FY\d+)/)?.[1]])).toEqual([
      ["Team budget FY2027", "FY2027"],
    ]);
  });

  it.each([1, 2, 3, 4, 5])(
    "a failure at sync %i of the refresh of both years leaves the workbook as it was",
    async (n) => {
      const fake = await twoYears();
      await breakBothYears(fake);
      const before = fake.state.snapshot();
      fake.failOnSync(n);
      await expect(refreshWorkbook(hostFor(fake))).rejects.toThrow(GenerationError);
      fake.clearFailures();
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it("the summary's subtitle names the newest year and its record moves with it; a retyped subtitle is kept", async () => {
    const fake = await twoYears();
    expect(fake.state.values("Executive summary", "A2")[0][0]).toMatch(/^FY2027\. /);
    const summary = storeRows(fake).find((r) => r.templateId === "executive-summary");
    expect(summary?.options.firstPeriod).toBe("2027-01");

    const retyped = createExcelFake({ recordOperations: false });
    await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(retyped));
    await edit(retyped, (workbook) => {
      workbook.worksheets.getItem("Executive summary").getRange("A2").values = [
        ["Board pack, all years"],
      ];
    });
    const preview = await rollForward("fiscalYear", hostFor(retyped));
    expect(preview.changes.some((l) => l.includes("subtitle"))).toBe(false);
    expect(retyped.state.values("Executive summary", "A2")[0][0]).toBe("Board pack, all years");
  });

  it("Make portable converts both years, and both records say so", async () => {
    const fake = await twoYears();
    const result = await convertFormulas("portable", hostFor(fake));
    expect(result.changes).toEqual(
      expect.arrayContaining([
        'Team budget on "Team budget" is recorded as portable.',
        'Team budget on "Team budget FY2027" is recorded as portable.',
      ])
    );
    for (const sheet of ["Team budget", "Team budget FY2027"])
      expect(JSON.stringify(fake.state.formulas(sheet, "A1:AZ80"))).not.toContain("FINOPS.");
    expect(storeRows(fake).every((r) => r.options.formulaMode === "portable")).toBe(true);
  });

  it("Next month rolls the newest KPI tracker and leaves the earlier one as the record of its months", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
    await generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake));
    const result = await rollForward("period", hostFor(fake));
    expect(result.changes[0]).toMatch(/^KPI tracker: add Jan 2027/);
    expect(storeRows(fake).map((r) => [r.sheets[0], r.options.periods])).toEqual([
      ["KPI tracker", 12],
      ["KPI tracker (2)", 13],
    ]);
    expect(tableNow(fake, "Kpis").headers).not.toContain("Jan 2027");
    expect(tableNow(fake, "Kpis_2").headers).toContain("Jan 2027");
  });
});

describe("two copies of a template", () => {
  async function twoAdoptionPlansV1(): Promise<ExcelFake> {
    const fake = createExcelFake({ recordOperations: false });
    await generateAtVersion(fake, { "adoption-plan": 1 });
    await generateAtVersion(fake, { "adoption-plan": 1 });
    await edit(fake, (workbook) => {
      for (const table of ["AdoptionPlan", "AdoptionPlan_2"])
        workbook.tables
          .getItem(table)
          .columns.getItem("Status")
          .getDataBodyRange()
          .getCell(0, 0).values = [["Blocked"]];
    });
    fake.resetCounters();
    return fake;
  }

  it("both are checked (a broken total in each is found) and both are upgraded", async () => {
    const fake = await twoAdoptionPlansV1();
    const totals = ["AdoptionActivitiesTotal", "AdoptionActivitiesTotal_2"].map((n) =>
      namedCell(fake, n)
    );
    expect(totals.map((t) => t.sheet)).toEqual(["Adoption plan", "Adoption plan (2)"]);
    await edit(fake, (workbook) => {
      for (const { sheet, address } of totals)
        workbook.worksheets.getItem(sheet).getRange(address).values = [[99]];
    });

    const health = await checkWorkbookHealth(hostFor(fake));
    const overwritten = health.findings.filter((f) => f.kind === "overwritten");
    expect(overwritten.map((f) => ({ sheet: f.sheet, address: f.address }))).toEqual(
      expect.arrayContaining(totals)
    );
    expect(
      health.findings.filter((f) => f.kind === "upgradeAvailable").map((f) => f.sheet)
    ).toEqual(["Adoption plan", "Adoption plan (2)"]);

    const upgrade = await upgradeWorkbook(hostFor(fake));
    expect(upgrade.upgrades).toHaveLength(2);
    expect(storeRows(fake).map((r) => r.version)).toEqual([4, 4]);
    for (const table of ["AdoptionPlan", "AdoptionPlan_2"]) {
      const { headers, rows } = tableNow(fake, table);
      expect(rows[0][headers.indexOf("Status")]).toBe("Needs escalation");
    }
    // Each copy gets its own names for what version 3 adds, recorded with it.
    expect(fake.state.names().map((n) => n.name)).toEqual(
      expect.arrayContaining(["AdoptionAsAt", "AdoptionAsAt_2", "AdoptionActivitiesOverdue_2"])
    );
    expect(storeRows(fake).map((r) => JSON.parse(String(r.names)).names.adoptionAsAt)).toEqual([
      "AdoptionAsAt",
      "AdoptionAsAt_2",
    ]);
    await refreshWorkbook(hostFor(fake));
    const after = await checkWorkbookHealth(hostFor(fake));
    expect(after.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])(
    "a failure at sync %i of upgrading both leaves the workbook as it was",
    async (n) => {
      const fake = await twoAdoptionPlansV1();
      const before = fake.state.snapshot();
      fake.failOnSync(n);
      await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(GenerationError);
      fake.clearFailures();
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it("the pane's summary lists both, each with its sheets", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateWorkbooks(["adoption-plan"], DEFAULT_OPTIONS, hostFor(fake));
    await generateWorkbooks(["adoption-plan"], DEFAULT_OPTIONS, hostFor(fake));
    const summary = await readPracticeSummary(hostFor(fake));
    expect(summary.templates.map((t) => [t.templateId, t.sheets])).toEqual([
      ["adoption-plan", ["Adoption plan"]],
      ["adoption-plan", ["Adoption plan (2)"]],
    ]);
  });
});
