import { excelDate } from "../../../src/workbook/dates";
import { isErrorValue } from "../../../src/domain/cellValue";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import {
  STAFF_TABLE,
  STAFFING_FIGURES,
  staffingPlan,
} from "../../../src/workbook/templates/staffingPlan";
import {
  expectNoErrorValues,
  figureValue,
  formulaCells,
  MODE_AND_SAMPLE_VARIANTS,
  planTemplate,
  shown,
  tableRows,
} from "../planLookup";

const planOf = (overrides: Partial<TemplateOptions> = {}) => planTemplate(staffingPlan, overrides);

const staffRows = (plan: RenderPlan) => tableRows(plan, STAFF_TABLE);

const roleRow = (plan: RenderPlan, role: string) => {
  const row = staffRows(plan).find((r) => shown(r["Role"]) === role);
  if (!row) throw new Error(`No role ${role}`);
  return row;
};

describe("Staffing plan template", () => {
  it("has the gallery metadata", () => {
    expect(staffingPlan.id).toBe("staffing-plan");
    expect(staffingPlan.version).toBe(3);
    expect(staffingPlan.build(DEFAULT_OPTIONS).templateId).toBe("staffing-plan");
  });

  describe.each(MODE_AND_SAMPLE_VARIANTS)(
    "in %s mode with sample data %s",
    (formulaMode, sampleData) => {
      const { plan, spec } = planOf({ formulaMode, sampleData });

      it("plans every computed cell with a value that is not an error", () => {
        expectNoErrorValues(plan, 41);
        for (const total of plan.sheets[0].tables[0].totals ?? [])
          expect(isErrorValue(total.expected)).toBe(false);
      });

      it("writes FINOPS calls only in add-in mode", () => {
        const text = formulaCells(plan)
          .map((c) => c.formula)
          .join("\n");
        if (formulaMode === "portable") expect(text).not.toContain("FINOPS.");
        else {
          expect(text).toContain("FINOPS.FTE(StaffingPlan[");
          expect(text).toContain("FINOPS.LOADEDCOST(");
        }
      });

      it("keeps a source on every role row", () => {
        for (const block of spec.sheets[0].blocks)
          if (block.kind === "table")
            for (const row of block.rows) expect(row.source).toMatch(/\w/);
      });
    }
  );

  it("has the capability's roles, including the virtual members of a Crawl team", () => {
    const { plan } = planOf({ sampleData: false });
    const roles = staffRows(plan).map((r) => shown(r["Role"]));
    expect(roles).toEqual(
      expect.arrayContaining([
        "FinOps lead",
        "Finance partner",
        "Cloud cost engineer",
        "Virtual member: finance staff",
        "Virtual member: reporting team",
        "Virtual member: trainer",
      ])
    );
    expect(roles.filter((r) => String(r).startsWith("FinOps analyst"))).toHaveLength(2);
    expect(roles.filter((r) => /cloud engineer/.test(String(r)))).toHaveLength(2);
    const lists = plan.sheets[0].validations.map((v) => v.list ?? []);
    expect(lists).toContainEqual(["Central", "Hub", "Spoke", "Virtual"]);
    expect(lists.find((l) => l.includes("CFO"))).toEqual(
      expect.arrayContaining(["CFO", "CTO", "CIO"])
    );
  });

  it("has one allocation column per month of the fiscal year", () => {
    // Fiscal year from April: January 2026 falls in the year April 2025 to March 2026.
    const { plan } = planOf({ fiscalYearStartMonth: 4, firstPeriod: "2026-01" });
    const headers = plan.sheets[0].tables[0].headers;
    const months = headers.slice(
      headers.indexOf("Annual salary") + 1,
      headers.indexOf("FTE (average)")
    );
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("Apr 2025");
    expect(months[11]).toBe("Mar 2026");
    const validation = plan.sheets[0].validations.find((v) => v.max === 1);
    expect(validation).toMatchObject({ min: 0, max: 1 });
  });

  it("computes FTE, costs and roll-ups by model as checked by hand", () => {
    // Hub-and-spoke, fiscal year Jan-Dec 2026, overhead 30%. Allocations by month:
    //   lead 1, analyst (reporting) 1, analyst (rate) 1 from Apr, cost engineer 0.5 (Spoke),
    //   finance partner 0.3 (Spoke), two cloud engineers 0.2 each (Spoke), finance staff 0.1,
    //   reporting 0.2, trainer 0.25 Jan-Jun (Virtual).
    // FTE Jan-Mar: 1+1+0.5+0.3+0.2+0.2+0.1+0.2+0.25 = 3.75; Apr-Jun: +1 = 4.75; Jul-Dec: -0.25 = 4.5.
    // Average FTE per row = sum of allocations / 12: rate analyst 9/12 = 0.75, trainer 1.5/12 = 0.125.
    // Team FTE = (3 x 3.75 + 3 x 4.75 + 6 x 4.5) / 12 = 52.5 / 12 = 4.375.
    // By model: Hub 1+1+0.75 = 2.75; Spoke 0.5+0.3+0.2+0.2 = 1.2; Virtual 0.1+0.2+0.125 = 0.425.
    // Loaded cost = salary x 1.3 x FTE: lead 150,000 x 1.3 = 195,000; rate analyst
    //   98,000 x 1.3 x 0.75 = 95,550; trainer 85,000 x 1.3 x 0.125 = 13,812.5.
    // Hub 195,000 + 123,500 + 95,550 = 414,050; Spoke 78,000 + 40,950 + 29,900 + 29,900 = 178,750;
    // Virtual 10,400 + 23,400 + 13,812.5 = 47,612.5; team 640,412.5.
    // Share of cloud spend 640,412.5 / 24,000,000 = 2.668%.
    const { plan } = planOf();
    // Each month's FTE is the totals row; the peak is its largest month.
    const totalsRow = plan.sheets[0].tables[0].totals ?? [];
    const month = (m: number) =>
      totalsRow.find(
        (t) =>
          t.header ===
          ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
            m - 1
          ] +
            " 2026"
      )?.expected as number;
    [1, 2, 3].forEach((m) => expect(month(m)).toBeCloseTo(3.75, 9));
    [4, 5, 6].forEach((m) => expect(month(m)).toBeCloseTo(4.75, 9));
    [7, 8, 9, 10, 11, 12].forEach((m) => expect(month(m)).toBeCloseTo(4.5, 9));
    expect(figureValue(plan, STAFFING_FIGURES.ftePeak)).toBeCloseTo(4.75, 9);
    expect(figureValue(plan, STAFFING_FIGURES.fteTotal)).toBeCloseTo(4.375, 9);
    expect(figureValue(plan, STAFFING_FIGURES.fteByModel("Hub"))).toBeCloseTo(2.75, 9);
    expect(figureValue(plan, STAFFING_FIGURES.fteByModel("Spoke"))).toBeCloseTo(1.2, 9);
    expect(figureValue(plan, STAFFING_FIGURES.fteByModel("Virtual"))).toBeCloseTo(0.425, 9);
    expect(figureValue(plan, STAFFING_FIGURES.fteByModel("Central"))).toBe(0);

    const lead = roleRow(plan, "FinOps lead");
    expect(shown(lead["Loaded cost FY"])).toBeCloseTo(195000, 6);
    expect(shown(lead["Loaded rate per month"])).toBeCloseTo(16250, 6);
    const rateAnalyst = roleRow(plan, "FinOps analyst, rate optimisation");
    expect(shown(rateAnalyst["Jan 2026"])).toBeNull();
    expect(shown(rateAnalyst["FTE (average)"])).toBeCloseTo(0.75, 9);
    expect(shown(rateAnalyst["Loaded cost FY"])).toBeCloseTo(95550, 6);
    expect(shown(rateAnalyst["Average monthly cost"])).toBeCloseTo(95550 / 12, 6);
    const trainer = roleRow(plan, "Virtual member: trainer");
    expect(shown(trainer["Loaded cost FY"])).toBeCloseTo(13812.5, 6);
    expect(shown(trainer["Start"])).toBe(excelDate(2026, 1, 1));
    expect(shown(trainer["End"])).toBe(excelDate(2026, 6, 30));

    expect(figureValue(plan, STAFFING_FIGURES.costTotal)).toBeCloseTo(640412.5, 6);
    expect(figureValue(plan, STAFFING_FIGURES.costByModel("Hub"))).toBeCloseTo(414050, 6);
    expect(figureValue(plan, STAFFING_FIGURES.costByModel("Spoke"))).toBeCloseTo(178750, 6);
    expect(figureValue(plan, STAFFING_FIGURES.costByModel("Virtual"))).toBeCloseTo(47612.5, 6);
    expect(figureValue(plan, STAFFING_FIGURES.costShareOfCloud)).toBeCloseTo(
      640412.5 / 24000000,
      12
    );
    // Funded by the team budget: the lead, the reporting analyst and the rate analyst from April
    // (1 + 1 + 9/12 FTE; 195,000 + 123,500 + 98,000 x 1.3 x 0.75); everyone else is contributed.
    expect(figureValue(plan, STAFFING_FIGURES.fteFunded)).toBeCloseTo(2.75, 9);
    expect(figureValue(plan, STAFFING_FIGURES.costFunded)).toBeCloseTo(414050, 6);
    expect(figureValue(plan, STAFFING_FIGURES.fteContributed)).toBeCloseTo(4.375 - 2.75, 9);
    expect(figureValue(plan, STAFFING_FIGURES.costContributed)).toBeCloseTo(640412.5 - 414050, 6);
    expect(shown(lead["Start"])).toBe(excelDate(2026, 1, 1));

    const totals = plan.sheets[0].tables[0].totals ?? [];
    expect(totals.find((t) => t.header === "Apr 2026")?.expected).toBeCloseTo(4.75, 9);
    expect(totals.find((t) => t.header === "Loaded cost FY")?.expected).toBeCloseTo(640412.5, 6);
  });

  it("sets the model mix from the team model option", () => {
    // Central: lead, two analysts, engineer and finance partner are Central: 1+1+0.75+0.5+0.3 = 3.55;
    // the five virtual members stay Virtual: 0.2+0.2+0.1+0.2+0.125 = 0.825.
    const central = planOf({ teamModel: "central" }).plan;
    expect(figureValue(central, STAFFING_FIGURES.fteByModel("Central"))).toBeCloseTo(3.55, 9);
    expect(figureValue(central, STAFFING_FIGURES.fteByModel("Virtual"))).toBeCloseTo(0.825, 9);
    expect(figureValue(central, STAFFING_FIGURES.fteByModel("Hub"))).toBe(0);
    // Virtual: a committee of part-time members; the lead gives half their time.
    const virtual = planOf({ teamModel: "virtual" }).plan;
    expect(new Set(staffRows(virtual).map((r) => shown(r["Model"])))).toEqual(new Set(["Virtual"]));
    expect(shown(roleRow(virtual, "FinOps lead")["FTE (average)"])).toBeCloseTo(0.5, 9);
    expect(figureValue(virtual, STAFFING_FIGURES.fteTotal)).toBe(
      figureValue(virtual, STAFFING_FIGURES.fteByModel("Virtual"))
    );
  });

  it("shows empty costs and zero FTE without sample data", () => {
    const { plan } = planOf({ sampleData: false });
    for (const row of staffRows(plan)) {
      expect(shown(row["FTE (average)"])).toBe(0);
      expect(shown(row["Loaded cost FY"])).toBe("");
      expect(shown(row["Person"])).toBeNull();
    }
    expect(figureValue(plan, STAFFING_FIGURES.fteTotal)).toBe(0);
    expect(figureValue(plan, STAFFING_FIGURES.costTotal)).toBe(0);
    expect(figureValue(plan, STAFFING_FIGURES.costShareOfCloud)).toBe("");
    expect(figureValue(plan, STAFFING_FIGURES.fteFunded)).toBe(0);
    expect(figureValue(plan, STAFFING_FIGURES.costFunded)).toBe(0);
    expect(figureValue(plan, STAFFING_FIGURES.overheadRate)).toBe(0.3);
  });

  it("names the results other templates can link", () => {
    const { plan } = planOf();
    const names = Object.fromEntries(plan.sheets[0].names.map((n) => [n.key, n.name]));
    expect(names).toMatchObject({
      staffFteTotal: "StaffFTE",
      staffCostTotal: "StaffCostFY",
      staffCostShareOfCloud: "StaffCostShareOfCloud",
      staffFteFunded: "StaffFTEFunded",
      staffCostFunded: "StaffCostFunded",
      staffAnnualCloudSpend: "AnnualCloudSpend",
      staffFteHub: "StaffFTEHub",
    });
  });
});
