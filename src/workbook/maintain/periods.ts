import { TemplateColumn } from "./templateParts";

/**
 * The period series of the templates: one input column per month, in order. A missing period column
 * or a month left blank before a later one is reported.
 */
const SERIES: readonly { templateId: string; table: string; key: RegExp }[] = [
  { templateId: "kpi-tracker", table: "kpis", key: /^p\d+$/ },
  { templateId: "team-budget", table: "budgetLines", key: /^actual\d+$/ },
];

export function isPeriodColumn(templateId: string, table: string, column: string): boolean {
  return SERIES.some((s) => s.templateId === templateId && s.table === table && s.key.test(column));
}

/** The table's period columns in template order (empty when it has no series). */
export function periodColumns(
  templateId: string,
  table: string,
  columns: readonly TemplateColumn[]
): TemplateColumn[] {
  return columns.filter((c) => isPeriodColumn(templateId, table, c.key));
}
