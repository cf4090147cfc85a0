import * as fs from "fs";
import * as path from "path";
import { FocusGrouping } from "../../src/domain/focus/focusTypes";
import {
  focusQueryParts,
  focusQueryProblems,
  QUERY_DIALECTS,
  QueryDialect,
  renderFocusQuery,
  TAG_FORMATS,
} from "../../src/domain/focus/warehouse/focusQuery";
import {
  COUNT_COLUMNS,
  CURRENCY_COLUMN,
  GROUP_COLUMNS,
  MONTH_COLUMN,
  SUM_COLUMNS,
} from "../../src/domain/focus/warehouse/monthlyQuery";
import { monthlyQueryFiles } from "../../src/domain/focus/warehouse/queryFiles";

// The engines other than DuckDB cannot run here, so their renderings are checked without golden
// files: the text lexes under the engine's own literal rules (every quote closed, none stray, the
// parentheses balanced), the clauses come in the engine's order, every result column is there, and
// a tag key full of quotes, backslashes and dots comes back out of the literals exactly. The shipped
// docs/sql files must equal the renderer's output (no drift).

const ROOT = path.join(__dirname, "../..");
const NASTY_KEY = `it's "q" \`tick\` back\\slash a.b/c~d [0] $`;

const GROUPINGS: FocusGrouping[] = [
  { by: "month" },
  { by: "subAccount" },
  { by: "serviceCategory" },
  { by: "tag", key: NASTY_KEY },
];

type Escape = "doubled" | "backslash";

/** The statement each engine's query starts with: the session made UTC (BigQuery and KQL read instants). */
const SETUP: Record<QueryDialect, string | null> = {
  duckdb: "SET TimeZone = 'UTC';",
  bigquery: null,
  snowflake: "ALTER SESSION SET TIMEZONE = 'UTC';",
  databricks: "SET TIME ZONE 'UTC';",
  kql: null,
};

/** Each engine's string literals: their quote, how a quote or backslash inside is escaped. */
const LITERALS: Record<QueryDialect, { quotes: string[]; escape: Escape }> = {
  duckdb: { quotes: ["'"], escape: "doubled" },
  bigquery: { quotes: ["'"], escape: "backslash" },
  snowflake: { quotes: ["'"], escape: "backslash" },
  databricks: { quotes: ["'"], escape: "backslash" },
  kql: { quotes: ['"', "'"], escape: "backslash" },
};

/** The literals' decoded values, and the code with each literal replaced by a placeholder. */
function lex(query: string, dialect: QueryDialect): { literals: string[]; code: string } {
  const { quotes, escape } = LITERALS[dialect];
  const literals: string[] = [];
  let code = "";
  for (let i = 0; i < query.length; i++) {
    const c = query[i];
    if (!quotes.includes(c)) {
      code += c;
      continue;
    }
    let value = "";
    for (i++; ; i++) {
      if (i >= query.length) throw new Error(`unterminated literal: ${value}`);
      const d = query[i];
      if (escape === "backslash" && d === "\\") value += query[++i];
      else if (d === c && escape === "doubled" && query[i + 1] === c) value += query[++i];
      else if (d === c) break;
      else value += d;
    }
    literals.push(value);
    code += "?";
  }
  return { literals, code };
}

/** The code at parenthesis depth 0, after checking that the parentheses balance. */
function topLevel(code: string): string {
  let depth = 0;
  let top = "";
  for (const c of code) {
    if (c === "(") depth++;
    if (depth === 0) top += c;
    if (c === ")") depth--;
    if (depth < 0) throw new Error("a ) without its (");
  }
  if (depth !== 0) throw new Error("a ( never closed");
  return top;
}

function resultColumns(grouping: FocusGrouping): string[] {
  return [
    MONTH_COLUMN,
    ...(grouping.by === "month" ? [] : [GROUP_COLUMNS[grouping.by]]),
    CURRENCY_COLUMN,
    COUNT_COLUMNS[0],
    ...SUM_COLUMNS.map(([c]) => c),
    COUNT_COLUMNS[1],
  ];
}

