import { CellValue } from "../domain/cellValue";
import { cellPosition, rangeBounds } from "./addresses";
import { PlannedCell, PlannedSheet } from "./plan";

/** The planned cell at an address of a planned sheet, if the plan writes one there. */
export function plannedCell(sheet: PlannedSheet, address: string): PlannedCell | undefined {
  const { row, column } = cellPosition(address);
  for (const range of sheet.ranges) {
    const top = cellPosition(range.address);
    const cell = range.rows[row - top.row]?.[column - top.column];
    if (cell) return cell;
  }
  return undefined;
}

/** What a planned cell shows: a formula's computed value, else its constant; null when empty. */
export function shownValue(cell: PlannedCell | undefined): CellValue {
  if (!cell) return null;
  return cell.formula !== undefined ? (cell.expected ?? null) : (cell.value ?? null);
}

/** The number format the plan gives a cell (the last format over it wins, as written). */
export function plannedNumberFormat(sheet: PlannedSheet, address: string): string | undefined {
  const { row, column } = cellPosition(address);
  let found: string | undefined;
  for (const format of sheet.formats) {
    if (!format.numberFormat) continue;
    const { top, left, bottom, right } = rangeBounds(format.address);
    if (row >= top && row <= bottom && column >= left && column <= right)
      found = format.numberFormat;
  }
  return found;
}
