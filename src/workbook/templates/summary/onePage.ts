import {
  add,
  agg,
  column,
  countIf,
  countIfs,
  div,
  finops,
  mul,
  name,
  nthLargestLabel,
  num,
  sub,
} from "../../expr/expr";
import { fiscalYearLabel, TemplateOptions } from "../../options";
import { Block, Figure, WorkbookSpec } from "../../spec";
import { budgetByMonth, kpiStatus } from "./linkedTables";
import { blankWhenError, figure } from "./summaryFigure";
import { sheetTitle } from "../sheetTitle";

// The executive summary from version 4: what a CFO reads in a minute, on one printed page. Every
// figure links to the sheet that defines it (named beside it), so no figure is typed twice and none
// repeats: the KPI counts are the status chart, the team's people are the staffing plan's funded and
// contributed FTE, the return is the savings ledger's value validated in the fiscal year over the
// team budget's full-year forecast (the same year's value and cost). Labels stay short enough to
// print on one line.

const CAPABILITIES = "maturityCapabilities";
const BUDGET = "Team budget";
const LEDGER = "Savings ledger";
const STAFFING = "Staffing plan";
const SCORECARD = "Maturity scorecard";
const ADOPTION = "Adoption plan";
const DECISIONS = "Decision model";

const gaps = column(CAPABILITIES, "gap");
const gap = (n: number): Figure =>
  figure(
    `Gap${n}`,
    ["Largest gap to target", "Second largest gap", "Third largest gap"][n - 1],
    "text",
    blankWhenError(nthLargestLabel(gaps, column(CAPABILITIES, "capability"), n)),
    SCORECARD
  );

const costAndValue: Block = {
  kind: "figures",
  heading: "Cost and value",
  items: [
    figure("AsAt", "Reporting date (as at)", "date", name("budgetAsAt"), BUDGET),
    figure(
      "CloudSpend",
      "Cloud spend, fiscal year",
      "currency",
      name("staffAnnualCloudSpend"),
      STAFFING
    ),
    figure("BudgetFy", "Team budget, full year", "currency", name("teamBudgetFy"), BUDGET),
    figure("TeamCostFy", "Team forecast, full year", "currency", name("teamProjectedFy"), BUDGET),
    figure(
      "OverUnderFy",
      "Forecast over / (under) budget",
      "currency",
      name("teamOverUnderFy"),
      BUDGET
    ),
    figure("BudgetStatus", "Budget status, year to date", "text", name("teamBudgetStatus"), BUDGET),
    figure(
      "ValueInYear",
      "Value validated, in the year",
      "currency",
      name("inYearValidatedTotal"),
      LEDGER
    ),
    figure(
      "ValueValidated",
      "Value validated, annualised",
      "currency",
      name("validatedValueTotal"),
      LEDGER
    ),
    // The return compares like with like: the value the fiscal year sees with the year's team cost.
    figure(
      "ValueShareOfSpend",
      "In-year value / cloud spend",
      "percent",
      blankWhenError(div(name("inYearValidatedTotal"), name("staffAnnualCloudSpend"))),
      `${LEDGER}, ${STAFFING}`
    ),
    figure(
      "ReturnRatio",
      "Return: in-year value / team cost",
      "ratio",
      blankWhenError(div(name("inYearValidatedTotal"), name("teamProjectedFy"))),
      `${LEDGER}, ${BUDGET}`
    ),
    figure(
      "Roi",
      "Net return: (value - cost) / cost",
      "percent",
      blankWhenError(finops("ROI", name("inYearValidatedTotal"), name("teamProjectedFy"))),
      "FINOPS.ROI, in the year"
    ),
    figure("FteFunded", "FTE funded by the team budget", "fte", name("staffFteFunded"), STAFFING),
    figure(
      "FteContributed",
      "FTE contributed by other budgets",
      "fte",
      name("staffFteContributed"),
      STAFFING
    ),
  ],
};

