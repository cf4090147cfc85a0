import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { GenerationError } from "../../src/excel/hostErrors";
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { previewRollForward, rollForward } from "../../src/excel/rollForward";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { freshTable, inputCells, recordedOptions, tableNow } from "./rollForwardHelpers";

const IDS = ["team-budget", "kpi-tracker"];
const KPIS = "Kpis";

async function generated(ids = IDS, options = DEFAULT_OPTIONS): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await generateWorkbooks(ids, options, hostFor(fake));
  fake.resetCounters();
  return fake;
}

/** A finance user's month: values typed into the newest period column, and rows of their own. */
async function typeIntoKpis(fake: ExcelFake, month: number, extraRows = 0): Promise<void> {
  const { headers } = tableNow(fake, KPIS);
  await edit(fake, (workbook) => {
    const table = workbook.tables.getItem(KPIS);
    if (extraRows > 0)
      table.rows.add(
        undefined,
        Array.from({ length: extraRows }, (_, i) =>
          headers.map((h) => (h === "KPI" ? `My KPI ${month}.${i}` : h === "Baseline" ? i : null))
        ) as (string | number)[][]
      );
    const newest = headers[headers.indexOf("Latest value") - 1];
    const body = table.columns.getItem(newest).getDataBodyRange();
    body.getCell(0, 0).values = [[month * 10]];
    body.getCell(3, 0).values = [["n/a"]];
  });
}

