import { MonthlyQuery } from "./monthlyQuery";
import { Expr } from "./queryExpression";
import { ExprSyntax, renderExpression } from "./renderExpression";
import { SqlDialect } from "./sqlDialects";

const TAGS = "Tags";
const PERIOD_START = "ChargePeriodStart";
/** The first step's name: the FOCUS rows with their row values. */
const ROWS = "focus_rows";

/**
 * The monthly query in a SQL engine: a WITH computing each row's values once, then one SELECT ...
 * GROUP BY over them.
 */
export function renderSql(
  query: MonthlyQuery,
  dialect: SqlDialect,
  from: string,
  tagFormat: string
): string {
  const syntax: ExprSyntax = {
    // FOCUS column names are plain identifiers: unquoted, they match however the table spelled them
    // (except a Snowflake table created with quoted mixed-case names; docs/FOCUS.md).
    column: (c) => c.name,
    number: (value) => String(value),
    text: dialect.string,
    bool: (value) => (value ? "TRUE" : "FALSE"),
    nullText: dialect.nullText,
    equals: "=",
    notEquals: "<>",
    and: "AND",
    or: "OR",
    not: (a) => `NOT (${a})`,
    isNull: (a) => `${a} IS NULL`,
    coalesce: (a, b) => `COALESCE(${a}, ${b})`,
    upper: (a) => `UPPER(${a})`,
    case: (when, then, otherwise) => `CASE WHEN ${when} THEN ${then} ELSE ${otherwise} END`,
    utcMonth: dialect.utcMonth(PERIOD_START),
    tagPresent: (key) => dialect.tagPresent(TAGS, key, tagFormat),
    tagValue: (key) => dialect.tagValue(TAGS, key, tagFormat),
  };
  const r = (e: Expr) => renderExpression(e, syntax);
  const rowValues = query.rowValues.map(({ name, value }) => `${r(value)} AS ${name}`);
  const measures = query.columns.map((c) =>
    c.kind === "sum"
      ? `SUM(${r(c.of)}) AS ${c.name}`
      : c.where
        ? `COUNT(CASE WHEN ${r(c.where)} THEN 1 END) AS ${c.name}`
        : `COUNT(*) AS ${c.name}`
  );
  const keys = query.keys.join(", ");
  return [
    `WITH ${ROWS} AS (`,
    "  SELECT",
    rowValues.map((line) => `    ${line}`).join(",\n"),
    `  FROM ${from}`,
    `  WHERE ${r(query.where)}`,
    ")",
    "SELECT",
    [...query.keys, ...measures].map((line) => `  ${line}`).join(",\n"),
    `FROM ${ROWS}`,
    `GROUP BY ${keys}`,
    `ORDER BY ${keys}`,
  ].join("\n");
}
