import { CellValue } from "../../domain/cellValue";
import {
  agg,
  col,
  column,
  countIf,
  finops,
  ifBlank,
  ifNoNumbers,
  name,
  num,
  add,
  columnRange,
  sumWhereEmpty,
  span,
  str,
  sum,
  sumWhereFilled,
  pick,
  rowNumber,
  sub,
} from "../expr/expr";
import { fiscalYearLabel, fiscalYearMonths, TemplateOptions } from "../options";
import { Block, ColumnSpec, EarlierVersion, Template, TableRow, WorkbookSpec } from "../spec";

// Team budget: what the FinOps team itself costs, by month, against budget (FinOps Practice Operations:
// "Ensure the FinOps team ... receives the necessary funding" and Management's "Provide funding and
// resources for the FinOps team").

export const BUDGET_CATEGORIES = [
  "People",
  "Tools and services",
  "Training and certification",
  "Consulting",
  "Other",
] as const;
const SEED = "FinOps Framework, FinOps Practice Operations: Build a FinOps team (funding)";

interface Line {
  category: (typeof BUDGET_CATEGORIES)[number];
  item: string;
  owner: string;
  /** Sample budget per month of the fiscal year. */
  budget: number[];
  /** Sample actual as a share of budget, for the closed months. */
  drift: number;
}

const monthly = (amount: number) => Array.from({ length: 12 }, () => amount);
const inMonths = (amount: number, months: number[]) =>
  Array.from({ length: 12 }, (_, m) => (months.includes(m) ? amount : 0));

const LINES: Line[] = [
  {
    category: "People",
    item: "FinOps lead (salary and overhead)",
    owner: "Head of Cloud",
    budget: monthly(16500),
    drift: 1,
  },
  {
    category: "People",
    item: "FinOps analysts (2 FTE)",
    owner: "FinOps lead",
    budget: monthly(23000),
    drift: 1.02,
  },
  {
    category: "People",
    item: "Cloud cost engineer (0.5 FTE, embedded)",
    owner: "Platform engineering",
    budget: monthly(6500),
    drift: 0.97,
  },
  {
    category: "Tools and services",
    item: "Cost management platform subscription",
    owner: "FinOps lead",
    budget: monthly(5800),
    drift: 1,
  },
  {
    category: "Tools and services",
    item: "BI and dashboard licences",
    owner: "FinOps analysts",
    budget: monthly(900),
    drift: 1.15,
  },
  {
    category: "Training and certification",
    item: "FinOps Certified Practitioner courses",
    owner: "FinOps lead",
    budget: inMonths(3200, [1, 4, 8]),
    drift: 1,
  },
  {
    category: "Training and certification",
    item: "FinOps conference and community events",
    owner: "FinOps lead",
    budget: inMonths(7500, [5]),
    drift: 1.1,
  },
  {
    category: "Consulting",
    item: "Commitment strategy review",
    owner: "Procurement",
    budget: inMonths(18000, [2]),
    drift: 0.9,
  },
  {
    category: "Other",
    item: "Internal FinOps awareness sessions",
    owner: "FinOps analysts",
    budget: inMonths(1200, [0, 3, 6, 9]),
    drift: 1.25,
  },
];

/** Months with actuals in the sample: the first half of the fiscal year is closed. */
const SAMPLE_CLOSED_MONTHS = 6;

type Version = 1 | 2;

/** Version 1 had no monthly totals and no chart; version 2 adds both below the lines: nothing moves. */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildTeamBudget(options, 1),
  migration: [],
};

export const teamBudget: Template = {
  id: "team-budget",
  version: 2,
  earlier: [VERSION_1],
  title: "Team budget",
  purpose:
    "Budget, forecast and actual cost of the FinOps team by month, with variance, status, run rate and a chart of the year.",
  audience: "Finance staff and the FinOps lead",
  build: (options) => buildTeamBudget(options, 2),
};

/** The monthly totals table: the lines' budget, forecast and actual of each month, one row a month. */
export const BUDGET_BY_MONTH_TABLE = "budgetByMonth";
export const BUDGET_BY_MONTH_CHART = "Team budget, forecast and actual by month";

