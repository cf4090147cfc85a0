import { col, column, countIf, countIfs, pick, rowNumber } from "../../expr/expr";
import { Block } from "../../spec";
import { KPI_TABLE } from "../kpiTracker";
import { BUDGET_BY_MONTH_CHART, BUDGET_BY_MONTH_TABLE } from "../teamBudget";

// The summary's tables that link row by row to a practice workbook, each with its chart.

const RAG = ["Green", "Amber", "Red"];

/**
 * KPIs by status (KPI tracker), and their column chart. From version 4, only the KPIs that count in
 * status (a KPI restating another is not counted twice).
 */
export const kpiStatus = (countsOnly: boolean): Block[] => [
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
        expr: countsOnly
          ? countIfs(
              { range: column(KPI_TABLE, "status"), op: "=", value: col("status") },
              { range: column(KPI_TABLE, "counts"), op: "<>", value: "N" }
            )
          : countIf(column(KPI_TABLE, "status"), col("status")),
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
];

/**
 * Version 3: the team budget's monthly totals, linked row by row (INDEX by the row's position) from
 * the team budget's Budget by month table, and the same combo chart: actual and forecast as columns,
 * the budget as a line.
 */
export const budgetByMonth: Block[] = (() => {
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
