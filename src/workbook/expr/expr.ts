import { FinopsFunctionName } from "../../domain/functionsByName";

/**
 * A computed cell's formula, written once as data. It renders to formula text (renderFormula.ts), with
 * FINOPS.* calls or with their native twins, and evaluates in TypeScript (evaluate.ts), so every
 * computed cell of a generated workbook has a known value. References are by table and column key or
 * by defined-name key, never by address, so layout and name collisions cannot break them.
 */
export type Expr =
  | { readonly k: "num"; readonly v: number }
  | { readonly k: "str"; readonly v: string }
  /** This row of a column of the table being computed. */
  | { readonly k: "col"; readonly col: string }
  /** This row, from one column to another (inclusive) of the table being computed. */
  | { readonly k: "span"; readonly from: string; readonly to: string }
  /** Every data cell of a column of a table. */
  | { readonly k: "column"; readonly table: string; readonly col: string }
  /** Every data cell of a run of adjacent columns of a table (from..to inclusive). */
  | { readonly k: "columns"; readonly table: string; readonly from: string; readonly to: string }
  /** A single named cell (a workbook-level defined name). */
  | { readonly k: "name"; readonly name: string }
  | {
      readonly k: "fn";
      readonly fn: FinopsFunctionName;
      readonly args: readonly (Expr | undefined)[];
    }
  | { readonly k: "op"; readonly op: "+" | "-" | "*" | "/"; readonly a: Expr; readonly b: Expr }
  | { readonly k: "agg"; readonly fn: Aggregate; readonly args: readonly Expr[] }
  /** How many cells of `range` equal `text` (case-insensitive), as COUNTIF(range, text). */
  | { readonly k: "countIf"; readonly range: Expr; readonly text: string | Expr }
  /** Sum of `sum` where `range` equals `text`, as SUMIF(range, text, sum). */
  | { readonly k: "sumIf"; readonly range: Expr; readonly text: string | Expr; readonly sum: Expr }
  /** `then` when `test` is a blank cell, else `otherwise`, as IF(ISBLANK(test), then, otherwise). */
  | { readonly k: "ifBlank"; readonly test: Expr; readonly then: Expr; readonly otherwise: Expr }
  /**
   * Sum of `values` where the same position of `filled` is filled (with when "empty": is empty), as
   * SUMPRODUCT(values,--(filled<>"")) or SUMPRODUCT(values,--(filled="")).
   */
  | {
      readonly k: "sumWhereFilled";
      readonly values: Expr;
      readonly filled: Expr;
      readonly when?: "filled" | "empty";
    }
  /** `then` when `range` holds no number, as IF(COUNT(range)=0, then, otherwise). */
  | {
      readonly k: "ifNoNumbers";
      readonly range: Expr;
      readonly then: Expr;
      readonly otherwise: Expr;
    }
  /** `fallback` when `value` is an error, as IFERROR(value, fallback). */
  | { readonly k: "ifError"; readonly value: Expr; readonly fallback: Expr }
  /**
   * The row's position in its table, 1 for the first data row: ROW()-ROW(Table[[#Headers],[Col]]),
   * measured from the header cell of one of the table's columns (a single cell: LibreOffice gives
   * #VALUE! for ROW of the whole header row).
   */
  | { readonly k: "rowNumber"; readonly col: string }
  /**
   * The n-th cell of a column, INDEX(column, n), or the n-th column of a run of columns,
   * INDEX(run, 0, n): one formula in every row of a summary table that reads a different month or lens.
   */
  | { readonly k: "pick"; readonly range: Expr; readonly n: Expr }
  /** `then` when a op b holds for two numbers (dates), else `otherwise`: IF(a<b, then, otherwise). */
  | {
      readonly k: "ifCompare";
      readonly op: Comparison;
      readonly a: Expr;
      readonly b: Expr;
      readonly then: Expr;
      readonly otherwise: Expr;
    }
  /**
   * Rows where every condition holds, COUNTIFS(range1, "op"&value1, ...): a number or date compared
   * with `op`, or text matched ("=") or excluded ("<>") as COUNTIF does, case aside.
   */
  | { readonly k: "countIfs"; readonly conditions: readonly CountCondition[] }
  /**
   * The sum of the first `n` cells of a run (this row's months up to the reporting date), as
   * IF(n<1,0,SUM(INDEX(run,1,1):INDEX(run,1,n))): text and blanks count 0, as SUM counts them.
   */
  | { readonly k: "sumFirst"; readonly range: Expr; readonly n: Expr }
  /** The label next to the n-th largest value, as INDEX(labels, MATCH(LARGE(values, n), values, 0)). */
  | {
      readonly k: "nthLargestLabel";
      readonly values: Expr;
      readonly labels: Expr;
      readonly n: number;
    }
  /**
   * `now` minus what a history recorded for the same thing at its latest date before `before`: in the
   * run of columns `records`, the one headed `label`, averaged over the rows of that date where it is
   * filled; "" when no column is headed `label` or nothing was recorded before. SUMPRODUCT and MAX
   * stand in for MAXIFS, which Excel 2016 lacks (see renderFormula.ts).
   */
  /**
   * The sum of the products of same-position cells of ranges of one shape, as SUMPRODUCT(a, b, ...):
   * text, blanks and booleans count 0, an error cell makes the result that error.
   */
  | { readonly k: "sumProduct"; readonly factors: readonly Expr[] }
  /** 1 where a cell holds a number, else 0, cell by cell: --ISNUMBER(range), a SUMPRODUCT factor. */
  | { readonly k: "isNumber"; readonly of: Expr }
  /**
   * 1 where `a op b` holds (Excel's comparison: text any case, no wildcards), else 0, cell by cell:
   * --(a=b), a SUMPRODUCT factor. Exact where COUNTIF's criteria would read * ? ~ < > = in a name.
   */
  | { readonly k: "compareCells"; readonly op: Comparison; readonly a: Expr; readonly b: Expr }
  | {
      readonly k: "changeSinceRecorded";
      readonly now: Expr;
      readonly label: Expr;
      readonly records: ColumnRun;
      readonly dates: Expr;
      readonly before: Expr;
    };

