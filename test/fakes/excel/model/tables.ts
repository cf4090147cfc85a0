/** Tables: creation from a range (headers from its first row), names, totals row, deletion. */
import { MAX_COLUMNS, MAX_ROWS, Rect, formatRect, overlaps } from "../addresses";
import { excelError, invalidArgument, invalidOperation, itemAlreadyExists } from "../errors";
import { DEFAULT_FORMAT, SheetData, TableData } from "./types";
import { WorkbookModel } from "./workbook";
import { clearRange, displayText, storedCells, updateCells, updateStoredCells } from "./cells";
import { definedNameProblem, sameName } from "./rules";

export const tableRect = (t: TableData): Rect => ({
  top: t.top,
  left: t.left,
  right: t.right,
  bottom: t.showTotals ? t.bottom + 1 : t.bottom,
});
export const headerRect = (t: TableData): Rect => ({
  top: t.top,
  bottom: t.top,
  left: t.left,
  right: t.right,
});
export const dataRect = (t: TableData): Rect => ({
  top: t.top + 1,
  bottom: t.bottom,
  left: t.left,
  right: t.right,
});
export const totalsRect = (t: TableData): Rect | null =>
  t.showTotals ? { top: t.bottom + 1, bottom: t.bottom + 1, left: t.left, right: t.right } : null;

export function tablesOn(model: WorkbookModel, sheet: SheetData): TableData[] {
  return model.tables.filter((table) => table.sheetId === sheet.id);
}

export function findTable(model: WorkbookModel, key: string): TableData | undefined {
  return model.tables.find((table) => sameName(table.name, key) || table.id === key);
}

/** Tables and defined names share one namespace (case-insensitive). */
export function checkNewName(
  model: WorkbookModel,
  name: unknown,
  what: string,
  except?: unknown
): string {
  const problem = definedNameProblem(name, what);
  if (problem) throw invalidArgument(problem);
  const text = name as string;
  const table = model.tables.find((t) => t !== except && sameName(t.name, text));
  if (table)
    throw itemAlreadyExists(
      `${what} "${text}" clashes with table "${table.name}" (case-insensitive).`
    );
  const defined = model.names.find((n) => n !== except && sameName(n.name, text));
  if (defined)
    throw itemAlreadyExists(`${what} "${text}" clashes with defined name "${defined.name}".`);
  return text;
}

/** Excel: blank headers become ColumnN, repeated ones get 2, 3, ... appended. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const result: string[] = [];
  raw.forEach((text, i) => {
    const base = text === "" ? `Column${i + 1}` : text;
    let header = base;
    for (let n = 2; result.some((h) => sameName(h, header)); n += 1) header = `${base}${n}`;
    result.push(header);
  });
  return result;
}

function headerTexts(model: WorkbookModel, sheet: SheetData, t: TableData): string[] {
  const texts: string[] = [];
  for (let c = t.left; c <= t.right; c += 1) {
    const cell = model.cellAt(sheet, t.top, c);
    texts.push(
      cell ? (cell.formula !== null && cell.value === null ? cell.formula : displayText(cell)) : ""
    );
  }
  return texts;
}

/** Header cells always hold the header text (Excel turns formulas there into constants). */
function writeHeaders(sheet: SheetData, t: TableData): void {
  updateCells(sheet, headerRect(t), (cell, _r, c) => {
    cell.value = t.headers[c];
    cell.formula = null;
  });
}

/** After cells were written: a changed header cell renames its column. */
export function refreshHeaders(model: WorkbookModel, sheet: SheetData, rect: Rect): void {
  for (const t of tablesOn(model, sheet)) {
    if (t.showHeaders && overlaps(headerRect(t), rect)) {
      t.headers = uniqueHeaders(headerTexts(model, sheet, t));
      writeHeaders(sheet, t);
    }
  }
}

/** Moves the cells of columns left..right from row `from` down by `count` rows. */
function shiftDown(
  sheet: SheetData,
  from: number,
  left: number,
  right: number,
  count: number
): void {
  const moving = [...sheet.cells.keys()]
    .filter(
      (key) =>
        Math.floor(key / MAX_COLUMNS) >= from &&
        key % MAX_COLUMNS >= left &&
        key % MAX_COLUMNS <= right
    )
    .sort((a, b) => b - a);
  if (moving.some((key) => Math.floor(key / MAX_COLUMNS) + count >= MAX_ROWS)) {
    throw excelError(
      "NonBlankCellOffSheet",
      "Shifting cells down would push non-blank cells off the sheet."
    );
  }
  for (const key of moving) {
    sheet.cells.set(key + count * MAX_COLUMNS, sheet.cells.get(key)!);
    sheet.cells.delete(key);
  }
}

function nextTableName(model: WorkbookModel): string {
  let n = 1;
  const taken = (name: string) =>
    model.tables.some((t) => sameName(t.name, name)) ||
    model.names.some((d) => sameName(d.name, name));
  while (taken(`Table${n}`)) n += 1;
  return `Table${n}`;
}

