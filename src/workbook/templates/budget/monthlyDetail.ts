import {
  add,
  col,
  column,
  div,
  Expr,
  ifBlank,
  ifCompare,
  ifError,
  num,
  pick,
  rowNumber,
  str,
} from "../../expr/expr";
import { Period } from "../../options";
import { Block, ColumnSpec } from "../../spec";
import { BUDGET_SEED, LINES_TABLE } from "./categories";
import { monthKey } from "./lineColumns";

/** The monthly detail's table key, and its rows' measures in order. */
export const DETAIL_TABLE = "budgetDetail";
export const MEASURES = ["Budget", "Forecast", "Actual"] as const;

/**
 * Version 4: each budget line's twelve months as three rows (budget, forecast, actual) with the months
 * as columns, for print: the lines table's 36 month columns stay where figures are entered but off
 * the page. Every cell reads the lines table: row r shows line (r + 2) / 3 (INDEX truncates, so rows
 * 1 to 3 are line 1), the month column of its row's measure. A row past the last line shows nothing;
 * a line added to the lines table needs three rows added here (the health check says so).
 */
export function monthlyDetail(months: readonly Period[], lines: number): Block {
  const line = div(add(rowNumber("measure"), num(2)), num(3));
  const of = (key: string): Expr => pick(column(LINES_TABLE, key), line);
  const month = (m: number): Expr => {
    const actual = of(monthKey("actual", m));
    return ifError(
      ifCompare(
        "=",
        col("measure"),
        str("Budget"),
        of(monthKey("budget", m)),
        ifCompare(
          "=",
          col("measure"),
          str("Forecast"),
          of(monthKey("forecast", m)),
          // An actual stays blank until it is entered, as in the lines table.
          ifBlank(actual, str(""), actual)
        )
      ),
      str("")
    );
  };
  const columns: ColumnSpec[] = [
    {
      key: "item",
      header: "Line item",
      kind: "computed",
      type: "text",
      width: 36,
      wrap: true,
      expr: ifError(of("item"), str("")),
    },
    {
      key: "measure",
      header: "Measure",
      kind: "input",
      type: "text",
      width: 10,
      list: MEASURES,
      help: "Budget, Forecast or Actual: the line's figures this row shows. Three rows per line, in that order.",
    },
    ...months.map((period, m): ColumnSpec => ({
      key: `month${m + 1}`,
      header: period.label,
      kind: "computed",
      type: "currency",
      width: 9,
      expr: month(m),
    })),
  ];
  return {
    kind: "table",
    key: DETAIL_TABLE,
    name: "BudgetDetail",
    caption: "Monthly detail (each line's budget, forecast and actual, from the lines above)",
    // Its months share columns with the lines' month inputs, which do not print.
    printsOnItsOwn: true,
    columns,
    rows: Array.from({ length: lines }, () =>
      MEASURES.map((measure) => ({ values: { measure }, source: BUDGET_SEED }))
    ).flat(),
  };
}
