/**
 * What users do to tables (and refresh undoes or repairs): add rows, add a column, delete a column.
 * Excel inserts or removes cells inside the table's rows or columns only, moving what lies beyond;
 * conditional formats, names and other tables in the moved area move with their cells.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "../addresses";
import { excelError, invalidArgument, invalidOperation } from "../errors";
import { updateCells, writeContents } from "./cells";
import { DEFAULT_FORMAT, SheetData, TableData } from "./types";
import { WorkbookModel } from "./workbook";
import { tableRect, tablesOn, uniqueHeaders } from "./tables";

/** Moves stored cells matching `inArea` by (rows, columns), in an order that never overwrites. */
function moveCells(
  sheet: SheetData,
  inArea: (r: number, c: number) => boolean,
  rows: number,
  columns: number
): void {
  const keys = [...sheet.cells.keys()].filter((key) =>
    inArea(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)
  );
  const delta = rows * MAX_COLUMNS + columns;
  keys.sort((a, b) => (delta > 0 ? b - a : a - b));
  for (const key of keys) {
    const r = Math.floor(key / MAX_COLUMNS) + rows;
    const c = (key % MAX_COLUMNS) + columns;
    if (r >= MAX_ROWS || c >= MAX_COLUMNS)
      throw excelError(
        "NonBlankCellOffSheet",
        "Inserting would push non-blank cells off the sheet."
      );
    sheet.cells.set(key + delta, sheet.cells.get(key)!);
    sheet.cells.delete(key);
  }
}

/** Other tables and names on the sheet inside the moved area move too. */
function moveObjects(
  model: WorkbookModel,
  sheet: SheetData,
  except: TableData,
  inside: (rect: Rect) => boolean,
  shift: (rect: Rect) => Rect
): void {
  for (const other of tablesOn(model, sheet)) {
    if (other === except || !inside(tableRect(other))) continue;
    Object.assign(
      other,
      shift({ top: other.top, left: other.left, bottom: other.bottom, right: other.right })
    );
  }
  for (const name of model.names) {
    if (name.target?.sheetId === sheet.id && inside(name.target.rect))
      name.target = { ...name.target, rect: shift(name.target.rect) };
  }
}

/**
 * TableRowCollection.add: rows inserted at `index` (end when null) of the data body; what lies below
 * them within the table's columns (the totals row included) moves down. New rows take the number
 * formats, formats and validation of the row above and, like Excel's calculated columns, the formula
 * of every column whose data cells all hold the same formula, where `values` gives none.
 */
export function addTableRows(
  model: WorkbookModel,
  sheet: SheetData,
  table: TableData,
  index: number | null,
  values: unknown[][]
): void {
  model.checkEditable(sheet, null, "add table rows");
  const bodyRows = table.bottom - table.top;
  const at = index ?? bodyRows;
  if (!Number.isInteger(at) || at < 0 || at > bodyRows)
    throw invalidArgument(`Table "${table.name}" has no row index ${at}.`);
  const count = values.length;
  if (
    count === 0 ||
    values.some((row) => !Array.isArray(row) || row.length !== table.headers.length)
  )
    throw invalidArgument(`Each new row of "${table.name}" needs ${table.headers.length} values.`);
  const first = table.top + 1 + at;
  const calculated = table.headers.map((_, c) => {
    const formulas = new Set<string | null>();
    for (let r = table.top + 1; r <= table.bottom; r += 1)
      formulas.add(model.cellAt(sheet, r, table.left + c)?.formula ?? null);
    const [only] = [...formulas];
    return formulas.size === 1 ? only : null;
  });
  const columns = (c: number) => c >= table.left && c <= table.right;
  // Excel moves a table below only whole: one reaching past these columns would be torn apart, and
  // Excel refuses ("This operation is not allowed. The operation is attempting to shift cells in a
  // table on your worksheet.").
  const torn = tablesOn(model, sheet).find((other) => {
    const rect = tableRect(other);
    return (
      other !== table &&
      rect.top >= first &&
      rect.left <= table.right &&
      rect.right >= table.left &&
      (rect.left < table.left || rect.right > table.right)
    );
  });
  if (torn)
    throw invalidOperation(
      `Adding rows to "${table.name}" would shift part of table "${torn.name}" below it: Excel refuses to shift cells in a table.`
    );
  moveCells(sheet, (r, c) => r >= first && columns(c), count, 0);
  for (const cf of sheet.conditionalFormats) {
    if (cf.rect.left < table.left || cf.rect.right > table.right) continue;
    if (cf.rect.top >= first)
      cf.rect = { ...cf.rect, top: cf.rect.top + count, bottom: cf.rect.bottom + count };
    else if (cf.rect.bottom >= first - 1) cf.rect = { ...cf.rect, bottom: cf.rect.bottom + count };
  }
  moveObjects(
    model,
    sheet,
    table,
    (rect) => rect.top >= first && rect.left >= table.left && rect.right <= table.right,
    (rect) => ({ ...rect, top: rect.top + count, bottom: rect.bottom + count })
  );
  table.bottom += count;
  const template = first > table.top + 1 ? first - 1 : first + count;
  const added = { top: first, left: table.left, bottom: first + count - 1, right: table.right };
  updateCells(sheet, added, (cell, _r, c) => {
    const source = model.cellAt(sheet, template, table.left + c);
    cell.formula = calculated[c];
    cell.numberFormat = source?.numberFormat ?? "General";
    cell.format = source?.format ?? DEFAULT_FORMAT;
    // A copy, through JSON: jsdom, where the pane's tests run, has no structuredClone.
    cell.validation = source?.validation
      ? (JSON.parse(JSON.stringify(source.validation)) as typeof source.validation)
      : null;
  });
  writeContents(model, sheet, added, values, "values");
}

