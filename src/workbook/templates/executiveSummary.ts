import {
  col,
  column,
  countIf,
  Expr,
  finops,
  ifError,
  name,
  nthLargestLabel,
  num,
  pick,
  rowNumber,
  str,
  sub,
} from "../expr/expr";
import { fiscalYearLabel, TemplateOptions } from "../options";
import { Block, EarlierVersion, Figure, Template, WorkbookSpec } from "../spec";
import { KPI_TABLE } from "./kpiTracker";
import { BUDGET_BY_MONTH_CHART, BUDGET_BY_MONTH_TABLE } from "./teamBudget";
import { LENSES } from "./maturity/lenses";

// Executive summary (FinOps Practice Operations, Crawl: "a FinOps executive summary ... provided to
// various executives in the organization, offering relevant details for each"). Every figure links to
// the practice workbooks, so the summary is never re-typed and never disagrees with them.

const SOURCE_SHEETS = [
  "team-budget",
  "staffing-plan",
  "kpi-tracker",
  "maturity-scorecard",
  "decision-model",
  "adoption-plan",
];
const RAG = ["Green", "Amber", "Red"];

/** Version 1 had no maturity trend: it is built as it was (no migration: version 2 only adds). */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildExecutiveSummary(options, 1),
  migration: [],
};

/**
 * Version 2 had no count of capabilities assessed on every lens and no budget chart (version 3 adds
 * both at the end).
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildExecutiveSummary(options, 2),
  migration: [],
};

export const executiveSummary: Template = {
  id: "executive-summary",
  version: 3,
  earlier: [VERSION_1, VERSION_2],
  title: "Executive summary",
  purpose:
    "One page for executives: maturity against target, KPI status, budget against actual, the team's cost against the value it delivers, and the largest gaps.",
  audience: "CFO, CTO/CIO and engineering leads",
  needs: SOURCE_SHEETS,
  build: (options) => buildExecutiveSummary(options, 3),
};

const figure = (key: string, label: string, type: Figure["type"], expr: Expr): Figure => ({
  key: `exec${key}`,
  name: `Exec${key}`,
  label,
  type,
  kind: "computed",
  expr,
});

/**
 * Only where an error means "not there yet" (no gap to rank, no cost to divide by) is it shown as a
 * blank. Links are not wrapped: a #NAME? from a workbook opened without the add-in must stay visible.
 */
const blankWhenError = (expr: Expr): Expr => ifError(expr, str(""));

function buildExecutiveSummary(options: TemplateOptions, version: 1 | 2 | 3): WorkbookSpec {
  return {
    templateId: "executive-summary",
    version,
    title: "Executive summary",
    sheets: [
      {
        key: "executiveSummary",
        name: "Executive summary",
        print: { landscape: false, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: `${options.organisation}: FinOps executive summary`,
            subtitle: `${fiscalYearLabel(options)}. Amounts in ${options.currency}. Every figure links to the practice workbooks.`,
          },
          {
            kind: "notes",
            heading: "How to read this page",
            lines: [
              "Each section answers one executive's questions; the figures update as the practice workbooks are filled in.",
              "A blank figure means its source is not filled in yet: see the sheet named in its label.",
            ],
          },
          {
            kind: "figures",
            heading: "For the CFO: cost and value",
            items: [
              figure(
                "BudgetYtd",
                "Team budget, year to date (Team budget)",
                "currency",
                name("teamBudgetYtd")
              ),
              figure(
                "ActualYtd",
                "Team actual, year to date (Team budget)",
                "currency",
                name("teamActualYtd")
              ),
              figure(
                "BudgetStatus",
                "Budget status, year to date",
                "text",
                name("teamBudgetStatus")
              ),
              figure(
                "TeamCostFy",
                "Projected team cost, full year",
                "currency",
                name("teamProjectedFy")
              ),
              figure(
                "ValueValidated",
                "Savings and avoidance validated by finance, annualised (Savings ledger)",
                "currency",
                name("validatedValueTotal")
              ),
              figure(
                "Roi",
                "Return on the team's cost (validated value against projected cost)",
                "percent",
                blankWhenError(finops("ROI", name("validatedValueTotal"), name("teamProjectedFy")))
              ),
            ],
          },
          {
            kind: "figures",
            heading: "For the CTO and CIO: maturity",
            items: [
              figure(
                "MaturityScore",
                "Practice maturity score (Maturity scorecard)",
                "percent",
                name("maturityScore")
              ),
              figure("MaturityTarget", "Target score", "percent", name("maturityTargetScore")),
              figure("MaturityLevel", "Maturity level", "text", name("maturityLevel")),
              figure("MaturityStatus", "Score against target", "text", name("maturityStatus")),
              figure(
                "ChecklistLevel",
                "FinOps Practice Operations checklist level",
                "text",
                name("maturityChecklistLevel")
              ),
              figure(
                "Gap1",
                "Largest gap to target",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    1
                  )
                )
              ),
              figure(
                "Gap2",
                "Second largest gap",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    2
                  )
                )
              ),
              figure(
                "Gap3",
                "Third largest gap",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    3
                  )
                )
              ),
            ],
          },
          {
            kind: "figures",
            heading: "For engineering leads: delivery",
            items: [
              figure("KpiGreen", "KPIs at Green (KPI tracker)", "integer", name("kpiGreen")),
              figure("KpiAmber", "KPIs at Amber", "integer", name("kpiAmber")),
              figure("KpiRed", "KPIs at Red", "integer", name("kpiRed")),
              figure(
                "KpiNoStatus",
                "KPIs without a status yet",
                "integer",
                name("kpiWithoutStatus")
              ),
              figure(
                "RaciProblems",
                "Decisions with a RACI problem (Decision model)",
                "integer",
                name("decisionsWithRaciProblem")
              ),
              figure(
                "Adoption",
                "Adoption plan complete (Adoption plan)",
                "percent",
                name("adoptionPercentComplete")
              ),
              figure(
                "Fte",
                "FinOps team, full-time equivalents (Staffing plan)",
                "fte",
                name("staffFteTotal")
              ),
            ],
          },
          {
            kind: "table",
            key: "execKpiStatus",
            name: "ExecKpiStatus",
            caption: "KPI status",
            columns: [
              { key: "status", header: "Status", kind: "input", type: "text", width: 14 },
              {
                key: "count",
                header: "KPIs",
                kind: "computed",
                type: "integer",
                expr: countIf(column(KPI_TABLE, "status"), col("status")),
              },
            ],
            rows: RAG.map((status) => ({ values: { status }, source: "KPI tracker statuses" })),
            conditionalFormats: [
              { column: "status", when: "equals", text: "Green", highlight: "good" },
              { column: "status", when: "equals", text: "Amber", highlight: "neutral" },
              { column: "status", when: "equals", text: "Red", highlight: "bad" },
            ],
          },
          {
            kind: "chart",
            title: "KPI status",
            chart: "column",
            table: "execKpiStatus",
            categories: "status",
            series: ["count"],
          },
          ...(version === 1 ? [] : [maturityTrend]),
          ...(version < 3 ? [] : [assessmentCoverage, ...budgetByMonth]),
        ],
      },
    ],
  };
}

