/**
 * Upgrading a version-1 staffing plan to version 2 (issue 14): the typed-in savings, savings per FTE
 * and the FTE of each month (the totals row's) stay where they are (no longer part of the template), the funded and contributed block is
 * written below the sheet, totals are relabelled, every value typed survives, and a failure at any
 * sync leaves the workbook as it was.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const STAFF = "StaffingPlan";

async function staffingV1(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateAtVersion(fake, { "staffing-plan": 1 });
  await edit(fake, (workbook) => {
    const staff = workbook.tables.getItem(STAFF);
    staff.columns.getItem("Person").getDataBodyRange().getCell(2, 0).values = [["Ada Moss"]];
    staff.columns.getItem("Funding source").getDataBodyRange().getCell(3, 0).values = [
      ["FinOps team budget"],
    ];
    workbook.names.getItem("StaffSavingsDelivered").getRange().values = [[300000]];
  });
  fake.resetCounters();
  return fake;
}

const cellOf = (fake: ExcelFake, name: string, column?: string) => {
  const found = fake.state.names().find((n) => n.name === name);
  if (!found) throw new Error(`no name ${name}`);
  const [, sheet, at, row] = /^='(.+)'!\$?([A-Z]+)\$?(\d+)$/.exec(found.formula)!;
  return fake.state.values(sheet, `${column ?? at}${row}`)[0][0];
};

describe("upgrading a version-1 staffing plan", () => {
  it("adds funded and contributed time, leaves the typed savings and keeps every typed value", async () => {
    const fake = await staffingV1();
    const before = tableNow(fake, STAFF).rows;
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.map((u) => [u.templateId, u.from, u.to])).toEqual([
      ["staffing-plan", 1, 3],
    ]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Staffing plan: the named cells StaffSavingsDelivered, SavingsPerFTE, StaffFTEMonth1, .*StaffFTEMonth12: no longer part of the template/
        ),
        'Staffing plan: new block "Funded by the team budget and contributed by other budgets" on "Staffing plan", below its content: StaffFTEFunded, StaffCostFunded, StaffFTEContributed, StaffCostContributed.',
      ])
    );
    const result = await upgradeWorkbook(hostFor(fake));
    expect(result.changes).toEqual(preview.changes);
    expect(tableNow(fake, STAFF).rows).toEqual(before);
    expect(cellOf(fake, "StaffSavingsDelivered")).toBe(300000);
    expect(cellOf(fake, "StaffFTE", "A")).toBe(
      "Team FTE, funded and contributed (average over the year)"
    );
    // The labels of the added block sit beside their named cells.
    expect(cellOf(fake, "StaffCostFunded", "A")).toBe(
      "Loaded cost FY funded by the FinOps team budget (its People lines)"
    );

    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error" || f.repairable)).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await staffingV1();
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
