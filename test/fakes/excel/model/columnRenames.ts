import { renameColumnIn } from "../../../../src/xlsx/edit/renameFormulas";
import { MAX_COLUMNS } from "../addresses";
import { TableData } from "./types";
import { WorkbookModel } from "./workbook";

/**
 * Excel rewrites every structured reference to a table column it renames (Table[Old] anywhere,
 * [@Old] inside the table). The rewriting rules are the file host's (src/xlsx/edit/renameFormulas.ts,
 * tested on their own and against LibreOffice); here they keep the fake's formulas as Excel's.
 */
export function renameColumnReferences(
  model: WorkbookModel,
  table: TableData,
  from: string,
  to: string
): void {
  if (from === to) return;
  for (const sheet of model.sheets)
    for (const [key, cell] of sheet.cells) {
      if (!cell.formula) continue;
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      const inTable =
        sheet.id === table.sheetId &&
        row >= table.top &&
        row <= table.bottom + (table.showTotals ? 1 : 0) &&
        column >= table.left &&
        column <= table.right;
      cell.formula = renameColumnIn(cell.formula, { table: table.name, from, to, inTable });
    }
}
