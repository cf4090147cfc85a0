import {
  looksLikeAggregates,
  readFocusAggregates,
} from "../../src/domain/focus/focusAggregatesCsv";
import { FocusFileError } from "../../src/domain/focus/focusFileError";
import { FocusGrouping } from "../../src/domain/focus/focusTypes";

// Reading a focus-query result as engines' consoles export it. The DuckDB round trip against the
// streaming aggregator is test/focus/warehouseDuckdb.test.ts; here: the shapes consoles write, the
// figures derived by hand, and every way a file can be wrong, located by line.

const SUMS =
  "billed_cost,effective_cost,list_cost,contracted_cost,commitment_used_cost,commitment_unused_cost,covered_list_cost,on_demand_list_cost,allocated_cost,hubs_list_cost,hubs_total_savings";
const HEADER = `month,billing_currency,row_count,${SUMS},grouped_rows`;

function fails(text: string, grouping?: FocusGrouping): FocusFileError {
  try {
    readFocusAggregates("result.csv", text, { grouping });
  } catch (error) {
    if (error instanceof FocusFileError) return error;
    throw error;
  }
  throw new Error("read without an error");
}

describe("readFocusAggregates", () => {
  it("reads Snowflake's upper-case, quoted export with dates for months and exponents", () => {
    const text =
      '\uFEFF"MONTH","BILLING_CURRENCY","ROW_COUNT",' +
      SUMS.toUpperCase()
        .split(",")
        .map((c) => `"${c}"`)
        .join(",") +
      ',"GROUPED_ROWS"\r\n' +
      '"2026-02-01","EUR","3","1.2E2","100","160","150","40","10","80","20","0","170","6.5e1","0"\r\n' +
      '"2026-01-01 00:00:00.000 Z","USD","2","50","50","50","50","0","0","0","50","0","50","0","0"\r\n';
    const result = readFocusAggregates("result.csv", text);
    expect(result.grouping).toEqual({ by: "month" });
    expect(result.rowsRead).toBe(5);
    expect(result.currencies).toEqual(["EUR", "USD"]);
    expect(result.versions).toEqual([]);
    const [january, february] = result.aggregates;
    expect([january.month, january.currency, february.month, february.currency]).toEqual([
      "2026-01",
      "USD",
      "2026-02",
      "EUR",
    ]);
    // By hand: list 160, effective 100: savings 60, ESR 60/160; contracted 150: negotiated 10;
    // utilisation 40/(40+10); coverage 80/(80+20); hubs 65/170.
    expect(february).toMatchObject({
      rows: 3,
      billedCost: 120,
      totalSavings: 60,
      negotiatedSavings: 10,
      commitmentSavings: 50,
      commitmentUtilisation: 0.8,
      commitmentEligibleCost: 100,
      commitmentCoverage: 0.8,
      allocationCoverage: null,
      group: null,
    });
    expect(february.effectiveSavingsRate).toBeCloseTo(60 / 160, 12);
    expect(february.hubsEffectiveSavingsRate).toBeCloseTo(65 / 170, 12);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: "warning", line: 3, column: "billing_currency" }),
    ]);
  });

  it("tells a tag present with an empty value from no tag by grouped_rows, and sorts as the aggregator", () => {
    const text = [
      `month,tag_value,billing_currency,row_count,${SUMS},grouped_rows`,
      "2026-01,web,USD,1,10,10,10,10,0,0,0,10,10,10,0,1",
      '2026-01,"",USD,2,5,5,5,5,0,0,0,5,5,5,0,2',
      "2026-01,,USD,4,20,20,20,20,0,0,0,20,0,20,0,0",
      "2025-12,NULL,,1,1,1,1,1,0,0,0,1,0,1,0,0",
    ].join("\n");
    const result = readFocusAggregates("result.csv", text, {
      grouping: { by: "tag", key: "team" },
    });
    expect(result.grouping).toEqual({ by: "tag", key: "team" });
    expect(result.aggregates.map((a) => [a.month, a.group, a.currency, a.rows])).toEqual([
      ["2025-12", null, "", 1],
      ["2026-01", null, "USD", 4],
      ["2026-01", "", "USD", 2],
      ["2026-01", "web", "USD", 1],
    ]);
    expect(result.aggregates[3].allocationCoverage).toBe(1);
    expect(result.aggregates[1].allocationCoverage).toBe(0);
  });

  it("reads the grouping from the header", () => {
    const text = [
      `month,service_category,billing_currency,row_count,${SUMS},grouped_rows`,
      "2026-01,Compute,USD,1,1,1,1,1,0,0,0,1,0,1,0,1",
    ].join("\n");
    expect(readFocusAggregates("r.csv", text).grouping).toEqual({ by: "serviceCategory" });
    expect(readFocusAggregates("r.csv", text).aggregates[0].group).toBe("Compute");
  });

  it.each([
    ["", /result.csv is empty/],
    [
      "month,billing_currency\n",
      /lacks the columns row_count, grouped_rows, billed_cost, .*focus-query/,
    ],
    [
      `${HEADER}\n2026-01,USD,1,x,1,1,1,0,0,0,1,0,1,0,0\n`,
      /line 2: billed_cost "x" is not a number/,
    ],
    [
      `${HEADER}\n\n2026-01,USD,1,1,1,1,1,0,0,0,1,0,1,,0\n`,
      /line 3: hubs_total_savings "" is not a number/,
    ],
    [
      `${HEADER}\n2026-13,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\n`,
      /line 2: month "2026-13" is not a month/,
    ],
    [`${HEADER}\n2026-01-15,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\n`, /line 2: month "2026-01-15"/],
    [
      `${HEADER}\n2026-01,USD,1.5,1,1,1,1,0,0,0,1,0,1,0,0\n`,
      /line 2: row_count "1.5" is not a count/,
    ],
    [
      `${HEADER}\n2026-01,USD,1,1,1,1,1,0,0,0,1,0,1,0\n`,
      /line 2: 14 values where the header has 15/,
    ],
    [
      `${HEADER}\n2026-01,USD,2,1,1,1,1,0,0,0,1,0,1,0,1\n`,
      /line 2: grouped_rows 1 is neither 0 nor row_count 2/,
    ],
    [
      `${HEADER}\n2026-01,"USD\nEUR",1,1,1,1,1,0,0,0,1,0,1,0,0\n2026-01,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\n2026-01-01,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\n`,
      /line 5: a second row for 2026-01, currency "USD" \(the first is line 4\)/,
    ],
    [`${HEADER}\n2026-01,"USD,1,1\n`, /line 2: a quoted value is never closed/],
    // What the FOCUS file reader calls malformed is malformed here too (one tokenizer), by its line.
    [
      `${HEADER}\n2026-01,"USD"x,1,1,1,1,1,0,0,0,1,0,1,0,0\n`,
      /result.csv, line 2: a quoted value is followed by other text/,
    ],
    [
      `${HEADER}\r\n2026-01,"US\r\nD",1,1,1,1,1,0,0,0,1,0,1,0,0\r\n2026-02,"EUR" ,1,1,1,1,1,0,0,0,1,0,1,0,0\r\n"2026-03"a,USD\r\n`,
      /result.csv, line 5: a quoted value is followed by other text/,
    ],
  ])("refuses %j", (text, message) => {
    expect(fails(text).message).toMatch(message);
  });

  it("says where a row was bad", () => {
    const error = fails(
      `${HEADER}\r\n2026-01,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\r\n2026-01,USD,1,1,1,1,1,0,0,0,1,0,1,0,0\r\n`
    );
    expect([error.kind, error.file, error.line]).toEqual(["malformed", "result.csv", 3]);
  });

  it("needs the tag key, and a --group-by the result was made with", () => {
    const tagged = `month,tag_value,billing_currency,row_count,${SUMS},grouped_rows\n`;
    expect(fails(tagged).message).toMatch(/say which tag \(import-focus --group-by tag:KEY;/);
    expect(fails(tagged, { by: "subAccount" }).message).toMatch(
      /totals by sub-account were asked for, but the result is grouped by tag_value/
    );
    expect(fails(`${HEADER}\n`, { by: "tag", key: "team" }).message).toMatch(
      /totals by tag:team were asked for, but the result is grouped by month only/
    );
    expect(
      fails(`month,tag_value,sub_account_id,billing_currency,row_count,${SUMS},grouped_rows\n`)
        .message
    ).toMatch(/more than one group column \(tag_value, sub_account_id\)/);
  });
});

describe("looksLikeAggregates", () => {
  it("knows a query result's header from a FOCUS file's", () => {
    expect(looksLikeAggregates(HEADER)).toBe(true);
    expect(
      looksLikeAggregates(`\uFEFF"MONTH","BILLING_CURRENCY","ROW_COUNT","EFFECTIVE_COST"`)
    ).toBe(true);
    expect(
      looksLikeAggregates("BilledCost,BillingCurrency,ChargePeriodStart,EffectiveCost,ListCost")
    ).toBe(false);
    expect(looksLikeAggregates('"month"x,row_count,effective_cost')).toBe(false);
  });
});
