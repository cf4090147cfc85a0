import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import {
  checkWorkbookHealth,
  previewRefresh,
  refreshWorkbook,
} from "../../src/excel/maintainWorkbook";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { rangeBounds } from "../../src/workbook/addresses";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { BUDGET_BY_MONTH_CHART } from "../../src/workbook/templates/teamBudget";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";

// Charts follow the templates through maintenance: upgrade adds the tables and charts a new version
// brings below what the sheet holds, refresh draws a deleted template chart again over its table as
// it is now, and a user's own chart is never touched. Every write is undone on failure.

const SHEET = "Team budget";

const table = (fake: ExcelFake, name: string) => fake.state.tables().find((t) => t.name === name);
const charts = (fake: ExcelFake) =>
  fake.state.snapshot().sheets.find((s) => s.name === SHEET)!.charts;

/** A version-1 budget whose lines a user grew by `extra` rows, so version 2's table must go lower. */
async function grownV1Budget(extra: number): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await generateAtVersion(fake, { "team-budget": 1 });
  const width = table(fake, "BudgetLines")!.headers.length;
  await edit(fake, (workbook) =>
    workbook.tables
      .getItem("BudgetLines")
      .rows.add(
        undefined,
        Array.from({ length: extra }, (_, i) => [
          "Other",
          `Added line ${i + 1}`,
          ...Array.from({ length: width - 2 }, () => null),
        ]) as unknown as string[][]
      )
  );
  fake.resetCounters();
  return fake;
}

describe("charts and tables through maintenance", () => {
  it("upgrade adds Budget by month and its chart below the grown lines, and the check is clean", async () => {
    const fake = await grownV1Budget(20);
    const lines = rangeBounds(table(fake, "BudgetLines")!.address);
    // The lines' typed cells (category to the last actual): the additions write below them.
    const typed = `A${lines.top + 2}:AM${lines.bottom + 1}`;
    const before = fake.state.formulas(SHEET, typed);
    const upgraded = await upgradeWorkbook(hostFor(fake));
    expect(upgraded.changes).toContain(
      `Team budget: new table BudgetByMonth on "Team budget", with the chart "${BUDGET_BY_MONTH_CHART}".`
    );
    expect(fake.syncCount).toBe(5);
    const months = table(fake, "BudgetByMonth")!;
    // Below the last row the lines use now (totals row included), one blank row between.
    expect(rangeBounds(months.address).top).toBeGreaterThan(lines.bottom + 2);
    expect(fake.state.formulas(SHEET, typed)).toEqual(before);
    expect(table(fake, "BudgetLines")!.headers).toEqual(
      expect.arrayContaining([
        "Over / (under) YTD",
        "Over / (under) %",
        "Projected FY",
        "Run rate FY",
      ])
    );
    const [chart] = charts(fake);
    expect(chart.title).toBe(BUDGET_BY_MONTH_CHART);
    expect(chart.series.map((s) => [s.name, s.type ?? chart.type])).toEqual([
      ["Actual", "ColumnClustered"],
      ["Forecast", "ColumnClustered"],
      ["Budget", "Line"],
    ]);
    const data = rangeBounds(months.address);
    // Actual is the fifth column of version 3's table (Month, Month end, Budget, Forecast, Actual).
    expect(chart.series[0].values).toBe(`'Team budget'!$E$${data.top + 2}:$E$${data.bottom + 1}`);
    // Nothing to repair (the sample's lines over budget are warnings about the figures, not the file).
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.repairable || f.severity === "error")).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])(
    "a failure of sync %i of that upgrade leaves the workbook as it was",
    async (n) => {
      const fake = await grownV1Budget(3);
      const before = fake.state.snapshot();
      fake.failOnSync(n);
      await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it.each(["charts.add", "chart.series.setValues", "tables.add", "range.formulas"])(
    "a failure at %s during that upgrade is undone",
    async (kind) => {
      const fake = await grownV1Budget(3);
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it("a deleted template chart is found and drawn again over the table's rows; the user's chart stays", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    await edit(fake, (workbook) => {
      const sheet = workbook.worksheets.getItem(SHEET);
      sheet.charts.getItem(BUDGET_BY_MONTH_CHART).delete();
      const mine = sheet.charts.add("Pie" as Excel.ChartType, sheet.getRange("A1:B2"), "Auto");
      mine.name = "My pie";
    });
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(
      health.findings.filter((f) => f.repairable).map((f) => [f.kind, f.severity, f.what])
    ).toEqual([
      [
        "missingChart",
        "warning",
        `The chart "${BUDGET_BY_MONTH_CHART}" is gone from "Team budget".`,
      ],
    ]);
    expect(await previewRefresh(hostFor(fake))).toEqual([
      `Draw the chart "${BUDGET_BY_MONTH_CHART}" on "Team budget" again.`,
    ]);
    const mine = charts(fake).find((c) => c.name === "My pie");
    await refreshWorkbook(hostFor(fake));
    const fresh = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fresh));
    const drawn = charts(fake).find((c) => c.title === BUDGET_BY_MONTH_CHART)!;
    const expected = fresh.state.snapshot().sheets[1].charts[0];
    expect({ ...drawn, name: undefined }).toEqual({ ...expected, name: undefined });
    expect(charts(fake).find((c) => c.name === "My pie")).toEqual(mine);
    expect((await checkWorkbookHealth(hostFor(fake))).findings.filter((f) => f.repairable)).toEqual(
      []
    );
  });

  it("a deleted Budget by month table comes back below the sheet, with its chart", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    const was = rangeBounds(table(fake, "BudgetByMonth")!.address);
    await edit(fake, (workbook) => {
      workbook.tables.getItem("BudgetByMonth").delete();
      workbook.worksheets.getItem(SHEET).charts.getItem(BUDGET_BY_MONTH_CHART).delete();
    });
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.find((f) => f.kind === "missingTable")).toMatchObject({
      repairable: true,
    });
    await refreshWorkbook(hostFor(fake));
    const now = rangeBounds(table(fake, "BudgetByMonth")!.address);
    expect(now.top).toBeGreaterThanOrEqual(was.top);
    expect(charts(fake).map((c) => c.title)).toEqual([BUDGET_BY_MONTH_CHART]);
    expect(
      (await checkWorkbookHealth(hostFor(fake))).findings.filter(
        (f) => f.repairable || f.severity === "error"
      )
    ).toEqual([]);
  });
});
