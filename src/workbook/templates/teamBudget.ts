import { CellValue } from "../../domain/cellValue";
import { excelDate } from "../dates";
import { MigratedCell } from "../migration";
import {
  fiscalYearLabel,
  fiscalYearMonths,
  SAMPLE_CLOSED_MONTHS,
  TemplateOptions,
} from "../options";
import { ColumnSpec, EarlierVersion, Template, TableRow, WorkbookSpec } from "../spec";
import { overUnderBlock, reportingBlock, resultsBlock } from "./budget/budgetFigures";
import { BUDGET_AMOUNT_WIDTH, budgetByMonth } from "./budget/byMonth";
import { monthlyDetail } from "./budget/monthlyDetail";
import { inPrintOrder } from "./printOrder";
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
import { sheetTitle } from "./sheetTitle";

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

/**
 * Version 3 printed the lines' 36 month columns on three pages of their own. Version 4 prints the
 * lines' summary (line item and category first) and, below the monthly totals, a monthly detail of
 * every line: budget, forecast and actual as rows, months as columns. The month columns where figures
 * are entered stay in the lines table, off the page. An upgraded workbook gets the detail below its
 * content; its lines table keeps its order and print setup.
 */
const VERSION_3: EarlierVersion = {
  version: 3,
  build: (options) => buildTeamBudget(options, 3),
  migration: [],
};

export const teamBudget: Template = {
  id: "team-budget",
  version: 4,
  earlier: [VERSION_1, VERSION_2, VERSION_3],
  title: "Team budget",
  purpose:
    "Budget, forecast and actual cost of the FinOps team by month: the year to date at the reporting date, over or under budget beyond a tolerance and an amount, the full-year forecast, a chart of the year and each line's months laid out to print.",
  audience: "Finance staff and the FinOps lead",
  build: (options) => buildTeamBudget(options, 4),
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
    version < 4
      ? "One row per cost line of the FinOps team. Enter budget, forecast and actual per month in the shaded cells: the year's summary comes first, then the months."
      : "One row per cost line of the FinOps team. Enter budget, forecast and actual per month in the shaded cells: the year's summary comes first, then the owner and the months, which print as the monthly detail at the end of the sheet (a row per measure).",
    "Year to date is the months closed at the reporting date. A closed month with no actual counts as nothing spent: Closed months with no actual entered yet says so.",
    "Over / (under) = actual (or forecast) minus budget: positive is over budget. A line is Over or Under budget only beyond both the tolerance and the materiality amount.",
    "Forecast FY is the actuals of the closed months plus the forecast of the months still open: the expected outturn of the year.",
    "The People lines are the roles the staffing plan funds from this budget: the health check compares the two.",
  ];
}

/**
 * Version 4's print order: the line and its year (the summary) print; the owner and the months follow,
 * off the page (the monthly detail prints them). Narrower amounts, so that the detail's months, which
 * share these columns, print on one page across.
 */
function linesInVersionOrder(
  columns: readonly ColumnSpec[],
  version: BudgetVersion
): { columns: readonly ColumnSpec[]; printedColumns?: number } {
  if (version < 4) return { columns };
  const summary = [
    "budgetFy",
    "forecastFy",
    "overUnderFy",
    "budgetYtd",
    "actualYtd",
    "varianceYtd",
    "variancePct",
    "status",
  ];
  const narrow = (c: ColumnSpec): ColumnSpec =>
    c.key === "item"
      ? { ...c, width: 36, wrap: true }
      : c.key === "category"
        ? { ...c, width: 14, wrap: true }
        : c.key === "status"
          ? { ...c, width: 12 }
          : c.key === "variancePct"
            ? { ...c, width: 9 }
            : c.type === "currency" && summary.includes(c.key)
              ? { ...c, width: BUDGET_AMOUNT_WIDTH }
              : c;
  return inPrintOrder(
    columns.map(narrow),
    ["item", "category", ...summary],
    [
      ...columns.filter((c) => /^(budget|forecast|actual)\d+$/.test(c.key)).map((c) => c.key),
      "owner",
    ]
  );
}

function buildTeamBudget(options: TemplateOptions, version: BudgetVersion): WorkbookSpec {
  const months = fiscalYearMonths(options);
  const { columns, printedColumns } = linesInVersionOrder(lineColumns(months, version), version);
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
            text: sheetTitle(options, `FinOps team budget ${fiscalYearLabel(options)}`),
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
            ...(printedColumns === undefined ? {} : { printedColumns }),
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
          ...(version < 4 ? [] : [monthlyDetail(months, LINES.length)]),
        ],
      },
    ],
  };
}
