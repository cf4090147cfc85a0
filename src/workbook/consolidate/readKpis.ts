import { KpiSubmission } from "./submission";
import { TemplateReader } from "./templateReader";

/**
 * Each KPI of the tracker with its latest value, the period it is from and its status against target,
 * as the tracker computes them (FinOps Framework, KPIs & Benchmarking: success metrics by month).
 */
export function readKpis(tracker: TemplateReader): KpiSubmission[] {
  const table = tracker.table("kpis");
  const kpi = table?.column("kpi");
  if (!table || !kpi) return [];
  const [unit, latest, period, status] = ["unit", "latest", "latestPeriod", "status"].map((key) =>
    table.column(key)
  );
  const rows = Array.from({ length: table.rows }, (_, row) => row);
  return rows.flatMap((row) => {
    const name = kpi.text(row).value;
    if (name === null) return [];
    // A column a user deleted reads as blank, sourced at the KPI's own cell.
    const blank = { value: null, source: kpi.text(row).source };
    return [
      {
        kpi: name,
        unit: unit?.text(row).value ?? "",
        latestValue: latest?.number(row) ?? blank,
        latestPeriod: period?.text(row) ?? blank,
        status: status?.text(row) ?? blank,
      },
    ];
  });
}
