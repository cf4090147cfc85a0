import { isErrorValue } from "../../../src/domain/cellValue";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import {
  KPI_TABLE,
  KPI_TRACKER_FIGURES,
  kpiTracker,
  LEDGER_TABLE,
  NO_BASELINE,
} from "../../../src/workbook/templates/kpiTracker";
import { KPI_DEFINITIONS } from "../../../src/workbook/templates/kpi/kpiDefinitions";
import {
  expectNoErrorValues,
  figureValue,
  formulaCells,
  MODE_AND_SAMPLE_VARIANTS,
  planTemplate,
  shown,
  tableRows,
} from "../planLookup";

const planOf = (overrides: Partial<TemplateOptions> = {}) => planTemplate(kpiTracker, overrides);

const kpiRow = (plan: RenderPlan, id: string) => {
  const row = tableRows(plan, KPI_TABLE).find((r) => shown(r["ID"]) === id);
  if (!row) throw new Error(`No KPI ${id}`);
  return row;
};

/** Deepest bracket nesting of a formula (string literals skipped). */
function nesting(formula: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    if (inString) continue;
    if (ch === "(") deepest = Math.max(deepest, ++depth);
    if (ch === ")") depth--;
  }
  return deepest;
}

describe("KPI tracker and savings ledger template", () => {
  it("has the gallery metadata", () => {
    expect(kpiTracker.id).toBe("kpi-tracker");
    expect(kpiTracker.version).toBe(3);
    const spec = kpiTracker.build(DEFAULT_OPTIONS);
    expect(spec.templateId).toBe("kpi-tracker");
    expect(spec.sheets.map((s) => s.name)).toEqual(["KPI tracker", "Savings ledger"]);
  });

  describe.each(MODE_AND_SAMPLE_VARIANTS)(
    "in %s mode with sample data %s",
    (formulaMode, sampleData) => {
      const { plan, spec } = planOf({ formulaMode, sampleData });

      it("plans every computed cell with a value that is not an error", () => {
        expectNoErrorValues(plan, 51);
        for (const sheet of plan.sheets)
          for (const table of sheet.tables)
            for (const total of table.totals ?? [])
              expect(isErrorValue(total.expected)).toBe(false);
      });

      it("writes FINOPS calls only in add-in mode", () => {
        const text = formulaCells(plan)
          .map((c) => c.formula)
          .join("\n");
        if (formulaMode === "portable") expect(text).not.toContain("FINOPS.");
        else expect(text).toContain("FINOPS.KPISTATUS(");
      });

      it("keeps a source on every content row", () => {
        for (const sheet of spec.sheets)
          for (const block of sheet.blocks)
            if (block.kind === "table")
              for (const row of block.rows) expect(row.source).toMatch(/\w/);
      });
    }
  );

  it("tracks every KPI library measure the tracker promises and every success metric of the capability", () => {
    const { plan } = planOf();
    const names = tableRows(plan, KPI_TABLE)
      .map((r) => `${shown(r["KPI"])}: ${shown(r["How it is measured"])}`)
      .join("\n");
    const expected = [
      // FinOps KPI library measures the tracker promises
      /effective savings rate/i,
      /commitment discount coverage/i,
      /commitment discount utilisation/i,
      /commitment discount waste/i,
      /allocation coverage/i,
      /forecast variance/i,
      /budget variance/i,
      /unit cost/i,
      // Seed success metrics (FinOps Practice Operations)
      /savings delivered by the FinOps team/i,
      /cost avoidance by the FinOps team/i,
      /awareness/i,
      /adoption/i,
      /reports and dashboards/i,
      /decisions made through the defined decision model/i,
      /information sharing/i,
      /collaboration across functions/i,
    ];
    for (const pattern of expected) expect(names).toMatch(pattern);
    const capabilities = new Set(tableRows(plan, KPI_TABLE).map((r) => shown(r["Capability"])));
    expect(capabilities).toEqual(
      new Set([
        "FinOps Practice Operations",
        "Rate Optimization",
        "Allocation",
        "Forecasting",
        "Budgeting",
        "Unit Economics",
      ])
    );
  });

  it("has one period column per tracked month, from the first period", () => {
    const { plan } = planOf({ firstPeriod: "2026-04", periods: 18 });
    const headers = plan.sheets[0].tables[0].headers;
    const periods = headers.slice(headers.indexOf("Target") + 1, headers.indexOf("Latest value"));
    expect(periods).toHaveLength(18);
    expect(periods[0]).toBe("Apr 2026");
    expect(periods[8]).toBe("Dec 2026");
    expect(periods[9]).toBe("Jan 2027");
    expect(periods[17]).toBe("Sep 2027");
    const latest = headers.indexOf("Latest value");
    expect(headers.slice(latest, latest + 4)).toEqual([
      "Latest value",
      "Latest period",
      "Status",
      "Counts in status",
    ]);
  });

  it("computes latest values, statuses and counts as checked by hand", () => {
    // Default options: 12 periods from Jan 2026, the sample reports Jan to Jun 2026, amber band 10%.
    // KL-02 coverage: latest 72 (Jun), higher is better, target 70: 72 >= 70 -> Green.
    // PO-04 adoption: latest 38, target 50: 38 < 50 - 0.1 x 50 = 45 -> Red.
    // PO-03 awareness (quarterly, Mar and Jun): latest 58 from Jun; 58 >= 54 -> Amber.
    // KL-07 budget variance, lower is better: latest 5.2, target 5: 5.2 <= 5 + 0.5 -> Amber.
    // KL-06 forecast variance, lower is better: latest 18, target 15: 18 > 16.5 -> Red.
    // PO-06 decisions: reported from Apr only; latest 85 vs 90: 85 >= 81 -> Amber.
    // Green: PO-02 13500>=12000, PO-05 62>=60, KL-02, KL-03 96.2>=95, KL-04 3.8<=5,
    //   KL-08 0.41<=0.42 -> 6.
    // Amber: PO-01 84500>=81000, PO-03, PO-06, KL-01 23.4>=22.5, KL-05 73>=72, KL-07 -> 6.
    // Red: PO-04, PO-07 3.5<3.6, PO-08 5<5.4, KL-06 -> 4.
    const { plan } = planOf();
    const coverage = kpiRow(plan, "KL-02");
    expect(shown(coverage["Latest value"])).toBe(72);
    expect(shown(coverage["Latest period"])).toBe("Jun 2026");
    expect(shown(coverage["Status"])).toBe("Green");
    expect(shown(coverage["Crawl"])).toBe(60);
    expect(shown(coverage["Run"])).toBe(80);
    expect(shown(kpiRow(plan, "PO-04")["Status"])).toBe("Red");
    const awareness = kpiRow(plan, "PO-03");
    expect(shown(awareness["Apr 2026"])).toBeNull();
    expect(shown(awareness["Latest value"])).toBe(58);
    expect(shown(awareness["Status"])).toBe("Amber");
    expect(shown(kpiRow(plan, "KL-07")["Status"])).toBe("Amber");
    expect(shown(kpiRow(plan, "KL-06")["Status"])).toBe("Red");
    expect(shown(kpiRow(plan, "PO-06")["Status"])).toBe("Amber");
    // KL-04 (commitment waste, Green) restates KL-03 (utilisation, Green): counted once, so 5 Greens
    // of the 16 KPIs' 6 Green statuses; the counts no longer add up to the 16 tracked.
    expect(shown(kpiRow(plan, "KL-04")["Status"])).toBe("Green");
    expect(shown(kpiRow(plan, "KL-04")["Counts in status"])).toBe("N");
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiGreen)).toBe(5);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiAmber)).toBe(6);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiRed)).toBe(4);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiCount)).toBe(16);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiWithoutStatus)).toBe(0);
  });

  it("takes the latest month closed by the reporting date (version 3)", () => {
    // The sample reports Jan to Jun 2026; KL-02's months are the sample's own figures, read here
    // by position: the value of the last month whose end is on or before the reporting date.
    const months = KPI_DEFINITIONS.find((k) => k.id === "KL-02")?.sample.months ?? [];
    const at = (asAt: string) => kpiRow(planOf({ asAt }).plan, "KL-02");
    // 31 May closes May (the 5th month); 29 June does not close June; 30 June does.
    expect([
      shown(at("2026-05-31")["Latest value"]),
      shown(at("2026-05-31")["Latest period"]),
    ]).toEqual([months[4], "May 2026"]);
    expect(shown(at("2026-06-29")["Latest value"])).toBe(months[4]);
    expect(shown(at("2026-06-30")["Latest value"])).toBe(months[5]);
    // Before January closes, the baseline stands: a value typed for an open month waits.
    expect(shown(at("2026-01-30")["Latest period"])).toBe("Baseline");
    // The quarterly survey reports March and June: in May its latest is March's.
    const awareness = kpiRow(planOf({ asAt: "2026-05-31" }).plan, "PO-03");
    expect(shown(awareness["Latest period"])).toBe("Mar 2026");
    expect(figureValue(planOf({ asAt: "2026-05-31" }).plan, "kpiAsAt")).toBe(46173);
  });

  it("falls back to the baseline before a KPI's first reported month", () => {
    // Two periods: the quarterly awareness survey has no value yet, so its latest value is the
    // baseline 30, against a target of 60: 30 < 54 -> Red.
    const { plan } = planOf({ periods: 2 });
    const awareness = kpiRow(plan, "PO-03");
    expect(shown(awareness["Latest value"])).toBe(30);
    expect(shown(awareness["Latest period"])).toBe("Baseline");
    expect(shown(awareness["Status"])).toBe("Red");
  });

  it("shows no status, and counts none, before a baseline is entered", () => {
    const { plan } = planOf({ sampleData: false });
    const rows = tableRows(plan, KPI_TABLE);
    expect(rows).toHaveLength(16);
    for (const row of rows) {
      expect(shown(row["Latest value"])).toBe("");
      expect(shown(row["Latest period"])).toBe("");
      expect(shown(row["Status"])).toBe(NO_BASELINE);
      expect(shown(row["Better when"])).toMatch(/^(higher|lower)$/);
    }
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiGreen)).toBe(0);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.kpiWithoutStatus)).toBe(16);
    // The Framework's published stage values are template content, written without sample data.
    expect(shown(kpiRow(plan, "KL-06")["Walk"])).toBe(15);
  });

  it("computes the ledger totals as checked by hand", () => {
    // Monthly value = baseline - new; annualised = monthly x 12 when it recurs, once for a one-off;
    // in-year = monthly x months in the fiscal year; realised = monthly x months realised.
    // SL-01 savings  410,000-385,000 = 25,000 -> 300,000 a year, 12 months in FY = 300,000, validated
    // SL-02 savings  180,000-132,000 = 48,000 -> 576,000, 11 in FY = 528,000, validated
    // SL-03 savings   42,000- 30,500 = 11,500 -> 138,000, 10 in FY = 115,000, validated (same bill as SL-02)
    // SL-04 savings    9,800-  5,600 =  4,200 ->  50,400,  9 in FY =  37,800, not validated
    // SL-05 avoidance 26,000- 17,000 =  9,000 -> 108,000,  8 in FY =  72,000, validated
    // SL-06 avoidance  6,500-  2,000 =  4,500, one-off  ->   4,500,  1 in FY =   4,500, not validated
    // Savings all 1,064,400; validated 1,014,000. Avoidance all 112,500; validated 108,000.
    // Validated total 1,122,000 (annualised); in the year 1,057,300 in all, 1,015,000 validated.
    // Realised 471,100 (6, 5, 4, 3, 2 and 1 months).
    const { plan } = planOf({ formulaMode: "portable" });
    const ledger = tableRows(plan, LEDGER_TABLE);
    expect(ledger.map((r) => shown(r["Annualised value"]))).toEqual([
      300000, 576000, 138000, 50400, 108000, 4500,
    ]);
    expect(ledger.map((r) => shown(r["In-year value"]))).toEqual([
      300000, 528000, 115000, 37800, 72000, 4500,
    ]);
    expect(ledger.map((r) => shown(r["Overlap"]))).toEqual([
      "",
      "Same bill: check",
      "Same bill: check",
      "",
      "",
      "",
    ]);
    expect(shown(ledger[4]["Savings annualised"])).toBe(0);
    expect(shown(ledger[4]["Avoidance annualised"])).toBe(108000);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.savingsTotal)).toBe(1064400);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.savingsValidatedTotal)).toBe(1014000);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.avoidanceTotal)).toBe(112500);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.avoidanceValidatedTotal)).toBe(108000);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.validatedValueTotal)).toBe(1122000);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.inYearTotal)).toBe(1057300);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.inYearValidatedTotal)).toBe(1015000);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.overlapsToCheck)).toBe(2);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.realisedToDateTotal)).toBe(471100);
    const totals = plan.sheets[1].tables[0].totals ?? [];
    expect(totals.find((t) => t.header === "Annualised value")?.expected).toBe(1176900);
    expect(totals.find((t) => t.header === "In-year value")?.expected).toBe(1057300);
  });

  it("writes the one-off rule into the annualised formula in either formula mode", () => {
    for (const formulaMode of ["addin", "portable"] as const) {
      const { plan } = planOf({ formulaMode });
      const ledger = tableRows(plan, LEDGER_TABLE);
      expect(ledger[5]["Annualised value"].formula).toMatch(/\[Recurring\]\]="N"/);
    }
  });

  it("leaves one empty ledger row without sample data, with no errors and zero totals", () => {
    const { plan } = planOf({ sampleData: false });
    const ledger = tableRows(plan, LEDGER_TABLE);
    expect(ledger).toHaveLength(1);
    expect(shown(ledger[0]["Monthly value"])).toBe("");
    expect(shown(ledger[0]["Annualised value"])).toBe("");
    expect(shown(ledger[0]["Savings annualised"])).toBe(0);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.savingsValidatedTotal)).toBe(0);
    expect(figureValue(plan, KPI_TRACKER_FIGURES.avoidanceTotal)).toBe(0);
  });

  it("offers the ledger's lists as drop-downs", () => {
    const { plan } = planOf();
    const lists = plan.sheets[1].validations.map((v) => v.list).filter(Boolean);
    expect(lists).toContainEqual([
      "Negotiated rate",
      "Commitment",
      "Rightsizing",
      "Waste removal",
      "Anomaly",
    ]);
    expect(lists).toContainEqual(["Savings", "Cost avoidance"]);
    expect(lists).toContainEqual(["Y", "N"]);
    expect(plan.sheets[0].validations.map((v) => v.list)).toContainEqual(["higher", "lower"]);
  });

  it("names the figures the executive summary links", () => {
    const { plan } = planOf();
    const names = Object.fromEntries(
      plan.sheets.flatMap((s) => s.names.map((n) => [n.key, n.name]))
    );
    expect(names).toMatchObject({
      kpiGreen: "KpiGreen",
      kpiAmber: "KpiAmber",
      kpiRed: "KpiRed",
      savingsValidatedTotal: "SavingsValidatedTotal",
      avoidanceTotal: "AvoidanceTotal",
      validatedValueTotal: "ValidatedValueTotal",
    });
  });

  it("colours the status column Green, Amber and Red", () => {
    const { plan } = planOf();
    const rules = plan.sheets[0].conditionalFormats.map((f) => `${f.value}:${f.highlight}`);
    expect(rules).toEqual(expect.arrayContaining(["Green:good", "Amber:neutral", "Red:bad"]));
  });

  it.each(["addin", "portable"] as const)(
    "keeps %s formulas within Excel 2016 limits at 36 periods",
    (formulaMode) => {
      const { plan } = planOf({ formulaMode, periods: 36, firstPeriod: "2025-07" });
      for (const cell of formulaCells(plan)) {
        expect(cell.formula.length).toBeLessThanOrEqual(8192);
        expect(nesting(cell.formula)).toBeLessThanOrEqual(64);
      }
      // One level per period (each tests the month's value and its close), plus the baseline's own.
      const latest = String(kpiRow(plan, "KL-02")["Latest value"].formula);
      expect((latest.match(/COUNT\(/g) ?? []).length).toBe(36);
      expect((latest.match(/ISBLANK\(/g) ?? []).length).toBe(1);
    }
  );
});

