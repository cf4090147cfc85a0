import { CellValue, isBlank, isErrorValue } from "../../domain/cellValue";
import { FormulaError } from "../../domain/formulaError";
import { FINOPS_FUNCTIONS } from "../../domain/functionsByName";
import { Aggregate, Comparison, CountCondition, Expr } from "./expr";

/**
 * Evaluates an expression the way Excel computes its formula text, using the domain for FINOPS calls
 * (whose native twins are held to the same answers). Errors are values ({ code }), as in a cell.
 */
export interface EvaluationContext {
  /** The row being computed, by column key; needed by col and span. */
  readonly row?: Readonly<Record<string, CellValue>>;
  /** Column keys of the row's table in sheet order, for spans. */
  readonly rowColumns?: readonly string[];
  /** Every data cell of a table column, top to bottom. */
  columnValues(table: string, col: string): readonly CellValue[];
  /** Column keys of a table in sheet order, for runs of columns. */
  tableColumns?(table: string): readonly string[];
  /** The header of a table column, for lookups by header (changeSinceRecorded). */
  columnHeader?(table: string, col: string): string;
  /** The value of a named cell. */
  nameValue(name: string): CellValue;
  /** The row's index in its table (0 for the first data row); needed by rowNumber. */
  readonly rowIndex?: number;
}

type Range = { readonly range: readonly (readonly CellValue[])[] };
type Value = CellValue | Range;

const err = (code: string): CellValue => ({ code });
const isRange = (value: Value): value is Range =>
  typeof value === "object" && value !== null && "range" in value;

export function evaluate(expr: Expr, context: EvaluationContext): CellValue {
  const value = evaluateAny(expr, context);
  if (isRange(value))
    return value.range.length === 1 && value.range[0].length === 1
      ? value.range[0][0]
      : err("#VALUE!");
  return value;
}