/** Every data cell of a run of adjacent columns of a table: the `columns` reference. */
export type ColumnRun = Extract<Expr, { readonly k: "columns" }>;
export type Comparison = "<" | "<=" | ">" | ">=" | "=" | "<>";
export interface CountCondition {
  readonly range: Expr;
  readonly op: Comparison;
  /** Text compared as text; an expression (a date, a number) compared as a number. */
  readonly value: string | Expr;
}

export type Aggregate = "SUM" | "AVERAGE" | "MAX" | "MIN" | "COUNT" | "COUNTA" | "MEDIAN";

// Builders, so templates read like formulas.
export const num = (v: number): Expr => ({ k: "num", v });
export const str = (v: string): Expr => ({ k: "str", v });
export const col = (key: string): Expr => ({ k: "col", col: key });
export const span = (from: string, to: string): Expr => ({ k: "span", from, to });
export const column = (table: string, key: string): Expr => ({ k: "column", table, col: key });
export const name = (key: string): Expr => ({ k: "name", name: key });
export const finops = (fn: FinopsFunctionName, ...args: (Expr | undefined)[]): Expr => ({
  k: "fn",
  fn,
  args,
});
export const add = (a: Expr, b: Expr): Expr => ({ k: "op", op: "+", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ k: "op", op: "-", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ k: "op", op: "*", a, b });
export const div = (a: Expr, b: Expr): Expr => ({ k: "op", op: "/", a, b });
export const agg = (fn: Aggregate, ...args: Expr[]): Expr => ({ k: "agg", fn, args });
export const sum = (...args: Expr[]): Expr => agg("SUM", ...args);
export const countIf = (range: Expr, text: string | Expr): Expr => ({ k: "countIf", range, text });
export const sumIf = (range: Expr, text: string | Expr, total: Expr): Expr => ({
  k: "sumIf",
  range,
  text,
  sum: total,
});
export const ifBlank = (test: Expr, then: Expr, otherwise: Expr): Expr => ({
  k: "ifBlank",
  test,
  then,
  otherwise,
});
export const sumWhereFilled = (values: Expr, filled: Expr): Expr => ({
  k: "sumWhereFilled",
  values,
  filled,
});
export const sumWhereEmpty = (values: Expr, filled: Expr): Expr => ({
  k: "sumWhereFilled",
  values,
  filled,
  when: "empty",
});
export const ifNoNumbers = (range: Expr, then: Expr, otherwise: Expr): Expr => ({
  k: "ifNoNumbers",
  range,
  then,
  otherwise,
});
export const columnRange = (table: string, from: string, to: string): ColumnRun => ({
  k: "columns",
  table,
  from,
  to,
});
export const ifError = (value: Expr, fallback: Expr): Expr => ({ k: "ifError", value, fallback });
export const rowNumber = (col: string): Expr => ({ k: "rowNumber", col });
export const ifCompare = (op: Comparison, a: Expr, b: Expr, then: Expr, otherwise: Expr): Expr => ({
  k: "ifCompare",
  op,
  a,
  b,
  then,
  otherwise,
});
export const countIfs = (...conditions: CountCondition[]): Expr => ({ k: "countIfs", conditions });
export const pick = (range: Expr, n: Expr): Expr => ({ k: "pick", range, n });
export const sumFirst = (range: Expr, n: Expr): Expr => ({ k: "sumFirst", range, n });
export const nthLargestLabel = (values: Expr, labels: Expr, n: number): Expr => ({
  k: "nthLargestLabel",
  values,
  labels,
  n,
});

