import { planTemplates } from "../../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { PlannedSheet } from "../../../src/workbook/plan";
import { named, sheetOf, tableRows } from "../planLookup";

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
    // Budget FY: 16,500x12 + 23,000x12 + 6,500x12 + 5,800x12 + 900x12 + 3,200x3 + 7,500 + 18,000 + 1,200x4
    expect(named(planned, "TeamBudgetFY")).toBe(
      198000 + 276000 + 78000 + 69600 + 10800 + 9600 + 7500 + 18000 + 4800
    );
    // Budget YTD = the budget of the six closed months: 52,700x6 (the monthly lines) + 3,200x2 + 7,500 + 18,000 + 1,200x2
    expect(named(planned, "TeamBudgetYTD")).toBe(52700 * 6 + 6400 + 7500 + 18000 + 2400);
    const totals = planned.tables[0].totals ?? [];
    expect(totals.find((t) => t.header === "Budget FY")?.expected).toBe(
      named(planned, "TeamBudgetFY")
    );
    expect(totals.find((t) => t.header === "Actual YTD")?.expected).toBe(
      named(planned, "TeamActualYTD")
    );
  });

  it("computes each line's status against the tolerance and the run rate", () => {
    const planned = sheet();
    const table = planned.ranges.find((r) => r.rows[0][0].value === "Category");
    const headers = (table?.rows[0] ?? []).map((c) => c.value);
    const at = (row: number, header: string) => table?.rows[row][headers.indexOf(header)];
    // BI licences: budget 900/month, actual 900 x 1.15 x (0.99, 1, 1.01 ...) over six months
    const bi = (table?.rows ?? []).findIndex((row) => row[1].value === "BI and dashboard licences");
    const actual = [0, 1, 2, 3, 4, 5]
      .map((m) => Math.round(900 * 1.15 * (1 + ((m % 3) - 1) * 0.01)))
      .reduce((a, b) => a + b, 0);
    expect(at(bi, "Actual YTD")?.expected).toBe(actual);
    expect(at(bi, "Variance %")?.expected).toBeCloseTo((actual - 5400) / 5400, 12);
    expect(at(bi, "Status")?.expected).toBe("Over budget");
    // Projected: the six actuals plus the forecast (= budget) of the six months to come
    expect(at(bi, "Projected FY")?.expected).toBe(actual + 900 * 6);
    expect(at(bi, "Run rate FY")?.expected).toBeCloseTo((actual / 6) * 12, 9);
    // A one-off cost does not inflate the projection: the consulting review is budgeted once, in month 3
    const review = (table?.rows ?? []).findIndex(
      (row) => row[1].value === "Commitment strategy review"
    );
    expect(at(review, "Projected FY")?.expected).toBe(Math.round(18000 * 0.9 * 1.01));
  });

  it("without sample data keeps the line items and shows no false figures", () => {
    const planned = sheet({ ...DEFAULT_OPTIONS, sampleData: false });
    const table = planned.ranges.find((r) => r.rows[0][0].value === "Category");
    expect(table?.rows.length).toBe(10);
    const status = (table?.rows[0] ?? []).findIndex((c) => c.value === "Status");
    expect(table?.rows.slice(1).every((row) => row[status].expected === "Not started")).toBe(true);
    expect(named(planned, "TeamROI")).toBe("");
    expect(named(planned, "TeamBudgetStatus")).toBe("No actuals yet");
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
