/**
 * Upgrading a version-1 KPI tracker to version 2 (issue 14): the savings ledger gains Recurring,
 * Months in fiscal year, In-year value, Same bill as and Overlap at its end, the annualised value
 * counts a one-off once, the in-year totals are written below the sheet; every value typed survives;
 * a failure at any sync leaves the workbook as it was.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const LEDGER = "SavingsLedger";

async function trackerV1(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateAtVersion(fake, { "kpi-tracker": 1 });
  await edit(fake, (workbook) => {
    const ledger = workbook.tables.getItem(LEDGER);
    ledger.columns.getItem("New cost per month").getDataBodyRange().getCell(0, 0).values = [
      [380000],
    ];
    ledger.columns.add(undefined, undefined, "Reviewer").getDataBodyRange().getCell(1, 0).values = [
      ["Marco"],
    ];
  });
  fake.resetCounters();
  return fake;
}

describe("upgrading a version-1 KPI tracker", () => {
  it("adds the in-year columns and totals, counts a one-off once, and keeps every typed value", async () => {
    const fake = await trackerV1();
    const before = tableNow(fake, LEDGER);
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.map((u) => [u.templateId, u.from, u.to])).toEqual([
      ["kpi-tracker", 1, 2],
    ]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        'KPI tracker and savings ledger: new column "In-year value" in table SavingsLedger, with its formula.',
        'KPI tracker and savings ledger: new column "Overlap" in table SavingsLedger, with its formula.',
        expect.stringMatching(
          /^KPI tracker and savings ledger: new block "In FY2026" on "Savings ledger", below its content: InYearValueTotal, InYearValidatedTotal, LedgerOverlapsToCheck\.$/
        ),
      ])
    );
    const result = await upgradeWorkbook(hostFor(fake));
    expect(result.changes).toEqual(preview.changes);
    const after = tableNow(fake, LEDGER);
    // Every version-1 column, the user's own included, holds what it held.
    for (const header of before.headers) {
      const was = before.rows.map((r) => r[before.headers.indexOf(header)]);
      const now = after.rows.map((r) => r[after.headers.indexOf(header)]);
      if (header === "Annualised value") {
        expect(now[0]).toMatch(/\[Recurring\]\]="N"/);
        continue;
      }
      expect([header, now]).toEqual([header, was]);
    }
    // The new columns follow the template's last one; the user's own column stays.
    const evidence = after.headers.indexOf("Evidence link");
    expect(after.headers.slice(evidence + 1, evidence + 6)).toEqual([
      "Recurring",
      "Months in fiscal year",
      "In-year value",
      "Same bill as",
      "Overlap",
    ]);
    expect(after.headers).toContain("Reviewer");

    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error" || f.repairable)).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await trackerV1();
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
