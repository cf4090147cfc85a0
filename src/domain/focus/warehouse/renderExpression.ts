import { ColumnRef, Expr } from "./queryExpression";

/** How one engine writes each kind of node; operands arrive rendered. */
export interface ExprSyntax {
  readonly column: (column: ColumnRef) => string;
  readonly number: (value: number) => string;
  readonly text: (value: string) => string;
  readonly bool: (value: boolean) => string;
  readonly nullText: string;
  readonly equals: string;
  readonly notEquals: string;
  readonly and: string;
  readonly or: string;
  readonly not: (a: string) => string;
  readonly isNull: (a: string) => string;
  readonly coalesce: (a: string, b: string) => string;
  readonly upper: (a: string) => string;
  readonly case: (when: string, then: string, otherwise: string) => string;
  readonly utcMonth: string;
  readonly tagPresent: (key: string) => string;
  readonly tagValue: (key: string) => string;
}

/** Operators' operands that are themselves operators are parenthesised: no precedence table to get wrong. */
const OPERATORS = new Set<Expr["k"]>(["compare", "arith", "and", "or"]);

export function renderExpression(expr: Expr, syntax: ExprSyntax): string {
  const r = (e: Expr) => renderExpression(e, syntax);
  const operand = (e: Expr) => (OPERATORS.has(e.k) ? `(${r(e)})` : r(e));
  switch (expr.k) {
    case "column":
      return syntax.column(expr);
    case "ref":
      return expr.name;
    case "number":
      return syntax.number(expr.value);
    case "text":
      return syntax.text(expr.value);
    case "bool":
      return syntax.bool(expr.value);
    case "nullText":
      return syntax.nullText;
    case "compare": {
      const op = expr.op === "=" ? syntax.equals : expr.op === "<>" ? syntax.notEquals : expr.op;
      return `${operand(expr.a)} ${op} ${operand(expr.b)}`;
    }
    case "arith":
      return `${operand(expr.a)} ${expr.op} ${operand(expr.b)}`;
    case "and":
    case "or":
      return expr.args.map(operand).join(` ${syntax[expr.k]} `);
    case "not":
      return syntax.not(r(expr.a));
    case "isNull":
      return syntax.isNull(r(expr.a));
    case "coalesce":
      return syntax.coalesce(r(expr.a), r(expr.b));
    case "upper":
      return syntax.upper(r(expr.a));
    case "case":
      return syntax.case(r(expr.when), r(expr.then), r(expr.else));
    case "utcMonth":
      return syntax.utcMonth;
    case "tagPresent":
      return syntax.tagPresent(expr.key);
    case "tagValue":
      return syntax.tagValue(expr.key);
  }
}
