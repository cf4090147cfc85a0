import { BoundTable } from "./boundTable";
import { isFormula, ReadCell } from "./grid";
import { referencedTables, sameFormula } from "./formulaText";
import { FigureAt, Survey, SurveyedTemplate } from "./survey";
import { EarlierFormula } from "./templateParts";
import { figuresAddedBack } from "./blockAdditions";

/**
 * What is wrong with a computed cell, if anything. "outdated": the formula an earlier add-in version
 * wrote, before a function's definition changed (TWIN_REVISIONS); refresh updates it.
 */
export type ComputedProblem = "overwritten" | "formulaChanged" | "outdated" | "errorValue";

/** One template-owned cell (a computed column's data cell or a computed named cell) as it is now. */
export interface ComputedCell {
  readonly templateId: string;
  readonly sheet: string;
  readonly address: string;
  /** Header of its column, or the defined name of a named cell. */
  readonly label: string;
  readonly formula: string;
  /** Where the cell holds an earlier version's formula: what changed since. */
  readonly change?: string;
  readonly now: ReadCell;
  readonly problem: ComputedProblem | null;
  /** Tables the formula needs that are gone and not recreated: it cannot be written back. */
  readonly blockedBy: readonly string[];
  readonly table?: { readonly bound: BoundTable; readonly index: number; readonly row: number };
  readonly figure?: FigureAt;
}

function problemOf(
  now: ReadCell,
  formula: string,
  earlier: EarlierFormula | undefined,
  ownTable?: string
): ComputedProblem | null {
  if (!isFormula(now)) return "overwritten";
  if (!sameFormula(String(now.formula), formula, ownTable)) {
    return earlier && sameFormula(String(now.formula), earlier.formula, ownTable)
      ? "outdated"
      : "formulaChanged";
  }
  return now.value === "#REF!" || now.value === "#NAME?" ? "errorValue" : null;
}

/**
 * Every computed cell of the template's present tables and named cells, with its problem. Tables
 * lost from a sheet that is still there (not recreated by refresh) block the formulas that use them.
 */
export function computedCells(
  survey: Survey,
  t: SurveyedTemplate,
  lostTables: readonly string[]
): ComputedCell[] {
  const templateId = t.expected.record.templateId;
  const cells: ComputedCell[] = [];
  for (const { bound } of t.tables) {
    if (!bound) continue;
    for (const { column, index } of bound.present) {
      if (column.kind !== "computed" || !column.formula) continue;
      const blockedBy = referencedTables(column.formula, lostTables);
      for (let row = 0; row < bound.rows; row += 1) {
        const now = bound.cell(row, index);
        const problem = problemOf(now, column.formula, column.earlier, bound.read.name);
        cells.push({
          templateId,
          sheet: bound.read.sheet,
          address: bound.address(row, index),
          label: column.header,
          formula: column.formula,
          change: problem === "outdated" ? column.earlier?.change : undefined,
          now,
          problem,
          blockedBy,
          table: { bound, index, row },
        });
      }
    }
  }
  // Named cells refresh writes back as a whole block are not repaired one by one.
  const added = figuresAddedBack(survey, t);
  for (const at of t.figures) {
    const { figure } = at;
    if (!figure.formula || t.missingSheets.includes(figure.sheet) || added.has(figure.name))
      continue;
    if (!survey.readBack.sheets.some((s) => s.name === at.sheet && s.used)) continue;
    const now = survey.cellAt(at.sheet, at.address);
    const problem = problemOf(now, figure.formula, figure.earlier);
    cells.push({
      templateId,
      sheet: at.sheet,
      address: at.address,
      label: figure.name,
      formula: figure.formula,
      change: problem === "outdated" ? figure.earlier?.change : undefined,
      now,
      problem,
      blockedBy: referencedTables(figure.formula, lostTables),
      figure: at,
    });
  }
  return cells;
}