/** The practice score of the n-th most recent assessment in the scorecard's history (by date). */
const latestRecorded = (n: number): Expr =>
  nthLargestLabel(column("maturityHistory", "date"), column("maturityHistory", "score"), n);

/**
 * Version 2: the change since the previous recorded assessment ("Record assessment" fills the history).
 * Last on the sheet, so every cell version 1 wrote stays where it was.
 */
const maturityTrend: Block = {
  kind: "figures",
  heading: "Maturity trend",
  items: [
    figure(
      "MaturityChange",
      "Practice score change since the previous recorded assessment (Maturity scorecard history)",
      "percent",
      blankWhenError(sub(latestRecorded(1), latestRecorded(2)))
    ),
  ],
};

/**
 * Version 3: how complete the assessment behind the score is, since a lens left blank scores 0
 * (MATURITYSCORE) and a partly assessed capability reads lower than it may be. Last on the sheet.
 */
const assessmentCoverage: Block = {
  kind: "figures",
  heading: "Maturity assessment coverage",
  items: [
    figure(
      "CapabilitiesAssessed",
      "Capabilities assessed (Maturity scorecard)",
      "integer",
      name("maturityCapabilitiesAssessed")
    ),
    figure(
      "CapabilitiesFullyAssessed",
      "of which scored on all five lenses",
      "integer",
      countIf(column("maturityCapabilities", "lensesAssessed"), num(LENSES.length))
    ),
  ],
};

/**
 * Version 3: the team budget's monthly totals, linked row by row (INDEX by the row's position) from
 * the team budget's Budget by month table, and the same combo chart: actual and forecast as columns,
 * the budget as a line.
 */
const budgetByMonth: Block[] = (() => {
  const linked = (key: string) => pick(column(BUDGET_BY_MONTH_TABLE, key), rowNumber("month"));
  const linkColumn = (key: string, header: string, type: "text" | "currency") => ({
    key,
    header,
    kind: "computed" as const,
    type,
    width: 12,
    expr: linked(key),
  });
  return [
    {
      kind: "table",
      key: "execBudgetByMonth",
      name: "ExecBudgetByMonth",
      caption: "Team budget by month (Team budget)",
      columns: [
        linkColumn("month", "Month", "text"),
        linkColumn("actual", "Actual", "currency"),
        linkColumn("forecast", "Forecast", "currency"),
        linkColumn("budget", "Budget", "currency"),
      ],
      rows: Array.from({ length: 12 }, () => ({
        values: {},
        source: "Team budget: Budget by month",
      })),
    },
    {
      kind: "chart",
      title: BUDGET_BY_MONTH_CHART,
      chart: "column",
      table: "execBudgetByMonth",
      categories: "month",
      series: ["actual", "forecast", "budget"],
      lines: ["budget"],
    },
  ];
})();
