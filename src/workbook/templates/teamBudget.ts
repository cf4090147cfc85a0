import { CellValue } from "../../domain/cellValue";
import { excelDate } from "../dates";
import { MigratedCell } from "../migration";
import {
  fiscalYearLabel,
  fiscalYearMonths,
  SAMPLE_CLOSED_MONTHS,
  TemplateOptions,
} from "../options";
import { EarlierVersion, Template, TableRow, WorkbookSpec } from "../spec";
import { overUnderBlock, reportingBlock, resultsBlock } from "./budget/budgetFigures";
import { budgetByMonth } from "./budget/byMonth";
import {
  BUDGET_BY_MONTH_TABLE,
  BUDGET_SEED,
  BudgetVersion,
  LINES_TABLE,
} from "./budget/categories";
import { lineColumns, monthKey } from "./budget/lineColumns";
import { LINES } from "./budget/sampleLines";

export {
  BUDGET_BY_MONTH_CHART,
  BUDGET_BY_MONTH_TABLE,
  BUDGET_CATEGORIES,
} from "./budget/categories";

// Team budget: what the FinOps team itself costs, by month, against budget (FinOps Practice Operations:
// "Ensure the FinOps team ... receives the necessary funding" and Management's "Provide funding and
// resources for the FinOps team").

/** Version 1 had no monthly totals and no chart; version 2 adds both below the lines: nothing moves. */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildTeamBudget(options, 1),
  migration: [],
};

/**
 * Version 2 counted the year to date as the months with an actual, ignored materiality, headed the
 * variance "Variance" and kept a typed-in "savings delivered" and a return on it. Version 3 reads a
 * reporting date (the months it closes are the year to date), adds an amount threshold to the
 * status, the full-year forecast (actuals to date, forecast after) against the budget, and month
 * ends in the monthly totals; the variance columns become "Over / (under)". The typed savings, its
 * return, Projected FY and Run rate FY stay in an upgraded workbook as they are, no longer the
 * template's: the savings ledger and the executive summary hold the one definition of each.
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildTeamBudget(options, 2),
  migration: [
    { kind: "renameColumn", table: LINES_TABLE, column: "varianceYtd", from: "Variance YTD" },
    { kind: "renameColumn", table: LINES_TABLE, column: "variancePct", from: "Variance %" },
    {
      kind: "addColumn",
      table: BUDGET_BY_MONTH_TABLE,
      column: "monthEnd",
      value: (row) => monthEndOf(row.month),
    },
  ],
};

export const teamBudget: Template = {
  id: "team-budget",
  version: 3,
  earlier: [VERSION_1, VERSION_2],
  title: "Team budget",
  purpose:
    "Budget, forecast and actual cost of the FinOps team by month: the year to date at the reporting date, over or under budget beyond a tolerance and an amount, the full-year forecast and a chart of the year.",
  audience: "Finance staff and the FinOps lead",
  build: (options) => buildTeamBudget(options, 3),
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The last day of a month labelled "Jan 2026", as a date serial; null for anything else. */
export function monthEndOf(label: MigratedCell): number | null {
  const match = /^\s*([A-Za-z]{3})\s+(\d{4})\s*$/.exec(String(label));
  const month = match ? MONTHS.findIndex((m) => m.toLowerCase() === match[1].toLowerCase()) : -1;
  return match && month >= 0 ? excelDate(Number(match[2]), month + 2, 0) : null;
}

/** The sample lines: budget for the year, actuals for the closed months, forecast for the rest. */
function sampleRows(): TableRow[] {
  return LINES.map((line) => {
    const sample: Record<string, CellValue> = {};
    line.budget.forEach((amount, m) => {
      const closed = m < SAMPLE_CLOSED_MONTHS;
      sample[monthKey("budget", m)] = amount;
      sample[monthKey("forecast", m)] = closed ? amount : (line.forecast?.[m] ?? amount);
      if (closed) sample[monthKey("actual", m)] = line.actual[m];
    });
    return {
      values: { category: line.category, item: line.item, owner: line.owner },
      sample,
      source: BUDGET_SEED,
    };
  });
}

function notes(version: BudgetVersion): string[] {
  if (version < 3)
    return [
      "One row per cost line of the FinOps team. Enter budget, forecast and actual per month in the shaded cells.",
      "Year to date compares actuals with the budget of the same months only; status uses the tolerance below.",
      "Projected FY adds the forecast of the months still to come to the actuals; Run rate FY extends the monthly average so far.",
      "Savings delivered comes from the savings ledger: it sets the team's cost against the value it delivers.",
    ];
  return [
    "One row per cost line of the FinOps team. Enter budget, forecast and actual per month in the shaded cells: the year's summary comes first, then the months.",
    "Year to date is the months closed at the reporting date. A closed month with no actual counts as nothing spent: Closed months with no actual entered yet says so.",
    "Over / (under) = actual (or forecast) minus budget: positive is over budget. A line is Over or Under budget only beyond both the tolerance and the materiality amount.",
    "Forecast FY is the actuals of the closed months plus the forecast of the months still open: the expected outturn of the year.",
    "The People lines are the roles the staffing plan funds from this budget: the health check compares the two.",
  ];
}

function buildTeamBudget(options: TemplateOptions, version: BudgetVersion): WorkbookSpec {
  const months = fiscalYearMonths(options);
  const columns = lineColumns(months, version);
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
          { kind: "notes", heading: "How to use", lines: notes(version) },
          ...(version < 3 ? [] : [reportingBlock(options)]),
          resultsBlock(version),
          ...(version < 3 ? [] : [overUnderBlock]),
          {
            kind: "table",
            key: LINES_TABLE,
            name: "BudgetLines",
            caption: "Budget lines",
            columns,
            rows: sampleRows(),
            totals,
            conditionalFormats: [
              { column: "status", when: "equals", text: "Over budget", highlight: "bad" },
              { column: "status", when: "equals", text: "Under budget", highlight: "neutral" },
              { column: "status", when: "equals", text: "On budget", highlight: "good" },
              { column: "varianceYtd", when: "greaterThan", value: 0, highlight: "bad" },
            ],
          },
          ...(version === 1 ? [] : budgetByMonth(months, version)),
        ],
      },
    ],
  };
}
