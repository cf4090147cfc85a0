/**
 * The team budget's monthly detail (version 4, issue 14): each line's months as budget, forecast and
 * actual rows for print. An upgrade from version 3 writes it below the sheet with the template's
 * formulas; a line added without its three detail rows is found by the health check.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const detailFindings = async (fake: ExcelFake) =>
  (await checkWorkbookHealth(hostFor(fake))).findings.filter((f) => f.kind === "budgetDetail");

describe("the team budget's monthly detail", () => {
  it("is added by the upgrade from version 3 with a fresh generation's formulas", async () => {
    const upgraded = createExcelFake();
    await generateAtVersion(upgraded, { "team-budget": 3 });
    await upgradeWorkbook(hostFor(upgraded));
    const fresh = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fresh));
    const detail = tableNow(upgraded, "BudgetDetail");
    const wanted = tableNow(fresh, "BudgetDetail");
    expect(detail.headers).toEqual(wanted.headers);
    expect(detail.rows).toEqual(wanted.rows);
    expect(detail.rows).toHaveLength(3 * tableNow(upgraded, "BudgetLines").rows.length);
    expect(await previewRefresh(hostFor(upgraded))).toEqual([]);
    expect(await detailFindings(upgraded)).toEqual([]);
  });

  it("says when a line has no rows in the detail, and stops once they are added", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    const lines = tableNow(fake, "BudgetLines").rows.length;
    await edit(fake, (workbook) => {
      const table = workbook.tables.getItem("BudgetLines");
      const width = tableNow(fake, "BudgetLines").headers.length;
      table.rows.add(undefined, [
        ["Cost anomaly tool", ...Array.from({ length: width - 1 }, () => null)],
      ] as unknown as string[][]);
    });
    const [finding] = await detailFindings(fake);
    expect(finding).toMatchObject({
      severity: "warning",
      sheet: "Team budget",
      what: `The monthly detail shows ${lines} of the ${lines + 1} budget lines: the last line is not in it, nor in the printout.`,
      fix: "Add 3 rows at the end of table BudgetDetail, with Measure Budget, Forecast, Actual in turn for each line: the other columns fill in.",
    });
    await edit(fake, (workbook) => {
      const detail = workbook.tables.getItem("BudgetDetail");
      const width = tableNow(fake, "BudgetDetail").headers.length;
      const row = (measure: string) => [
        null,
        measure,
        ...Array.from({ length: width - 2 }, () => null),
      ];
      detail.rows.add(undefined, [
        row("Budget"),
        row("Forecast"),
        row("Actual"),
      ] as unknown as string[][]);
    });
    expect(await detailFindings(fake)).toEqual([]);
  });
});
