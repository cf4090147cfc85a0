import * as path from "path";
import { FocusImport } from "../../src/domain/focus/focusTypes";
import { importFocusFiles } from "../../src/node/importFocusFiles";

// The FOCUS specification's example scenarios (test/fixtures/focus-spec-examples, CC BY 4.0) with
// figures worked out by hand from the CSVs (docs/FOCUS.md states the rules):
// - purchase rows with EffectiveCost 0 add their BilledCost only (no list or contracted cost);
// - Unused rows add their EffectiveCost but no list or contracted cost (nothing used, nothing saved);
// - coverage = ListCost of Used rows / (that + ListCost of on-demand usage): one basis, the on-demand equivalent;
// - the hubs' figures: every row but prepayments in the list base, row savings max(0, List - Effective);
// - these files have no ContractedCost column: contracted defaults to list.
// Blank lines between rows are not rows.

const dir = path.join(__dirname, "../fixtures/focus-spec-examples");
const read = (file: string): Promise<FocusImport> =>
  importFocusFiles([path.join(dir, file)], { grouping: { by: "month" } });

interface Expected {
  rows: number;
  billed: number;
  effective: number;
  list: number;
  used: number;
  unused: number;
  covered: number;
  eligible: number;
  utilisation: number | null;
  coverage: number | null;
  esr: number | null;
  hubsSavings: number;
  hubsEsr: number | null;
}

const CASES: [string, Expected][] = [
  [
    // Purchase B 2.00 E 0 L 4.00 (left out); two Used usage rows B 0 E 1.00 L 2.00.
    // billed 2; effective 1+1 = 2; list 2+2 = 4; utilisation 2/2; covered = eligible = 4 (list);
    // ESR 1-2/4 = 0.5. Hubs: (2-1)+(2-1) = 2 over list 4 = 0.5.
    "commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_2_resources.csv",
    {
      rows: 3,
      billed: 2,
      effective: 2,
      list: 4,
      used: 2,
      unused: 0,
      covered: 4,
      eligible: 4,
      utilisation: 1,
      coverage: 1,
      esr: 0.5,
      hubsSavings: 2,
      hubsEsr: 0.5,
    },
  ],
  [
    // The commitment bought and entirely unused, plus 2.00 of on-demand usage:
    // Purchase B 1.50 E 0 L 3.00 (left out); Unused B 0 E 1.50 L 3.00 (list left out: nothing was
    // used); on-demand (Standard) B 2 E 2 L 2. billed 1.5+2 = 3.5; effective 1.5+2 = 3.5; list 2;
    // total savings 2-3.5 = -1.50; ESR -1.5/2 = -0.75: the month paid 3.50 for usage listed at 2.00.
    // Utilisation 0/1.5 = 0; covered 0, eligible 0+2: coverage 0.
    // Hubs: the Unused row counts 3-1.5 = 1.50 of savings over list 3+2 = 5: +0.30.
    "commitment_discount_flexibility/zero_percent_utilization_without_commitment_discount_flexibility.csv",
    {
      rows: 3,
      billed: 3.5,
      effective: 3.5,
      list: 2,
      used: 0,
      unused: 1.5,
      covered: 0,
      eligible: 2,
      utilisation: 0,
      coverage: 0,
      esr: -0.75,
      hubsSavings: 1.5,
      hubsEsr: 0.3,
    },
  ],
  [
    // Purchase B 1.50 E 0 L 3.00 (left out); Used B 0 E 1.50 L 3.00. ESR 1-1.5/3 = 0.5; covered =
    // eligible = 3. Hubs: 1.5/3 = 0.5.
    "commitment_discount_flexibility/one_hundred_percent_utilization_without_commitment_discount_flexibility.csv",
    {
      rows: 2,
      billed: 1.5,
      effective: 1.5,
      list: 3,
      used: 1.5,
      unused: 0,
      covered: 3,
      eligible: 3,
      utilisation: 1,
      coverage: 1,
      esr: 0.5,
      hubsSavings: 1.5,
      hubsEsr: 0.5,
    },
  ],
  [
    // Purchase B 0.50 E 0 L 1.00 (left out); Used B 0 E 0.50 L 3.00; on-demand B 2.25 E 2.25 L 2.25.
    // billed 0.5+2.25 = 2.75; effective 0.5+2.25 = 2.75; list 3+2.25 = 5.25; covered 3 (list),
    // eligible 3+2.25 = 5.25: coverage 3/5.25 = 0.5714..; ESR 1-2.75/5.25 = 0.47619..
    // Hubs: (3-0.5) + 0 = 2.5 over 5.25.
    "commitment_discount_flexibility/one_hundred_percent_utilization_with_commitment_discount_flexibility_with_1_resource.csv",
    {
      rows: 3,
      billed: 2.75,
      effective: 2.75,
      list: 5.25,
      used: 0.5,
      unused: 0,
      covered: 3,
      eligible: 5.25,
      utilisation: 1,
      coverage: 3 / 5.25,
      esr: 1 - 2.75 / 5.25,
      hubsSavings: 2.5,
      hubsEsr: 2.5 / 5.25,
    },
  ],
  // The commitment scenarios have no ListCost column: list 0, so no ESR, and coverage (measured at
  // list, the on-demand equivalent) has no basis either.
  ...(
    [
      // One upfront purchase: B 8760.00, E 0.
      ["commitment_discount_purchase_scenario_1.csv", 1, 8760, 0, 0, 0, null],
      // Three recurring purchases of B 1.00, E 0, all starting in January 2023: billed 3.
      ["commitment_discount_purchase_scenario_2.csv", 3, 3, 0, 0, 0, null],
      // Partial upfront: B 4380 + 3 x 0.50 = 4381.5, E 0 (the file's ChargePeriodEnd
      // "2023-02-01T30:00:00Z" is not a valid time, but only ChargePeriodStart is read).
      ["commitment_discount_purchase_scenario_3.csv", 4, 4381.5, 0, 0, 0, null],
      // One Used row E 1.00: utilisation 1.
      ["commitment_discount_usage_scenario_1.csv", 1, 0, 1, 1, 0, 1],
      // One Unused row E 1.00: utilisation 0/1.
      ["commitment_discount_usage_scenario_2.csv", 1, 0, 1, 0, 1, 0],
      // Used E 0.75 and Unused E 0.25: effective 1; utilisation 0.75/1.
      ["commitment_discount_usage_scenario_3.csv", 2, 0, 1, 0.75, 0.25, 0.75],
      // Used E 1.00 and on-demand B 0.50 E 0.50: effective 1.5; utilisation 1.
      ["commitment_discount_usage_scenario_4.csv", 2, 0.5, 1.5, 1, 0, 1],
    ] as const
  ).map(([file, rows, billed, effective, used, unused, utilisation]): [string, Expected] => [
    `commitment_discount_scenarios/${file}`,
    {
      rows,
      billed,
      effective,
      list: 0,
      used,
      unused,
      covered: 0,
      eligible: 0,
      utilisation,
      coverage: null,
      esr: null,
      hubsSavings: 0,
      hubsEsr: null,
    },
  ]),
];