const maturity: Block = {
  kind: "figures",
  heading: "Maturity",
  items: [
    figure("MaturityScore", "Practice maturity score", "percent", name("maturityScore"), SCORECARD),
    figure("MaturityTarget", "Target score", "percent", name("maturityTargetScore"), SCORECARD),
    figure("MaturityLevel", "Maturity level", "text", name("maturityLevel"), SCORECARD),
    figure("MaturityStatus", "Score against target", "text", name("maturityStatus"), SCORECARD),
    figure(
      "AssessmentAge",
      "Days since the assessment",
      "integer",
      name("maturityAssessmentAge"),
      SCORECARD
    ),
    figure(
      "MaturityChange",
      "Change, like for like",
      "points",
      // The mean of each capability's change over those scored in both assessments: the change of
      // the practice score on the common set, so capabilities added since do not move it.
      blankWhenError(mul(num(100), agg("AVERAGE", column(CAPABILITIES, "change")))),
      "points since the last record"
    ),
    figure(
      "MaturityCompared",
      "Capabilities compared",
      "integer",
      agg("COUNT", column(CAPABILITIES, "change")),
      "scored in both"
    ),
    gap(1),
    gap(2),
    gap(3),
    figure(
      "GapTies",
      "Gaps as large as the third",
      "integer",
      blankWhenError(countIfs({ range: gaps, op: ">=", value: nthLargestLabel(gaps, gaps, 3) })),
      "more than 3: tied"
    ),
  ],
};

const risks: Block = {
  kind: "figures",
  heading: "Risks and delivery",
  items: [
    figure(
      "Escalations",
      "Activities needing escalation",
      "integer",
      countIf(column("adoptionActivities", "status"), "Needs escalation"),
      ADOPTION
    ),
    figure("ActivitiesOverdue", "Activities overdue", "integer", name("adoptionOverdue"), ADOPTION),
    figure(
      "ReviewsOverdue",
      "Decision reviews overdue",
      "integer",
      name("reviewsOverdue"),
      DECISIONS
    ),
    figure(
      "RaciProblems",
      "Decisions with a RACI problem",
      "integer",
      name("decisionsWithRaciProblem"),
      DECISIONS
    ),
    figure(
      "SharedBills",
      "Initiatives sharing a bill",
      "integer",
      name("ledgerOverlapsToCheck"),
      LEDGER
    ),
    figure(
      "ValueNotValidated",
      "Value not validated, annualised",
      "currency",
      sub(add(name("savingsTotal"), name("avoidanceTotal")), name("validatedValueTotal")),
      LEDGER
    ),
    figure(
      "MonthsWithoutActuals",
      "Closed months without actuals",
      "integer",
      name("budgetMonthsWithoutActuals"),
      BUDGET
    ),
    figure(
      "KpiNoStatus",
      "KPIs without a status",
      "integer",
      name("kpiWithoutStatus"),
      "KPI tracker"
    ),
    figure(
      "Adoption",
      "Adoption plan complete",
      "percent",
      name("adoptionPercentComplete"),
      ADOPTION
    ),
  ],
};

const commentary: Block = {
  kind: "figures",
  heading: "Commentary",
  items: [
    {
      key: "execCommentary",
      name: "ExecCommentary",
      label: "The FinOps lead's commentary",
      type: "text",
      kind: "input",
      value: null,
      sample:
        "On budget to date; the full-year forecast is 1% over (platform renewal). The team's funding awaits the mid-year budget review.",
      help: "One or two short sentences for the executives: what moved, what needs their decision.",
    },
  ],
};

export function buildOnePage(options: TemplateOptions): WorkbookSpec {
  const [kpiTable, kpiChart] = kpiStatus(true);
  const [monthTable, monthChart] = budgetByMonth;
  return {
    templateId: "executive-summary",
    version: 4,
    title: "Executive summary",
    sheets: [
      {
        key: "executiveSummary",
        name: "Executive summary",
        print: { landscape: true, fitToWidth: true, onePage: true },
        printThrough: "figures:execCommentary",
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps executive summary"),
            subtitle: `${fiscalYearLabel(options)}. Amounts in ${options.currency}. Each figure links to the sheet named beside it.`,
          },
          costAndValue,
          maturity,
          risks,
          commentary,
          // The charts' data, linked from the practice workbooks, below the printed page.
          kpiTable,
          monthTable,
          { ...kpiChart, beside: "figures:execAsAt" },
          { ...monthChart, beside: "figures:execAsAt" },
        ] as Block[],
      },
    ],
  };
}
