import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FOCUS_1_0_COLUMNS, benchRow } from "../../scripts/focusBenchRows";
import { readFocusAggregates } from "../../src/domain/focus/focusAggregatesCsv";
import { FocusAggregate, FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { renderFocusQuery } from "../../src/domain/focus/warehouse/focusQuery";
import { importFocusFiles } from "../../src/node/importFocusFiles";

// The issue's acceptance test for the warehouse path: DuckDB runs the rendered reference query over
// FOCUS CSV files loaded as a typed table, writes its result as CSV, and that CSV read back through
// focusAggregatesCsv must equal the streaming aggregator on the same file: every row, amounts to the
// cent, counts, groups and currencies. The other engines' renderings come from the same description.

const { DuckDBInstance } = require("@duckdb/node-api");

/** The columns the query reads, with the type a warehouse stores them as. */
const TYPED: [string, string][] = [
  ["ChargePeriodStart", "TIMESTAMPTZ"],
  ["BilledCost", "DOUBLE"],
  ["EffectiveCost", "DOUBLE"],
  ["ListCost", "DOUBLE"],
  ["ContractedCost", "DOUBLE"],
  ["BillingCurrency", "VARCHAR"],
  ["ChargeCategory", "VARCHAR"],
  ["CommitmentDiscountStatus", "VARCHAR"],
  ["PricingCategory", "VARCHAR"],
  ["SubAccountId", "VARCHAR"],
  ["ServiceCategory", "VARCHAR"],
  ["Tags", "VARCHAR"],
];

const GROUPINGS: FocusGrouping[] = [
  { by: "month" },
  { by: "subAccount" },
  { by: "serviceCategory" },
  { by: "tag", key: "team" },
];

let connection: { runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): unknown[] }> };
let dir: string;

