// The tiny expression language the warehouse query is written in once (monthlyQuery.ts) and rendered
// per engine (renderSql.ts, renderKql.ts). Only what the aggregator's rules need; every node renders
// to a value that is never NULL where the rules compare it, so no engine's NULL logic can creep in.

/** A FOCUS column: an amount, text or a timestamp, each possibly NULL. */
export interface ColumnRef {
  readonly k: "column";
  readonly name: string;
  readonly type: "number" | "text" | "time";
}

export type Expr =
  | ColumnRef
  /** A value the query computed per row first (MonthlyQuery.rowValues), by its name. */
  | { readonly k: "ref"; readonly name: string }
  | { readonly k: "number"; readonly value: number }
  | { readonly k: "text"; readonly value: string }
  | { readonly k: "bool"; readonly value: boolean }
  /** A text NULL: in KQL, where text cannot be null, the empty string (the query's has-group flag tells them apart). */
  | { readonly k: "nullText" }
  | {
      readonly k: "compare";
      readonly op: "=" | "<>" | ">" | ">=";
      readonly a: Expr;
      readonly b: Expr;
    }
  | { readonly k: "arith"; readonly op: "+" | "-"; readonly a: Expr; readonly b: Expr }
  | { readonly k: "and" | "or"; readonly args: readonly Expr[] }
  | { readonly k: "not"; readonly a: Expr }
  | { readonly k: "isNull"; readonly a: Expr }
  | { readonly k: "coalesce"; readonly a: Expr; readonly b: Expr }
  /** Text in upper case (to compare with the text NULL in any case). */
  | { readonly k: "upper"; readonly a: Expr }
  | { readonly k: "case"; readonly when: Expr; readonly then: Expr; readonly else: Expr }
  /** "YYYY-MM" of ChargePeriodStart's UTC month. */
  | { readonly k: "utcMonth" }
  /** Whether Tags is an object holding `key` (with any value, null too); never NULL. */
  | { readonly k: "tagPresent"; readonly key: string }
  /** The text of `key`'s value in Tags: "" for a null value; read only where tagPresent holds. */
  | { readonly k: "tagValue"; readonly key: string };

export const column = (name: string, type: ColumnRef["type"]): ColumnRef => ({
  k: "column",
  name,
  type,
});
export const ref = (name: string): Expr => ({ k: "ref", name });
export const num = (value: number): Expr => ({ k: "number", value });
export const text = (value: string): Expr => ({ k: "text", value });
export const bool = (value: boolean): Expr => ({ k: "bool", value });
export const nullText: Expr = { k: "nullText" };
export const eq = (a: Expr, b: Expr): Expr => ({ k: "compare", op: "=", a, b });
export const ne = (a: Expr, b: Expr): Expr => ({ k: "compare", op: "<>", a, b });
export const gt = (a: Expr, b: Expr): Expr => ({ k: "compare", op: ">", a, b });
export const ge = (a: Expr, b: Expr): Expr => ({ k: "compare", op: ">=", a, b });
export const minus = (a: Expr, b: Expr): Expr => ({ k: "arith", op: "-", a, b });
export const and = (...args: Expr[]): Expr => ({ k: "and", args });
export const or = (...args: Expr[]): Expr => ({ k: "or", args });
export const not = (a: Expr): Expr => ({ k: "not", a });
export const isNull = (a: Expr): Expr => ({ k: "isNull", a });
export const coalesce = (a: Expr, b: Expr): Expr => ({ k: "coalesce", a, b });
export const upper = (a: Expr): Expr => ({ k: "upper", a });
export const when = (condition: Expr, then: Expr, otherwise: Expr): Expr => ({
  k: "case",
  when: condition,
  then,
  else: otherwise,
});
export const utcMonth: Expr = { k: "utcMonth" };
export const tagPresent = (key: string): Expr => ({ k: "tagPresent", key });
export const tagValue = (key: string): Expr => ({ k: "tagValue", key });