describe.each(QUERY_DIALECTS)("the %s rendering", (dialect) => {
  describe.each(GROUPINGS)("grouped by %j", (grouping) => {
    const cases = TAG_FORMATS[dialect].map((tags) => ({ tags }));
    it.each(cases)(
      "with Tags stored as $tags lexes, has its clauses and every column",
      ({ tags }) => {
        const query = `${focusQueryParts({ dialect, grouping, tags }).query}\n`;
        const { literals, code } = lex(query, dialect);
        // No quote outside a literal: no identifier is quoted, so a stray one is a broken escape.
        expect(code).not.toMatch(/["'`;]/);
        topLevel(code);
        const columns = resultColumns(grouping);
        const keys = columns.slice(0, grouping.by === "month" ? 2 : 3);
        if (dialect === "kql") {
          expect(code).toMatch(
            /^Costs\(\)\n\| where [^\n]+\n\| extend\n( {4}[^\n]+\n)+\| summarize\n( {4}[^\n]+\n)+\| project [^\n]+\n\| order by [^\n]+\n$/
          );
          expect(/\| project ([^\n]+)/.exec(code)?.[1].split(", ")).toEqual(columns);
          for (const column of columns.slice(keys.length))
            expect(code).toMatch(new RegExp(`\\n {4}${column} = `));
          const by = [...keys, ...(grouping.by === "month" ? [] : ["has_group"])];
          expect(code).toContain(`\n    by ${by.join(", ")}\n`);
        } else {
          expect(code).toMatch(
            /^WITH focus_rows AS \(\n {2}SELECT\n( {4}[^\n]+\n)+ {2}FROM focus\n {2}WHERE [^\n]+\n\)\nSELECT\n( {2}[^\n]+\n)+FROM focus_rows\nGROUP BY [^\n]+\nORDER BY [^\n]+\n$/
          );
          const items = /\)\nSELECT\n([\s\S]+)\nFROM focus_rows\n/.exec(code)![1].split(",\n");
          expect(items.map((item) => /(\w+)$/.exec(item)![1])).toEqual(columns);
          expect(code).toContain(`\nGROUP BY ${keys.join(", ")}\n`);
          for (const key of keys) expect(code).toMatch(new RegExp(` AS ${key},\\n`));
        }
        if (grouping.by === "tag") {
          // DuckDB's JSON text is read through a JSON Pointer: "~" and "/" are escaped as ~0 and ~1.
          const expected =
            dialect === "duckdb" && tags === "json"
              ? `/${NASTY_KEY.replace(/~/g, "~0").replace(/\//g, "~1")}`
              : NASTY_KEY;
          expect(literals).toContain(expected);
        }
      }
    );
  });

  it("is shipped as comments, the session setup, then the query", () => {
    const options = { dialect, grouping: { by: "month" as const } };
    const { setup, query } = focusQueryParts(options);
    const text = renderFocusQuery(options);
    const comments = text.slice(0, text.length - query.length - 2).split("\n");
    expect(text.endsWith(`\n${query}\n`)).toBe(true);
    // A timestamp without a zone is UTC (FOCUS): each engine but the two reading instants says so first.
    expect(setup).toBe(SETUP[dialect]);
    if (setup !== null) expect(comments.at(-1)).toBe(setup);
    const comment = dialect === "kql" ? "// " : "-- ";
    for (const line of comments.slice(0, setup === null ? undefined : -1))
      expect(line.startsWith(comment)).toBe(true);
  });

  it("reads the table --from names, as written", () => {
    const query = renderFocusQuery({
      dialect,
      grouping: { by: "month" },
      from: "`my-project.billing.focus_v1`",
    });
    expect(query).toContain(
      dialect === "kql"
        ? "\n`my-project.billing.focus_v1`\n|"
        : "\n  FROM `my-project.billing.focus_v1`\n"
    );
  });
});

describe("what focus-query refuses", () => {
  it("a tag key with a control character, which not every engine can write in a literal", () => {
    const options = { dialect: "kql" as const, grouping: { by: "tag" as const, key: "a\nb" } };
    expect(focusQueryProblems(options)).toEqual([
      expect.stringContaining('The tag key "a\\nb" holds a control character'),
    ]);
    expect(() => renderFocusQuery(options)).toThrow(/control character/);
  });

  it("a Tags storage the engine does not have, and a --from that is more than a table", () => {
    expect(
      focusQueryProblems({
        dialect: "snowflake",
        grouping: { by: "month" },
        tags: "map",
        from: "focus; DROP TABLE focus",
      })
    ).toEqual([
      'Tags in snowflake can be stored as variant or string (got "map").',
      expect.stringContaining(
        '--from names one table (or a KQL function such as Costs()), without ";"'
      ),
    ]);
  });
});

describe("docs/sql", () => {
  const files = Object.entries(monthlyQueryFiles());

  it("holds one month query per engine", () =>
    expect(files.map(([file]) => file)).toEqual([
      "docs/sql/focus-monthly.duckdb.sql",
      "docs/sql/focus-monthly.bigquery.sql",
      "docs/sql/focus-monthly.snowflake.sql",
      "docs/sql/focus-monthly.databricks.sql",
      "docs/sql/focus-monthly.kql",
    ]));

  it.each(files)(
    "%s is the renderer's output (run npm run docs after changing it)",
    (file, content) => expect(fs.readFileSync(path.join(ROOT, file), "utf8")).toBe(content)
  );
});
