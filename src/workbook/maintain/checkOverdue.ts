import { computeOrder } from "../computeOrder";
import { CellValue } from "../../domain/cellValue";
import { isoDate } from "../dates";
import { evaluate } from "../expr/evaluate";
import { TableBlock } from "../spec";
import { BoundTable, indexOf, typedRow } from "./boundTable";
import { Finding } from "./findings";
import { AS_AT_KEYS } from "../templates/reportingDate";

/** Tables whose rows a template flags "Overdue" against its reporting date. */
const OVERDUE: Readonly<
  Record<string, { table: string; flag: string; item: string; one: string; many: string }>
> = {
  "decision-model": {
    table: "raciDecisions",
    flag: "reviewStatus",
    item: "decision",
    one: "decision review",
    many: "decision reviews",
  },
  "adoption-plan": {
    table: "adoptionActivities",
    flag: "schedule",
    item: "activity",
    one: "adoption activity",
    many: "adoption activities",
  },
};

/**
 * Rows overdue at the reporting date, from the template's own expressions over what is typed (so a
 * flag typed over does not hide one): a note for the practice's reviews, not a fault in the workbook.
 */
export function checkOverdue(
  templateId: string,
  bound: BoundTable,
  spec: TableBlock,
  /** An input named cell's value now, by key. */
  input: (key: string) => CellValue
): Finding[] {
  const rule = OVERDUE[templateId];
  if (!rule || spec.key !== rule.table) return [];
  const flag = spec.columns.find((c) => c.key === rule.flag);
  if (flag?.kind !== "computed") return [];
  const keys = spec.columns.map((c) => c.key);
  const late: string[] = [];
  const order = computeOrder(spec.columns);
  for (let row = 0; row < bound.rows; row++) {
    const values = typedRow(bound, spec.columns, row);
    const context = { row: values, rowColumns: keys, columnValues: () => [], nameValue: input };
    // Computed columns in the order they read each other (Next review before its flag).
    for (const column of order) values[column.key] = evaluate(column.expr, context);
    if (values[rule.flag] === "Overdue")
      late.push(String(values[rule.item] ?? `row ${row + 1}`).trim() || `row ${row + 1}`);
  }
  if (late.length === 0) return [];
  const asAt = input(AS_AT_KEYS[templateId]);
  const at = indexOf(bound, rule.flag);
  return [
    {
      severity: "info",
      kind: "overdue",
      templateId,
      sheet: bound.read.sheet,
      address: at >= 0 ? bound.columnAddress(at) : "",
      what: `${late.length} ${late.length === 1 ? rule.one : rule.many} overdue${typeof asAt === "number" ? ` at ${isoDate(asAt)}` : ""}: ${late.map((l) => `"${l}"`).join(", ")}.`,
      fix: "Bring them up to date (the date reviewed, or the status Done), or agree new dates.",
      repairable: false,
    },
  ];
}