function buildTeamBudget(options: TemplateOptions, version: Version): WorkbookSpec {
  const months = fiscalYearMonths(options);
  const key = (measure: string, m: number) => `${measure}${m + 1}`;
  const monthColumns = (measure: "budget" | "forecast" | "actual", label: string): ColumnSpec[] =>
    months.map((month, m) => ({
      key: key(measure, m),
      header: `${label} ${month.label}`,
      kind: "input",
      type: "currency",
      // Budgets are never negative; forecasts and actuals can be (credits, refunds).
      min: measure === "budget" ? 0 : undefined,
      width: 12,
    }));
  const first = (measure: string) => key(measure, 0);
  const last = (measure: string) => key(measure, 11);
  const actuals = span(first("actual"), last("actual"));

  const columns: ColumnSpec[] = [
    {
      key: "category",
      header: "Category",
      kind: "input",
      type: "text",
      list: BUDGET_CATEGORIES,
      width: 22,
    },
    { key: "item", header: "Line item", kind: "input", type: "text", width: 38 },
    { key: "owner", header: "Owner", kind: "input", type: "text", width: 20 },
    ...monthColumns("budget", "Budget"),
    ...monthColumns("forecast", "Forecast"),
    ...monthColumns("actual", "Actual"),
    {
      key: "budgetFy",
      header: "Budget FY",
      kind: "computed",
      type: "currency",
      expr: sum(span(first("budget"), last("budget"))),
    },
    {
      key: "forecastFy",
      header: "Forecast FY",
      kind: "computed",
      type: "currency",
      expr: sum(span(first("forecast"), last("forecast"))),
    },
    {
      key: "actualYtd",
      header: "Actual YTD",
      kind: "computed",
      type: "currency",
      expr: sum(span(first("actual"), last("actual"))),
    },
    {
      key: "budgetYtd",
      header: "Budget YTD",
      kind: "computed",
      type: "currency",
      // Budget of the months that have an actual: a like-for-like comparison while the year runs.
      expr: sumWhereFilled(
        span(first("budget"), last("budget")),
        span(first("actual"), last("actual"))
      ),
    },
    {
      key: "varianceYtd",
      header: "Variance YTD",
      kind: "computed",
      type: "currency",
      expr: finops("VARIANCE", col("budgetYtd"), col("actualYtd")),
    },
    {
      key: "variancePct",
      header: "Variance %",
      kind: "computed",
      type: "percent",
      expr: ifNoNumbers(
        actuals,
        str(""),
        finops("VARIANCEPCT", col("budgetYtd"), col("actualYtd"))
      ),
    },
    {
      key: "status",
      header: "Status",
      kind: "computed",
      type: "text",
      width: 14,
      expr: ifNoNumbers(
        actuals,
        str("Not started"),
        finops("BUDGETSTATUS", col("budgetYtd"), col("actualYtd"), name("budgetTolerance"))
      ),
    },
    {
      key: "projectedFy",
      header: "Projected FY",
      kind: "computed",
      type: "currency",
      // Actuals where a month has one, the forecast for the months still to come.
      expr: add(
        col("actualYtd"),
        sumWhereEmpty(span(first("forecast"), last("forecast")), actuals)
      ),
    },
    {
      key: "runRateFy",
      header: "Run rate FY",
      kind: "computed",
      type: "currency",
      // The burn rate: the monthly average so far over twelve months (one-off costs inflate it).
      expr: ifNoNumbers(
        actuals,
        str(""),
        finops("RUNRATE", col("actualYtd"), agg("COUNT", actuals), num(12))
      ),
    },
  ];

  const rows: TableRow[] = LINES.map((line) => {
    const sample: Record<string, CellValue> = {};
    line.budget.forEach((amount, m) => {
      sample[key("budget", m)] = amount;
      sample[key("forecast", m)] =
        m < SAMPLE_CLOSED_MONTHS ? Math.round(amount * line.drift) : amount;
      if (m < SAMPLE_CLOSED_MONTHS)
        sample[key("actual", m)] = Math.round(amount * line.drift * (1 + ((m % 3) - 1) * 0.01));
    });
    return {
      values: { category: line.category, item: line.item, owner: line.owner },
      sample,
      source: SEED,
    };
  });

  const totals: Record<string, "sum"> = {};
  for (const c of columns) if (c.type === "currency") totals[c.key] = "sum";

  return {
    templateId: "team-budget",
    version,
    title: "Team budget",
    sheets: [
      {
        key: "teamBudget",
        name: "Team budget",
        freezeColumns: 2,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: `${options.organisation}: FinOps team budget ${fiscalYearLabel(options)}`,
            subtitle: `Amounts in ${options.currency}`,
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "One row per cost line of the FinOps team. Enter budget, forecast and actual per month in the shaded cells.",
              "Year to date compares actuals with the budget of the same months only; status uses the tolerance below.",
              "Projected FY adds the forecast of the months still to come to the actuals; Run rate FY extends the monthly average so far.",
              "Savings delivered comes from the savings ledger: it sets the team's cost against the value it delivers.",
            ],
          },
          {
            kind: "figures",
            heading: "Settings and results",
            items: [
              {
                key: "budgetTolerance",
                name: "BudgetTolerance",
                label: "On-budget tolerance",
                type: "percent",
                kind: "input",
                value: 0.05,
                help: "Actuals within this share of budget count as on budget.",
              },
              {
                key: "teamBudgetFy",
                name: "TeamBudgetFY",
                label: "Team budget, full year",
                type: "currency",
                kind: "computed",
                expr: sum(column("budgetLines", "budgetFy")),
              },
              {
                key: "teamActualYtd",
                name: "TeamActualYTD",
                label: "Team actual, year to date",
                type: "currency",
                kind: "computed",
                expr: sum(column("budgetLines", "actualYtd")),
              },
              {
                key: "teamBudgetYtd",
                name: "TeamBudgetYTD",
                label: "Team budget, year to date",
                type: "currency",
                kind: "computed",
                expr: sum(column("budgetLines", "budgetYtd")),
              },
              {
                key: "teamBudgetStatus",
                name: "TeamBudgetStatus",
                label: "Year-to-date status",
                type: "text",
                kind: "computed",
                expr: ifNoNumbers(
                  columnRange("budgetLines", first("actual"), last("actual")),
                  str("No actuals yet"),
                  finops(
                    "BUDGETSTATUS",
                    name("teamBudgetYtd"),
                    name("teamActualYtd"),
                    name("budgetTolerance")
                  )
                ),
                conditionalFormats: [
                  { when: "equals", text: "Over budget", highlight: "bad" },
                  { when: "equals", text: "On budget", highlight: "good" },
                ],
              },
              {
                key: "teamProjectedFy",
                name: "TeamProjectedFY",
                label: "Projected full-year cost",
                type: "currency",
                kind: "computed",
                expr: sum(column("budgetLines", "projectedFy")),
              },
              {
                key: "linesOverBudget",
                name: "LinesOverBudget",
                label: "Lines over budget",
                type: "integer",
                kind: "computed",
                expr: countIf(column("budgetLines", "status"), "Over budget"),
              },
              {
                key: "savingsDelivered",
                name: "SavingsDeliveredYTD",
                label: "Savings delivered, year to date",
                type: "currency",
                kind: "input",
                value: null,
                sample: 412000,
                help: "Validated savings and cost avoidance from the savings ledger.",
              },
              {
                key: "teamRoi",
                name: "TeamROI",
                label: "Return on the team's cost, year to date (savings entered above)",
                type: "percent",
                kind: "computed",
                expr: ifBlank(
                  name("savingsDelivered"),
                  str(""),
                  ifNoNumbers(
                    columnRange("budgetLines", first("actual"), last("actual")),
                    str(""),
                    finops("ROI", name("savingsDelivered"), name("teamActualYtd"))
                  )
                ),
              },
            ],
          },
          {
            kind: "table",
            key: "budgetLines",
            name: "BudgetLines",
            caption: "Budget lines",
            columns,
            rows,
            totals,
            conditionalFormats: [
              { column: "status", when: "equals", text: "Over budget", highlight: "bad" },
              { column: "status", when: "equals", text: "Under budget", highlight: "neutral" },
              { column: "status", when: "equals", text: "On budget", highlight: "good" },
              { column: "varianceYtd", when: "greaterThan", value: 0, highlight: "bad" },
            ],
          },
          ...(version === 1 ? [] : budgetByMonth(months.map((m) => m.label))),
        ],
      },
    ],
  };
}

