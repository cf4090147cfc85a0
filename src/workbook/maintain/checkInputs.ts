import { BoundTable } from "./boundTable";
import { Finding } from "./findings";
import { isErrorText, isFormula } from "./grid";
import { RawCell } from "./readBack";
import { TemplateColumn } from "./templateParts";

/** Why a typed value breaks its column's rule (drop-down list, bounds, whole numbers, numbers only). */
export function inputProblem(column: TemplateColumn, value: RawCell): string | null {
  if (value === "") return null;
  if (isErrorText(value)) return `${value} where ${column.header} needs a value`;
  const rule = column.validation;
  if (rule?.list) {
    const allowed = rule.list.some(
      (item) => item.toLowerCase() === String(value).trim().toLowerCase()
    );
    return allowed ? null : `"${value}" is not one of ${rule.list.join(", ")}`;
  }
  if (column.type === "text") return null;
  if (typeof value !== "number") return `"${value}" is text; ${column.header} takes numbers`;
  if (rule?.whole && !Number.isInteger(value)) return `${value} is not a whole number`;
  if (rule?.min !== undefined && value < rule.min)
    return `${value} is below the minimum ${rule.min}`;
  if (rule?.max !== undefined && value > rule.max)
    return `${value} is above the maximum ${rule.max}`;
  return null;
}

/** Typed values that break their column's validation (pasted values skip Excel's own check). */
export function checkInputs(templateId: string, bound: BoundTable): Finding[] {
  const findings: Finding[] = [];
  for (const { column, index } of bound.present) {
    if (column.kind !== "input") continue;
    for (let row = 0; row < bound.rows; row += 1) {
      const cell = bound.cell(row, index);
      // A formula in an input column is the user's choice; its result is theirs to judge.
      if (isFormula(cell)) continue;
      const problem = inputProblem(column, cell.value);
      if (!problem) continue;
      findings.push({
        severity: "warning",
        kind: "invalidInput",
        templateId,
        sheet: bound.read.sheet,
        address: bound.address(row, index),
        what: `${column.header}: ${problem}.`,
        fix: column.validation?.list
          ? `Choose one of ${column.validation.list.join(", ")} from the drop-down.`
          : "Enter a value the column allows; formulas that use it may be wrong until then.",
        repairable: false,
      });
    }
  }
  return findings;
}
