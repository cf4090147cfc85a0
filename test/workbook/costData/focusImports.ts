import { FocusSums, toAggregate } from "../../../src/domain/focus/focusMeasures";
import { FocusAggregate, FocusGrouping, FocusImport } from "../../../src/domain/focus/focusTypes";

/** An aggregate made the aggregator's way (toAggregate), from round sums a test can check by hand. */
export function aggregate(
  month: string,
  group: string | null,
  currency = "USD",
  sums: Partial<Omit<FocusSums, "month" | "group" | "currency">> = {},
  allocationTracked = group !== null
): FocusAggregate {
  const s = Object.assign(new FocusSums(month, group, currency), {
    rows: 10,
    billedCost: 100,
    effectiveCost: 80,
    listCost: 120,
    contractedCost: 100,
    commitmentUsedCost: 30,
    commitmentUnusedCost: 10,
    onDemandUsageCost: 20,
    allocatedCost: 60,
    ...sums,
  });
  return toAggregate(s, allocationTracked);
}

export function focusImport(
  aggregates: FocusAggregate[],
  grouping: FocusGrouping = { by: "tag", key: "team" }
): FocusImport {
  const currencies = [...new Set(aggregates.map((a) => a.currency))].sort();
  return {
    versions: [{ file: "export.csv", version: "1.2", delimiter: ",", decimalMark: "." }],
    grouping,
    aggregates,
    issues: [],
    issueCount: 0,
    rowsRead: aggregates.reduce((n, a) => n + a.rows, 0),
    rowsSkipped: 0,
    currencies,
  };
}

/** n aggregates over the first months of 2026, grouped by tag value. */
export function manyAggregates(n: number): FocusImport {
  const months = ["2026-01", "2026-02", "2026-03"];
  return focusImport(
    Array.from({ length: n }, (_, i) =>
      aggregate(months[i % 3], `team-${String(i).padStart(5, "0")}`)
    ).sort(
      (a, b) => a.month.localeCompare(b.month) || String(a.group).localeCompare(String(b.group))
    )
  );
}
