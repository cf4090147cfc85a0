import { Expr, ifError, str } from "../../expr/expr";
import { Figure } from "../../spec";
import { computedFigure } from "../figures";

/** A summary figure: named Exec<Key>, computed from links to the practice workbooks. */
export const figure = (
  key: string,
  label: string,
  type: Figure["type"],
  expr: Expr,
  source?: string
): Figure =>
  computedFigure(`exec${key}`, `Exec${key}`, label, type, expr, source ? { source } : {});

/**
 * Only where an error means "not there yet" (no gap to rank, no cost to divide by) is it shown as a
 * blank. Links are not wrapped: a #NAME? from a workbook opened without the add-in must stay visible.
 */
export const blankWhenError = (expr: Expr): Expr => ifError(expr, str(""));
