/**
 * The health check's findings across sheets (issue 14): reporting dates that differ, a team budget
 * whose People lines disagree with the roles the staffing plan funds from it, and figures typed in
 * that the savings ledger computes. The sample practice set tells one story: none of them.
 */
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { Finding } from "../../src/workbook/maintain/findings";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const ACROSS = ["reportingDates", "staffingBudget", "retypedFigure"];
const SAMPLE = { ...DEFAULT_OPTIONS, sampleData: true };

async function practiceSet(versions: Record<string, number> = {}): Promise<ExcelFake> {
  const fake = createExcelFake();
  // The summary links the current versions' names: with an earlier source it is left out, as the
  // add-in would add a current copy of that source instead of linking it.
  const all = Object.fromEntries(
    TEMPLATES.filter(
      (t) => !(Object.keys(versions).length > 0 && t.id === "executive-summary")
    ).map((t) => [t.id, t.version])
  );
  await generateAtVersion(fake, { ...all, ...versions }, SAMPLE);
  return fake;
}

const across = async (fake: ExcelFake): Promise<Finding[]> =>
  (await checkWorkbookHealth(hostFor(fake))).findings.filter((f) => ACROSS.includes(f.kind));

const setName = (fake: ExcelFake, name: string, value: number) =>
  edit(fake, (workbook) => {
    workbook.names.getItem(name).getRange().values = [[value]];
  });

describe("the health check across sheets", () => {
  it("finds nothing in the sample practice set: one date, the budget's people are the plan's", async () => {
    expect(await across(await practiceSet())).toEqual([]);
  });

  it("names the sheet whose reporting date differs from the others", async () => {
    const fake = await practiceSet();
    await setName(fake, "DecisionsAsAt", 46172); // 2026-05-30
    const found = await across(fake);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "warning",
      kind: "reportingDates",
      templateId: "decision-model",
      sheet: "Decision model",
    });
    expect(found[0].what).toMatch(
      /^The reporting date here is 2026-05-30; Team budget, .*as at 2026-06-30/
    );
  });

  it("finds People lines that no longer match the roles the team budget funds", async () => {
    const fake = await practiceSet();
    // The lead's line budgets 16,250 a month; a raise of 1,000 a month is 12,000 a year (2.9%).
    await edit(fake, (workbook) => {
      const lines = workbook.tables.getItem("BudgetLines");
      const months = [
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
      ];
      for (const m of months)
        lines.columns.getItem(`Budget ${m} 2026`).getDataBodyRange().getCell(0, 0).values = [
          [17250],
        ];
    });
    const found = await across(fake);
    expect(found.map((f) => f.kind)).toEqual(["staffingBudget"]);
    // Independently: 12 x 17,250 + the analysts' 219,057 against 195,000 + 123,500 + 95,550.
    expect(found[0].what).toBe(
      "The People lines budget $426,057 for FY2026; the staffing plan's roles funded by the FinOps team budget cost $414,050 (Staffing plan!B" +
        found[0].what.match(/!B(\d+)/)![1] +
        "): $12,007 apart."
    );
    // Moving the embedded engineer onto the team budget without a People line is found the same way.
    const fresh = await practiceSet();
    await edit(fresh, (workbook) => {
      workbook.tables
        .getItem("StaffingPlan")
        .columns.getItem("Funding source")
        .getDataBodyRange()
        .getCell(3, 0).values = [["FinOps team budget"]];
    });
    expect((await across(fresh)).map((f) => f.kind)).toEqual(["staffingBudget"]);
  });

  it("finds savings typed into an earlier staffing plan, and not once they are linked", async () => {
    const fake = await practiceSet({ "staffing-plan": 1 });
    const found = await across(fake);
    expect(found).toEqual([
      expect.objectContaining({
        kind: "retypedFigure",
        sheet: "Staffing plan",
        what: "Savings delivered (Staffing plan) is typed in (1,122,000), a figure the savings ledger computes (ValidatedValueTotal): the two drift apart as the ledger changes.",
      }),
    ]);
    await edit(fake, (workbook) => {
      workbook.names.getItem("StaffSavingsDelivered").getRange().formulas = [
        ["=ValidatedValueTotal"],
      ];
    });
    expect(await across(fake)).toEqual([]);
  });
});

describe("the health check's overdue items", () => {
  it("notes the reviews and activities overdue at the reporting date, by name", async () => {
    const fake = await practiceSet();
    const overdue = (await checkWorkbookHealth(hostFor(fake))).findings.filter(
      (f) => f.kind === "overdue"
    );
    expect(overdue.map((f) => [f.severity, f.sheet, f.what])).toEqual(
      expect.arrayContaining([
        [
          "info",
          "Decision model",
          '2 decision reviews overdue at 2026-06-30: "Cost anomalies", "Chargeback and showback policy".',
        ],
        [
          "info",
          "Adoption plan",
          expect.stringMatching(
            /^2 adoption activities overdue at 2026-06-30: "Agree with Procurement/
          ),
        ],
      ])
    );
    expect(overdue).toHaveLength(2);
    // Reviewing one at the reporting date clears it: the check follows the typed date.
    const { headers, rows } = tableNow(fake, "DecisionModel");
    const row = rows.findIndex((r) => r[headers.indexOf("Decision")] === "Cost anomalies");
    await edit(fake, (workbook) => {
      workbook.tables
        .getItem("DecisionModel")
        .columns.getItem("Last reviewed")
        .getDataBodyRange()
        .getCell(row, 0).values = [[46203]];
    });
    const after = (await checkWorkbookHealth(hostFor(fake))).findings.filter(
      (f) => f.kind === "overdue" && f.sheet === "Decision model"
    );
    expect(after.map((f) => f.what)).toEqual([
      '1 decision review overdue at 2026-06-30: "Chargeback and showback policy".',
    ]);
  });
});
