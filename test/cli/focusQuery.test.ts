import { EXIT } from "../../src/cli/help";
import { renderFocusQuery } from "../../src/domain/focus/warehouse/focusQuery";
import { cli } from "./runCli";

describe("finops-workbooks focus-query", () => {
  it("prints the query for the engine, grouping, table and Tags storage asked", async () => {
    const done = await cli([
      "focus-query",
      "--dialect",
      "databricks",
      "--group-by",
      "tag:cost center",
      "--from",
      "billing.focus",
      "--tags",
      "string",
    ]);
    expect(done.code).toBe(EXIT.ok);
    expect(done.out).toBe(
      renderFocusQuery({
        dialect: "databricks",
        grouping: { by: "tag", key: "cost center" },
        from: "billing.focus",
        tags: "string",
      })
    );
    expect(done.out).toContain("from_json(Tags, 'MAP<STRING, STRING>')");
    expect(done.out).toContain("\n  FROM billing.focus\n");
  });

  it("reads Costs() in KQL unless told", async () => {
    const done = await cli(["focus-query", "--dialect", "kql", "--group-by", "sub-account"]);
    expect(done.out).toContain("\nCosts()\n| where");
    expect(done.out).toContain("sub_account_id = iff(");
  });

  it.each([
    [
      [],
      "Say which engine the query is for with --dialect duckdb|bigquery|snowflake|databricks|kql.",
    ],
    [
      ["--dialect", "mysql"],
      '--dialect must be duckdb, bigquery, snowflake, databricks, kql (got "mysql").',
    ],
    [
      ["--dialect", "duckdb", "--group-by", "team"],
      "--group-by must be month, sub-account, service-category or tag:KEY",
    ],
    [["--dialect", "kql", "--tags", "json"], 'Tags in kql can be stored as dynamic (got "json").'],
    [["--dialect", "duckdb", "focus.csv"], 'focus-query takes no file (got "focus.csv").'],
  ])("refuses %j as a usage error", async (args, message) => {
    const done = await cli(["focus-query", ...args]);
    expect(done.code).toBe(EXIT.usage);
    expect(done.err).toContain(message);
    expect(done.err).toContain('Run "finops-workbooks help focus-query" for usage.');
  });

  it("has its help, and is listed in the general help", async () => {
    const help = await cli(["focus-query", "--help"]);
    expect(help.out).toContain("Usage: finops-workbooks focus-query --dialect");
    expect((await cli(["help"])).out).toContain("focus-query   Print the query");
  });
});