/** The rows a column insertion or deletion moves: the table's, from header to totals row. */
function tableRows(table: TableData): { top: number; bottom: number } {
  const rect = tableRect(table);
  return { top: rect.top, bottom: rect.bottom };
}

/**
 * TableColumnCollection.add: an empty column named `name` (else ColumnN) inserted at `index` (the
 * end when null); the cells of the table's rows from there rightwards move one column right.
 */
export function addTableColumn(
  model: WorkbookModel,
  sheet: SheetData,
  table: TableData,
  index: number | null,
  name: string | undefined
): number {
  model.checkEditable(sheet, null, "add a table column");
  const at = index ?? table.headers.length;
  if (!Number.isInteger(at) || at < 0 || at > table.headers.length)
    throw invalidArgument(`Table "${table.name}" has no column index ${at}.`);
  const { top, bottom } = tableRows(table);
  const column = table.left + at;
  const inRows = (rect: Rect) => rect.top >= top && rect.bottom <= bottom;
  moveCells(sheet, (r, c) => r >= top && r <= bottom && c >= column, 0, 1);
  for (const cf of sheet.conditionalFormats) {
    if (!inRows(cf.rect) || cf.rect.right < column) continue;
    cf.rect = {
      ...cf.rect,
      left: cf.rect.left >= column ? cf.rect.left + 1 : cf.rect.left,
      right: cf.rect.right + 1,
    };
  }
  moveObjects(
    model,
    sheet,
    table,
    (rect) => inRows(rect) && rect.left >= column,
    (rect) => ({ ...rect, left: rect.left + 1, right: rect.right + 1 })
  );
  table.right += 1;
  table.headers = uniqueHeaders(
    [...table.headers.slice(0, at), name ?? "", ...table.headers.slice(at)].map((header, i) =>
      header === "" ? `Column${i + 1}` : header
    )
  );
  updateCells(sheet, { top: table.top, bottom: table.top, left: column, right: column }, (cell) => {
    cell.value = table.headers[at];
    cell.formula = null;
  });
  return at;
}

/** TableColumn.delete: the column's cells go; the cells right of it in the table's rows move left. */
export function deleteTableColumn(
  model: WorkbookModel,
  sheet: SheetData,
  table: TableData,
  index: number
): void {
  model.checkEditable(sheet, null, "delete a table column");
  if (table.headers.length === 1)
    throw invalidOperation(
      `The last column of table "${table.name}" can't be deleted; delete the table.`
    );
  const { top, bottom } = tableRows(table);
  const column = table.left + index;
  const inRows = (rect: Rect) => rect.top >= top && rect.bottom <= bottom;
  for (let r = top; r <= bottom; r += 1) sheet.cells.delete(r * MAX_COLUMNS + column);
  moveCells(sheet, (r, c) => r >= top && r <= bottom && c > column, 0, -1);
  sheet.conditionalFormats = sheet.conditionalFormats.filter(
    (cf) => !(inRows(cf.rect) && cf.rect.left === column && cf.rect.right === column)
  );
  for (const cf of sheet.conditionalFormats) {
    if (!inRows(cf.rect) || cf.rect.right < column) continue;
    cf.rect = {
      ...cf.rect,
      left: cf.rect.left > column ? cf.rect.left - 1 : cf.rect.left,
      right: cf.rect.right - 1,
    };
  }
  for (const name of model.names) {
    const target = name.target;
    if (target?.sheetId !== sheet.id || !inRows(target.rect)) continue;
    if (target.rect.left <= column && target.rect.right >= column) {
      name.target = null;
      name.formula = "=#REF!";
    }
  }
  moveObjects(
    model,
    sheet,
    table,
    (rect) => inRows(rect) && rect.left > column,
    (rect) => ({ ...rect, left: rect.left - 1, right: rect.right - 1 })
  );
  table.right -= 1;
  table.headers = table.headers.filter((_, i) => i !== index);
}

/**
 * TableRow.delete: data row `index` removed; what lies below it within the table's columns (the
 * totals row included) moves up, as addTableRows moved it down. The last data row cannot go.
 */
export function deleteTableRow(
  model: WorkbookModel,
  sheet: SheetData,
  table: TableData,
  index: number
): void {
  model.checkEditable(sheet, null, "delete a table row");
  const bodyRows = table.bottom - table.top;
  if (!Number.isInteger(index) || index < 0 || index >= bodyRows)
    throw invalidArgument(`Table "${table.name}" has no row index ${index}.`);
  if (bodyRows === 1)
    throw invalidOperation(`The last row of table "${table.name}" can't be deleted in the fake.`);
  const row = table.top + 1 + index;
  const columns = (c: number) => c >= table.left && c <= table.right;
  for (let c = table.left; c <= table.right; c += 1) sheet.cells.delete(row * MAX_COLUMNS + c);
  moveCells(sheet, (r, c) => r > row && columns(c), -1, 0);
  for (const cf of sheet.conditionalFormats) {
    if (cf.rect.left < table.left || cf.rect.right > table.right) continue;
    if (cf.rect.top > row)
      cf.rect = { ...cf.rect, top: cf.rect.top - 1, bottom: cf.rect.bottom - 1 };
    else if (cf.rect.bottom >= row) cf.rect = { ...cf.rect, bottom: cf.rect.bottom - 1 };
  }
  moveObjects(
    model,
    sheet,
    table,
    (rect) => rect.top > row && rect.left >= table.left && rect.right <= table.right,
    (rect) => ({ ...rect, top: rect.top - 1, bottom: rect.bottom - 1 })
  );
  table.bottom -= 1;
}
