import fc from "fast-check";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FOCUS_1_0_COLUMNS, benchRow } from "../../scripts/focusBenchRows";
import { readFocusAggregates } from "../../src/domain/focus/focusAggregatesCsv";
import { FocusAggregate, FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { focusQueryParts } from "../../src/domain/focus/warehouse/focusQuery";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { csvToParquet } from "./parquetFiles";

// The issue's acceptance test for the warehouse path: DuckDB runs the rendered reference query over
// FOCUS CSV files loaded as a typed table, writes its result as CSV, and that CSV read back through
// focusAggregatesCsv must equal the streaming aggregator on the same file: every row, amounts to the
// cent, counts, groups and currencies. The other engines' renderings come from the same description.
// The session is in another time zone when the query starts: its setup statement must make it UTC.

const { DuckDBInstance } = require("@duckdb/node-api");

/** A session zone west of UTC: an unzoned timestamp read in it lands hours later, a month early ones. */
const SESSION_ZONE = "America/Los_Angeles";

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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "warehouse-duckdb-"));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The file as the typed table `focus`: every text read as text, '' as NULL, then cast; the text NULL
 * (any case) stays text in a text column, as a table loaded without NULL handling holds it. A row
 * with an amount that is not a number is left out, as the aggregator leaves it out (a warehouse would
 * have refused it on load); a period that is not a date becomes NULL, which the query leaves out.
 */
async function loadFocus(file: string, period = "TIMESTAMPTZ"): Promise<void> {
  // A loader reads FOCUS texts as UTC (FOCUS): the session zone is the query's concern, not the load's.
  await connection.runAndReadAll("SET TimeZone = 'UTC'");
  await connection.runAndReadAll(
    `CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv(${literal(file)}, header = true, all_varchar = true, nullstr = '', quote = '"', escape = '"', delim = ',')`
  );
  const present = new Set(
    (await connection.runAndReadAll("SELECT column_name FROM (DESCRIBE raw)"))
      .getRowObjectsJS()
      .map((row) => (row as { column_name: string }).column_name)
  );
  // A column the file lacks is NULL throughout, as the aggregator reads a missing column.
  // DuckDB would read "4/1/25" as the year 4: only ISO 8601 texts are dates, as FOCUS says.
  // A TIMESTAMP (no zone) holds the UTC wall-clock time, as a FOCUS time without an offset means.
  // An amount or period that is the text NULL is a NULL (a warehouse's typed column has no such text).
  const value = (name: string) => `CASE WHEN upper("${name}") <> 'NULL' THEN "${name}" END`;
  const cast = (name: string, type: string) =>
    type === "TIMESTAMPTZ"
      ? `CAST(CASE WHEN regexp_matches("${name}", '^\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST("${name}" AS ${type}) END AS ${period})`
      : type === "DOUBLE"
        ? `TRY_CAST(${value(name)} AS ${type})`
        : `"${name}"`;
  const columns = TYPED.map(([name, type]) =>
    present.has(name)
      ? `${cast(name, type)} AS ${name}`
      : `CAST(NULL AS ${type === "TIMESTAMPTZ" ? period : type}) AS ${name}`
  );
  const numbers = TYPED.filter(([name, type]) => type === "DOUBLE" && present.has(name)).map(
    ([name]) => `(${value(name)} IS NULL OR TRY_CAST(${value(name)} AS DOUBLE) IS NOT NULL)`
  );
  await connection.runAndReadAll(
    `CREATE OR REPLACE TABLE focus AS SELECT ${columns.join(", ")} FROM raw WHERE ${numbers.join(" AND ") || "TRUE"}`
  );
}

/**
 * The reference query over the table `focus`, started in `zone`, through DuckDB's CSV writer and our
 * reader of it: the setup statement first, as a user runs the rendered text, then the query.
 */