describe("KPI values with their units (version 2)", () => {
  it("formats every value of a row by its KPI's unit, and leaves the column's format to others", () => {
    const { plan } = planTemplate(kpiTracker, {});
    const sheet = plan.sheets[0];
    const table = sheet.tables.find((t) => t.name === "Kpis")!;
    const [top] = table.address.split(":");
    const header = Number(/\d+$/.exec(top)![0]);
    const column = (name: string) => table.headers.indexOf(name);
    const letter = (c: number) => String.fromCharCode(65 + c);
    const formatOf = (row: number, name: string) => {
      const address = `${letter(column(name))}${header + 1 + row}`;
      // The last format written to the cell wins, as in both adapters.
      return sheet.formats.filter((f) => f.address === address && f.numberFormat).at(-1)
        ?.numberFormat;
    };
    const ids = tableRows(plan, KPI_TABLE).map((r) => r["ID"].value);
    const row = (id: string) => ids.indexOf(id);
    // PO-01 is an amount, KL-01 a percentage entered in points, KL-08 currency per order.
    expect(formatOf(row("PO-01"), "Baseline")).toBe('"$"#,##0;-"$"#,##0');
    expect(formatOf(row("KL-01"), "Jan 2026")).toBe('0.0"%"');
    expect(formatOf(row("KL-01"), "Latest value")).toBe('0.0"%"');
    expect(formatOf(row("KL-08"), "Target")).toBe('"$"#,##0.00;-"$"#,##0.00');
  });
});
