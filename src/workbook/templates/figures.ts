import { Expr } from "../expr/expr";
import { ComputedFigure, Figure } from "../spec";

/** A named computed cell: the shape every template's results share. */
export const computedFigure = (
  key: string,
  name: string,
  label: string,
  type: Figure["type"],
  expr: Expr,
  more: Partial<Pick<ComputedFigure, "conditionalFormats" | "source">> = {}
): ComputedFigure => ({ key, name, label, type, kind: "computed", expr, ...more });
