import { col, columnRange, ifNoNumbers, pick, rowNumber, str, sub, sum } from "../../expr/expr";
import { excelDate } from "../../dates";
import { Period } from "../../options";
import { Block, ColumnSpec } from "../../spec";
import {
  BUDGET_BY_MONTH_CHART,
  BUDGET_BY_MONTH_TABLE,
  BUDGET_SEED,
  BudgetVersion,
  LINES_TABLE,
} from "./categories";

/**
 * Version 4's width of the amounts that share columns with the monthly detail's months ("$199,000" and
 * "($15,000)" fit): at most 172 characters of columns print on one landscape page at 75%.
 */
export const BUDGET_AMOUNT_WIDTH = 10;

/**
 * The year at a glance (version 2 on), for finance and the executive summary. Each row sums one
 * month's column of the lines (INDEX over the run of month columns by the row's position), so the
 * formula is the same in every row; the actual stays blank until a line has one for that month.
 * Version 3 adds each month's last day, which the reporting date is compared with.
 */
export function budgetByMonth(months: readonly Period[], version: BudgetVersion): Block[] {
  const run = (measure: string) =>
    columnRange(LINES_TABLE, `${measure}1`, `${measure}${months.length}`);
  const month = (measure: string) => pick(run(measure), rowNumber("month"));
  const amountWidth = version < 4 ? {} : { width: BUDGET_AMOUNT_WIDTH };
  const monthEnd: ColumnSpec = {
    key: "monthEnd",
    header: "Month end",
    kind: "input",
    type: "date",
  };
  return [
    {
      kind: "table",
      key: BUDGET_BY_MONTH_TABLE,
      name: "BudgetByMonth",
      caption: "Budget by month (totals of the lines above)",
      columns: [
        { key: "month", header: "Month", kind: "input", type: "text", width: 12 },
        ...(version < 3 ? [] : [monthEnd]),
        {
          key: "budget",
          header: "Budget",
          kind: "computed",
          type: "currency",
          ...amountWidth,
          expr: sum(month("budget")),
        },
        {
          key: "forecast",
          header: "Forecast",
          kind: "computed",
          type: "currency",
          ...amountWidth,
          expr: sum(month("forecast")),
        },
        {
          key: "actual",
          header: "Actual",
          kind: "computed",
          type: "currency",
          ...amountWidth,
          expr: ifNoNumbers(month("actual"), str(""), sum(month("actual"))),
        },
        {
          key: "overUnder",
          header: "Over / (under) budget",
          kind: "computed",
          type: "currency",
          width: version < 4 ? 14 : BUDGET_AMOUNT_WIDTH,
          expr: ifNoNumbers(col("actual"), str(""), sub(col("actual"), col("budget"))),
        },
      ],
      rows: months.map((m) => ({
        values: {
          month: m.label,
          ...(version < 3 ? {} : { monthEnd: excelDate(m.year, m.month + 1, 0) }),
        },
        source: BUDGET_SEED,
      })),
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