function evaluateAny(expr: Expr, context: EvaluationContext): Value {
  switch (expr.k) {
    case "num":
      return expr.v;
    case "str":
      return expr.v;
    case "col":
      return thisRow(context)[expr.col] ?? null;
    case "span": {
      const columns = context.rowColumns ?? [];
      const from = columns.indexOf(expr.from);
      const to = columns.indexOf(expr.to);
      if (from < 0 || to < from) throw new Error(`Unknown span ${expr.from}:${expr.to}`);
      const row = thisRow(context);
      return { range: [columns.slice(from, to + 1).map((key) => row[key] ?? null)] };
    }
    case "column":
      return { range: context.columnValues(expr.table, expr.col).map((value) => [value]) };
    case "columns": {
      const keys = context.tableColumns?.(expr.table) ?? [];
      const from = keys.indexOf(expr.from);
      const to = keys.indexOf(expr.to);
      if (from < 0 || to < from)
        throw new Error(`Unknown columns ${expr.from}:${expr.to} of ${expr.table}`);
      const values = keys.slice(from, to + 1).map((key) => context.columnValues(expr.table, key));
      return { range: values[0].map((_, r) => values.map((column) => column[r])) };
    }
    case "ifNoNumbers":
      return cells(evaluateAny(expr.range, context)).some((value) => typeof value === "number")
        ? evaluateAny(expr.otherwise, context)
        : evaluateAny(expr.then, context);
    case "name":
      return context.nameValue(expr.name);
    case "fn":
      return callFinops(expr.fn, expr.args, context);
    case "op":
      return arithmetic(expr.op, evaluate(expr.a, context), evaluate(expr.b, context));
    case "agg":
      return aggregate(
        expr.fn,
        expr.args.map((arg) => evaluateAny(arg, context))
      );
    case "countIf": {
      const text = criterionText(expr.text, context);
      return cells(evaluateAny(expr.range, context)).filter((value) => matches(value, text)).length;
    }
    case "sumIf": {
      const text = criterionText(expr.text, context);
      const criteria = cells(evaluateAny(expr.range, context));
      const amounts = cells(evaluateAny(expr.sum, context));
      let total = 0;
      for (let i = 0; i < criteria.length; i++) {
        const amount = amounts[i];
        if (matches(criteria[i], text) && typeof amount === "number") total += amount;
        if (matches(criteria[i], text) && isErrorValue(amount)) return amount;
      }
      return total;
    }
    case "ifBlank":
      return isBlank(evaluate(expr.test, context))
        ? evaluateAny(expr.then, context)
        : evaluateAny(expr.otherwise, context);
    case "ifCompare": {
      const left = evaluate(expr.a, context);
      const right = evaluate(expr.b, context);
      if (isErrorValue(left)) return left;
      if (isErrorValue(right)) return right;
      const holds =
        typeof left === "string" || typeof right === "string"
          ? comparesText(left, expr.op, right)
          : comparesNumbers(left, expr.op, right);
      if (isErrorValue(holds)) return holds;
      return holds ? evaluateAny(expr.then, context) : evaluateAny(expr.otherwise, context);
    }
    case "countIfs": {
      // A criterion that is an error (">="&#NUM!) makes COUNTIFS that error.
      for (const c of expr.conditions)
        if (typeof c.value !== "string") {
          const criterion = evaluate(c.value, context);
          if (isErrorValue(criterion)) return criterion;
        }
      const columns = expr.conditions.map((c) => ({
        cells: cells(evaluateAny(c.range, context)),
        test: criterionTest(c, context),
      }));
      const rows = columns[0]?.cells.length ?? 0;
      if (columns.some((c) => c.cells.length !== rows)) return err("#VALUE!");
      let count = 0;
      for (let r = 0; r < rows; r++) if (columns.every((c) => c.test(c.cells[r]))) count++;
      return count;
    }
    case "rowNumber":
      if (context.rowIndex === undefined)
        throw new Error("A row number is only valid in a table's computed column.");
      return context.rowIndex + 1;
    case "pick": {
      // INDEX(column, n) or INDEX(run, 0, n): the n-th cell or column, #REF! outside the range.
      const range = evaluateAny(expr.range, context);
      const n = toNumber(evaluate(expr.n, context));
      if (isErrorValue(n)) return n;
      if (!isRange(range) || typeof n !== "number") return err("#VALUE!");
      const i = Math.trunc(n) - 1;
      if (expr.range.k === "columns") {
        if (i < 0 || i >= (range.range[0]?.length ?? 0)) return err("#REF!");
        return { range: range.range.map((row) => [row[i]]) };
      }
      const cellsOf = cells(range);
      return i < 0 || i >= cellsOf.length ? err("#REF!") : cellsOf[i];
    }
    case "sumFirst": {
      const n = toNumber(evaluate(expr.n, context));
      if (isErrorValue(n)) return n;
      if (typeof n !== "number") return err("#VALUE!");
      if (n < 1) return 0;
      const run = cells(evaluateAny(expr.range, context));
      if (Math.trunc(n) > run.length) return err("#REF!");
      return aggregate("SUM", run.slice(0, Math.trunc(n)));
    }
    case "ifError": {
      const value = evaluateAny(expr.value, context);
      return !isRange(value) && isErrorValue(value) ? evaluateAny(expr.fallback, context) : value;
    }
    case "sumWhereFilled": {
      // SUMPRODUCT treats text and blanks in values as 0 and passes errors on.
      const values = cells(evaluateAny(expr.values, context));
      const filled = cells(evaluateAny(expr.filled, context));
      if (values.length !== filled.length) return err("#VALUE!");
      const firstError = [...values, ...filled].find(isErrorValue);
      if (firstError) return firstError;
      return values.reduce<number>(
        (total, value, i) =>
          total +
          (typeof value === "number" &&
          (isBlank(filled[i]) || filled[i] === "") === (expr.when === "empty")
            ? value
            : 0),
        0
      );
    }
    case "nthLargestLabel": {
      const values = cells(evaluateAny(expr.values, context));
      const labels = cells(evaluateAny(expr.labels, context));
      const firstError = values.find(isErrorValue);
      if (firstError) return firstError;
      const numbers = values
        .filter((value): value is number => typeof value === "number")
        .sort((a, b) => b - a);
      if (expr.n < 1 || expr.n > numbers.length) return err("#NUM!");
      return labels[values.indexOf(numbers[expr.n - 1])] ?? err("#N/A");
    }
    case "sumProduct":
      return sumProduct(expr.factors.map((factor) => grid(evaluateAny(factor, context))));
    case "isNumber":
      return mapCells(evaluateAny(expr.of, context), (cell) => (typeof cell === "number" ? 1 : 0));
    case "compareCells":
      return compareCells(evaluateAny(expr.a, context), expr.op, evaluateAny(expr.b, context));
    case "changeSinceRecorded":
      return changeSinceRecorded(expr, context);
  }
}

const grid = (value: Value): readonly (readonly CellValue[])[] =>
  isRange(value) ? value.range : [[value]];

function mapCells(value: Value, f: (cell: CellValue) => CellValue): Range {
  return { range: grid(value).map((row) => row.map(f)) };
}

/** SUMPRODUCT: ranges of one shape, non-numbers 0, the first error cell (row by row) passed on. */
function sumProduct(factors: readonly (readonly (readonly CellValue[])[])[]): CellValue {
  const [first] = factors;
  const rows = first.length;
  const columns = first[0]?.length ?? 0;
  if (factors.some((f) => f.length !== rows || f.some((row) => row.length !== columns)))
    return err("#VALUE!");
  let total = 0;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      let product = 1;
      for (const factor of factors) {
        const cell = factor[r][c];
        if (isErrorValue(cell)) return cell;
        product *= typeof cell === "number" ? cell : 0;
      }
      total += product;
    }
  return total;
}

