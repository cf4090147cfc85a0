import { planTemplates } from "../../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { PlannedSheet } from "../../../src/workbook/plan";
import { figure, named, planSpecs, sheetOf, tableRows } from "../planLookup";
import { teamBudget } from "../../../src/workbook/templates/teamBudget";
import { excelDate } from "../../../src/workbook/dates";

function sheet(options = DEFAULT_OPTIONS): PlannedSheet {
  return planTemplates(["team-budget"], options, { sheets: [], tablesAndNames: [] }).plan.sheets[0];
}

describe("team budget", () => {
  it("has Budget, Forecast and Actual for each month of the fiscal year", () => {
    const headers = sheet({ ...DEFAULT_OPTIONS, fiscalYearStartMonth: 4, firstPeriod: "2026-06" })
      .tables[0].headers;
    expect(
      headers.filter((h) => h.startsWith("Budget ") && h !== "Budget FY" && h !== "Budget YTD")
    ).toHaveLength(12);
    expect(headers).toContain("Budget Apr 2026");
    expect(headers).toContain("Actual Mar 2027");
    expect(headers).not.toContain("Budget Mar 2026");
  });

  it("adds up the sample by hand", () => {
    const planned = sheet();
    // Budget FY: lead 16,250x12; analysts 10,292x3 + 20,909x9; platform 5,800x12; BI 900x12;
    // courses 3,200x3; conference 7,500; review 18,000; recruitment 15,000; awareness 1,200x4.
    const budgetFy = 195000 + (30876 + 188181) + 69600 + 10800 + 9600 + 7500 + 18000 + 15000 + 4800;
    expect(named(planned, "TeamBudgetFY")).toBe(budgetFy);
    expect(budgetFy).toBe(549357);
    // Six months closed at 2026-06-30: their budget and their actuals.
    expect(named(planned, "BudgetMonthsClosed")).toBe(6);
    expect(named(planned, "BudgetMonthsWithoutActuals")).toBe(0);
    expect(named(planned, "TeamBudgetYTD")).toBe(
      97500 + (30876 + 62727) + 34800 + 5400 + 6400 + 7500 + 18000 + 15000 + 2400
    );
    const actualYtd = 97500 + 93603 + 34800 + 6300 + 9600 + 8460 + 16200 + 14200 + 2450;
    expect(named(planned, "TeamActualYTD")).toBe(actualYtd);
    expect(named(planned, "TeamOverUnderYTD")).toBe(actualYtd - 280603);
    // Forecast FY: the actuals so far, then the forecast: platform renewal at 6,090, BI at 1,170.
    const forecastFy = actualYtd + 97500 + 125454 + 6 * 6090 + 6 * 1170 + 3200 + 2400;
    expect(named(planned, "TeamProjectedFY")).toBe(forecastFy);
    expect(forecastFy).toBe(555227);
    expect(named(planned, "TeamOverUnderFY")).toBe(forecastFy - budgetFy);
    // +2,510 on 280,603 is within 5% and the team is on budget; one line is over.
    expect(named(planned, "TeamBudgetStatus")).toBe("On budget");
    expect(named(planned, "LinesOverBudget")).toBe(1);
    const totals = planned.tables[0].totals ?? [];
    expect(totals.find((t) => t.header === "Budget FY")?.expected).toBe(budgetFy);
    expect(totals.find((t) => t.header === "Actual YTD")?.expected).toBe(actualYtd);
    expect(totals.find((t) => t.header === "Forecast FY")?.expected).toBe(forecastFy);
  });

  it("judges each line against both the tolerance and the materiality amount", () => {
    const rows = tableRows(sheet(), "BudgetLines");
    const line = (item: string) => rows.find((r) => String(r["Line item"].value).startsWith(item))!;
    const verdict = (item: string) => [
      line(item)["Over / (under) YTD"].expected,
      line(item)["Status"].expected,
    ];
    // Two people on May's course: +3,200, 50% over, beyond 5% and 1,000.
    expect(verdict("FinOps Certified")).toEqual([3200, "Over budget"]);
    // BI seats: +900 (16.7%) and the conference: +960 (12.8%): beyond 5% but under 1,000.
    expect(verdict("BI and dashboard")).toEqual([900, "On budget"]);
    expect(verdict("FinOps conference")).toEqual([960, "On budget"]);
    // The review came in 1,800 (10%) under.
    expect(verdict("Commitment strategy")).toEqual([-1800, "Under budget"]);
    expect(line("BI and dashboard")["Over / (under) %"].expected).toBeCloseTo(900 / 5400, 12);
    expect(named(sheet(), "BudgetMateriality")).toBe(1000);
    // The recruitment fee budgeted in February was invoiced in March: the year to date evens it out.
    expect(verdict("Recruitment fee")).toEqual([-800, "On budget"]);
    expect(line("Recruitment fee")["Forecast FY"].expected).toBe(14200);
    expect(line("Recruitment fee")["Over / (under) FY"].expected).toBe(-800);
  });

  it("counts the year to date from the reporting date: a later date closes more months", () => {
    const later = sheet({ ...DEFAULT_OPTIONS, asAt: "2026-08-15" });
    // July closed, August not yet: seven months, and July has no actual entered.
    expect(named(later, "BudgetMonthsClosed")).toBe(7);
    expect(named(later, "BudgetMonthsWithoutActuals")).toBe(1);
    expect(named(later, "TeamBudgetYTD")).toBe(280603 + 16250 + 20909 + 5800 + 900 + 1200);
    const earlier = sheet({ ...DEFAULT_OPTIONS, asAt: "2025-12-31" });
    expect(named(earlier, "BudgetMonthsClosed")).toBe(0);
    expect(named(earlier, "TeamBudgetStatus")).toBe("No months closed yet");
    expect(named(earlier, "TeamBudgetYTD")).toBe(0);
    // Nothing closed: the forecast FY is the forecast typed for every month.
    expect(named(earlier, "TeamProjectedFY")).toBe(549357 + 6 * 290 + 6 * 270);
  });

  it("writes the year to date as the first months of each run, portable in both engines", () => {
    const row = sheet().ranges.find((r) => r.rows[0][0].value === "Line item")!.rows[1];
    const headers = sheet().tables[0].headers;
    expect(row[headers.indexOf("Actual YTD")].formula).toBe(
      "=IF(BudgetMonthsClosed<1,0,SUM(INDEX(BudgetLines[[#This Row],[Actual Jan 2026]:[Actual Dec 2026]],1,1):INDEX(BudgetLines[[#This Row],[Actual Jan 2026]:[Actual Dec 2026]],1,BudgetMonthsClosed)))"
    );
    expect(named(sheet(), "BudgetMonthsClosed")).toBe(6);
    const closedFormula = figure(sheet(), "budgetMonthsClosed").formula;
    expect(closedFormula).toBe('=COUNTIFS(BudgetByMonth[Month end],"<="&BudgetAsAt)');
  });

  it("puts each line's year first and keeps its months, entered there, off the printout", () => {
    const planned = sheet();
    const headers = planned.tables[0].headers;
    expect(headers.slice(0, 10)).toEqual([
      "Line item",
      "Category",
      "Budget FY",
      "Forecast FY",
      "Over / (under) FY",
      "Budget YTD",
      "Actual YTD",
      "Over / (under) YTD",
      "Over / (under) %",
      "Status",
    ]);
    expect(headers[10]).toBe("Budget Jan 2026");
    expect(headers[headers.length - 1]).toBe("Owner");
    expect(headers).not.toContain("Run rate FY");
    expect(headers).not.toContain("Projected FY");
    // One page across: the lines' summary and the monthly totals, then the monthly detail on its own.
    expect(planned.print.pagesWide).toBe(1);
    const areas = (planned.printArea ?? "").split(",");
    expect(areas).toHaveLength(2);
    expect(areas[0]).toMatch(/^A1:J\d+$/);
    expect(areas[1]).toMatch(/^A\d+:N\d+$/);
  });

  it("lays each line's months out as budget, forecast and actual rows, read from the lines", () => {
    const planned = sheet();
    const lines = tableRows(planned, "BudgetLines");
    const detail = tableRows(planned, "BudgetDetail");
    expect(detail).toHaveLength(3 * lines.length);
    const months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
    detail.forEach((row, r) => {
      const line = lines[Math.floor(r / 3)];
      const measure = ["Budget", "Forecast", "Actual"][r % 3];
      expect([r, row["Measure"].value, row["Line item"].expected]).toEqual([
        r,
        measure,
        line["Line item"].value,
      ]);
      for (const month of months) {
        const typed = line[`${measure} ${month} 2026`].value;
        // A budget or forecast left blank reads 0; an actual not entered yet stays blank.
        const wanted = typed ?? (measure === "Actual" ? "" : 0);
        expect([r, month, row[`${month} 2026`].expected]).toEqual([r, month, wanted]);
      }
    });
  });

  it("without sample data keeps the line items and shows no false figures", () => {
    const planned = sheet({ ...DEFAULT_OPTIONS, sampleData: false });
    const table = planned.ranges.find((r) => r.rows[0][0].value === "Line item");
    expect(table?.rows.length).toBe(10);
    const status = (table?.rows[0] ?? []).findIndex((c) => c.value === "Status");
    expect(table?.rows.slice(1).every((row) => row[status].expected === "Not started")).toBe(true);
    expect(named(planned, "TeamBudgetStatus")).toBe("No actuals yet");
    expect(named(planned, "BudgetMateriality")).toBeNull();
  });

  it("keeps version 2 buildable as it was, and renames its variance columns on upgrade", () => {
    const v2 = teamBudget.earlier?.find((e) => e.version === 2)!;
    const planned = planSpecs([v2.build(DEFAULT_OPTIONS)], DEFAULT_OPTIONS).sheets[0];
    const headers = planned.tables[0].headers;
    expect(headers.slice(-9)).toEqual([
      "Budget FY",
      "Forecast FY",
      "Actual YTD",
      "Budget YTD",
      "Variance YTD",
      "Variance %",
      "Status",
      "Projected FY",
      "Run rate FY",
    ]);
    expect(named(planned, "TeamROI")).toEqual(expect.any(Number));
    expect(v2.migration.map((m) => [m.kind, "column" in m ? m.column : ""])).toEqual([
      ["renameColumn", "varianceYtd"],
      ["renameColumn", "variancePct"],
      ["addColumn", "monthEnd"],
    ]);
    const step = v2.migration[2];
    if (step.kind !== "addColumn") throw new Error("expected addColumn");
    expect(step.value({ month: "Feb 2028" })).toBe(excelDate(2028, 2, 29));
    expect(step.value({ month: "Dec 2026" })).toBe(excelDate(2026, 12, 31));
    expect(step.value({ month: "my month" })).toBeNull();
  });
});

