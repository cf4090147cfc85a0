import {
  column,
  columnRange,
  countIf,
  countIfs,
  Expr,
  finops,
  ifBlank,
  ifCompare,
  ifNoNumbers,
  name,
  num,
  str,
  sub,
  sum,
} from "../../expr/expr";
import { TemplateOptions } from "../../options";
import { Block, Figure } from "../../spec";
import { computedFigure } from "../figures";
import { asAtFigure } from "../reportingDate";
import { BUDGET_BY_MONTH_TABLE, BudgetVersion, LINES_TABLE } from "./categories";
import { monthKey } from "./lineColumns";

const currency = (key: string, figureName: string, label: string, expr: Expr): Figure =>
  computedFigure(key, figureName, label, "currency", expr);

const STATUS_HIGHLIGHTS = [
  { when: "equals", text: "Over budget", highlight: "bad" },
  { when: "equals", text: "On budget", highlight: "good" },
] as const;

/**
 * Version 3: the reporting date and the thresholds, and how many months it closes. A block of its
 * own (an upgrade writes it below the sheet's content), so the block versions 1 and 2 wrote keeps
 * its names where they are.
 */
export function reportingBlock(options: TemplateOptions): Block {
  const monthEnds = column(BUDGET_BY_MONTH_TABLE, "monthEnd");
  return {
    kind: "figures",
    heading: "Reporting date and thresholds",
    items: [
      asAtFigure("budgetAsAt", "BudgetAsAt", options),
      {
        key: "budgetMateriality",
        name: "BudgetMateriality",
        label: "Materiality: smallest amount over or under budget that counts",
        type: "currency",
        kind: "input",
        value: null,
        sample: 1000,
        help: "A line is over or under budget only when the gap is beyond both the tolerance and this amount. Blank: the tolerance alone.",
      },
      {
        key: "budgetMonthsClosed",
        name: "BudgetMonthsClosed",
        label: "Months closed at the reporting date (the year to date)",
        type: "integer",
        kind: "computed",
        expr: countIfs({ range: monthEnds, op: "<=", value: name("budgetAsAt") }),
      },
      {
        key: "budgetMonthsWithoutActuals",
        name: "BudgetMonthsWithoutActuals",
        label: "Closed months with no actual entered yet",
        type: "integer",
        kind: "computed",
        expr: countIfs(
          { range: monthEnds, op: "<=", value: name("budgetAsAt") },
          { range: column(BUDGET_BY_MONTH_TABLE, "actual"), op: "=", value: "" }
        ),
        conditionalFormats: [{ when: "greaterThan", value: 0, highlight: "bad" }],
      },
    ],
  };
}

/** The block every version has: tolerance, the year's and the year to date's totals, the status. */
export function resultsBlock(version: BudgetVersion): Block {
  const lines = (key: string) => column(LINES_TABLE, key);
  const tolerance: Figure = {
    key: "budgetTolerance",
    name: "BudgetTolerance",
    label: version < 3 ? "On-budget tolerance" : "On-budget tolerance (share of budget)",
    type: "percent",
    kind: "input",
    value: 0.05,
    help: "Actuals within this share of budget count as on budget.",
  };
  const budgetFy = currency(
    "teamBudgetFy",
    "TeamBudgetFY",
    "Team budget, full year",
    sum(lines("budgetFy"))
  );
  const actualYtd = currency(
    "teamActualYtd",
    "TeamActualYTD",
    "Team actual, year to date",
    sum(lines("actualYtd"))
  );
  const budgetYtd = currency(
    "teamBudgetYtd",
    "TeamBudgetYTD",
    "Team budget, year to date",
    sum(lines("budgetYtd"))
  );
  const status = (expr: Expr): Figure => ({
    key: "teamBudgetStatus",
    name: "TeamBudgetStatus",
    label: "Year-to-date status",
    type: "text",
    kind: "computed",
    expr,
    conditionalFormats: STATUS_HIGHLIGHTS,
  });
  const linesOver: Figure = {
    key: "linesOverBudget",
    name: "LinesOverBudget",
    label: version < 3 ? "Lines over budget" : "Lines over budget, year to date",
    type: "integer",
    kind: "computed",
    expr: countIf(lines("status"), "Over budget"),
  };
  if (version >= 3)
    return {
      kind: "figures",
      heading: "Year to date and full year",
      items: [
        tolerance,
        budgetFy,
        currency(
          "teamProjectedFy",
          "TeamProjectedFY",
          "Team forecast, full year (actuals to date, then forecast)",
          sum(lines("forecastFy"))
        ),
        budgetYtd,
        actualYtd,
        status(
          ifCompare(
            "<",
            name("budgetMonthsClosed"),
            num(1),
            str("No months closed yet"),
            ifNoNumbers(
              columnRange(LINES_TABLE, monthKey("actual", 0), monthKey("actual", 11)),
              str("No actuals yet"),
              finops(
                "BUDGETSTATUS",
                name("teamBudgetYtd"),
                name("teamActualYtd"),
                name("budgetTolerance"),
                name("budgetMateriality")
              )
            )
          )
        ),
        linesOver,
      ],
    };
  const actuals = columnRange(LINES_TABLE, monthKey("actual", 0), monthKey("actual", 11));
  return {
    kind: "figures",
    heading: "Settings and results",
    items: [
      tolerance,
      budgetFy,
      actualYtd,
      budgetYtd,
      status(
        ifNoNumbers(
          actuals,
          str("No actuals yet"),
          finops(
            "BUDGETSTATUS",
            name("teamBudgetYtd"),
            name("teamActualYtd"),
            name("budgetTolerance")
          )
        )
      ),
      currency(
        "teamProjectedFy",
        "TeamProjectedFY",
        "Projected full-year cost",
        sum(lines("projectedFy"))
      ),
      linesOver,
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
            actuals,
            str(""),
            finops("ROI", name("savingsDelivered"), name("teamActualYtd"))
          )
        ),
      },
    ],
  };
}

/** Version 3: over or under budget in amounts, the year to date and the full year's forecast. */
export const overUnderBlock: Block = {
  kind: "figures",
  heading: "Over / (under) budget (actual or forecast minus budget)",
  items: [
    currency(
      "teamOverUnderYtd",
      "TeamOverUnderYTD",
      "Over / (under) budget, year to date",
      sub(name("teamActualYtd"), name("teamBudgetYtd"))
    ),
    currency(
      "teamOverUnderFy",
      "TeamOverUnderFY",
      "Forecast over / (under) budget, full year",
      sub(name("teamProjectedFy"), name("teamBudgetFy"))
    ),
  ],
};
