import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { Consolidation } from "../../../src/workbook/consolidate/submission";
import { excelSerial } from "../../../src/workbook/dates";
import { RenderPlan } from "../../../src/workbook/plan";
import { rollupOptions } from "../../../src/workbook/templates/enterpriseRollup";
import { allCells, sheetOf, tableColumn, tableRows } from "../planLookup";
import { EUROPE, FINANCE, RETAIL, threeDepartments } from "./threeDepartments";

/**
 * What the roll-up says its figures are as at (the departments' reporting date, the consolidation's
 * date said apart), the submissions' dates as date cells, and each source figure as its sheet shows it.
 */
function planned(consolidation: Consolidation): RenderPlan {
  const options = rollupOptions(consolidation.submissions, { date: consolidation.date });
  return planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
}

const texts = (plan: RenderPlan, sheet: string) =>
  allCells(sheetOf(plan, sheet)).flatMap((c) => (typeof c.value === "string" ? [c.value] : []));

describe("the roll-up's dates", () => {
  it("is as at the reporting date most departments give; the consolidation's date is the history's", () => {
    const march = { ...EUROPE, asAt: "2026-03-31" };
    const submissions = [FINANCE, march, RETAIL];
    expect(rollupOptions(submissions, { date: "2026-12-07" }).asAt).toBe("2026-06-30");
    // A tie goes to the first seen; no reporting date at all, to the consolidation's date.
    expect(rollupOptions([march, FINANCE], { date: "2026-12-07" }).asAt).toBe("2026-03-31");
    expect(rollupOptions([], { date: "2026-12-07" }).asAt).toBe("2026-12-07");
    const plan = planned({ ...threeDepartments(), date: "2026-12-07" });
    expect(new Set(tableColumn(plan, "rollupHistory", "Date").slice(1))).toEqual(
      new Set([excelSerial("2026-12-07")])
    );
  });

  it("says on every sheet the figures' date and the consolidation's, apart", () => {
    const plan = planned({ ...threeDepartments(), date: "2026-12-07" });
    for (const sheet of plan.sheets.filter((s) => s.key !== "rollupHistory"))
      expect(texts(plan, sheet.key)).toContain(
        "Figures as at 2026-06-30, each department's reporting date; consolidated on 2026-12-07. Amounts in USD unless a column says otherwise."
      );
    expect(texts(plan, "rollupSummary").some((t) => t.includes("dates differ"))).toBe(false);
    // The history's rows span consolidations: each dated the day it was consolidated.
    expect(texts(plan, "rollupHistory")).toContain(
      "A row per department each time the roll-up is consolidated, dated that day. Amounts in each department's currency."
    );
  });

  it("says where the departments' reporting dates differ, and gives each", () => {
    const consolidation = {
      ...threeDepartments(),
      submissions: [FINANCE, RETAIL, { ...EUROPE, asAt: "2026-03-31" }],
    };
    const plan = planned(consolidation);
    for (const sheet of ["rollupSummary", "rollupMaturity", "rollupMoney"])
      expect(texts(plan, sheet)).toContain(
        "Figures as at each department's reporting date, which differ (Submissions gives each); consolidated on 2026-07-01. Amounts in USD unless a column says otherwise."
      );
    const note =
      "The departments' reporting dates differ: 2026-06-30 for 2 of 3 departments, else 2026-03-31. Their year-to-date amounts and KPIs cover different months, so compare them with care; the Submissions table gives each department's date.";
    expect(texts(plan, "rollupSummary")).toContain(note);
    expect(texts(plan, "rollupSubmissions")).toContain(note);
    expect(tableColumn(plan, "rollupSubmissions", "Figures as at")).toEqual([
      excelSerial("2026-06-30"),
      excelSerial("2026-06-30"),
      excelSerial("2026-03-31"),
    ]);
  });

  it("shows each file's last update as a date cell that keeps the time", () => {
    const plan = planned(threeDepartments());
    // 2026-07-01T09:00:00.000Z: the day's serial and 9 hours.
    const updated = tableColumn(plan, "rollupSubmissions", "Last update") as number[];
    updated.forEach((u) => expect(u).toBeCloseTo(excelSerial("2026-07-01") + 9 / 24, 9));
    // Not a time: kept as it was read.
    const odd = planned({
      ...threeDepartments(),
      submissions: [{ ...FINANCE, lastUpdate: "last week" }],
    });
    expect(tableColumn(odd, "rollupSubmissions", "Last update")).toEqual(["last week"]);
  });
});

describe("the roll-up's sources", () => {
  const plan = planned(threeDepartments());
  const sources = tableRows(plan, "rollupSources");
  const shownAs = (department: string, figure: string) => {
    const found = sources.find(
      (r) => r.Department.value === department && r.Figure.value === figure
    );
    if (!found) throw new Error(`No source ${department}: ${figure}`);
    return found.Value.value;
  };

  it("shows each figure as its department's sheet does", () => {
    expect(shownAs("Finance", "Practice score")).toBe("50.0%");
    expect(shownAs("Finance", "Practice level")).toBe("Walk");
    expect(shownAs("Finance", "Team budget, fiscal year")).toBe("$1,000,000");
    // Europe reports in EUR: its amounts in its own currency.
    expect(shownAs("Europe", "Team budget, fiscal year")).toBe("€500,000");
    expect(shownAs("Finance", "FTE: Virtual")).toBe("0.50");
    expect(shownAs("Finance", "Return on the team's cost (TeamROI)")).toBe("40.0%");
    // The KPI tracker holds percentages in points: 50 shows 50.0%.
    expect(shownAs("Finance", "Savings rate: latest value")).toBe("50.0%");
    expect(shownAs("Finance", "Adoption, Plan: activities done")).toBe("4 of 4");
  });

  it("holds text only in the Value column; a blank cell read stays blank", () => {
    const shown = tableColumn(plan, "rollupSources", "Value");
    // Europe's Forecasting score is blank in its scorecard.
    expect(shownAs("Europe", "Score: Forecasting")).toBeNull();
    expect(shown.filter((v) => v !== null).every((v) => typeof v === "string")).toBe(true);
    expect(shown.filter((v) => v === null)).toHaveLength(1);
  });
});
