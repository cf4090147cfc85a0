import { rangeAddress, rangeBounds } from "../../workbook/addresses";
import { escapeXml } from "../charts/chartXml";
import { tags } from "../charts/xlsxPackage";
import { fileFormula } from "../formulas";
import { areasOf } from "../read/sheetRules";
import { insertCells } from "./insertCells";
import { PackageEdit } from "./packageEdit";

/**
 * A table of a file grown as Excel grows it (ECMA-376 Part 1, 18.5.1.2 <table>): a data row added
 * at its end (Office.js table.rows.add()), a column added at an index (table.columns.add()). Cells
 * in the way move (insertCells) and the table's range, filter and columns follow; the new cells are
 * the caller's to write.
 */
export interface TableAt {
  /** The table part's path. */
  readonly path: string;
  readonly sheet: string;
}

export interface TableShape {
  top: number;
  left: number;
  bottom: number;
  right: number;
  totals: number;
  columns: string[];
}

/** The table's range, totals rows and column names, as its part says now. */
export async function tableShape(edit: PackageEdit, table: TableAt): Promise<TableShape> {
  const xml = (await edit.pkg.text(table.path)) ?? "";
  const attributes = tags(xml, "table")[0] ?? {};
  return {
    ...rangeBounds(attributes.ref),
    totals: Number(attributes.totalsRowCount ?? 0),
    columns: tags(xml, "tableColumn").map((c) => c.name),
  };
}

/** The table's ref and its filter's (which leaves out the totals row) set to the shape's. */
function withRange(xml: string, shape: TableShape): string {
  const ref = rangeAddress(shape.top, shape.left, shape.bottom, shape.right);
  const filter = rangeAddress(shape.top, shape.left, shape.bottom - shape.totals, shape.right);
  return xml
    .replace(/(<table\b[^>]*?\sref=")[^"]*"/, `$1${ref}"`)
    .replace(/(<autoFilter\b[^>]*?\sref=")[^"]*"/, `$1${filter}"`);
}

/** Adds a data row after the last one; returns its 0-based sheet row. */
export async function appendTableRow(edit: PackageEdit, table: TableAt): Promise<number> {
  const shape = await tableShape(edit, table);
  const row = shape.bottom - shape.totals + 1;
  await insertCells(edit, {
    sheet: table.sheet,
    direction: "down",
    at: row,
    left: shape.left,
    right: shape.right,
    count: 1,
  });
  const grown = { ...shape, bottom: shape.bottom + 1 };
  await edit.changePart(table.path, (xml) => withRange(xml, grown));
  // Excel carries the last row's validation and conditional formats into a new table row.
  await edit.changeSheet(table.sheet, (xml) =>
    xml.replace(
      /(<(?:conditionalFormatting|dataValidation)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_, head, sqref: string) => `${head}${extendedDown(sqref, row - 1, shape.left, shape.right)}"`
    )
  );
  return row;
}

/** Areas inside columns left..right that end at `last` reach one row further. */
function extendedDown(sqref: string, last: number, left: number, right: number): string {
  return areasOf(sqref)
    .map((a) => {
      const bottom = a.bottom === last && a.left >= left && a.right <= right ? last + 1 : a.bottom;
      return rangeAddress(a.top, a.left, bottom, a.right);
    })
    .join(" ");
}

export interface NewColumn {
  readonly header: string;
  /** 0-based position among the table's columns. */
  readonly index: number;
  /** The computed column's formula as a user types it (recorded as the table's calculated column). */
  readonly formula?: string;
  /** The totals row's formula, when the table shows one. */
  readonly total?: string;
}

/** Adds a column to the table; returns its 0-based sheet column. */
export async function addTableColumn(
  edit: PackageEdit,
  table: TableAt,
  column: NewColumn
): Promise<number> {
  const shape = await tableShape(edit, table);
  const at = shape.left + column.index;
  await insertCells(edit, {
    sheet: table.sheet,
    direction: "right",
    at,
    top: shape.top,
    bottom: shape.bottom,
    count: 1,
  });
  const grown = { ...shape, right: shape.right + 1 };
  await edit.changePart(table.path, (xml) => withColumn(withRange(xml, grown), column));
  return at;
}

function withColumn(xml: string, column: NewColumn): string {
  const ids = tags(xml, "tableColumn").map((c) => Number(c.id) || 0);
  const calculated = column.formula
    ? `<calculatedColumnFormula>${escapeXml(fileFormula(column.formula))}</calculatedColumnFormula>`
    : "";
  const total = column.total
    ? `<totalsRowFormula>${escapeXml(fileFormula(column.total))}</totalsRowFormula>`
    : "";
  const open = `<tableColumn id="${Math.max(0, ...ids) + 1}" name="${escapeXml(column.header)}"${total ? ' totalsRowFunction="custom"' : ""}`;
  const element = calculated || total ? `${open}>${calculated}${total}</tableColumn>` : `${open}/>`;
  const existing = [...xml.matchAll(/<tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/tableColumn>)/g)];
  const before = existing[column.index];
  const at = before ? before.index : xml.indexOf("</tableColumns>");
  const inserted = `${xml.slice(0, at)}${element}${xml.slice(at)}`;
  return inserted.replace(/<tableColumns\b[^>]*?count="\d+"/, (open) =>
    open.replace(/count="\d+"/, `count="${existing.length + 1}"`)
  );
}
