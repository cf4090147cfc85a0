/**
 * Upgrading a version-2 team budget to version 3 (issue 14): the variance columns are renamed, not
 * duplicated; the reporting date block is written below the sheet; the columns and named cells
 * version 3 no longer has (Projected FY, Run rate FY, the typed savings and its return) stay as
 * they are; every value typed survives; a failure at any sync leaves the workbook as it was.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const LINES = "BudgetLines";

async function budgetV2(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateAtVersion(fake, { "team-budget": 2 });
  await edit(fake, (workbook) => {
    const lines = workbook.tables.getItem(LINES);
    lines.columns.getItem("Actual Jul 2026").getDataBodyRange().getCell(0, 0).values = [[16000]];
    lines.columns.add(undefined, undefined, "My notes").getDataBodyRange().getCell(1, 0).values = [
      ["ask finance"],
    ];
    workbook.names.getItem("SavingsDeliveredYTD").getRange().values = [[250000]];
  });
  fake.resetCounters();
  return fake;
}

const typed = (fake: ExcelFake) => {
  const { headers, rows } = tableNow(fake, LINES);
  const inputs = headers.filter((h) =>
    /^(Budget|Forecast|Actual) [A-Z][a-z]{2} \d{4}$|^(Category|Line item|Owner|My notes)$/.test(h)
  );
  return rows.map((row) => Object.fromEntries(inputs.map((h) => [h, row[headers.indexOf(h)]])));
};

describe("upgrading a version-2 team budget", () => {
  it("renames the variance columns, adds the reporting date and keeps every typed value", async () => {
    const fake = await budgetV2();
    const before = typed(fake);
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.map((u) => [u.templateId, u.from, u.to])).toEqual([
      ["team-budget", 2, 4],
    ]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        'Team budget: the column "Variance YTD" of table BudgetLines is renamed "Over / (under) YTD".',
        'Team budget: the column "Variance %" of table BudgetLines is renamed "Over / (under) %".',
        'Team budget: new column "Over / (under) FY" in table BudgetLines, with its formula.',
        expect.stringMatching(
          /^Team budget: "Projected FY", "Run rate FY" in table BudgetLines; the named cells SavingsDeliveredYTD, TeamROI: no longer part of the template/
        ),
        'Team budget: new block "Reporting date and thresholds" on "Team budget", below its content: BudgetAsAt, BudgetMateriality, BudgetMonthsClosed, BudgetMonthsWithoutActuals.',
        'Team budget: new block "Over / (under) budget (actual or forecast minus budget)" on "Team budget", below its content: TeamOverUnderYTD, TeamOverUnderFY.',
        "Team budget: 8 lines of template text reworded (A5, A6, A7, A8, A10, A11, A16, A17).",
        'Team budget: new table BudgetDetail on "Team budget".',
      ])
    );
    fake.resetCounters();
    const result = await upgradeWorkbook(hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(result.changes).toEqual(preview.changes);

    const { headers } = tableNow(fake, LINES);
    expect(headers).toEqual(
      expect.arrayContaining([
        "Over / (under) YTD",
        "Over / (under) %",
        "Over / (under) FY",
        "Projected FY",
        "Run rate FY",
        "My notes",
      ])
    );
    expect(headers).not.toContain("Variance YTD");
    expect(typed(fake)).toEqual(before);
    const value = (name: string) => {
      const found = fake.state.names().find((n) => n.name === name)!;
      const [, sheet, column, row] = /^='(.+)'!\$?([A-Z]+)\$?(\d+)$/.exec(found.formula)!;
      return fake.state.values(sheet, `${column}${row}`)[0][0];
    };
    // The typed savings stays where it was; the reporting date is the sample's.
    expect(value("SavingsDeliveredYTD")).toBe(250000);
    expect(value("BudgetAsAt")).toBe(46203);

    // Nothing left to upgrade or repair; labels beside the named cells read version 3's words.
    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error" || f.repairable)).toEqual([]);
    const label = (name: string) => {
      const found = fake.state.names().find((n) => n.name === name)!;
      const [, sheet, , row] = /^='(.+)'!\$?([A-Z]+)\$?(\d+)$/.exec(found.formula)!;
      return fake.state.values(sheet, `A${row}`)[0][0];
    };
    expect(label("TeamProjectedFY")).toBe(
      "Team forecast, full year (actuals to date, then forecast)"
    );
    expect(label("TeamActualYTD")).toBe("Team actual, year to date");
    expect(label("BudgetTolerance")).toBe("On-budget tolerance (share of budget)");
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await budgetV2();
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