describe("team budget by month (version 2)", () => {
  it("totals each month's column of the lines, and the executive summary links the same figures", () => {
    const { plan } = planTemplates(["executive-summary"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const lines = tableRows(plan, "BudgetLines");
    const months = tableRows(plan, "BudgetByMonth");
    expect(months.map((r) => r.Month.value)).toEqual([
      "Jan 2026",
      "Feb 2026",
      "Mar 2026",
      "Apr 2026",
      "May 2026",
      "Jun 2026",
      "Jul 2026",
      "Aug 2026",
      "Sep 2026",
      "Oct 2026",
      "Nov 2026",
      "Dec 2026",
    ]);
    // Summed independently from the lines' cells, by header.
    const total = (header: string) =>
      lines.reduce(
        (sum, line) =>
          sum +
          (typeof line[header].expected === "number" || typeof line[header].value === "number"
            ? Number(line[header].expected ?? line[header].value)
            : 0),
        0
      );
    months.forEach((row, m) => {
      const label = String(row.Month.value);
      expect([label, row.Budget.expected]).toEqual([label, total(`Budget ${label}`)]);
      expect([label, row.Forecast.expected]).toEqual([label, total(`Forecast ${label}`)]);
      const closed = m < 6;
      expect([label, row.Actual.expected]).toEqual([label, closed ? total(`Actual ${label}`) : ""]);
      expect([label, row["Over / (under) budget"].expected]).toEqual([
        label,
        closed ? total(`Actual ${label}`) - total(`Budget ${label}`) : "",
      ]);
    });
    // The year's budget by month adds up to the budget FY.
    expect(months.reduce((s, r) => s + Number(r.Budget.expected), 0)).toBe(
      named(sheetOf(plan, "teamBudget"), "TeamBudgetFY")
    );
    const summary = tableRows(plan, "ExecBudgetByMonth");
    expect(
      summary.map((r) => [
        r.Month.expected,
        r.Actual.expected,
        r.Forecast.expected,
        r.Budget.expected,
      ])
    ).toEqual(
      months.map((r) => [r.Month.value, r.Actual.expected, r.Forecast.expected, r.Budget.expected])
    );
    const chart = (key: string) =>
      sheetOf(plan, key).charts.find((c) => c.title.includes("by month"))!;
    for (const key of ["teamBudget", "executiveSummary"]) {
      expect(chart(key).chart).toBe("column");
      expect(chart(key).series.map((s) => [s.name, s.line ?? false])).toEqual([
        ["Actual", false],
        ["Forecast", false],
        ["Budget", true],
      ]);
    }
  });
});
