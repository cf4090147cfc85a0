import { groupByProblem, parseGroupBy } from "../../src/cli/groupByOption";
import { EXIT } from "../../src/cli/help";
import { cli } from "./runCli";

// One --group-by parser for import-focus and focus-query: the words it knows, and names that an
// object lookup would have found on Object.prototype refused like any other word.

describe("--group-by", () => {
  it.each([
    ["month", { by: "month" }],
    ["sub-account", { by: "subAccount" }],
    ["service-category", { by: "serviceCategory" }],
    ["tag:cost center", { by: "tag", key: "cost center" }],
    ["tag:toString", { by: "tag", key: "toString" }],
  ])("reads %j", (text, grouping) => expect(parseGroupBy(text)).toEqual(grouping));

  const PROTOTYPE_KEYS = ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"];

  it.each([...PROTOTYPE_KEYS, "team", "tag:", "Month", ""])("refuses %j", (text) =>
    expect(parseGroupBy(text)).toBeUndefined()
  );

  it.each(PROTOTYPE_KEYS.slice(0, 3))(
    "import-focus --group-by %s is a usage error",
    async (word) => {
      const done = await cli(["import-focus", "focus.csv", "--into", "w.xlsx", "--group-by", word]);
      expect(done.code).toBe(EXIT.usage);
      expect(done.err).toContain(groupByProblem(word));
    }
  );

  it.each(PROTOTYPE_KEYS.slice(0, 3))(
    "focus-query --group-by %s is a usage error",
    async (word) => {
      const done = await cli(["focus-query", "--dialect", "duckdb", "--group-by", word]);
      expect(done.code).toBe(EXIT.usage);
      expect(done.err).toContain(groupByProblem(word));
    }
  );
});