/** a op b cell by cell (a single cell against a range compares with each), as 1 or 0; errors kept. */
function compareCells(a: Value, op: Comparison, b: Value): Range {
  const left = grid(a);
  const right = grid(b);
  const rows = Math.max(left.length, right.length);
  const columns = Math.max(left[0]?.length ?? 0, right[0]?.length ?? 0);
  // A single row or column is repeated along the other's; outside a smaller range is #N/A.
  const at = (g: readonly (readonly CellValue[])[], r: number, c: number): CellValue => {
    const cell = g[g.length === 1 ? 0 : r]?.[g[0].length === 1 ? 0 : c];
    return cell === undefined ? err("#N/A") : cell;
  };
  return {
    range: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => {
        const holds = comparesCells(at(left, r, c), op, at(right, r, c));
        return typeof holds === "boolean" ? (holds ? 1 : 0) : holds;
      })
    ),
  };
}

/** As the formula renderFormula.ts writes: row by row, errors in the order Excel meets them. */
function changeSinceRecorded(
  expr: Extract<Expr, { k: "changeSinceRecorded" }>,
  context: EvaluationContext
): CellValue {
  const { table, from, to } = expr.records;
  const keys = context.tableColumns?.(table) ?? [];
  const run = keys.slice(keys.indexOf(from), keys.indexOf(to) + 1);
  const label = evaluate(expr.label, context);
  // MATCH(label, headers, 0): case-insensitive text; a blank, a number or an error matches no header.
  const key = run.find(
    (k) =>
      typeof label === "string" &&
      label !== "" &&
      (context.columnHeader?.(table, k) ?? "").toLowerCase() === label.toLowerCase()
  );
  if (!key) return "";
  const recorded = context.columnValues(table, key);
  const dates = cells(evaluateAny(expr.dates, context));
  const before = evaluate(expr.before, context);
  const filled = (value: CellValue) => !isBlank(value) && value !== "";
  let latest = 0;
  for (let i = 0; i < dates.length; i++) {
    const earlier = lessThan(dates[i], before);
    if (isErrorValue(earlier)) return earlier;
    if (isErrorValue(recorded[i])) return recorded[i];
    const date = toNumber(dates[i]);
    if (typeof date !== "number") return date;
    if (earlier && filled(recorded[i])) latest = Math.max(latest, date);
  }
  if (latest === 0) return "";
  // SUMPRODUCT counts text and booleans among the recorded values as 0.
  const onLatest = dates.flatMap((date, i) =>
    date === latest && filled(recorded[i]) ? [recorded[i]] : []
  );
  const total = onLatest.reduce<number>((t, v) => t + (typeof v === "number" ? v : 0), 0);
  return arithmetic("-", evaluate(expr.now, context), total / onLatest.length);
}

/**
 * Excel's a op b across types: a blank is 0 (or "" or FALSE) next to the other side; numbers come
 * before text, text before booleans; text compares case-insensitively, with no wildcards.
 */
function comparesCells(a: CellValue, op: Comparison, b: CellValue): boolean | CellValue {
  if (isErrorValue(a)) return a;
  if (isErrorValue(b)) return b;
  const blankAs = (other: CellValue) =>
    typeof other === "string" ? "" : typeof other === "boolean" ? false : 0;
  const x = isBlank(a) ? blankAs(b) : a;
  const y = isBlank(b) ? blankAs(a) : b;
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  const [p, q] =
    typeof x === "string" && typeof y === "string"
      ? [x.toLowerCase(), y.toLowerCase()]
      : [Number(x), Number(y)];
  const order = rank(x) !== rank(y) ? rank(x) - rank(y) : p < q ? -1 : p > q ? 1 : 0;
  return compares(order, op, 0);
}

function lessThan(a: CellValue, b: CellValue): boolean | CellValue {
  return comparesCells(a, "<", b);
}

function thisRow(context: EvaluationContext): Readonly<Record<string, CellValue>> {
  if (!context.row)
    throw new Error("A this-row reference (col, span) is only valid in a table's computed column.");
  return context.row;
}

function cells(value: Value): CellValue[] {
  return isRange(value) ? value.range.flat() : [value];
}

/** The text a criterion stands for; a criterion cell holding a number or nothing matches its text form. */
function criterionText(text: string | Expr, context: EvaluationContext): string {
  if (typeof text === "string") return text;
  const value = evaluate(text, context);
  return value === null || value === undefined ? "" : String(value);
}

function comparesNumbers(left: CellValue, op: Comparison, right: CellValue): boolean | CellValue {
  const a = toNumber(left);
  const b = toNumber(right);
  if (typeof a !== "number") return a;
  if (typeof b !== "number") return b;
  return compares(a, op, b);
}

