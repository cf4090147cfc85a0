import { CellValue } from "../../../domain/cellValue";
import { col, column, compareCells, Expr, ifCompare, mul, str } from "../../expr/expr";
import { Sourced } from "../../consolidate/submission";
import { InputColumn } from "../../spec";

/** Shared pieces of the roll-up's tables: values taken from submissions and amounts converted. */

/** A submitted figure's value; null where the department's workbook has none. */
export const valueOf = <T extends CellValue>(figure: Sourced<T> | undefined): T | null =>
  figure?.value ?? null;

/**
 * 1 on each cell equal to `value` (text any case), else 0: a SUMPRODUCT factor. Exact, where a
 * COUNTIF, SUMIF or MATCH criterion would read * ? ~ and a leading < > = in a department's name.
 */
export const sameAs = (range: Expr, value: Expr): Expr => compareCells(range, "=", value);

/** 1 on the rows of a long table that are this row's department, else 0. */
export const sameDepartment = (table: string): Expr =>
  sameAs(column(table, "department"), col("department"));

/** "" when the cell is empty (blank or a formula showing ""), else `then`: IF(cell="","",then). */
export const unlessEmpty = (cell: Expr, then: Expr): Expr =>
  ifCompare("=", cell, str(""), str(""), then);

/**
 * An amount in the roll-up's currency: the department's amount times the rate the finance team typed;
 * "" while either is missing, so a department without a rate adds nothing to an enterprise total.
 */
export const converted = (amount: Expr, rate: Expr): Expr =>
  unlessEmpty(amount, unlessEmpty(rate, mul(amount, rate)));

export const textInput = (key: string, header: string, width?: number): InputColumn => ({
  key,
  header,
  kind: "input",
  type: "text",
  ...(width === undefined ? {} : { width }),
});

/**
 * An amount in a department's own currency: a plain number, since currencies differ by row, in whole
 * units (#,##0) as the departments' sheets show amounts; no validation, so cents typed are kept.
 */
export const amountInput = (key: string, header: string): InputColumn => ({
  key,
  header,
  kind: "input",
  type: "integer",
  width: 13,
});

/**
 * The file a row was read from: a table's last column, narrow and never wrapped, so the name runs on
 * over the empty cells to its right instead of widening a column another table on the sheet shares.
 */
export const fileColumn: InputColumn = { ...textInput("file", "File", 12), wrap: false };
