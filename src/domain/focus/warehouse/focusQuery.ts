import { FocusGrouping } from "../focusTypes";
import { monthlyQuery } from "./monthlyQuery";
import { renderKql } from "./renderKql";
import { renderSql } from "./renderSql";
import { SQL_DIALECTS, SqlDialectName } from "./sqlDialects";

// The warehouse path's entry: the Cost data sheet's query for one engine (docs/FOCUS.md "The
// warehouse path"). Its result, exported as CSV, is read back by focusAggregatesCsv.ts.

export type QueryDialect = SqlDialectName | "kql";

export const QUERY_DIALECTS: readonly QueryDialect[] = [
  "duckdb",
  "bigquery",
  "snowflake",
  "databricks",
  "kql",
];

/** How each engine may store Tags; the first is the default. */
export const TAG_FORMATS: Record<QueryDialect, readonly string[]> = {
  duckdb: SQL_DIALECTS.duckdb.tagFormats,
  bigquery: SQL_DIALECTS.bigquery.tagFormats,
  snowflake: SQL_DIALECTS.snowflake.tagFormats,
  databricks: SQL_DIALECTS.databricks.tagFormats,
  kql: ["dynamic"],
};

/** Where the rows come from unless told: a table named focus, or the FinOps hubs' function. */
const DEFAULT_SOURCE: Record<QueryDialect, string> = {
  duckdb: "focus",
  bigquery: "focus",
  snowflake: "focus",
  databricks: "focus",
  kql: "Costs()",
};

/** The name the month query of an engine is shipped under in docs/sql. */
export function focusQueryFileName(dialect: QueryDialect): string {
  return dialect === "kql" ? "focus-monthly.kql" : `focus-monthly.${dialect}.sql`;
}

export interface FocusQueryOptions {
  readonly dialect: QueryDialect;
  readonly grouping: FocusGrouping;
  /** The table (or KQL expression) to read, written into the query as given. */
  readonly from?: string;
  /** How Tags is stored (TAG_FORMATS); the dialect's default when absent. */
  readonly tags?: string;
}

/** The problems with the options, one sentence each; none means renderFocusQuery will not throw. */
export function focusQueryProblems(options: FocusQueryOptions): string[] {
  const problems: string[] = [];
  const formats = TAG_FORMATS[options.dialect];
  if (options.tags !== undefined && !formats.includes(options.tags))
    problems.push(
      `Tags in ${options.dialect} can be stored as ${formats.join(" or ")} (got ${JSON.stringify(options.tags)}).`
    );
  // Every engine can escape a quote or a backslash in a literal, not all a line break: refused alike.
  if (options.grouping.by === "tag" && hasControlCharacter(options.grouping.key))
    problems.push(
      `The tag key ${JSON.stringify(options.grouping.key)} holds a control character (a line break, a tab...), which no query can name the same way in every engine.`
    );
  if (options.from !== undefined && (options.from.trim() === "" || /[;\n\r]/.test(options.from)))
    problems.push(
      `--from names one table (or a KQL function such as Costs()), without ";" or line breaks (got ${JSON.stringify(options.from)}).`
    );
  return problems;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/**
 * The query in two parts: `setup`, the statement making the session UTC (null where the engine needs
 * none), and `query`, the one SELECT (or KQL expression) to run after it, which a caller may wrap (COPY).
 * FOCUS reads a time without an offset as UTC; the engines read it in the session's zone.
 * Throws with focusQueryProblems' first problem when the options have one.
 */
export function focusQueryParts(options: FocusQueryOptions): {
  readonly setup: string | null;
  readonly query: string;
} {
  const problems = focusQueryProblems(options);
  if (problems.length > 0) throw new Error(problems[0]);
  const { dialect, grouping } = options;
  const from = options.from ?? DEFAULT_SOURCE[dialect];
  const query = monthlyQuery(grouping);
  if (dialect === "kql") return { setup: null, query: renderKql(query, from) };
  const sql = SQL_DIALECTS[dialect];
  const tags = options.tags ?? TAG_FORMATS[dialect][0];
  return { setup: sql.sessionUtc, query: renderSql(query, sql, from, tags) };
}

/** The query's text as shipped: comments saying what it is, the setup statement, then the query. */
export function renderFocusQuery(options: FocusQueryOptions): string {
  const { setup, query } = focusQueryParts(options);
  const { dialect, grouping } = options;
  const tags = options.tags ?? TAG_FORMATS[dialect][0];
  const header = [
    `FOCUS aggregates for the Cost data sheet, ${describeGrouping(grouping)} (${dialect}${grouping.by === "tag" ? `, Tags stored as ${tags}` : ""}).`,
    'Written by finops-workbooks focus-query; docs/FOCUS.md "The warehouse path" states the rules.',
    ...(setup === null
      ? []
      : ["The first statement reads timestamps without a time zone as UTC, as FOCUS says."]),
    `Export the result as CSV, then: finops-workbooks import-focus --aggregates RESULT.csv${grouping.by === "tag" ? ` --group-by ${JSON.stringify(`tag:${grouping.key}`)}` : ""} --into WORKBOOK.xlsx`,
  ];
  const comment = dialect === "kql" ? "//" : "--";
  return `${[...header.map((line) => `${comment} ${line}`), ...(setup === null ? [] : [setup]), query].join("\n")}\n`;
}

/** "by month and sub account": how a grouping reads in a sentence. */
export function describeGrouping(grouping: FocusGrouping): string {
  switch (grouping.by) {
    case "month":
      return "by month";
    case "subAccount":
      return "by month and sub account";
    case "serviceCategory":
      return "by month and service category";
    case "tag":
      return `by month and the value of tag ${JSON.stringify(grouping.key)}`;
  }
}
