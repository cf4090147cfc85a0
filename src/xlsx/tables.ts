import ExcelJS from "exceljs";
import { CellValue } from "../domain/cellValue";
import { TABLE_STYLE } from "../workbook/styles";
import { PlannedTable } from "../workbook/plan";
import { fileValue } from "./formulas";
import { rangeBounds } from "../workbook/addresses";
import { a1 } from "./ranges";

/** SUBTOTAL codes of the totals-row functions a table column can name (ECMA-376 ST_TotalsRowFunction). */
const TOTALS_FUNCTIONS: Record<string, ExcelJS.TableColumnProperties["totalsRowFunction"]> = {
  "101": "average",
  "102": "countNums",
  "103": "count",
  "104": "max",
  "105": "min",
  "106": "stdDev",
  "107": "var",
  "109": "sum",
};

type Column = ExcelJS.TableColumnProperties & {
  totalsRowResult?: ExcelJS.CellFormulaValue["result"];
};

/**
 * Adds a planned table over cells already written (`written`: the file value of every cell written,
 * by address; ExcelJS's addTable rewrites the table's cells from its rows, and reading them back
 * through cell.value would drop falsy results). Returns how many totals-row cells were written and
 * how many of them are formulas.
 */
export function addTable(
  sheet: ExcelJS.Worksheet,
  planned: PlannedTable,
  written: ReadonlyMap<string, ExcelJS.CellValue>
): { cells: number; formulas: number } {
  const { top, left, bottom } = rangeBounds(planned.address);
  const totals = new Map((planned.totals ?? []).map((t) => [t.header, t]));
  // Totals ExcelJS cannot describe as a column function are written into their cell afterwards.
  const customTotals: { column: number; formula: string; expected: CellValue }[] = [];
  const columns: Column[] = planned.headers.map((name, j) => {
    const column: Column = { name, filterButton: true };
    const total = totals.get(name);
    if (j === 0) {
      // As Office.js: showing totals puts "Total" in the first column unless a label is planned.
      column.totalsRowLabel = planned.totalsLabel || "Total";
      if (total) customTotals.push({ column: j, ...total });
      return column;
    }
    if (!total) return column;
    const code = /^=SUBTOTAL\((\d+),(.*)\)$/.exec(total.formula);
    const builtIn = code && TOTALS_FUNCTIONS[code[1]];
    // ExcelJS writes a built-in function's formula itself; it must come out as planned.
    if (builtIn && code[2] === `${planned.name}[${name}]`) {
      column.totalsRowFunction = builtIn;
      column.totalsRowResult = (fileValue(total) as ExcelJS.CellFormulaValue).result;
    } else {
      // ExcelJS 4.4 writes totalsRowFunction="custom" without the <totalsRowFormula> Excel requires:
      // mark the column as having no function and put the formula in the totals cell.
      customTotals.push({ column: j, ...total });
    }
    return column;
  });
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r += 1)
    rows.push(planned.headers.map((_, j) => written.get(a1(r, left + j)) ?? null));

  sheet.addTable({
    name: planned.name,
    ref: a1(top, left),
    headerRow: true,
    totalsRow: planned.totals !== undefined,
    // As Office.js tables.add: banded rows and filter buttons, in the add-in's table style.
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
  if (!planned.totals) return { cells: 0, formulas: 0 };
  for (const total of customTotals)
    sheet.getCell(a1(bottom + 1, left + total.column)).value = fileValue(total);
  const formulas = planned.totals.length;
  const labelled = !totals.has(planned.headers[0]);
  return { cells: formulas + (labelled ? 1 : 0), formulas };
}