/**
 * Version 2: the year at a glance, for finance and the executive summary. Each row sums one month's
 * column of the lines (INDEX over the run of month columns by the row's position), so the formula
 * is the same in every row; the actual stays blank until a line has one for that month.
 */
function budgetByMonth(months: readonly string[]): Block[] {
  const run = (measure: string) =>
    columnRange("budgetLines", `${measure}1`, `${measure}${months.length}`);
  const month = (measure: string) => pick(run(measure), rowNumber("month"));
  return [
    {
      kind: "table",
      key: BUDGET_BY_MONTH_TABLE,
      name: "BudgetByMonth",
      caption: "Budget by month (totals of the lines above)",
      columns: [
        { key: "month", header: "Month", kind: "input", type: "text", width: 12 },
        {
          key: "budget",
          header: "Budget",
          kind: "computed",
          type: "currency",
          expr: sum(month("budget")),
        },
        {
          key: "forecast",
          header: "Forecast",
          kind: "computed",
          type: "currency",
          expr: sum(month("forecast")),
        },
        {
          key: "actual",
          header: "Actual",
          kind: "computed",
          type: "currency",
          expr: ifNoNumbers(month("actual"), str(""), sum(month("actual"))),
        },
        {
          key: "overUnder",
          header: "Over / (under) budget",
          kind: "computed",
          type: "currency",
          width: 14,
          expr: ifNoNumbers(col("actual"), str(""), sub(col("actual"), col("budget"))),
        },
      ],
      rows: months.map((label) => ({ values: { month: label }, source: SEED })),
    },
    {
      kind: "chart",
      title: BUDGET_BY_MONTH_CHART,
      chart: "column",
      table: BUDGET_BY_MONTH_TABLE,
      categories: "month",
      series: ["actual", "forecast", "budget"],
      lines: ["budget"],
    },
  ];
}
