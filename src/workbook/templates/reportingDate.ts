import { excelDate, excelSerial } from "../dates";
import { col, CountCondition, countIfs, Expr, ifCompare, name, num, str } from "../expr/expr";
import { periodAt, reportingDate, TemplateOptions } from "../options";
import { InputFigure } from "../spec";

/**
 * The reporting date ("as at") on a template's sheet. Every template that reads it holds it as a
 * named input, written from the one option at generation, so a template generated on its own works;
 * the health check finds the sheets of a workbook whose dates differ.
 */
export function asAtFigure(
  key: string,
  definedName: string,
  options: TemplateOptions
): InputFigure {
  return {
    key,
    name: definedName,
    label: "Reporting date (as at)",
    type: "date",
    kind: "input",
    value: excelSerial(reportingDate(options)),
    help: "The day the figures on this sheet are as at. Keep the same date on every sheet of the practice set.",
  };
}

/** The keys of the reporting-date cells, by template: the health check compares them. */
export const AS_AT_KEYS: Readonly<Record<string, string>> = {
  "team-budget": "budgetAsAt",
  "maturity-scorecard": "maturityAsAt",
  "decision-model": "decisionsAsAt",
  "adoption-plan": "adoptionAsAt",
  "kpi-tracker": "kpiAsAt",
};

/** "Overdue" when this row's date is before the reporting date (and `unless` does not hold), else "". */
export function overdueFlag(
  date: string,
  asAt: string,
  unless?: { column: string; is: string }
): Expr {
  const conditions: CountCondition[] = [{ range: col(date), op: "<", value: name(asAt) }];
  if (unless) conditions.push({ range: col(unless.column), op: "<>", value: unless.is });
  const late = countIfs(...conditions);
  return ifCompare(">", late, num(0), str("Overdue"), str(""));
}

/**
 * The sample story's month ends, counted from its reporting date (0 its own month, -1 the month
 * before): the sample's review and due dates stay in step with it whatever the fiscal year.
 */
export function sampleMonthEnd(options: TemplateOptions, offset: number): number {
  const [year, month] = reportingDate({ ...options, asAt: undefined })
    .split("-")
    .map(Number);
  const period = periodAt(year, month, offset);
  return excelDate(period.year, period.month + 1, 0);
}