describe("roll forward by months", () => {
  it("twelve months later the tracker has 24 months, every figure typed is kept and formulas match a fresh 24-month generation", async () => {
    const fake = await generated();
    const budgetBefore = fake.state.snapshot().sheets.find((s) => s.name === "Team budget");
    for (let month = 1; month <= 12; month += 1) {
      await typeIntoKpis(fake, month, month % 4 === 0 ? 1 : 0);
      const fresh = freshTable(IDS, DEFAULT_OPTIONS, KPIS).formulas;
      const before = inputCells(fake, KPIS, fresh);
      fake.resetCounters();
      const result = await rollForward("period", hostFor(fake));
      expect(fake.syncCount).toBe(5);
      expect(result.changes[0]).toMatch(/^KPI tracker: add \w{3} 20\d\d after/);
      const after = inputCells(fake, KPIS, fresh);
      for (const [key, value] of before) expect([key, after.get(key)]).toEqual([key, value]);
    }
    expect(recordedOptions(fake, "kpi-tracker").periods).toBe(24);
    expect(fake.state.values("KPI tracker", "A1:A2").flat()).toContain(
      "Jan 2026 to Dec 2027; amounts in USD"
    );
    const expected = freshTable(IDS, { ...DEFAULT_OPTIONS, periods: 24 }, KPIS);
    const now = tableNow(fake, KPIS);
    expect(now.headers).toEqual(expected.headers);
    for (const [header, formula] of expected.formulas) {
      const c = now.headers.indexOf(header);
      for (const row of now.rows) expect(row[c]).toBe(formula);
    }
    // Nothing structural is reported (typed text and gaps in this test's figures are, rightly).
    const health = await checkWorkbookHealth(hostFor(fake));
    const typed = ["invalidInput", "periodGap"];
    const kpi = health.findings.filter((f) => f.templateId === "kpi-tracker");
    expect(kpi.filter((f) => !typed.includes(f.kind) && f.severity !== "info")).toEqual([]);
    expect(fake.state.snapshot().sheets.find((s) => s.name === "Team budget")).toEqual(
      budgetBefore
    );
  });

  it("rolls a quarter at once, and stops at 36 months with a note instead of a change", async () => {
    const fake = await generated(["kpi-tracker"], { ...DEFAULT_OPTIONS, periods: 33 });
    const quarter = await rollForward("period", hostFor(fake), 3);
    expect(quarter.changes[0]).toBe(
      "KPI tracker: add Oct 2028, Nov 2028, Dec 2028 after Sep 2028; figures already entered stay as they are."
    );
    expect(recordedOptions(fake, "kpi-tracker").periods).toBe(36);
    const before = fake.state.snapshot();
    const full = await rollForward("period", hostFor(fake));
    expect(full.changes).toEqual([]);
    expect(full.notes[0]).toMatch(/already follows 36 months .*Generate a new KPI tracker/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("says the budget's twelve months are all there and points to the next fiscal year", async () => {
    const fake = await generated(["team-budget"]);
    const before = fake.state.snapshot();
    const preview = await previewRollForward("period", hostFor(fake));
    expect(preview.changes).toEqual([]);
    expect(preview.notes).toEqual([
      "Team budget FY2026: all 12 months of the fiscal year (Jan 2026 to Dec 2026) are already there; enter each month's actuals as it closes. After the last month, use \"Next fiscal year\" to start the next year's budget.",
    ]);
    await rollForward("period", hostFor(fake));
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("previews exactly what it then does, in 3 syncs", async () => {
    const fake = await generated();
    const preview = await previewRollForward("period", hostFor(fake));
    expect(fake.syncCount).toBe(3);
    expect((await rollForward("period", hostFor(fake))).changes).toEqual(preview.changes);
  });

  it.each([0, 50, 400])("takes 5 syncs with %i rows added", async (rows) => {
    const fake = await generated();
    await typeIntoKpis(fake, 1, rows);
    fake.resetCounters();
    await rollForward("period", hostFor(fake));
    expect(fake.syncCount).toBe(5);
  });

  it.each([1, 2, 3, 4, 5])("a failure at sync %i leaves the workbook as it was", async (n) => {
    const fake = await generated();
    await typeIntoKpis(fake, 1, 2);
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(n);
    await expect(rollForward("period", hostFor(fake))).rejects.toThrow(GenerationError);
    fake.clearFailures();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it.each([
    "range.values",
    "table.columns.add",
    "range.formulas",
    "range.numberFormat",
    "protection.protect",
  ])("a failure at %s during the write is undone", async (kind) => {
    const fake = await generated();
    await typeIntoKpis(fake, 1, 1);
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === kind);
    await expect(rollForward("period", hostFor(fake))).rejects.toThrow(/Nothing was changed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});

const SET = ["executive-summary"];

describe("roll forward to the next fiscal year", () => {
  async function practiceSet(): Promise<ExcelFake> {
    const fake = await generated(SET);
    // The CFO's FY2026 figures: a forecast changed, a line added, a person leaving in the year.
    await edit(fake, (workbook) => {
      const budget = workbook.tables.getItem("BudgetLines");
      budget.columns.getItem("Forecast Mar 2026").getDataBodyRange().getCell(0, 0).values = [
        [17000],
      ];
      budget.columns.getItem("Forecast Dec 2026").getDataBodyRange().getCell(1, 0).values = [
        [25000],
      ];
      const staff = workbook.tables.getItem("StaffingPlan");
      staff.columns.getItem("End").getDataBodyRange().getCell(2, 0).values = [[46100]];
      workbook.names.getItem("BudgetTolerance").getRange().values = [[0.08]];
      workbook.names.getItem("BudgetMateriality").getRange().values = [[2500]];
      workbook.names.getItem("BudgetAsAt").getRange().values = [[46234]];
    });
    fake.resetCounters();
    return fake;
  }

  it("adds FY2027 sheets seeded from the forecast, keeps FY2026 untouched, and points the summary at the new year", async () => {
    const fake = await practiceSet();
    const old = fake.state.snapshot();
    const oldBudget = tableNow(fake, "BudgetLines");
    const oldStaff = tableNow(fake, "StaffingPlan");
    const result = await rollForward("fiscalYear", hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(result.changes).toEqual([
      'Team budget: add FY2027 on the sheet "Team budget FY2027", 9 rows carried over from FY2026 with each month\'s forecast as the new budget; the FY2026 sheets stay as they are.',
      'Staffing plan: add FY2027 on the sheet "Staffing plan FY2027", 10 rows carried over from FY2026 with the last month\'s allocation; the FY2026 sheets stay as they are.',
      "Executive summary: point 12 figures and the table ExecBudgetByMonth at the new year.",
      "Executive summary!A2: the subtitle names FY2027.",
    ]);
    const now = fake.state.snapshot();
    for (const sheet of old.sheets.filter(
      (s) => !["Executive summary", "FinOps metadata"].includes(s.name)
    ))
      expect(now.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);

    // Budget: each month's forecast is next year's budget and starting forecast; actuals empty.
    const budget = tableNow(fake, "BudgetLines_2");
    expect(budget.sheet).toBe("Team budget FY2027");
    const col = (t: { headers: string[] }, h: string) => t.headers.indexOf(h);
    expect(budget.rows).toHaveLength(oldBudget.rows.length);
    budget.rows.forEach((row, r) => {
      expect(row[col(budget, "Line item")]).toBe(oldBudget.rows[r][col(oldBudget, "Line item")]);
      expect(row[col(budget, "Budget Mar 2027")]).toBe(
        oldBudget.rows[r][col(oldBudget, "Forecast Mar 2026")]
      );
      expect(row[col(budget, "Forecast Dec 2027")]).toBe(
        oldBudget.rows[r][col(oldBudget, "Forecast Dec 2026")]
      );
      expect(["", null]).toContain(row[col(budget, "Actual Jan 2027")]);
    });
    expect(budget.rows[0][col(budget, "Budget Mar 2027")]).toBe(17000);
    expect(budget.rows[1][col(budget, "Budget Dec 2027")]).toBe(25000);
    // Formulas are a fresh FY2027 generation's (same names as chosen there).
    const fresh = freshTable(
      ["team-budget"],
      { ...DEFAULT_OPTIONS, firstPeriod: "2027-01" },
      "BudgetLines"
    );
    for (const [header, formula] of fresh.formulas)
      expect(budget.rows[0][col(budget, header)]).toBe(
        formula
          .replace(/BudgetLines\b/g, "BudgetLines_2")
          .replace(/\b(BudgetTolerance|BudgetMonthsClosed|BudgetMateriality)\b/g, "$1_2")
      );

    // Settings carry over; the reporting date is the new year's own (none of its months closed yet).
    const value = (name: string) => {
      const found = fake.state.names().find((n) => n.name === name)!;
      const [, sheet, column, row] = /^='(.+)'!\$?([A-Z]+)\$?(\d+)$/.exec(found.formula)!;
      return fake.state.values(sheet, `${column}${row}`)[0][0];
    };
    expect(value("BudgetTolerance_2")).toBe(0.08);
    expect(value("BudgetMateriality_2")).toBe(2500);
    expect(value("BudgetAsAt_2")).toBe(46234);

    // Staffing: every role carried over; the December allocation fills the new year unless the role ended.
    const staff = tableNow(fake, "StaffingPlan_2");
    expect(staff.rows.map((r) => r[col(staff, "Role")])).toEqual(
      oldStaff.rows.map((r) => r[col(oldStaff, "Role")])
    );
    staff.rows.forEach((row, r) => {
      const december = oldStaff.rows[r][col(oldStaff, "Dec 2026")];
      const ended = typeof oldStaff.rows[r][col(oldStaff, "End")] === "number";
      const june = row[col(staff, "Jun 2027")] ?? "";
      expect(june).toBe(ended || december === "" ? "" : december);
    });

    // The metadata's newest rows are FY2027: the summary links there and a new summary would too.
    expect(recordedOptions(fake, "team-budget").firstPeriod).toBe("2027-01");
    expect(recordedOptions(fake, "staffing-plan").firstPeriod).toBe("2027-01");
    const summary = JSON.stringify(fake.state.formulas("Executive summary", "A1:D60"));
    expect(summary).toContain("TeamProjectedFY_2");
    expect(summary).not.toMatch(/TeamActualYTD\b(?!_)/);
    // FY2026 is still checked: only its sample lines over budget are reported; nothing needs repair.
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.repairable).toBe(0);
    const warnings = health.findings.filter((f) => f.severity !== "info");
    expect(warnings.length).toBeGreaterThan(0);
    // The sample's lines over budget; and what the new year's draft still needs: its People lines,
    // seeded month by month from FY2026's forecast, against FY2027's staffing plan, and its
    // reporting date (the day of the roll forward) against the sheets still as at FY2026's.
    expect(new Set(warnings.map((f) => `${f.kind} on ${f.sheet}`))).toEqual(
      new Set([
        "overBudget on Team budget",
        "staffingBudget on Team budget FY2027",
        "reportingDates on Team budget FY2027",
      ])
    );
  });

  it("a new executive summary generated afterwards links to the newest year", async () => {
    const fake = await practiceSet();
    await rollForward("fiscalYear", hostFor(fake));
    const result = await generateWorkbooks(["executive-summary"], DEFAULT_OPTIONS, hostFor(fake));
    expect(result.linkedTo).toEqual(expect.arrayContaining(["team-budget", "staffing-plan"]));
    const sheet = result.sheets[0].name;
    expect(JSON.stringify(fake.state.formulas(sheet, "A1:D60"))).toContain("TeamProjectedFY_2");
  });

  it("a second roll forward starts FY2028 from FY2027", async () => {
    const fake = await practiceSet();
    await rollForward("fiscalYear", hostFor(fake));
    const second = await rollForward("fiscalYear", hostFor(fake));
    expect(second.changes[0]).toMatch(/add FY2028 on the sheet "Team budget FY2028"/);
    expect(recordedOptions(fake, "team-budget").firstPeriod).toBe("2028-01");
  });

  it("takes 5 syncs with 300 more budget lines", async () => {
    const fake = await practiceSet();
    const { headers } = tableNow(fake, "BudgetLines");
    await edit(fake, (workbook) =>
      workbook.tables
        .getItem("BudgetLines")
        .rows.add(
          undefined,
          Array.from({ length: 300 }, (_, i) =>
            headers.map((h) =>
              h === "Line item" ? `Line ${i}` : h.startsWith("Forecast") ? 100 : null
            )
          ) as (string | number)[][]
        )
    );
    fake.resetCounters();
    await rollForward("fiscalYear", hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(tableNow(fake, "BudgetLines_2").rows).toHaveLength(309);
  });

  it.each([1, 2, 3, 4, 5])("a failure at sync %i leaves the workbook as it was", async (n) => {
    const fake = await practiceSet();
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(rollForward("fiscalYear", hostFor(fake))).rejects.toThrow(GenerationError);
    fake.clearFailures();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it.each([
    "worksheets.add",
    "tables.add",
    "names.add",
    "range.formulas",
    "charts.add",
    "protection.protect",
  ])("a failure at %s during the write is undone", async (kind) => {
    const fake = await practiceSet();
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === kind);
    await expect(rollForward("fiscalYear", hostFor(fake))).rejects.toThrow(/Nothing was changed/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("the preview changes nothing", async () => {
    const fake = await practiceSet();
    const before = fake.state.snapshot();
    const preview = await previewRollForward("fiscalYear", hostFor(fake));
    expect(preview.changes).toHaveLength(4);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
