import { BoundTable } from "./boundTable";
import { Finding } from "./findings";
import { TemplateColumn } from "./templateParts";

/** The Office.js validation type a template column's rule reads back as; undefined for prompts only. */
export function validationType(column: TemplateColumn): string | undefined {
  const rule = column.validation;
  if (!rule) return undefined;
  if (rule.list) return "List";
  if (rule.min === undefined && rule.max === undefined) return undefined;
  return rule.whole ? "WholeNumber" : "Decimal";
}

/** What of a template column's formatting is off over its current rows. */
export function formattingGaps(
  bound: BoundTable,
  column: TemplateColumn,
  index: number
): { numberFormat: boolean; validation: boolean; conditionalFormats: boolean } {
  const rules = bound.read.columnRules[column.header] ?? {};
  const expectedType = validationType(column);
  return {
    numberFormat: bound.read.numberFormats.some(
      (row) => row[index] !== column.numberFormat && !column.rowFormats.includes(row[index])
    ),
    validation: expectedType !== undefined && rules.validation?.type !== expectedType,
    conditionalFormats:
      column.conditionalFormats.length > 0 && (rules.conditionalFormatIds ?? []).length === 0,
  };
}

/** Number formats, validation and conditional formats missing from a template column's rows. */
export function checkFormats(templateId: string, bound: BoundTable): Finding[] {
  return bound.present.flatMap(({ column, index }): Finding[] => {
    const gaps = formattingGaps(bound, column, index);
    const base = {
      templateId,
      sheet: bound.read.sheet,
      address: bound.columnAddress(index),
      repairable: true,
    };
    const findings: Finding[] = [];
    if (gaps.numberFormat)
      findings.push({
        ...base,
        severity: "info",
        kind: "numberFormat",
        what: `Some cells of ${column.header} lost their number format (${column.numberFormat}).`,
        fix: "Repair applies the template's number format to the column's rows.",
      });
    if (gaps.validation)
      findings.push({
        ...base,
        severity: "warning",
        kind: "validation",
        what: `${column.header} lost its data validation on some or all rows.`,
        fix: "Repair applies the column's validation to all its rows again.",
      });
    if (gaps.conditionalFormats)
      findings.push({
        ...base,
        severity: "info",
        kind: "conditionalFormat",
        what: `${column.header} lost its highlighting (conditional formats).`,
        fix: "Repair adds the template's conditional formats to the column again.",
      });
    return findings;
  });
}