async function runQuery(
  grouping: FocusGrouping,
  zone = SESSION_ZONE,
  tags?: string
): Promise<FocusImport> {
  const { setup, query } = focusQueryParts({ dialect: "duckdb", grouping, tags });
  await connection.runAndReadAll(`SET TimeZone = ${literal(zone)}`);
  await connection.runAndReadAll(setup!);
  const out = path.join(dir, "result.csv");
  await connection.runAndReadAll(`COPY (${query}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
  return readFocusAggregates("result.csv", fs.readFileSync(out, "utf8"), { grouping });
}

async function viaDuckdb(file: string, grouping: FocusGrouping): Promise<FocusImport> {
  await loadFocus(file);
  return runQuery(grouping);
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
    { weight: 1, arbitrary: fc.constantFrom("", "NULL", "null") }
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
  // The text NULL in any case is a missing value, in the import and in the query alike.
  currency: fc.constantFrom("USD", "USD", "EUR", "", "JPY", "NULL"),
  sub: fc.constantFrom("sub-1", "Zürich-Ω", "", 'a "quoted", id', "null", "Null"),
  service: fc.constantFrom("Compute", "Storage", "", "NULL"),
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

describe("the month is ChargePeriodStart's UTC month, whatever the session's zone", () => {
  // Times near month ends: their UTC months, counted independently of both implementations.
  const file = () => path.join(dir, "month-ends.csv");
  const periods = [
    "2024-02-01T03:00:00Z",
    "2024-01-31T23:00:00Z",
    "2024-03-01T00:00:00Z",
    "2024-02-29T23:59:59Z",
    "2024-02-01T08:30:00+09:00",
  ];
  const expected = [
    ["2024-01", 2],
    ["2024-02", 2],
    ["2024-03", 1],
  ];

  beforeAll(() =>
    fs.writeFileSync(
      file(),
      `ChargePeriodStart,BilledCost,EffectiveCost,ListCost,BillingCurrency,ChargeCategory\n${periods
        .map((p) => `${p},1.00,1.00,1.00,USD,Usage`)
        .join("\n")}\n`
    )
  );

  it.each([
    ["TIMESTAMP", "America/Los_Angeles"],
    ["TIMESTAMP", "Asia/Tokyo"],
    ["TIMESTAMPTZ", "America/Los_Angeles"],
    ["TIMESTAMPTZ", "Asia/Tokyo"],
  ])("a %s column, the session in %s before the setup", async (period, zone) => {
    await loadFocus(file(), period);
    const types = (await connection.runAndReadAll("SELECT column_type FROM (DESCRIBE focus)"))
      .getRowObjectsJS()
      .map((row) => (row as { column_type: string }).column_type);
    expect(types[0]).toBe(period === "TIMESTAMP" ? "TIMESTAMP" : "TIMESTAMP WITH TIME ZONE");
    const warehouse = await runQuery({ by: "month" }, zone);
    const streamed = await importFocusFiles([file()], { grouping: { by: "month" } });
    expect(warehouse.aggregates.map((a) => [a.month, a.rows])).toEqual(expected);
    expect(differences(warehouse, streamed)).toEqual([]);
  });
});

describe("Tags stored as a MAP (--tags map), as read_parquet gives a Parquet MAP", () => {
  it("equals the streaming import of the same Parquet file", async () => {
    const csv = path.join(dir, "map-tags.csv");
    const parquet = path.join(dir, "map-tags.parquet");
    const bench = Array.from({ length: 300 }, (_, i) => benchRow(i));
    // The corners of a map: a null value (the group ""), an empty map and no Tags (no group).
    const odd = [
      benchRow(300).replace(/"\{[^\n]*\}"$/, `"{""team"":null,""env"":""dev""}"`),
      benchRow(301).replace(/"\{[^\n]*\}"$/, `"{""env"":""dev""}"`),
      benchRow(302).replace(/"\{[^\n]*\}"$/, "{}"),
      benchRow(303).replace(/"\{[^\n]*\}"$/, ""),
    ];
    odd.forEach((row, i) => expect(row).not.toBe(benchRow(300 + i)));
    fs.writeFileSync(csv, `${FOCUS_1_0_COLUMNS.join(",")}\n${[...bench, ...odd].join("\n")}\n`);
    await csvToParquet(csv, parquet, { tags: "map" });
    await connection.runAndReadAll(
      `CREATE OR REPLACE TABLE focus AS SELECT * FROM read_parquet(${literal(parquet)})`
    );
    const tagsType = (await connection.runAndReadAll("SELECT typeof(Tags) AS t FROM focus LIMIT 1"))
      .getRowObjectsJS()
      .map((row) => (row as { t: string }).t);
    expect(tagsType).toEqual(["MAP(VARCHAR, VARCHAR)"]);
    const grouping: FocusGrouping = { by: "tag", key: "team" };
    const warehouse = await runQuery(grouping, SESSION_ZONE, "map");
    const streamed = await importFocusFiles([parquet], { grouping });
    expect(differences(warehouse, streamed)).toEqual([]);
    expect(warehouse.rowsRead).toBe(304);
    // The null value is the group "", the rows without the key no group at all.
    const groups = new Set(warehouse.aggregates.map((a) => a.group));
    expect(groups).toContain("");
    expect(groups).toContain(null);
  });
});