beforeAll(async () => {
  const db = await DuckDBInstance.create(":memory:");
  connection = await db.connect();
  await connection.runAndReadAll("SET TimeZone = 'UTC'");
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warehouse-duckdb-"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The file as the typed table `focus`: every text read as text, '' and NULL as NULL, then cast. A row
 * with an amount that is not a number is left out, as the aggregator leaves it out (a warehouse would
 * have refused it on load); a period that is not a date becomes NULL, which the query leaves out.
 */
async function loadFocus(file: string): Promise<void> {
  await connection.runAndReadAll(
    `CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, nullstr = ['', 'NULL', 'null'], quote = '"', escape = '"', delim = ',')`
  );
  const present = new Set(
    (await connection.runAndReadAll("SELECT column_name FROM (DESCRIBE raw)"))
      .getRowObjectsJS()
      .map((row) => (row as { column_name: string }).column_name)
  );
  // A column the file lacks is NULL throughout, as the aggregator reads a missing column.
  // DuckDB would read "4/1/25" as the year 4: only ISO 8601 texts are dates, as FOCUS says.
  const cast = (name: string, type: string) =>
    type === "TIMESTAMPTZ"
      ? `CASE WHEN regexp_matches("${name}", '^\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST("${name}" AS ${type}) END`
      : `TRY_CAST("${name}" AS ${type})`;
  const columns = TYPED.map(([name, type]) =>
    present.has(name) ? `${cast(name, type)} AS ${name}` : `CAST(NULL AS ${type}) AS ${name}`
  );
  const numbers = TYPED.filter(([name, type]) => type === "DOUBLE" && present.has(name)).map(
    ([name]) => `("${name}" IS NULL OR TRY_CAST("${name}" AS DOUBLE) IS NOT NULL)`
  );
  await connection.runAndReadAll(
    `CREATE OR REPLACE TABLE focus AS SELECT ${columns.join(", ")} FROM raw WHERE ${numbers.join(" AND ") || "TRUE"}`
  );
}

/** The reference query's result through DuckDB's CSV writer and our reader of it. */
async function viaDuckdb(file: string, grouping: FocusGrouping): Promise<FocusImport> {
  await loadFocus(file);
  const query = renderFocusQuery({ dialect: "duckdb", grouping }).replace(/--[^\n]*\n/g, "");
  const out = path.join(dir, "result.csv");
  await connection.runAndReadAll(`COPY (${query}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
  return readFocusAggregates("result.csv", fs.readFileSync(out, "utf8"), { grouping });
}

const AMOUNTS: (keyof FocusAggregate)[] = [
  "billedCost",
  "effectiveCost",
  "listCost",
  "contractedCost",
  "negotiatedSavings",
  "commitmentSavings",
  "totalSavings",
  "commitmentUsedCost",
  "commitmentUnusedCost",
  "commitmentCoveredCost",
  "commitmentEligibleCost",
  "allocatedCost",
  "hubsListCost",
  "hubsTotalSavings",
];
const RATIOS: (keyof FocusAggregate)[] = [
  "effectiveSavingsRate",
  "commitmentUtilisation",
  "commitmentCoverage",
  "allocationCoverage",
  "hubsEffectiveSavingsRate",
];

/** Differences between the two results, one line each (empty when equal). */
function differences(warehouse: FocusImport, streamed: FocusImport): string[] {
  const found: string[] = [];
  const key = (a: FocusAggregate) => `${a.month} ${JSON.stringify(a.group)} ${a.currency}`;
  const keys = (i: FocusImport) => i.aggregates.map(key);
  if (keys(warehouse).join("\n") !== keys(streamed).join("\n"))
    return [`rows: ${JSON.stringify(keys(warehouse))} vs ${JSON.stringify(keys(streamed))}`];
  if (warehouse.currencies.join() !== streamed.currencies.join())
    found.push(`currencies ${warehouse.currencies} vs ${streamed.currencies}`);
  warehouse.aggregates.forEach((w, i) => {
    const s = streamed.aggregates[i];
    if (w.rows !== s.rows) found.push(`${key(w)} rows ${w.rows} vs ${s.rows}`);
    for (const field of AMOUNTS)
      if (!(Math.abs((w[field] as number) - (s[field] as number)) < 0.005))
        found.push(`${key(w)} ${field} ${w[field]} vs ${s[field]}`);
    // The ratios follow from the sums through the same toAggregate; checked where both have one.
    for (const field of RATIOS) {
      const a = w[field] as number | null;
      const b = s[field] as number | null;
      if (a !== null && b !== null && !(Math.abs(a - b) < 1e-6))
        found.push(`${key(w)} ${field} ${a} vs ${b}`);
    }
  });
  return found;
}

async function compare(file: string, grouping: FocusGrouping): Promise<FocusImport> {
  const streamed = await importFocusFiles([file], { grouping });
  const warehouse = await viaDuckdb(file, grouping);
  expect(differences(warehouse, streamed)).toEqual([]);
  // Rows the aggregator skipped for a missing period are left out by the query's WHERE.
  expect(warehouse.rowsRead).toBe(streamed.rowsRead - streamed.rowsSkipped);
  return warehouse;
}

describe("the DuckDB reference query equals the streaming aggregator", () => {
  const examples = path.join(__dirname, "../fixtures/focus-spec-examples");
  const files = fs
    .readdirSync(examples, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".csv"))
    .sort();

  it("finds the specification's examples", () => expect(files.length).toBeGreaterThan(20));

  it.each(GROUPINGS)("on every specification example, grouped by %j", async (grouping) => {
    let aggregates = 0;
    for (const file of files)
      aggregates += (await compare(path.join(examples, file), grouping)).aggregates.length;
    // Several SaaS examples hold no usable row (dates as 4/1/25, amounts as "$10,000.00 ").
    expect(aggregates).toBeGreaterThanOrEqual(11);
  });

  it.each(GROUPINGS)("on 20,000 of the bench's rows, grouped by %j", async (grouping) => {
    const file = path.join(dir, "bench.csv");
    if (!fs.existsSync(file)) {
      const rows = Array.from({ length: 20_000 }, (_, i) => benchRow(i));
      fs.writeFileSync(file, `${FOCUS_1_0_COLUMNS.join(",")}\n${rows.join("\n")}\n`);
    }
    const result = await compare(file, grouping);
    // 12 months, and per month 40 subscriptions, several categories or teams.
    expect(result.aggregates.length).toBeGreaterThanOrEqual(12);
  });
});

// Random FOCUS files: credits, prepayments, unused commitment, NULLs everywhere, several currencies,
// periods with offsets and without a time, tags with keys that need escaping, tags that are not objects.

const ODD_KEYS = [
  "team",
  "a.b",
  "it's",
  'say "hi"',
  "back\\slash",
  "sp ace",
  "/x~1",
  "東京",
  "`tick`",
];

const tagsArb = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .dictionary(
        fc.constantFrom(...ODD_KEYS),
        fc.oneof(
          fc.constantFrom("web", "data", "", "Zürich", "a,b", 'q"uote'),
          fc.constant(null),
          fc.integer({ min: 0, max: 9 })
        ),
        { maxKeys: 3 }
      )
      .map((tags) => JSON.stringify(tags)),
  },
  { weight: 1, arbitrary: fc.constantFrom("", "NULL", "{bad", "[1]", '"text"', "{}") }
);

const cents = (min: number, max: number) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min, max }).map((c) => (c / 100).toFixed(2)) },
    { weight: 1, arbitrary: fc.integer({ min, max }).map((c) => (c / 100).toExponential()) },
    { weight: 1, arbitrary: fc.constantFrom("", "NULL") }
  );

const rowArb = fc.record({
  start: fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .record({ month: fc.integer({ min: 1, max: 3 }), day: fc.integer({ min: 1, max: 28 }) })
        .map(({ month, day }) => `2026-0${month}-${String(day).padStart(2, "0")}T10:00:00Z`),
    },
    // Offsets move a row to the next (or previous) UTC month; a date alone is midnight UTC.
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "2026-01-31T23:30:00-02:00",
        "2026-02-01T01:00:00+03:00",
        "2026-03-01",
        "2026-02-28 22:00:00"
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom("", "NULL") }
  ),
  kind: fc.constantFrom("usage", "usage", "committed", "purchase", "tax", "unused", "credit"),
  billed: cents(0, 100_000),
  effective: cents(0, 100_000),
  list: cents(0, 100_000),
  contracted: cents(0, 100_000),
  credit: cents(-50_000, -1),
  currency: fc.constantFrom("USD", "USD", "EUR", "", "JPY"),
  sub: fc.constantFrom("sub-1", "Zürich-Ω", "", 'a "quoted", id'),
  service: fc.constantFrom("Compute", "Storage", ""),
  tags: tagsArb,
});

type RandomRow = typeof rowArb extends fc.Arbitrary<infer R> ? R : never;

const COLUMNS = [
  "ChargePeriodStart",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "BillingCurrency",
  "ChargeCategory",
  "CommitmentDiscountStatus",
  "PricingCategory",
  "SubAccountId",
  "ServiceCategory",
  "Tags",
];

const csvField = (value: string) =>
  /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

function randomFile(rows: RandomRow[]): string {
  const lines = rows.map((r) => {
    const [category, status, pricing, billed, effective, list] = {
      usage: ["Usage", "", "Standard", r.billed, r.effective, r.list],
      committed: ["Usage", "Used", "Committed", "0.00", r.effective, r.list],
      purchase: ["Purchase", "", "Committed", r.billed, "0.00", r.list],
      tax: ["Tax", "", "", r.billed, "0", r.list],
      unused: ["Usage", "Unused", "Committed", "0.00", r.effective, r.list],
      credit: ["Credit", "", "", r.credit, r.credit, "0.00"],
    }[r.kind];
    return [
      r.start,
      billed,
      effective,
      list,
      r.kind === "credit" ? "" : r.contracted,
      r.currency,
      category,
      status,
      pricing,
      r.sub,
      r.service,
      r.tags,
    ]
      .map(csvField)
      .join(",");
  });
  return `${COLUMNS.join(",")}\n${lines.join("\n")}\n`;
}

describe("on random FOCUS files", () => {
  it("the DuckDB reference query equals the streaming aggregator", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.oneof(
          fc.constantFrom<FocusGrouping>(
            { by: "month" },
            { by: "subAccount" },
            { by: "serviceCategory" }
          ),
          fc.constantFrom(...ODD_KEYS).map((key): FocusGrouping => ({ by: "tag", key }))
        ),
        async (rows, grouping) => {
          const file = path.join(dir, "random.csv");
          fs.writeFileSync(file, randomFile(rows));
          await compare(file, grouping);
        }
      ),
      { numRuns: 60 }
    );
  }, 60_000);
});