/**
 * Excel's comparison where a side is text: a blank is "", texts compare without regard to case, and
 * any text is greater than any number (so "N" = 5 is FALSE, not an error).
 */
function comparesText(left: CellValue, op: Comparison, right: CellValue): boolean {
  const rank = (v: CellValue): [number, string | number] =>
    typeof v === "string"
      ? [1, v.toLowerCase()]
      : isBlank(v)
        ? [1, ""]
        : [0, typeof v === "boolean" ? Number(v) : (v as number)];
  const [ra, va] = rank(left);
  const [rb, vb] = rank(right);
  const order = ra !== rb ? ra - rb : va < vb ? -1 : va > vb ? 1 : 0;
  return compares(order, op, 0);
}

function compares(a: number, op: Comparison, b: number): boolean {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "=":
      return a === b;
    case "<>":
      return a !== b;
  }
}

/**
 * What COUNTIFS counts for one criterion: against a number (or date), only numeric cells compared
 * with `op`; against text, "=" matches the text (case aside) and "<>" every cell but it, blanks included.
 */
function criterionTest(
  c: CountCondition,
  context: EvaluationContext
): (cell: CellValue) => boolean {
  const criterion = typeof c.value === "string" ? c.value : evaluate(c.value, context);
  if (typeof criterion === "string") {
    const text = criterion.toLowerCase();
    // "" matches empty cells and formulas showing "", as Excel's criterion "" does.
    const same = (cell: CellValue) =>
      text === ""
        ? isBlank(cell) || cell === ""
        : typeof cell === "string" && cell.toLowerCase() === text;
    return c.op === "<>" ? (cell) => !same(cell) : same;
  }
  const value = toNumber(criterion);
  if (typeof value !== "number") return () => false;
  return (cell) => typeof cell === "number" && compares(cell, c.op, value);
}

/** COUNTIF/SUMIF equality: text case-insensitive, whole cell; a number equal to a numeric criterion. */
function matches(value: CellValue, text: string): boolean {
  if (typeof value === "number") return text.trim() !== "" && Number(text) === value;
  return typeof value === "string" && value.toLowerCase() === text.toLowerCase();
}

/** A scalar operand as Excel's arithmetic reads it: blank is 0, TRUE is 1, numeric text is its number. */
function toNumber(value: CellValue): number | CellValue {
  if (typeof value === "number") return value;
  if (isBlank(value)) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isErrorValue(value)) return value;
  const trimmed = value.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : err("#VALUE!");
}

function arithmetic(op: "+" | "-" | "*" | "/", left: CellValue, right: CellValue): CellValue {
  const a = toNumber(left);
  if (typeof a !== "number") return a;
  const b = toNumber(right);
  if (typeof b !== "number") return b;
  if (op === "/" && b === 0) return err("#DIV/0!");
  const result = op === "+" ? a + b : op === "-" ? a - b : op === "*" ? a * b : a / b;
  return Number.isFinite(result) ? result : err("#NUM!");
}

/** SUM, AVERAGE, MAX, MIN and COUNT look at numbers only (errors are passed on); COUNTA at anything not blank. */
function aggregate(fn: Aggregate, args: Value[]): CellValue {
  const all = args.flatMap(cells);
  if (fn === "COUNTA") return all.filter((value) => !isBlank(value)).length;
  if (fn !== "COUNT") {
    const firstError = all.find(isErrorValue);
    if (firstError) return firstError;
  }
  const numbers = all.filter((value): value is number => typeof value === "number");
  switch (fn) {
    case "SUM":
      return numbers.reduce((total, value) => total + value, 0);
    case "AVERAGE":
      return numbers.length === 0
        ? err("#DIV/0!")
        : numbers.reduce((total, value) => total + value, 0) / numbers.length;
    case "MAX":
      return numbers.length === 0 ? 0 : Math.max(...numbers);
    case "MIN":
      return numbers.length === 0 ? 0 : Math.min(...numbers);
    case "COUNT":
      return numbers.length;
    case "MEDIAN": {
      if (numbers.length === 0) return err("#NUM!");
      const sorted = [...numbers].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
  }
}

function callFinops(
  fn: keyof typeof FINOPS_FUNCTIONS,
  args: readonly (Expr | undefined)[],
  context: EvaluationContext
): CellValue {
  const values = args.map((arg) => {
    if (!arg) return undefined;
    const value = evaluateAny(arg, context);
    return isRange(value) ? value.range : value;
  });
  try {
    return (FINOPS_FUNCTIONS[fn] as (...a: unknown[]) => CellValue)(...values);
  } catch (error) {
    if (error instanceof FormulaError) return err(error.code);
    throw error;
  }
}
