import { HAS_GROUP, MonthlyQuery } from "./monthlyQuery";
import { Expr } from "./queryExpression";
import { ExprSyntax, renderExpression } from "./renderExpression";

/** A KQL string literal: double quotes, backslash escapes (control characters are refused earlier). */
const kqlString = (value: string) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The monthly query over the FinOps hubs' Costs() (Tags dynamic, amounts real or decimal, the
 * period a datetime, which KQL keeps in UTC): each row's values by extend, then summarize. KQL text
 * is never null (empty instead), so whether a row has a group is a summarize key of its own.
 */
export function renderKql(query: MonthlyQuery, from: string): string {
  const syntax: ExprSyntax = {
    // Amounts may be decimal or real: todouble makes the sums and literals one type.
    column: (c) => (c.type === "number" ? `todouble(${c.name})` : c.name),
    number: (value) => (Number.isInteger(value) ? `${value}.0` : String(value)),
    text: kqlString,
    bool: (value) => String(value),
    nullText: '""',
    equals: "==",
    notEquals: "!=",
    and: "and",
    or: "or",
    not: (a) => `not(${a})`,
    isNull: (a) => `isnull(${a})`,
    coalesce: (a, b) => `coalesce(${a}, ${b})`,
    upper: (a) => `toupper(${a})`,
    case: (when, then, otherwise) => `iff(${when}, ${then}, ${otherwise})`,
    utcMonth: "format_datetime(ChargePeriodStart, 'yyyy-MM')",
    // bag_keys and a plain subscript: a key is never read as a JSONPath (dots and brackets stay).
    tagPresent: (key) =>
      `(gettype(Tags) == "dictionary" and set_has_element(bag_keys(Tags), ${kqlString(key)}))`,
    tagValue: (key) => `tostring(Tags[${kqlString(key)}])`,
  };
  const r = (e: Expr) => renderExpression(e, syntax);
  const measures = query.columns.map(
    (c) =>
      `${c.name} = ${c.kind === "sum" ? `sum(${r(c.of)})` : c.where ? `countif(${r(c.where)})` : "count()"}`
  );
  const by = query.groupColumn === null ? query.keys : [...query.keys, HAS_GROUP];
  const output = [...query.keys, ...query.columns.map((c) => c.name)];
  return [
    from,
    `| where ${r(query.where)}`,
    "| extend",
    query.rowValues.map(({ name, value }) => `    ${name} = ${r(value)}`).join(",\n"),
    "| summarize",
    measures.map((m) => `    ${m}`).join(",\n"),
    `    by ${by.join(", ")}`,
    `| project ${output.join(", ")}`,
    `| order by ${query.keys.map((c) => `${c} asc`).join(", ")}`,
  ].join("\n");
}
