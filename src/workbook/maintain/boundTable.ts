import { cellAddress, rangeAddress, rangeBounds } from "../addresses";
import { CellValue } from "../../domain/cellValue";
import { ColumnSpec } from "../spec";
import { asCellValue, gridReader, ReadCell } from "./grid";
import { ReadTable, WorkbookReadBack } from "./readBack";
import { TemplateColumn, TemplateTable } from "./templateParts";

/**
 * A template table matched with the table as it is now: columns map by header text (users may add,
 * move or delete columns), rows are all data rows (users add rows). Addresses are the current ones.
 */
export interface BoundTable {
  readonly template: TemplateTable;
  readonly read: ReadTable;
  /** Data rows now. */
  readonly rows: number;
  /** Template columns present now, with their index among the current headers. */
  readonly present: readonly { readonly column: TemplateColumn; readonly index: number }[];
  readonly missing: readonly TemplateColumn[];
  /** Headers no template column has: the user's own columns, never touched. */
  readonly userColumns: readonly string[];
  cell(row: number, index: number): ReadCell;
  /** "C14" for data row `row` (0-based) of current column `index`. */
  address(row: number, index: number): string;
  /** The data cells of current column `index` from row `from`, `count` rows. */
  columnAddress(index: number, from?: number, count?: number): string;
  /** The data cells of a row over current columns first..last. */
  rowAddress(row: number, first: number, last: number): string;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function bindTable(template: TemplateTable, readBack: WorkbookReadBack): BoundTable | null {
  const read = readBack.tables.find((t) => same(t.name, template.name));
  if (!read) return null;
  const sheet = readBack.sheets.find((s) => same(s.name, read.sheet));
  const at = gridReader(sheet?.used ?? null);
  const { top, left, bottom } = rangeBounds(read.address);
  const present = template.columns.flatMap((column) => {
    const index = read.headers.findIndex((h) => same(h, column.header));
    return index < 0 ? [] : [{ column, index }];
  });
  const rows = bottom - top;
  return {
    template,
    read,
    rows,
    present,
    missing: template.columns.filter((c) => !present.some((p) => p.column === c)),
    userColumns: read.headers.filter((h) => !template.columns.some((c) => same(c.header, h))),
    cell: (row, index) => at(top + 1 + row, left + index),
    address: (row, index) => cellAddress(top + 1 + row, left + index),
    columnAddress: (index, from = 0, count = rows - from) =>
      rangeAddress(top + 1 + from, left + index, top + from + count, left + index),
    rowAddress: (row, first, last) =>
      rangeAddress(top + 1 + row, left + first, top + 1 + row, left + last),
  };
}

/** The index now of a template column, by key; -1 when it is missing. */
export function indexOf(table: BoundTable, key: string): number {
  return table.present.find((p) => p.column.key === key)?.index ?? -1;
}

/**
 * A data row's values as typed now, by the spec's column keys: input cells as read, computed ones
 * null (the checks evaluate the template's own expressions over what users typed, so a formula typed
 * over cannot hide what they look for).
 */
export function typedRow(
  table: BoundTable,
  columns: readonly ColumnSpec[],
  row: number
): Record<string, CellValue> {
  const values: Record<string, CellValue> = {};
  for (const column of columns) {
    const index = column.kind === "input" ? indexOf(table, column.key) : -1;
    values[column.key] = index < 0 ? null : asCellValue(table.cell(row, index).value);
  }
  return values;
}