export const sumProduct = (...factors: Expr[]): Expr => ({ k: "sumProduct", factors });
export const isNumber = (of: Expr): Expr => ({ k: "isNumber", of });
export const compareCells = (a: Expr, op: Comparison, b: Expr): Expr => ({
  k: "compareCells",
  op,
  a,
  b,
});

export const changeSinceRecorded = (
  now: Expr,
  label: Expr,
  records: ColumnRun,
  dates: Expr,
  before: Expr
): Expr => ({ k: "changeSinceRecorded", now, label, records, dates, before });

/** Every node of an expression, depth first: for checks such as "every reference exists". */
export function* walk(expr: Expr): Generator<Expr> {
  yield expr;
  switch (expr.k) {
    case "fn":
      for (const arg of expr.args) if (arg) yield* walk(arg);
      break;
    case "op":
      yield* walk(expr.a);
      yield* walk(expr.b);
      break;
    case "agg":
      for (const arg of expr.args) yield* walk(arg);
      break;
    case "countIf":
      yield* walk(expr.range);
      if (typeof expr.text !== "string") yield* walk(expr.text);
      break;
    case "sumIf":
      yield* walk(expr.range);
      if (typeof expr.text !== "string") yield* walk(expr.text);
      yield* walk(expr.sum);
      break;
    case "ifBlank":
      yield* walk(expr.test);
      yield* walk(expr.then);
      yield* walk(expr.otherwise);
      break;
    case "nthLargestLabel":
      yield* walk(expr.values);
      yield* walk(expr.labels);
      break;
    case "sumWhereFilled":
      yield* walk(expr.values);
      yield* walk(expr.filled);
      break;
    case "ifError":
      yield* walk(expr.value);
      yield* walk(expr.fallback);
      break;
    case "pick":
    case "sumFirst":
      yield* walk(expr.range);
      yield* walk(expr.n);
      break;
    case "ifCompare":
      yield* walk(expr.a);
      yield* walk(expr.b);
      yield* walk(expr.then);
      yield* walk(expr.otherwise);
      break;
    case "countIfs":
      for (const c of expr.conditions) {
        yield* walk(c.range);
        if (typeof c.value !== "string") yield* walk(c.value);
      }
      break;
    case "ifNoNumbers":
      yield* walk(expr.range);
      yield* walk(expr.then);
      yield* walk(expr.otherwise);
      break;
    case "sumProduct":
      for (const factor of expr.factors) yield* walk(factor);
      break;
    case "isNumber":
      yield* walk(expr.of);
      break;
    case "compareCells":
      yield* walk(expr.a);
      yield* walk(expr.b);
      break;
    case "changeSinceRecorded":
      yield* walk(expr.now);
      yield* walk(expr.label);
      yield* walk(expr.records);
      yield* walk(expr.dates);
      yield* walk(expr.before);
      break;
    default:
      break;
  }
}