const close = (value: number | null, expected: number | null) =>
  expected === null ? expect(value).toBeNull() : expect(value).toBeCloseTo(expected, 9);

describe("FOCUS specification examples: commitment scenarios (hand-checked)", () => {
  test.each(CASES)("%s", async (file, e) => {
    const result = await read(file);
    expect(result.rowsRead).toBe(e.rows);
    expect(result.rowsSkipped).toBe(0);
    expect(result.aggregates).toHaveLength(1);
    const [a] = result.aggregates;
    expect(a.month).toBe("2023-01");
    expect(a.group).toBeNull();
    // No BillingCurrency column in these files: one unnamed currency, and a warning listing the missing columns.
    expect(a.currency).toBe("");
    expect(result.issues[0]).toMatchObject({ severity: "warning", line: 1 });
    expect(result.issues[0].message).toContain("BillingCurrency");
    expect(result.issues[0].message).toContain("ContractedCost");
    expect(a.rows).toBe(e.rows);
    close(a.billedCost, e.billed);
    close(a.effectiveCost, e.effective);
    close(a.listCost, e.list);
    // No ContractedCost column: contracted defaults to list, so no negotiated savings are invented.
    close(a.contractedCost, e.list);
    close(a.negotiatedSavings, 0);
    close(a.totalSavings, e.list - e.effective);
    close(a.commitmentUsedCost, e.used);
    close(a.commitmentUnusedCost, e.unused);
    close(a.commitmentCoveredCost, e.covered);
    close(a.commitmentEligibleCost, e.eligible);
    close(a.commitmentUtilisation, e.utilisation);
    close(a.commitmentCoverage, e.coverage);
    close(a.effectiveSavingsRate, e.esr);
    close(a.hubsTotalSavings, e.hubsSavings);
    close(a.hubsEffectiveSavingsRate, e.hubsEsr);
  });
});

// The SaaS examples write dates as M/D/YY ("4/1/25") and some amounts as "$50,000.00 ": not FOCUS's
// ISO 8601 dates and decimals, so every row is reported (file, line 2 onwards, ChargePeriodStart) and
// left out. Row counts from the files (non-blank lines minus the header).
const SAAS: [string, number][] = [
  ["saas_examples/virtual_currency_pricing_model_a1.csv", 1],
  ["saas_examples/virtual_currency_pricing_model_a2.csv", 3],
  ["saas_examples/virtual_currency_pricing_model_b1.csv", 1],
  ["saas_examples/virtual_currency_pricing_model_b2.csv", 3],
  ["saas_examples/virtual_currency_pricing_model_b3.csv", 3],
  ["saas_examples/virtual_currency_pricing_model_c.csv", 2],
  ["saas_examples/simple_agreements/simple_saas_agreements_a1.csv", 1],
  ["saas_examples/simple_agreements/simple_saas_agreements_a2.csv", 1],
  ["saas_examples/simple_agreements/simple_saas_agreements_a3.csv", 1],
  ["saas_examples/simple_agreements/simple_saas_agreements_b.csv", 1],
  ["saas_examples/simple_agreements/simple_saas_agreements_c.csv", 3],
  ["saas_examples/spend_agreements/saas_spend_agreements_a1.csv", 4],
  ["saas_examples/spend_agreements/saas_spend_agreements_a2.csv", 13],
  ["saas_examples/spend_agreements/saas_spend_agreements_b1.csv", 5],
  ["saas_examples/spend_agreements/saas_spend_agreements_b2.csv", 14],
];

describe("FOCUS specification examples: SaaS scenarios with non-ISO dates", () => {
  test.each(SAAS)("%s: every row reported and left out", async (file, rows) => {
    const result = await read(file);
    expect(result.rowsRead).toBe(rows);
    expect(result.rowsSkipped).toBe(rows);
    expect(result.aggregates).toEqual([]);
    const errors = result.issues.filter((issue) => issue.severity === "error");
    expect(errors).toHaveLength(rows);
    expect(errors[0]).toMatchObject({ line: 2, column: "ChargePeriodStart" });
    expect(errors[0].file).toContain(path.basename(file));
    expect(errors[0].message).toMatch(/is not an ISO 8601 date/);
  });
});
