import { addinFormula, nativeTwin, TwinEdition } from "../twins/nativeTwins";
import { Expr } from "./expr";

/** "addin": FINOPS.* calls (needs the add-in); "portable": their native twins (works in any Excel or LibreOffice). */
export type FormulaMode = "addin" | "portable";

/** What a formula needs to know about the workbook it is written into. Each lookup throws on an unknown key. */
export interface FormulaNames {
  /** The Excel table name of a table key (after any rename for a name collision). */
  tableName(table: string): string;
  /** The header (and so the structured-reference name) of a column. */
  header(table: string, col: string): string;
  /** The defined name of a named-cell key (after any rename). */
  definedName(name: string): string;
}

export interface FormulaContext extends FormulaNames {
  readonly mode: FormulaMode;
  /** Portable formulas with the twins earlier versions wrote (maintenance recognises them); default current. */
  readonly twins?: TwinEdition;
  /** The table whose row a computed column is in; needed by col and span. */
  readonly table?: string;
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/** Formula text with the leading "=", e.g. "=Lines[[#This Row],[Actual]]-Lines[[#This Row],[Budget]]". */
export function renderFormula(expr: Expr, context: FormulaContext): string {
  return `=${render(expr, context)}`;
}

function thisRowTable(context: FormulaContext): string {
  if (!context.table)
    throw new Error("A this-row reference (col, span) is only valid in a table's computed column.");
  return context.table;
}

function render(expr: Expr, context: FormulaContext): string {
  switch (expr.k) {
    case "num":
      return String(expr.v);
    case "str":
      return `"${expr.v.replace(/"/g, '""')}"`;
    case "col": {
      const table = thisRowTable(context);
      return `${context.tableName(table)}[[#This Row],[${context.header(table, expr.col)}]]`;
    }
    case "span": {
      const table = thisRowTable(context);
      return `${context.tableName(table)}[[#This Row],[${context.header(table, expr.from)}]:[${context.header(table, expr.to)}]]`;
    }
    case "column":
      return `${context.tableName(expr.table)}[${context.header(expr.table, expr.col)}]`;
    case "name":
      return context.definedName(expr.name);
    case "fn": {
      const args = expr.args.map((arg) => (arg ? render(arg, context) : undefined));
      return context.mode === "addin"
        ? addinFormula(expr.fn, args)
        : nativeTwin(expr.fn, args, context.twins);
    }
    case "op": {
      const own = PRECEDENCE[expr.op];
      const left = operand(expr.a, context, (p) => p < own);
      // Right of - and /, an equal precedence needs brackets too: a-(b-c).
      const right = operand(
        expr.b,
        context,
        (p) => p < own || (p === own && (expr.op === "-" || expr.op === "/"))
      );
      return `${left}${expr.op}${right}`;
    }
    case "agg":
      return `${expr.fn}(${expr.args.map((arg) => render(arg, context)).join(",")})`;
    case "countIf":
      return `COUNTIF(${render(expr.range, context)},${criterion(expr.text, context)})`;
    case "sumIf":
      return `SUMIF(${render(expr.range, context)},${criterion(expr.text, context)},${render(expr.sum, context)})`;
    case "ifBlank":
      return `IF(ISBLANK(${render(expr.test, context)}),${render(expr.then, context)},${render(expr.otherwise, context)})`;
    case "ifError":
      return `IFERROR(${render(expr.value, context)},${render(expr.fallback, context)})`;
    case "rowNumber": {
      const table = thisRowTable(context);
      return `ROW()-ROW(${context.tableName(table)}[[#Headers],[${context.header(table, expr.col)}]])`;
    }
    case "ifCompare":
      return `IF(${render(expr.a, context)}${expr.op}${render(expr.b, context)},${render(expr.then, context)},${render(expr.otherwise, context)})`;
    case "countIfs":
      return `COUNTIFS(${expr.conditions
        .map(
          (c) =>
            `${render(c.range, context)},${
              typeof c.value === "string"
                ? `"${c.op === "=" ? "" : c.op}${c.value.replace(/"/g, '""')}"`
                : `"${c.op}"&${render(c.value, context)}`
            }`
        )
        .join(",")})`;
    case "pick":
      return expr.range.k === "columns"
        ? `INDEX(${render(expr.range, context)},0,${render(expr.n, context)})`
        : `INDEX(${render(expr.range, context)},${render(expr.n, context)})`;
    case "sumFirst": {
      const run = render(expr.range, context);
      const n = render(expr.n, context);
      return `IF(${n}<1,0,SUM(INDEX(${run},1,1):INDEX(${run},1,${n})))`;
    }
    case "columns":
      return `${context.tableName(expr.table)}[[${context.header(expr.table, expr.from)}]:[${context.header(expr.table, expr.to)}]]`;
    case "ifNoNumbers":
      return `IF(COUNT(${render(expr.range, context)})=0,${render(expr.then, context)},${render(expr.otherwise, context)})`;
    case "sumWhereFilled":
      return `SUMPRODUCT(${render(expr.values, context)},--(${render(expr.filled, context)}${expr.when === "empty" ? "=" : "<>"}""))`;
    case "nthLargestLabel": {
      const values = render(expr.values, context);
      return `INDEX(${render(expr.labels, context)},MATCH(LARGE(${values},${expr.n}),${values},0))`;
    }
    case "sumProduct":
      return `SUMPRODUCT(${expr.factors.map((f) => render(f, context)).join(",")})`;
    case "isNumber":
      return `--ISNUMBER(${render(expr.of, context)})`;
    case "compareCells":
      return `--(${render(expr.a, context)}${expr.op}${render(expr.b, context)})`;
    case "changeSinceRecorded":
      return changeSinceRecorded(expr, context);
  }
}

/**
 * MAXIFS and SUMIFS-style lookups without them (Excel 2016 has no MAXIFS): SUMPRODUCT evaluates its
 * argument as an array in Excel and LibreOffice alike, so SUMPRODUCT(MAX(...)) is the latest date, and
 * INDEX(run, 0, n) is the column headed `label`. Dates not before `before`, blank records and other
 * columns multiply to 0.
 */
function changeSinceRecorded(
  expr: Extract<Expr, { k: "changeSinceRecorded" }>,
  context: FormulaContext
): string {
  const { table, from, to } = expr.records;
  const headers = `${context.tableName(table)}[[#Headers],[${context.header(table, from)}]:[${context.header(table, to)}]]`;
  const label = render(expr.label, context);
  const dates = render(expr.dates, context);
  const position = `MATCH(${label},${headers},0)`;
  const recorded = `INDEX(${render(expr.records, context)},0,${position})`;
  const filled = `(${recorded}<>"")`;
  const latest = `SUMPRODUCT(MAX((${dates}<${render(expr.before, context)})*${filled}*${dates}))`;
  const rows = `--(${dates}=${latest}),--${filled}`;
  const now = operand(expr.now, context, () => true);
  return `IF(ISNUMBER(${position}),IF(${latest}=0,"",${now}-SUMPRODUCT(${rows},${recorded})/SUMPRODUCT(${rows})),"")`;
}

function criterion(text: string | Expr, context: FormulaContext): string {
  return render(typeof text === "string" ? { k: "str", v: text } : text, context);
}

function operand(
  expr: Expr,
  context: FormulaContext,
  needsBrackets: (precedence: number) => boolean
): string {
  const text = render(expr, context);
  if (expr.k === "op" && needsBrackets(PRECEDENCE[expr.op])) return `(${text})`;
  if (expr.k === "num" && expr.v < 0) return `(${text})`;
  return text;
}
