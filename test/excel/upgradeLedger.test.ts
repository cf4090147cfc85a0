/**
 * Upgrading a version-1 KPI tracker to version 2 (issue 14): the savings ledger gains Recurring,
 * Months in fiscal year, In-year value, Same bill as and Overlap at its end, the annualised value
 * counts a one-off once, the in-year totals are written below the sheet; every value typed survives;
 * a failure at any sync leaves the workbook as it was.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { currencyFormat } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const LEDGER = "SavingsLedger";

/** A KPI's number format in a column of table Kpis, by its ID and the column's header. */
function kpiFormats(fake: ExcelFake): (id: string, header: string) => string {
  const table = fake.state.tables().find((t) => t.name === "Kpis");
  if (!table) throw new Error("No table Kpis");
  const formats = fake.state.numberFormats(table.sheet, table.address);
  const ids = tableNow(fake, "Kpis").rows.map((r) => r[0]);
  return (id, header) => formats[1 + ids.indexOf(id)][table.headers.indexOf(header)];
}

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
    // A format the user chose for one cell: the upgrade leaves it.
    const kpis = workbook.tables.getItem("Kpis");
    kpis.columns.getItem("Jan 2026").getDataBodyRange().getCell(1, 0).numberFormat = [["0.000"]];
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
      ["kpi-tracker", 1, 3],
    ]);
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        "KPI tracker and savings ledger: KPI values show their unit (72.0%, $84,500, counts as whole numbers) in 16 rows of table Kpis.",
        expect.stringMatching(/new named cells KpiAsAt of "Settings and status" on "KPI tracker"/),
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
    // Each new column follows the column before it in the current version's order (the table keeps
    // version 1's order: an upgrade moves nothing); the user's own column stays last.
    const next = (header: string) => after.headers[after.headers.indexOf(header) + 1];
    expect(next("Realised to date")).toBe("Recurring");
    expect(next("Annualised value")).toBe("Months in fiscal year");
    expect(next("Months in fiscal year")).toBe("In-year value");
    expect(next("Validated by finance")).toBe("Same bill as");
    expect(next("Same bill as")).toBe("Overlap");
    expect(after.headers[after.headers.length - 1]).toBe("Reviewer");

    // Each KPI row's values take its unit's format; a cell the user formatted keeps its own.
    const formats = kpiFormats(fake);
    expect(formats("KL-02", "Jun 2026")).toBe('0.0"%"');
    expect(formats("KL-02", "Latest value")).toBe('0.0"%"');
    expect(formats("PO-01", "Target")).toBe(currencyFormat("USD"));
    expect(formats("KL-08", "Baseline")).toBe(currencyFormat("USD", 2));
    expect(formats("PO-02", "Jan 2026")).toBe("0.000");

    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    // Only the user's own cell format differs from the template's: refresh would offer it back.
    expect(await previewRefresh(hostFor(fake))).toEqual([
      "KPI tracker!M21:M36: apply the number format of Jan 2026 to its 16 rows.",
    ]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error" || f.repairable)).toEqual([
      expect.objectContaining({ kind: "numberFormat", address: "M21:M36" }),
    ]);
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await trackerV1();
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