/**
 * Excel takes the header row's current values as column names; with hasHeaders=false it inserts
 * a header row (Column1...) and shifts the data down; a header-only range gets one empty data row.
 */
export function addTable(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  hasHeaders: boolean
): TableData {
  model.checkEditable(sheet, null, "add a table");
  const bottom = !hasHeaders || rect.top === rect.bottom ? rect.bottom + 1 : rect.bottom;
  if (bottom >= MAX_ROWS) throw invalidArgument("A table needs a data row below its header row.");
  const finalRect = { ...rect, bottom };
  const clash = tablesOn(model, sheet).find((t) => overlaps(tableRect(t), finalRect));
  if (clash) {
    throw invalidArgument(
      `A table can't overlap another table: ${formatRect(finalRect)} overlaps "${clash.name}".`
    );
  }
  if (!hasHeaders) shiftDown(sheet, rect.top, rect.left, rect.right, 1);
  const table: TableData = {
    id: model.newId(),
    name: nextTableName(model),
    sheetId: sheet.id,
    top: rect.top,
    left: rect.left,
    right: rect.right,
    bottom,
    headers: [],
    style: "TableStyleMedium2",
    showTotals: false,
    showHeaders: true,
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
  };
  const texts = hasHeaders
    ? headerTexts(model, sheet, table)
    : headerTexts(model, sheet, table).map(() => "");
  table.headers = uniqueHeaders(texts);
  writeHeaders(sheet, table);
  model.tables.push(table);
  return table;
}

export function renameTable(model: WorkbookModel, table: TableData, name: unknown): void {
  table.name = checkNewName(model, name, "Table name", table);
}

const tableStyle =
  /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export function setTableStyle(table: TableData, style: unknown): void {
  if (typeof style !== "string" || !tableStyle.test(style)) {
    throw invalidArgument(
      `Table style ${JSON.stringify(style)} is not a built-in style (TableStyleLight1-21, Medium1-28, Dark1-11).`
    );
  }
  table.style = style;
}

/**
 * Showing the totals row takes the row below the table (shifting the table's columns down when
 * that row holds anything) and, like Excel, labels the first column "Total" and puts a SUBTOTAL
 * (sum for numbers, count otherwise) in the last. Hiding it clears that row.
 */
export function setShowTotals(
  model: WorkbookModel,
  sheet: SheetData,
  table: TableData,
  show: boolean
): void {
  if (table.showTotals === show) return;
  model.checkEditable(sheet, null, "change the totals row");
  const row = {
    top: table.bottom + 1,
    bottom: table.bottom + 1,
    left: table.left,
    right: table.right,
  };
  if (!show) {
    clearRange(model, sheet, row, "Contents");
    table.showTotals = false;
    return;
  }
  if (row.top >= MAX_ROWS)
    throw invalidOperation("The table's totals row would fall off the sheet.");
  if (storedCells(sheet, row).some(([, , cell]) => cell.value !== null || cell.formula !== null)) {
    shiftDown(sheet, row.top, table.left, table.right, 1);
  }
  table.showTotals = true;
  const lastColumn = {
    top: table.top + 1,
    bottom: table.bottom,
    left: table.right,
    right: table.right,
  };
  const values = storedCells(sheet, lastColumn).map(([, , cell]) => cell.value);
  const numeric = values.length > 0 && values.every((value) => typeof value === "number");
  const last = table.headers.length - 1;
  updateCells(sheet, row, (cell, _r, c) => {
    if (c === last) {
      cell.formula = `=SUBTOTAL(${numeric ? 109 : 103},[${table.headers[last]}])`;
      cell.value = null;
    } else if (c === 0) {
      cell.value = "Total";
      cell.formula = null;
    }
  });
}

/** Table.delete() removes the table and its cells' contents and formats. */
export function deleteTable(model: WorkbookModel, sheet: SheetData, table: TableData): void {
  model.checkEditable(sheet, null, "delete a table");
  updateStoredCells(sheet, tableRect(table), (cell) => {
    cell.value = null;
    cell.formula = null;
    cell.format = DEFAULT_FORMAT;
    cell.numberFormat = "General";
  });
  model.tables.splice(model.tables.indexOf(table), 1);
}

/** Table.convertToRange(): the table goes, its cells stay. */
export function convertToRange(model: WorkbookModel, table: TableData): void {
  model.tables.splice(model.tables.indexOf(table), 1);
}

/** A column by header (case-insensitive) or by id (Excel numbers columns from 1). */
export function columnIndexOf(table: TableData, key: string | number): number {
  const index =
    typeof key === "number" ? key - 1 : table.headers.findIndex((header) => sameName(header, key));
  if (index < 0 || index >= table.headers.length) {
    throw excelError("ItemNotFound", `Table "${table.name}" has no column ${JSON.stringify(key)}.`);
  }
  return index;
}
