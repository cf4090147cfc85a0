import { cellAddress, cellPosition, rangeBounds } from "../addresses";
import { InstalledTemplate } from "../metadata";
import { PlannedSheet } from "../plan";
import { expectTemplates } from "./expected";
import { CellRestore } from "./refreshPlan";
import { Survey } from "./survey";

/** Constant text cells of a planned sheet above its first table, by address. */
function headline(sheet: PlannedSheet): Map<string, string> {
  const top = Math.min(...sheet.tables.map((t) => rangeBounds(t.address).top));
  const cells = new Map<string, string>();
  for (const range of sheet.ranges) {
    const origin = cellPosition(range.address);
    range.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (origin.row + r < top && cell.formula === undefined && typeof cell.value === "string")
          cells.set(cellAddress(origin.row + r, origin.column + c), cell.value);
      })
    );
  }
  return cells;
}

/**
 * The template text above the tables that names the period range ("Jan 2026 to Dec 2026") or the
 * fiscal year ("FY2026"), rewritten for the rolled one. Only where the cell still holds the template's old text: a title the user
 * retyped is theirs. Cells above the tables do not move when period columns are added.
 */
export function rolledTitles(
  survey: Survey,
  before: InstalledTemplate,
  after: InstalledTemplate,
  /** The records a linking template (the executive summary) needs to be planned. */
  others: readonly InstalledTemplate[] = []
): CellRestore[] {
  const plan = (record: InstalledTemplate) =>
    expectTemplates([...others, record]).expected.find((e) => e.record === record)?.sheets ?? [];
  const old = plan(before);
  const next = plan(after);
  return old.flatMap((sheet, i) => {
    const now = next[i] ? headline(next[i]) : new Map<string, string>();
    return [...headline(sheet)].flatMap(([address, text]): CellRestore[] => {
      const rolled = now.get(address);
      const cell = survey.cellAt(sheet.name, address);
      if (rolled === undefined || rolled === text || cell.formula !== text) return [];
      return [
        {
          sheet: sheet.name,
          address,
          formulas: [[`'${rolled}`]],
          previous: { formulas: [[cell.formula]], values: [[cell.value]] },
        },
      ];
    });
  });
}
