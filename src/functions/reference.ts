import { CellValue } from "../domain/cellValue";
import { FinopsFunctionName } from "../domain/functionsByName";

/**
 * What the function reference says beyond the JSDoc: where each measure comes from, worked
 * examples and error examples. Results are never written here: docs/FUNCTIONS.md, the help page
 * and the task pane compute them from the domain, so an example cannot drift from the code.
 */
export interface ExampleArgument {
  /** As typed in the formula: a literal (1000, "lower") or a reference (B2:B5). */
  readonly text: string;
  /** What the argument holds when the example is computed. */
  readonly value: CellValue | CellValue[][];
}

export interface FunctionExample {
  readonly args: readonly (ExampleArgument | undefined)[];
  /** Says what the example shows, or for an error example when the error happens. */
  readonly note: string;
}

export interface FunctionReference {
  readonly source: string;
  readonly examples: readonly FunctionExample[];
  readonly errors: readonly FunctionExample[];
}

const lit = (value: number | string): ExampleArgument => ({
  text: typeof value === "string" ? `"${value}"` : String(value),
  value,
});
const ref = (text: string, value: CellValue | CellValue[][]): ExampleArgument => ({ text, value });

const KPI_LIBRARY = "FinOps Foundation KPI library";

export const FUNCTION_REFERENCE: Record<FinopsFunctionName, FunctionReference> = {
  SAVINGS: {
    source:
      "FinOps toolkit (Microsoft), x_TotalSavings: list cost minus effective cost, not clamped at zero.",
    examples: [
      { args: [lit(1000), lit(750)], note: "A quarter of list cost saved." },
      {
        args: [lit(750), lit(1000)],
        note: "Negative: more was paid than list (for example an unused commitment).",
      },
    ],
    errors: [
      {
        args: [ref("C2", null), lit(750)],
        note: "A blank required input is #N/A: the figure is not there yet.",
      },
      {
        args: [ref("C2", "1,000"), lit(750)],
        note: "Text, even text that looks like a number, is #VALUE!.",
      },
    ],
  },
  ESR: {
    source: `${KPI_LIBRARY}: effective savings rate, 1 - effective cost / on-demand (list) cost, as Microsoft's FinOps toolkit computes it over list cost. The FinOps Foundation's commitment use case divides by contracted cost instead ((Contracted - Effective) / Contracted), which leaves negotiated discounts out; we measure against list so every discount counts. Unused commitment lowers it (FinOps Framework: under-utilisation "would also negatively impact ESR"): keep its effective cost in and its list cost out, as the FOCUS import does.`,
    examples: [
      {
        args: [lit(1000), lit(750)],
        note: "25% saved against on-demand rates.",
      },
      {
        args: [lit(1000), lit(1100)],
        note: "Negative when effective cost is above on-demand.",
      },
    ],
    errors: [
      {
        args: [lit(0), lit(10)],
        note: "No on-demand cost to measure against.",
      },
      {
        args: [lit(-5), lit(10)],
        note: "A negative on-demand equivalent is not a base.",
      },
    ],
  },
  COSTAVOIDANCE: {
    source:
      "FinOps Framework, FinOps Practice Operations: savings and cost avoidance delivered by the FinOps team.",
    examples: [{ args: [lit(5000), lit(3200)], note: "Spend prevented this month." }],
    errors: [
      {
        args: [ref("C2", true), lit(3200)],
        note: "TRUE/FALSE are not amounts.",
      },
    ],
  },
  ANOMALYAVOIDANCE: {
    source: `${KPI_LIBRARY}: cost avoidance from anomaly management.`,
    examples: [
      {
        args: [lit(420), lit(9)],
        note: "An anomaly costing 420 a day caught 9 days before it would have been noticed.",
      },
    ],
    errors: [{ args: [lit(420), lit(-2)], note: "Days avoided cannot be negative." }],
  },
  COVERAGE: {
    source: `${KPI_LIBRARY}: commitment discount coverage, compared with the FinOps Framework's maturity targets of about 60% (Crawl), 70% (Walk) and 80% (Run). Both inputs on one basis, the on-demand (list) cost, or hours where the unit is the same: covered usage at its discounted cost against uncovered usage at on-demand cost would understate coverage.`,
    examples: [
      {
        args: [lit(80000), lit(100000)],
        note: "80% of eligible usage, at on-demand cost, is covered.",
      },
      {
        args: [lit(100), lit(200)],
        note: "100 hours covered by a reservation at 40% off and 100 hours on demand, each at 1.00 list: 50%. Covered usage at its discounted 60 against 100 on demand would read 37.5%.",
      },
    ],
    errors: [{ args: [lit(80000), lit(0)], note: "No eligible spend." }],
  },
  UTILIZATION: {
    source: `${KPI_LIBRARY}: commitment discount utilisation.`,
    examples: [
      {
        args: [lit(9500), lit(10000)],
        note: "95% of the commitment was used.",
      },
    ],
    errors: [{ args: [lit(-1), lit(10000)], note: "Amounts cannot be negative." }],
  },
  COMMITMENTWASTE: {
    source: `${KPI_LIBRARY}: commitment discount waste.`,
    examples: [
      {
        args: [lit(500), lit(10000)],
        note: "5% of the commitment went unused.",
      },
    ],
    errors: [{ args: [lit(500), lit(0)], note: "Nothing was committed." }],
  },
  BREAKEVEN: {
    source:
      'FinOps Framework, Rate Optimization: commitments bought "with a break-even within 9 months" of a one-year term. The break-even is the months of use at which the commitment\'s cost over its whole term, upfront plus every recurring fee, equals the same usage on demand.',
    examples: [
      {
        args: [lit(0), lit(1000), lit(600)],
        note: "No upfront payment, 40% off on a one-year term: the 7,200 of fees owed for the year equal 7.2 months of on-demand use.",
      },
      {
        args: [lit(6000), lit(1000), lit(0)],
        note: "All upfront: 6,000 paid at the start equals 6 months on demand.",
      },
      {
        args: [lit(12000), lit(1000), lit(250), lit(36)],
        note: "A three-year term, partly upfront: 12,000 + 250 x 36 = 21,000, or 21 of the 36 months.",
      },
    ],
    errors: [
      {
        args: [lit(6000), lit(1000), lit(600)],
        note: "Never breaks even: over the year the commitment costs 13,200, more than the 12,000 of using it on demand all year.",
      },
      {
        args: [lit(0), lit(0), lit(600)],
        note: "No on-demand cost to compare with.",
      },
    ],
  },
  VARIANCE: {
    source: "FinOps Framework, Budgeting: budget variance.",
    examples: [{ args: [lit(10000), lit(11500)], note: "1,500 over budget." }],
    errors: [
      {
        args: [ref("C2", { code: "#REF!" }), lit(11500)],
        note: "An input cell holding an error passes it on (#REF! shows as #VALUE!).",
      },
    ],
  },
  VARIANCEPCT: {
    source: "FinOps Framework, Budgeting: budget variance as a percentage.",
    examples: [{ args: [lit(10000), lit(11500)], note: "15% over budget." }],
    errors: [
      {
        args: [lit(0), lit(500)],
        note: "No budget to compare with; BUDGETSTATUS handles unbudgeted lines.",
      },
    ],
  },
  BUDGETSTATUS: {
    source: "FinOps Framework, Budgeting: tracking spend against budget with a tolerance.",
    examples: [
      {
        args: [lit(10000), lit(10400)],
        note: "Within the default 5% tolerance.",
      },
      { args: [lit(10000), lit(10600)], note: "Beyond it." },
      {
        args: [lit(10000), lit(10600), lit(0.1)],
        note: "Within a 10% tolerance.",
      },
      {
        args: [lit(0), lit(250)],
        note: "Any spend on an unbudgeted line is over budget.",
      },
      {
        args: [lit(5400), lit(6210), lit(0.05), lit(1000)],
        note: "15% over, but by 810, under the 1,000 that matters: on budget.",
      },
    ],
    errors: [
      {
        args: [lit(10000), lit(10600), lit("5%")],
        note: "The tolerance must be a number such as 0.05, not text.",
      },
    ],
  },
  RUNRATE: {
    source: `${KPI_LIBRARY}: burn rate / run rate.`,
    examples: [
      {
        args: [lit(3000), lit(10), lit(30)],
        note: "3,000 after 10 of 30 days projects to 9,000.",
      },
    ],
    errors: [
      { args: [lit(3000), lit(0), lit(30)], note: "No days have passed." },
      {
        args: [lit(3000), lit(31), lit(30)],
        note: "More days elapsed than the period has.",
      },
    ],
  },
  FORECASTVARIANCE: {
    source: `${KPI_LIBRARY}: forecast accuracy (variance of actual against forecast).`,
    examples: [
      {
        args: [lit(10000), lit(9500)],
        note: "Actual came in 5% under the forecast.",
      },
    ],
    errors: [
      {
        args: [lit(0), lit(9500)],
        note: "A zero forecast cannot be a base.",
      },
    ],
  },
  ROI: {
    source:
      "FinOps Framework, FinOps Practice Operations: the value the FinOps team delivers against its cost. value is gross: what the team's work saved and avoided, before the team's own cost, which ROI takes off. A commitment's savings are already net of what it cost: its return is savings / cost.",
    examples: [
      {
        args: [lit(300000), lit(100000)],
        note: "Value three times the cost: a 200% return.",
      },
    ],
    errors: [{ args: [lit(300000), lit(0)], note: "No cost to return on." }],
  },
  FTE: {
    source: "FinOps Framework, FinOps Practice Operations: team structure and staffing.",
    examples: [
      {
        args: [ref("B2:B5", [[1], [0.5], [null], [0.25]])],
        note: "B2:B5 holds 1, 0.5, a blank cell and 0.25.",
      },
    ],
    errors: [
      {
        args: [ref("B2:B5", [[1], [1.5], [null], [0.25]])],
        note: "An allocation above 1 (one person) is #VALUE!, naming the cell.",
      },
      {
        args: [ref("B2:B5", [[1], ["half"], [null], [0.25]])],
        note: "Text in the range is #VALUE!, naming the cell.",
      },
    ],
  },
  LOADEDCOST: {
    source: "FinOps Framework, FinOps Practice Operations: funding the FinOps team.",
    examples: [
      {
        args: [lit(120000), lit(0.25), lit(1)],
        note: "A full-time analyst for a year.",
      },
      {
        args: [lit(120000), lit(0.25), lit(0.5), lit(6)],
        note: "Half of their time for six months.",
      },
    ],
    errors: [
      {
        args: [lit(120000), lit(0.25), lit(1.2)],
        note: "An allocation above 1 is #VALUE!.",
      },
    ],
  },
  MATURITYSCORE: {
    source:
      'FinOps Foundation, FinOps Assessment: each capability scored "as a percentage of a potential maximum", five lenses scored 0 to 4 giving a maximum of 20, each lens optionally weighted.',
    examples: [
      {
        args: [ref("C2:G2", [[2, 3, 4, 1, 2]])],
        note: "Five lenses, equal weights: (2+3+4+1+2) / (4 x 5).",
      },
      {
        args: [ref("C2:G2", [[2, 3, 4, 1, 2]]), ref("C1:G1", [[1, 2, 1, 1, 1]])],
        note: "Process weighs double.",
      },
      {
        args: [ref("C2:G2", [[2, null, 4, null, 2]])],
        note: "Two lenses not assessed yet score 0 of their maximum: (2+4+2) / (4 x 5), so leaving lenses blank never raises a score. The scorecard shows how many lenses are assessed.",
      },
      {
        args: [ref("C2:G2", [[4, null, null, null, null]])],
        note: "One lens at 4 and four blank: 4 / 20, a Crawl score, not Run.",
      },
    ],
    errors: [
      {
        args: [ref("C2:G2", [[null, null, null, null, null]])],
        note: "No scores yet.",
      },
      {
        args: [ref("C2:G2", [[2, 3, 4, 1, 2]]), ref("C1:F1", [[1, 2, 1, 1]])],
        note: "Weights must be the same size as the scores.",
      },
      {
        args: [ref("C2:G2", [[2, 3, 5, 1, 2]])],
        note: "A score above the maximum (4) is #VALUE!, naming the cell.",
      },
    ],
  },
  MATURITYLEVEL: {
    source: "FinOps Framework maturity model: Crawl, Walk, Run.",
    examples: [
      { args: [lit(0.45)], note: "Below 0.5." },
      { args: [lit(0.65)], note: "From 0.5, below 0.8." },
      { args: [lit(0.65), lit(0.4), lit(0.6)], note: "Your own thresholds." },
    ],
    errors: [{ args: [lit(1.2)], note: "A score is a share between 0 and 1." }],
  },
  KPISTATUS: {
    source: "FinOps Framework, KPIs & Benchmarking: KPIs tracked against targets.",
    examples: [
      {
        args: [lit(0.28), lit(0.3)],
        note: "Effective savings rate 28% against a 30% target: within 10% of target.",
      },
      {
        args: [lit(1.15), lit(1), lit("lower")],
        note: "Unit cost 15% above target, where lower is better.",
      },
      {
        args: [lit(1.15), lit(1), lit("lower"), lit(0.2)],
        note: "The same with a 20% amber band.",
      },
      {
        args: [ref("ABS(D2)", 0.3), lit(0.05), lit("lower")],
        note: 'D2 holds a forecast variance of -0.3 (30% over forecast). For a measure that should stay near 0 on both sides, pass its ABS with direction "lower".',
      },
    ],
    errors: [
      {
        args: [lit(0.28), lit(0.3), lit("up")],
        note: 'direction is "higher" or "lower".',
      },
      { args: [ref("D7", null), lit(0.3)], note: "No actual reported yet." },
    ],
  },
  UNITCOST: {
    source: `${KPI_LIBRARY}: unit cost (unit economics).`,
    examples: [{ args: [lit(12000), lit(4000)], note: "3 per customer." }],
    errors: [{ args: [lit(12000), lit(0)], note: "No units delivered." }],
  },
  RACICHECK: {
    source:
      "FinOps Framework, FinOps Practice Operations: a clear, documented decision and accountability structure.",
    examples: [
      {
        args: [ref("C5:H5", [["R", "A", "C", "I", null, "C"]])],
        note: "One accountable role, one responsible.",
      },
      {
        args: [ref("C5:H5", [["R", "A", "A", "I", null, "C"]])],
        note: "Two roles marked accountable.",
      },
      {
        args: [ref("C5:H5", [["C", null, "I", "I", null, "C"]])],
        note: "Nobody accountable or responsible.",
      },
    ],
    errors: [
      {
        args: [ref("C5:H5", [["R", "A", "X", "I", null, "C"]])],
        note: "Only R, A, C, I or blank.",
      },
    ],
  },
};
